package rest

import (
	"time"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/usecase/browse"
)

// The views are the JSON of openapi.json's schemas: lists are never null,
// absent values are null rather than empty strings.

type categoryView struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Description string    `json:"description"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

type genreView struct {
	ID         string         `json:"id"`
	Name       string         `json:"name"`
	Categories []categoryView `json:"categories"`
	CreatedAt  time.Time      `json:"created_at"`
	UpdatedAt  time.Time      `json:"updated_at"`
}

type castMemberView struct {
	ID        string                `json:"id"`
	Name      string                `json:"name"`
	Type      domain.CastMemberType `json:"type"`
	CreatedAt time.Time             `json:"created_at"`
	UpdatedAt time.Time             `json:"updated_at"`
}

type mediaView struct {
	Status domain.MediaStatus `json:"status"`
}

type videoView struct {
	ID               string           `json:"id"`
	Title            string           `json:"title"`
	Description      string           `json:"description"`
	YearLaunched     *int             `json:"year_launched"`
	Opened           bool             `json:"opened"`
	Rating           *domain.Rating   `json:"rating"`
	Duration         float64          `json:"duration"`
	CreatedAt        time.Time        `json:"created_at"`
	UpdatedAt        time.Time        `json:"updated_at"`
	Categories       []categoryView   `json:"categories"`
	Genres           []genreView      `json:"genres"`
	CastMembers      []castMemberView `json:"cast_members"`
	BannerURL        *string          `json:"banner_url"`
	ThumbnailURL     *string          `json:"thumbnail_url"`
	ThumbnailHalfURL *string          `json:"thumbnail_half_url"`
	Video            *mediaView       `json:"video"`
	Trailer          *mediaView       `json:"trailer"`
}

type playbackView struct {
	VideoURL   string     `json:"video_url"`
	TrailerURL *string    `json:"trailer_url"`
	ExpiresAt  *time.Time `json:"expires_at"`
}

type document[T any] struct {
	Data T `json:"data"`
}

type listDocument[T, M any] struct {
	Data []T `json:"data"`
	Meta M   `json:"meta"`
}

type listMeta struct {
	Page       *int    `json:"page"`
	PerPage    int     `json:"per_page"`
	Total      int     `json:"total"`
	NextCursor *string `json:"next_cursor"`
}

type videoListMeta struct {
	listMeta
	Facets *facetsView `json:"facets"`
}

type facetsView struct {
	Categories []entityCount `json:"categories"`
	Genres     []entityCount `json:"genres"`
	Ratings    []ratingCount `json:"ratings"`
	Years      []yearCount   `json:"years"`
}

type entityCount struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Count int    `json:"count"`
}

type ratingCount struct {
	Rating domain.Rating `json:"rating"`
	Count  int           `json:"count"`
}

type yearCount struct {
	Year  int `json:"year"`
	Count int `json:"count"`
}

func categoryOf(c domain.Category) categoryView {
	return categoryView{ID: c.ID, Name: c.Name, Description: c.Description, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
}

func genreOf(g domain.Genre, categories []domain.Category) genreView {
	return genreView{ID: g.ID, Name: g.Name, Categories: each(categories, categoryOf), CreatedAt: g.CreatedAt, UpdatedAt: g.UpdatedAt}
}

func castMemberOf(c domain.CastMember) castMemberView {
	return castMemberView{ID: c.ID, Name: c.Name, Type: c.Type, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
}

func videoOf(v domain.Video, rel browse.VideoRelations) videoView {
	view := videoView{
		ID: v.ID, Title: v.Title, Description: v.Description, Opened: v.Opened, Duration: v.Duration,
		CreatedAt: v.CreatedAt, UpdatedAt: v.UpdatedAt,
		Categories:       each(rel.Categories, categoryOf),
		CastMembers:      each(rel.CastMembers, castMemberOf),
		BannerURL:        optional(rel.Images.Banner),
		ThumbnailURL:     optional(rel.Images.Thumbnail),
		ThumbnailHalfURL: optional(rel.Images.ThumbnailHalf),
		Video:            mediaOf(rel.VideoFile),
		Trailer:          mediaOf(rel.Trailer),
	}
	view.Genres = make([]genreView, len(rel.Genres))
	for i, g := range rel.Genres {
		view.Genres[i] = genreOf(g, rel.GenreCategories[g.ID])
	}
	if v.YearLaunched != 0 {
		view.YearLaunched = &v.YearLaunched
	}
	if v.Rating != "" {
		view.Rating = &v.Rating
	}
	return view
}

func mediaOf(m *domain.VideoMedia) *mediaView {
	if m == nil {
		return nil
	}
	return &mediaView{Status: m.Status}
}

func playbackOf(p browse.Playback) playbackView {
	view := playbackView{VideoURL: p.VideoURL, TrailerURL: optional(p.TrailerURL)}
	if !p.ExpiresAt.IsZero() {
		view.ExpiresAt = &p.ExpiresAt
	}
	return view
}

func facetsOf(f *browse.Facets) *facetsView {
	if f == nil {
		return nil
	}
	return &facetsView{
		Categories: each(f.Categories, func(c browse.CategoryFacet) entityCount {
			return entityCount{ID: c.Category.ID, Name: c.Category.Name, Count: c.Count}
		}),
		Genres: each(f.Genres, func(g browse.GenreFacet) entityCount {
			return entityCount{ID: g.Genre.ID, Name: g.Genre.Name, Count: g.Count}
		}),
		Ratings: each(f.Ratings, func(r browse.RatingFacet) ratingCount {
			return ratingCount{Rating: r.Rating, Count: r.Count}
		}),
		Years: each(f.Years, func(y browse.YearFacet) yearCount {
			return yearCount{Year: y.Year, Count: y.Count}
		}),
	}
}

// metaOf describes a page of a list paginated as pg.
func metaOf[T any](p domain.Page[T], pg page) listMeta {
	meta := listMeta{Page: pg.number, PerPage: pg.perPage, Total: p.Total}
	if p.HasNext && len(p.Cursors) > 0 {
		meta.NextCursor = &p.Cursors[len(p.Cursors)-1]
	}
	return meta
}

// each maps items to a list that is never nil, so that it encodes as [].
func each[T, V any](items []T, f func(T) V) []V {
	out := make([]V, len(items))
	for i, item := range items {
		out[i] = f(item)
	}
	return out
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
