package browse

import (
	"time"

	"github.com/videocatalog/catalog/shared/domain"
)

var deletedAt = time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)

// catalog is a small catalog with something of everything clients must not see.
func catalog() *fakeReader {
	return &fakeReader{
		categories: []domain.Category{
			{ID: "films", Name: "Films", Active: true},
			{ID: "docs", Name: "Documentaries", Active: true},
			{ID: "inactive", Name: "Inactive", Active: false},
			{ID: "deleted", Name: "Deleted", Active: true, DeletedAt: &deletedAt},
		},
		genres: []domain.Genre{
			{ID: "drama", Name: "Drama", Active: true, CategoryIDs: []string{"films", "inactive", "nowhere"}},
			{ID: "comedy", Name: "Comedy", Active: true, CategoryIDs: []string{"docs"}},
			{ID: "hidden", Name: "Hidden", Active: false},
		},
		castMembers: []domain.CastMember{
			{ID: "ana", Name: "Ana", Type: domain.Actor},
			{ID: "bob", Name: "Bob", Type: domain.Director},
		},
		videos: []domain.Video{
			{
				ID: "v1", Title: "Alpha", Published: true, Rating: "L", YearLaunched: 2001, Opened: true,
				CategoryIDs: []string{"films", "inactive", "deleted", "nowhere"}, GenreIDs: []string{"drama", "hidden"},
				CastMemberIDs: []string{"bob", "ana", "ghost"},
				VideoMediaID:  "m1", TrailerMediaID: "t1", BannerID: "i1", ThumbnailID: "i2", ThumbnailHalfID: "gone",
			},
			{ID: "v2", Title: "Beta", Published: true, Rating: "12", YearLaunched: 2010,
				CategoryIDs: []string{"docs"}, GenreIDs: []string{"comedy"}, VideoMediaID: "m2"},
			{ID: "v3", Title: "Gamma", Published: true, Rating: "12", YearLaunched: 2010, CategoryIDs: []string{"films", "docs"}},
			{ID: "draft", Title: "Draft", Published: false, CategoryIDs: []string{"films"}, VideoMediaID: "m1"},
		},
		videoMedia: []domain.VideoMedia{
			{ID: "m1", Status: domain.MediaCompleted, EncodedPath: "/videos/v1/main.mpd"},
			{ID: "t1", Status: domain.MediaCompleted, EncodedPath: "videos/v1/trailer file.mpd"},
			{ID: "m2", Status: domain.MediaProcessing},
		},
		imageMedia: []domain.ImageMedia{
			{ID: "i1", FilePath: "/images/banner.jpg"},
			{ID: "i2", FilePath: "images/thumb.jpg"},
		},
	}
}

func ptr[T any](v T) *T { return &v }

func ids[T domain.Entity](items []T) []string {
	out := make([]string, len(items))
	for i, item := range items {
		out[i] = item.EntityID()
	}
	return out
}
