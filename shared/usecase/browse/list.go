package browse

import (
	"context"
	"errors"
	"fmt"

	"github.com/videocatalog/catalog/shared/domain"
)

// ListCategories returns a page of visible categories.
func (s *Service) ListCategories(ctx context.Context, p ListParams) (domain.Page[domain.Category], error) {
	return list(ctx, p, domain.KindCategory, s.reader.ListCategories)
}

// ListGenres returns a page of visible genres; resolve their categories with GenreBatch.
func (s *Service) ListGenres(ctx context.Context, p ListParams) (domain.Page[domain.Genre], error) {
	return list(ctx, p, domain.KindGenre, s.reader.ListGenres)
}

// ListCastMembers returns a page of cast members.
func (s *Service) ListCastMembers(ctx context.Context, p ListParams) (domain.Page[domain.CastMember], error) {
	return list(ctx, p, domain.KindCastMember, s.reader.ListCastMembers)
}

func list[T any](ctx context.Context, p ListParams, kind domain.Kind,
	read func(context.Context, domain.ListQuery) (domain.Page[T], error)) (domain.Page[T], error) {
	q, err := p.query(kind)
	if err != nil {
		return domain.Page[T]{}, err
	}
	page, err := read(ctx, q)
	return page, listErr(kind, q.After, err)
}

// VideoList is a page of published videos and, when asked for, the facets of the whole query.
type VideoList struct {
	domain.Page[domain.Video]
	Facets *Facets
}

// ListVideos returns a page of published videos; resolve their relations with VideoBatch.
func (s *Service) ListVideos(ctx context.Context, p VideoParams) (VideoList, error) {
	q, err := p.query()
	if err != nil {
		return VideoList{}, err
	}
	page, err := s.reader.ListVideos(ctx, q)
	if err != nil {
		return VideoList{}, listErr(domain.KindVideo, q.After, err)
	}
	list := VideoList{Page: page.Page}
	if page.Facets != nil {
		if list.Facets, err = s.resolveFacets(ctx, *page.Facets); err != nil {
			return VideoList{}, err
		}
	}
	return list, nil
}

// listErr turns the store's refusal of a cursor into a ParamError: a cursor
// from another list or query is the client's mistake.
func listErr(kind domain.Kind, after string, err error) error {
	switch {
	case err == nil:
		return nil
	case after != "" && errors.Is(err, domain.ErrInvalid):
		return paramErr("after", "is not a cursor of this list")
	default:
		return fmt.Errorf("browse: list %s: %w", kind, err)
	}
}

// Category returns the visible category id, or domain.ErrNotFound.
func (s *Service) Category(ctx context.Context, id string) (domain.Category, error) {
	return get(ctx, domain.KindCategory, id, s.reader.Categories)
}

// Genre returns the visible genre id, or domain.ErrNotFound.
func (s *Service) Genre(ctx context.Context, id string) (domain.Genre, error) {
	return get(ctx, domain.KindGenre, id, s.reader.Genres)
}

// CastMember returns the cast member id, or domain.ErrNotFound.
func (s *Service) CastMember(ctx context.Context, id string) (domain.CastMember, error) {
	return get(ctx, domain.KindCastMember, id, s.reader.CastMembers)
}

// Video returns the published video id, or domain.ErrNotFound.
func (s *Service) Video(ctx context.Context, id string) (domain.Video, error) {
	return get(ctx, domain.KindVideo, id, s.reader.Videos)
}

func get[T any](ctx context.Context, kind domain.Kind, id string,
	lookup func(context.Context, []string) ([]T, error)) (T, error) {
	var zero T
	// An id no entity can have is not worth a round trip.
	if domain.ValidateID(string(kind), id) != nil {
		return zero, fmt.Errorf("browse: %s %q: %w", kind, id, domain.ErrNotFound)
	}
	found, err := lookup(ctx, []string{id})
	if err != nil {
		return zero, fmt.Errorf("browse: get %s: %w", kind, err)
	}
	if len(found) == 0 {
		return zero, fmt.Errorf("browse: %s %q: %w", kind, id, domain.ErrNotFound)
	}
	return found[0], nil
}
