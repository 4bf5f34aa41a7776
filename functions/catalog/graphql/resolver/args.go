package resolver

import (
	"github.com/videocatalog/catalog/functions/catalog/graphql/model"
	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/usecase/browse"
)

func listParams(search *string, sort domain.Sort, first *int, after *string, page, perPage *int) browse.ListParams {
	return browse.ListParams{Search: deref(search), Sort: sort, First: first, After: deref(after), Page: page, PerPage: perPage}
}

// sortOf reads a sort argument; a *model.VideoSort converts to its argument,
// the two input types having the same fields.
func sortOf(s *model.Sort) domain.Sort {
	if s == nil {
		return domain.Sort{}
	}
	return domain.Sort{Field: s.Field, Desc: isDesc(s.Direction)}
}

func isDesc(d *model.SortDirection) bool { return d != nil && *d == model.SortDirectionDesc }

func filterOf(f *model.VideoFilter) domain.VideoFilter {
	if f == nil {
		return domain.VideoFilter{}
	}
	filter := domain.VideoFilter{
		CategoryIDs: f.Categories, GenreIDs: f.Genres, CastMemberIDs: f.CastMembers,
		YearLaunched: f.YearLaunched, YearFrom: f.YearFrom, YearTo: f.YearTo, Opened: f.Opened,
	}
	for _, r := range f.Rating {
		filter.Ratings = append(filter.Ratings, r.Domain())
	}
	return filter
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// nonZero is nil for the zero value, which the domain uses for "none".
func nonZero[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}
