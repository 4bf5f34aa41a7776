package elasticsearch

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"github.com/videocatalog/catalog/shared/domain"
)

// facetSize bounds the values a facet counts; far above the catalog's categories, genres, ratings and years.
const facetSize = 10000

func (s *Store) ListCategories(ctx context.Context, q domain.ListQuery) (domain.Page[domain.Category], error) {
	p, _, err := list[domain.Category](ctx, s, domain.KindCategory, q, nil, false)
	return p, err
}

func (s *Store) ListGenres(ctx context.Context, q domain.ListQuery) (domain.Page[domain.Genre], error) {
	p, _, err := list[domain.Genre](ctx, s, domain.KindGenre, q, nil, false)
	return p, err
}

func (s *Store) ListCastMembers(ctx context.Context, q domain.ListQuery) (domain.Page[domain.CastMember], error) {
	p, _, err := list[domain.CastMember](ctx, s, domain.KindCastMember, q, nil, false)
	return p, err
}

// facetFields maps each facet to the field its terms aggregation counts.
var facetFields = map[string]string{
	"categories": "categories",
	"genres":     "genres",
	"ratings":    fieldDoc + ".rating",
	"years":      fieldDoc + ".year_launched",
}

func (s *Store) ListVideos(ctx context.Context, q domain.VideoQuery) (domain.VideoPage, error) {
	p, aggs, err := list[domain.Video](ctx, s, domain.KindVideo, q.ListQuery, videoFilters(q.Filter), q.Facets)
	if err != nil {
		return domain.VideoPage{}, err
	}
	out := domain.VideoPage{Page: p}
	if q.Facets {
		out.Facets = &domain.Facets{
			Categories: facetCounts(aggs, "categories"),
			Genres:     facetCounts(aggs, "genres"),
			Ratings:    facetCounts(aggs, "ratings"),
			Years:      facetCounts(aggs, "years"),
		}
	}
	return out, nil
}

// listRequest is the search body of one page of visible documents of kind.
func listRequest(kind domain.Kind, q domain.ListQuery, filters []obj, facets bool) (obj, order, error) {
	if q.Limit < 0 || q.Offset < 0 || (q.After != "" && q.Offset != 0) {
		return nil, order{}, fmt.Errorf("list limit %d offset %d after %q: %w", q.Limit, q.Offset, q.After, domain.ErrInvalid)
	}
	match := searchQuery(kind, q.Search)
	o, err := sortOrder(kind, q.Sort, match != nil)
	if err != nil {
		return nil, o, err
	}
	filter := append([]obj{term(fieldKind, string(kind)), term(fieldDoc+".visible", true)}, filters...)
	boolQuery := obj{"filter": filter}
	if match != nil {
		boolQuery["must"] = match
	}
	body := obj{
		"query": obj{"bool": boolQuery},
		// One more than asked tells whether a next page exists.
		"size":             q.Limit + 1,
		"sort":             o.sort,
		"track_total_hits": true,
	}
	if q.Offset > 0 {
		body["from"] = q.Offset
	}
	if q.After != "" {
		after, err := decodeCursor(q.After, o)
		if err != nil {
			return nil, o, err
		}
		body["search_after"] = after
	}
	if facets {
		aggs := obj{}
		for name, field := range facetFields {
			aggs[name] = obj{"terms": obj{
				"field": field, "size": facetSize,
				"order": []obj{{"_count": "desc"}, {"_key": "asc"}},
			}}
		}
		body["aggs"] = aggs
	}
	return body, o, nil
}

// list runs one page of visible documents of kind matching the search and filters.
//
// The whole _source comes back, unfiltered and without filter_path: measured
// on the CI node, _source includes cost ~0.2 ms a page (Elasticsearch parses
// and rebuilds each hit's source) against the raw copy of the stored bytes,
// and filter_path ~0.05 ms; the fields the page does not need (rels,
// positions, doc) are skipped by the typed decoding below.
func list[E domain.Entity](ctx context.Context, s *Store, kind domain.Kind, q domain.ListQuery, filters []obj, facets bool) (domain.Page[E], aggregations, error) {
	var page domain.Page[E]
	body, o, err := listRequest(kind, q, filters, facets)
	if err != nil {
		return page, nil, err
	}
	if err := s.bulk.refresh.fresh(ctx); err != nil {
		return page, nil, err
	}
	var res listResult[E]
	if err := s.c.do(ctx, "POST", "/"+s.names.Alias()+"/_search", nil, body, &res); err != nil {
		return page, nil, unavailable("list "+string(kind), err)
	}
	hits := res.Hits.Hits
	if page.HasNext = len(hits) > q.Limit; page.HasNext {
		hits = hits[:q.Limit]
	}
	page.Items = make([]E, 0, len(hits))
	page.Cursors = make([]string, 0, len(hits))
	for i := range hits {
		h := &hits[i]
		page.Items = append(page.Items, h.Source.entity())
		page.Cursors = append(page.Cursors, encodeCursor(o.name, h.Sort))
	}
	page.Total = res.Hits.Total.Value
	return page, res.Aggregations, nil
}

// listResult is the part of a list response the store reads: rows decode
// straight into their entity type (the query matched their kind).
type listResult[E domain.Entity] struct {
	Hits struct {
		Total struct {
			Value int `json:"value"`
		} `json:"total"`
		Hits []struct {
			Source listSource[E]     `json:"_source"`
			Sort   []json.RawMessage `json:"sort"`
		} `json:"hits"`
	} `json:"hits"`
	Aggregations aggregations `json:"aggregations"`
}

