package browse

import (
	"context"

	"github.com/videocatalog/catalog/shared/domain"
)

// VideoRelations is everything a video refers to, resolved to what clients may see.
type VideoRelations struct {
	Categories []domain.Category
	Genres     []domain.Genre
	// GenreCategories holds the visible categories of each of Genres, by genre id.
	GenreCategories map[string][]domain.Category
	CastMembers     []domain.CastMember
	// VideoFile and Trailer are nil when the video has none.
	VideoFile, Trailer *domain.VideoMedia
	Images             Images
}

// ResolveVideos resolves every relation of videos, by video id, with one store
// round trip per related kind whatever the number of videos. Callers that need
// only some relations use VideoBatch, which loads only what is asked for.
func (s *Service) ResolveVideos(ctx context.Context, videos []domain.Video) (map[string]VideoRelations, error) {
	b := s.VideoBatch(videos)
	out := make(map[string]VideoRelations, len(videos))
	for _, v := range videos {
		var rel VideoRelations
		var err error
		if rel.Categories, err = b.Categories(ctx, v); err != nil {
			return nil, err
		}
		if rel.Genres, err = b.Genres(ctx, v); err != nil {
			return nil, err
		}
		rel.GenreCategories = make(map[string][]domain.Category, len(rel.Genres))
		for _, g := range rel.Genres {
			if rel.GenreCategories[g.ID], err = b.GenreBatch().Categories(ctx, g); err != nil {
				return nil, err
			}
		}
		if rel.CastMembers, err = b.CastMembers(ctx, v); err != nil {
			return nil, err
		}
		if rel.VideoFile, rel.Trailer, err = b.Files(ctx, v); err != nil {
			return nil, err
		}
		if rel.Images, err = b.Images(ctx, v); err != nil {
			return nil, err
		}
		out[v.ID] = rel
	}
	return out, nil
}

// ResolveGenres returns the visible categories of each genre, by genre id, in one store round trip.
func (s *Service) ResolveGenres(ctx context.Context, genres []domain.Genre) (map[string][]domain.Category, error) {
	b := s.GenreBatch(genres)
	out := make(map[string][]domain.Category, len(genres))
	for _, g := range genres {
		categories, err := b.Categories(ctx, g)
		if err != nil {
			return nil, err
		}
		out[g.ID] = categories
	}
	return out, nil
}
