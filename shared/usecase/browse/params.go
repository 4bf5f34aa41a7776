package browse

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/videocatalog/catalog/shared/domain"
)

// Bounds of a list request.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
	// MaxWindow bounds page pagination: offsets past it are costly for search
	// engines (Elasticsearch refuses them by default), cursors are not.
	MaxWindow       = 10000
	MaxSearchLength = 200
	MaxCursorLength = 1024
	// MaxFilterIDs bounds each id list of a video filter.
	MaxFilterIDs = 100
)

// ParamError says which request parameter is invalid and why; callers answer
// it as a client error naming Param.
type ParamError struct {
	Param  string
	Reason string
}

func (e *ParamError) Error() string { return fmt.Sprintf("invalid %s: %s", e.Param, e.Reason) }

func paramErr(param, format string, args ...any) *ParamError {
	return &ParamError{Param: param, Reason: fmt.Sprintf(format, args...)}
}

// ListParams selects a page of a list, either by cursor (First, After) or by
// page number (Page, PerPage, 1-based); nil means the parameter was not given.
type ListParams struct {
	Search  string
	Sort    domain.Sort
	First   *int
	After   string
	Page    *int
	PerPage *int
}

// VideoParams selects a page of videos.
type VideoParams struct {
	ListParams
	Filter domain.VideoFilter
	// Facets asks for the counts of the whole query by category, genre, rating and year.
	Facets bool
}

// SortFields lists the fields each kind can be sorted by; SortName is the title for videos.
var SortFields = map[domain.Kind][]domain.SortField{
	domain.KindCategory:   {domain.SortRelevance, domain.SortName, domain.SortCreatedAt, domain.SortUpdatedAt},
	domain.KindGenre:      {domain.SortRelevance, domain.SortName, domain.SortCreatedAt, domain.SortUpdatedAt},
	domain.KindCastMember: {domain.SortRelevance, domain.SortName, domain.SortCreatedAt, domain.SortUpdatedAt},
	domain.KindVideo: {domain.SortRelevance, domain.SortName, domain.SortCreatedAt, domain.SortUpdatedAt,
		domain.SortYearLaunched, domain.SortDuration},
}

func (p ListParams) query(kind domain.Kind) (domain.ListQuery, error) {
	q := domain.ListQuery{Search: p.Search, Sort: p.Sort, After: p.After}
	if n := utf8.RuneCountInString(p.Search); n > MaxSearchLength {
		return q, paramErr("search", "must be at most %d characters, got %d", MaxSearchLength, n)
	}
	if !slices.Contains(SortFields[kind], p.Sort.Field) {
		return q, paramErr("sort", "%s lists cannot be sorted by %q", kind, p.Sort.Field)
	}
	if len(p.After) > MaxCursorLength {
		return q, paramErr("after", "is not a cursor of this list")
	}
	if p.Page != nil || p.PerPage != nil {
		return p.pageQuery(q)
	}
	q.Limit = DefaultPageSize
	if p.First != nil {
		if *p.First < 1 || *p.First > MaxPageSize {
			return q, paramErr("first", "must be between 1 and %d, got %d", MaxPageSize, *p.First)
		}
		q.Limit = *p.First
	}
	return q, nil
}

func (p ListParams) pageQuery(q domain.ListQuery) (domain.ListQuery, error) {
	switch {
	case p.After != "":
		param := "perPage"
		if p.Page != nil {
			param = "page"
		}
		return q, paramErr(param, "cannot be combined with after: use first with after, or page with perPage")
	case p.First != nil:
		return q, paramErr("first", "cannot be combined with page or perPage: use perPage for the page size")
	}
	page, perPage := 1, DefaultPageSize
	if p.PerPage != nil {
		perPage = *p.PerPage
		if perPage < 1 || perPage > MaxPageSize {
			return q, paramErr("perPage", "must be between 1 and %d, got %d", MaxPageSize, perPage)
		}
	}
	if p.Page != nil {
		page = *p.Page
		if page < 1 {
			return q, paramErr("page", "must be at least 1, got %d", page)
		}
	}
	if last := MaxWindow / perPage; page > last {
		return q, paramErr("page", "must be at most %d with perPage %d; use cursor pagination (first, after) to go further", last, perPage)
	}
	q.Limit, q.Offset = perPage, (page-1)*perPage
	return q, nil
}

func (p VideoParams) query() (domain.VideoQuery, error) {
	lq, err := p.ListParams.query(domain.KindVideo)
	if err != nil {
		return domain.VideoQuery{}, err
	}
	if err := checkFilter(p.Filter); err != nil {
		return domain.VideoQuery{}, err
	}
	return domain.VideoQuery{ListQuery: lq, Filter: p.Filter, Facets: p.Facets}, nil
}

func checkFilter(f domain.VideoFilter) error {
	for param, ids := range map[string][]string{
		"filter.categories": f.CategoryIDs, "filter.genres": f.GenreIDs, "filter.castMembers": f.CastMemberIDs,
	} {
		if len(ids) > MaxFilterIDs {
			return paramErr(param, "must list at most %d ids, got %d", MaxFilterIDs, len(ids))
		}
	}
	for _, r := range f.Ratings {
		if !domain.ValidRating(r) {
			return paramErr("filter.rating", "must be one of %v, got %q", domain.Ratings, r)
		}
	}
	if f.YearFrom != nil && f.YearTo != nil && *f.YearFrom > *f.YearTo {
		return paramErr("filter.yearTo", "must not be before yearFrom (%d), got %d", *f.YearFrom, *f.YearTo)
	}
	return nil
}