type listSource[E domain.Entity] struct {
	Row         E        `json:"row"`
	Categories  []string `json:"categories"`
	Genres      []string `json:"genres"`
	CastMembers []string `json:"cast_members"`
}

// entity is the row with its relation ids filled, as source.entity does.
func (s *listSource[E]) entity() E {
	switch e := any(&s.Row).(type) {
	case *domain.Genre:
		e.CategoryIDs = s.Categories
	case *domain.Video:
		e.CategoryIDs, e.GenreIDs, e.CastMemberIDs = s.Categories, s.Genres, s.CastMembers
	}
	return s.Row
}

type aggregations map[string]struct {
	Buckets []struct {
		Key   json.RawMessage `json:"key"`
		Count int             `json:"doc_count"`
	} `json:"buckets"`
}

// order is a sort, the name cursors carry, and which of its values are numbers.
type order struct {
	sort    []obj
	name    string
	numeric []bool
}

// sortOrder returns the order for sort, ties by id. Relevance is best first
// whatever Desc says, and without a search it is the default order, name ascending.
func sortOrder(kind domain.Kind, sort domain.Sort, searching bool) (order, error) {
	byID := obj{fieldID: "asc"}
	if sort.Field == domain.SortRelevance {
		if searching {
			return order{sort: []obj{{"_score": "desc"}, byID}, name: string(kind) + ":score", numeric: []bool{true, false}}, nil
		}
		sort = domain.Sort{Field: domain.SortName}
	}
	dir := "asc"
	if sort.Desc {
		dir = "desc"
	}
	var field string
	numeric := true
	switch sort.Field {
	case domain.SortName:
		field, numeric = fieldDoc+".name.sort", false
	case domain.SortCreatedAt:
		field = fieldDoc + ".created_at"
	case domain.SortUpdatedAt:
		field = fieldDoc + ".updated_at"
	case domain.SortYearLaunched, domain.SortDuration:
		if kind != domain.KindVideo {
			return order{}, fmt.Errorf("sort %s by %q: %w", kind, sort.Field, domain.ErrInvalid)
		}
		field = fieldDoc + "." + string(sort.Field)
	default:
		return order{}, fmt.Errorf("sort by %q: %w", sort.Field, domain.ErrInvalid)
	}
	// A video without a year sorts as the smallest one, as year 0 would.
	missing := "_first"
	if sort.Desc {
		missing = "_last"
	}
	by := obj{field: obj{"order": dir, "missing": missing}}
	return order{
		sort:    []obj{by, byID},
		name:    fmt.Sprintf("%s:%s:%t", kind, sort.Field, sort.Desc),
		numeric: []bool{numeric, false},
	}, nil
}

// searchQuery matches text in the kind's searched fields, or is nil when text
// holds no words: folded words tolerating one typo (fuzziness AUTO), their
// Portuguese and English stems, and the words as typed so far
// (search_as_you_type, the last one a prefix). A video's title weighs more
// than its description; other kinds search their name only.
func searchQuery(kind domain.Kind, text string) obj {
	if strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return nil
	}
	folded := []string{"doc.name^3"}
	stemmed := []string{"doc.name.pt^2", "doc.name.en^2"}
	if kind == domain.KindVideo {
		folded = append(folded, "doc.description")
		stemmed = append(stemmed, "doc.description.pt", "doc.description.en")
	}
	return obj{"bool": obj{
		"should": []obj{
			{"multi_match": obj{"query": text, "fields": folded, "fuzziness": "AUTO", "prefix_length": 1}},
			{"multi_match": obj{"query": text, "fields": stemmed}},
			{"multi_match": obj{"query": text, "type": "bool_prefix",
				"fields": []string{"doc.name.sayt^2", "doc.name.sayt._2gram^2", "doc.name.sayt._3gram^2"}}},
		},
		"minimum_should_match": 1,
	}}
}

func videoFilters(f domain.VideoFilter) []obj {
	var qs []obj
	anyOf := func(field string, values []string) {
		if len(values) > 0 {
			qs = append(qs, obj{"terms": obj{field: values}})
		}
	}
	anyOf(domain.VideoCategories.Name, f.CategoryIDs)
	anyOf(domain.VideoGenres.Name, f.GenreIDs)
	anyOf(domain.VideoCastMembers.Name, f.CastMemberIDs)
	ratings := make([]string, len(f.Ratings))
	for i, r := range f.Ratings {
		ratings[i] = string(r)
	}
	anyOf(fieldDoc+".rating", ratings)
	year := obj{}
	if f.YearLaunched != nil {
		year["gte"], year["lte"] = *f.YearLaunched, *f.YearLaunched
		qs = append(qs, obj{"range": obj{fieldDoc + ".year_launched": year}})
	}
	if f.YearFrom != nil || f.YearTo != nil {
		r := obj{}
		if f.YearFrom != nil {
			r["gte"] = *f.YearFrom
		}
		if f.YearTo != nil {
			r["lte"] = *f.YearTo
		}
		qs = append(qs, obj{"range": obj{fieldDoc + ".year_launched": r}})
	}
	if f.Opened != nil {
		qs = append(qs, term(fieldDoc+".opened", *f.Opened))
	}
	return qs
}

// facetCounts reads a terms aggregation: most frequent first, ties by value, as requested.
func facetCounts(aggs aggregations, name string) []domain.FacetCount {
	var out []domain.FacetCount
	for _, b := range aggs[name].Buckets {
		value := string(b.Key)
		var str string
		if json.Unmarshal(b.Key, &str) == nil {
			value = str
		}
		out = append(out, domain.FacetCount{Value: value, Count: b.Count})
	}
	return out
}
