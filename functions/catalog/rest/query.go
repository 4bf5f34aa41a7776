package rest

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/usecase/browse"
)

// Query parameters of the list endpoints.
var (
	listParams      = []string{"search", "page", "per_page", "sort", "direction", "cursor"}
	videoListParams = append(slices.Clip(listParams),
		"categories", "genres", "cast_members", "rating", "year_launched", "year_from", "year_to", "opened", "facets")
)

// badParam is a parameter this layer refuses; its name is already this API's.
type badParam struct {
	name, reason string
}

func (e *badParam) Error() string { return e.name + " " + e.reason }

// query is the parameters of a request once known to be allowed and single.
// An empty value counts as absent, as forms send unfilled fields that way.
type query map[string]string

// readQuery refuses unknown and repeated parameters: a typo that silently
// widens a list is harder to notice than a 400 naming it.
func readQuery(raw string, allowed []string) (query, error) {
	values, err := url.ParseQuery(raw)
	if err != nil {
		return nil, &badParam{name: "query", reason: "is not a valid URL query: " + err.Error()}
	}
	q := query{}
	for _, name := range slices.Sorted(maps.Keys(values)) {
		switch {
		case !slices.Contains(allowed, name):
			return nil, unknownParam(name, allowed)
		case len(values[name]) > 1:
			return nil, &badParam{name: name, reason: "must be given once; list ids as comma-separated values"}
		case values[name][0] != "":
			q[name] = values[name][0]
		}
	}
	return q, nil
}

func unknownParam(name string, allowed []string) error {
	if len(allowed) == 0 {
		return &badParam{name: name, reason: "is not a parameter of this endpoint, which takes none"}
	}
	return &badParam{name: name, reason: "is not a parameter of this endpoint; use one of " + strings.Join(allowed, ", ")}
}

func (q query) integer(name string, err *error) *int {
	s, ok := q[name]
	if !ok || *err != nil {
		return nil
	}
	n, convErr := strconv.Atoi(s)
	if convErr != nil {
		*err = &badParam{name: name, reason: fmt.Sprintf("must be an integer, got %q", s)}
		return nil
	}
	return &n
}

func (q query) boolean(name string, err *error) *bool {
	s, ok := q[name]
	if !ok || *err != nil {
		return nil
	}
	if s != "true" && s != "false" {
		*err = &badParam{name: name, reason: fmt.Sprintf("must be true or false, got %q", s)}
		return nil
	}
	b := s == "true"
	return &b
}

// ids reads a comma-separated id list. An id no entity can have is refused
// rather than matched against nothing, to surface broken links early.
func (q query) ids(name string, err *error) []string {
	s, ok := q[name]
	if !ok || *err != nil {
		return nil
	}
	ids := strings.Split(s, ",")
	for _, id := range ids {
		if domain.ValidateID(name, id) != nil {
			*err = &badParam{name: name, reason: fmt.Sprintf("must be comma-separated ids of [0-9A-Za-z_-], got %q", id)}
			return nil
		}
	}
	return ids
}

// The sort values of each list, mapped to the store's fields.
var (
	sortByName = map[string]domain.SortField{
		"relevance": domain.SortRelevance, "name": domain.SortName,
		"created_at": domain.SortCreatedAt, "updated_at": domain.SortUpdatedAt,
	}
	sortVideos = map[string]domain.SortField{
		"relevance": domain.SortRelevance, "title": domain.SortName,
		"created_at": domain.SortCreatedAt, "updated_at": domain.SortUpdatedAt,
		"year_launched": domain.SortYearLaunched, "duration": domain.SortDuration,
	}
)

// page is how a list request paginates, kept to describe the answer.
type page struct {
	number  *int // nil with cursor pagination
	perPage int
}

// list reads the parameters every list takes.
func (q query) list(sorts map[string]domain.SortField) (browse.ListParams, page, error) {
	var err error
	p := browse.ListParams{Search: q["search"], After: q["cursor"]}
	number, perPage := q.integer("page", &err), q.integer("per_page", &err)
	if err != nil {
		return p, page{}, err
	}
	if s, ok := q["sort"]; ok {
		field, known := sorts[s]
		if !known {
			return p, page{}, &badParam{name: "sort", reason: fmt.Sprintf("must be one of %s, got %q", strings.Join(slices.Sorted(maps.Keys(sorts)), ", "), s)}
		}
		p.Sort.Field = field
	}
	switch q["direction"] {
	case "", "asc":
	case "desc":
		p.Sort.Desc = true
	default:
		return p, page{}, &badParam{name: "direction", reason: fmt.Sprintf("must be asc or desc, got %q", q["direction"])}
	}
	pg := page{perPage: browse.DefaultPageSize}
	if perPage != nil {
		pg.perPage = *perPage
	}
	if p.After != "" {
		if number != nil {
			return p, page{}, &badParam{name: "page", reason: "cannot be combined with cursor, which already says where the page starts"}
		}
		p.First = perPage
		return p, pg, nil
	}
	p.Page, p.PerPage = number, perPage
	pg.number = new(1)
	if number != nil {
		pg.number = number
	}
	return p, pg, nil
}

func (q query) videoFilter() (domain.VideoFilter, error) {
	var err error
	f := domain.VideoFilter{
		CategoryIDs:   q.ids("categories", &err),
		GenreIDs:      q.ids("genres", &err),
		CastMemberIDs: q.ids("cast_members", &err),
		YearLaunched:  q.integer("year_launched", &err),
		YearFrom:      q.integer("year_from", &err),
		YearTo:        q.integer("year_to", &err),
		Opened:        q.boolean("opened", &err),
	}
	if s, ok := q["rating"]; ok {
		for _, r := range strings.Split(s, ",") {
			f.Ratings = append(f.Ratings, domain.Rating(r))
		}
	}
	return f, err
}
