package browse

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/videocatalog/catalog/shared/domain"
)

// VideoBatch resolves the relations of a set of videos, typically one page.
// Each related kind costs one store round trip for the whole set, made on
// first use, so a page costs the same number of round trips whatever its size
// and only for the relations a client asks for. Methods taking a video expect
// one of the batch's videos. A VideoBatch is safe for concurrent use.
type VideoBatch struct {
	svc         *Service
	videos      []domain.Video
	categories  lazy[map[string]domain.Category]
	genres      lazy[map[string]domain.Genre]
	castMembers lazy[map[string]domain.CastMember]
	files       lazy[map[string]domain.VideoMedia]
	images      lazy[map[string]domain.ImageMedia]
	genreBatch  *GenreBatch
}

// VideoBatch returns a batch over videos.
func (s *Service) VideoBatch(videos []domain.Video) *VideoBatch {
	b := &VideoBatch{svc: s, videos: videos}
	b.genreBatch = &GenreBatch{svc: s, genres: func(ctx context.Context) ([]domain.Genre, error) {
		found, err := b.loadGenres(ctx)
		return slices.Collect(maps.Values(found)), err
	}}
	return b
}

// Categories returns the visible categories of v.
func (b *VideoBatch) Categories(ctx context.Context, v domain.Video) ([]domain.Category, error) {
	found, err := b.categories.get(ctx, func(ctx context.Context) (map[string]domain.Category, error) {
		return related(ctx, b.videos, "categories", func(v domain.Video) []string { return v.CategoryIDs },
			b.svc.reader.Categories, domain.Category.EntityID)
	})
	return pick(found, v.CategoryIDs), err
}

// Genres returns the visible genres of v; resolve their categories with GenreBatch.
func (b *VideoBatch) Genres(ctx context.Context, v domain.Video) ([]domain.Genre, error) {
	found, err := b.loadGenres(ctx)
	return pick(found, v.GenreIDs), err
}

func (b *VideoBatch) loadGenres(ctx context.Context) (map[string]domain.Genre, error) {
	return b.genres.get(ctx, func(ctx context.Context) (map[string]domain.Genre, error) {
		return related(ctx, b.videos, "genres", func(v domain.Video) []string { return v.GenreIDs },
			b.svc.reader.Genres, domain.Genre.EntityID)
	})
}

// GenreBatch resolves the categories of every genre of the batch's videos at once.
func (b *VideoBatch) GenreBatch() *GenreBatch { return b.genreBatch }

// CastMembers returns the cast members of v.
func (b *VideoBatch) CastMembers(ctx context.Context, v domain.Video) ([]domain.CastMember, error) {
	found, err := b.castMembers.get(ctx, func(ctx context.Context) (map[string]domain.CastMember, error) {
		return related(ctx, b.videos, "cast members", func(v domain.Video) []string { return v.CastMemberIDs },
			b.svc.reader.CastMembers, domain.CastMember.EntityID)
	})
	return pick(found, v.CastMemberIDs), err
}

// Files returns the video file and the trailer of v, nil where v has none.
func (b *VideoBatch) Files(ctx context.Context, v domain.Video) (video, trailer *domain.VideoMedia, err error) {
	found, err := b.files.get(ctx, func(ctx context.Context) (map[string]domain.VideoMedia, error) {
		return related(ctx, b.videos, "video media", func(v domain.Video) []string { return []string{v.VideoMediaID, v.TrailerMediaID} },
			b.svc.reader.VideoMedia, domain.VideoMedia.EntityID)
	})
	return ref(found, v.VideoMediaID), ref(found, v.TrailerMediaID), err
}

// Images returns the image URLs of v.
func (b *VideoBatch) Images(ctx context.Context, v domain.Video) (Images, error) {
	found, err := b.images.get(ctx, func(ctx context.Context) (map[string]domain.ImageMedia, error) {
		return related(ctx, b.videos, "image media", func(v domain.Video) []string { return []string{v.BannerID, v.ThumbnailID, v.ThumbnailHalfID} },
			b.svc.reader.ImageMedia, domain.ImageMedia.EntityID)
	})
	url := func(id string) string {
		if m, ok := found[id]; ok && m.FilePath != "" {
			return b.svc.mediaURL(m.FilePath)
		}
		return ""
	}
	return Images{Banner: url(v.BannerID), Thumbnail: url(v.ThumbnailID), ThumbnailHalf: url(v.ThumbnailHalfID)}, err
}

// Playback returns the playback URLs of v, or a *NotReadyError.
func (b *VideoBatch) Playback(ctx context.Context, v domain.Video) (Playback, error) {
	video, trailer, err := b.Files(ctx, v)
	if err != nil {
		return Playback{}, err
	}
	return b.svc.playback(video, trailer)
}

// related looks up in one round trip the entities of one kind that any of videos refers to.
func related[T any](ctx context.Context, videos []domain.Video, kind string, idsOf func(domain.Video) []string,
	lookup func(context.Context, []string) ([]T, error), idOf func(T) string) (map[string]T, error) {
	var ids []string
	for _, v := range videos {
		ids = append(ids, idsOf(v)...)
	}
	found, err := byID(ctx, ids, lookup, idOf)
	if err != nil {
		return nil, fmt.Errorf("browse: %s of videos: %w", kind, err)
	}
	return found, nil
}

func ref[T any](found map[string]T, id string) *T {
	if item, ok := found[id]; ok {
		return &item
	}
	return nil
}
