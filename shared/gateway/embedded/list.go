package embedded

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

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

func (s *Store) ListVideos(ctx context.Context, q domain.VideoQuery) (domain.VideoPage, error) {
	p, res, err := list[domain.Video](ctx, s, domain.KindVideo, q.ListQuery, videoFilters(q.Filter), q.Facets)
	if err != nil {
		return domain.VideoPage{}, err
	}
	out := domain.VideoPage{Page: p}
	if q.Facets {
		out.Facets = &domain.Facets{
			Categories: facetCounts(res.Facets[domain.VideoCategories.Name]),
			Genres:     facetCounts(res.Facets[domain.VideoGenres.Name]),
			Ratings:    facetCounts(res.Facets[fieldRating]),
			Years:      facetCounts(res.Facets[fieldYearTerm]),
		}
	}
	return out, nil
}

// list runs one page of visible documents of kind matching the search and filters.
func list[E domain.Entity](ctx context.Context, s *Store, kind domain.Kind, q domain.ListQuery, filters []query.Query, facets bool) (domain.Page[E], *bleve.SearchResult, error) {
	var page domain.Page[E]
	if q.Limit < 0 || q.Offset < 0 || (q.After != "" && q.Offset != 0) {
		return page, nil, fmt.Errorf("list limit %d offset %d after %q: %w", q.Limit, q.Offset, q.After, domain.ErrInvalid)
	}
	match, err := s.searchQuery(kind, q.Search)
	if err != nil {
		return page, nil, err
	}
	sort, order, err := sortOrder(kind, q.Sort, match != nil)
	if err != nil {
		return page, nil, err
	}
	conjuncts := append([]query.Query{term(fieldKind, string(kind)), term(fieldStatus, statusVisible)}, filters...)
	if match != nil {
		conjuncts = append(conjuncts, match)
	}
	// One more than asked tells whether a next page exists.
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(conjuncts...), q.Limit+1, q.Offset, false)
	req.Sort = sort
	req.Fields = []string{fieldState}
	if match == nil {
		req.Score = "none"
	}
	if q.After != "" {
		if req.SearchAfter, err = decodeCursor(q.After, order, sort); err != nil {
			return page, nil, err
		}
	}
	if facets {
		for _, f := range []string{domain.VideoCategories.Name, domain.VideoGenres.Name, fieldRating, fieldYearTerm} {
			req.AddFacet(f, bleve.NewFacetRequest(f, facetSize))
		}
	}
	res, err := s.search(ctx, req)
	if err != nil {
		return page, nil, err
	}
	hits := res.Hits
	if page.HasNext = len(hits) > q.Limit; page.HasNext {
		hits = hits[:q.Limit]
	}
	if page.Items, err = entities[E](hits); err != nil {
		return page, nil, err
	}
	page.Cursors = make([]string, len(hits))
	for i, h := range hits {
		page.Cursors[i] = encodeCursor(order, sortValues(h, sort))
	}
	page.Total = int(res.Total)
	return page, res, nil
}

// sortOrder returns the bleve order for sort, ties by id, and a name for it
// that cursors carry. Relevance is best first whatever Desc says, and without a
// search it is the default order, name ascending.
func sortOrder(kind domain.Kind, sort domain.Sort, searching bool) (search.SortOrder, string, error) {
	if sort.Field == domain.SortRelevance {
		if searching {
			return search.SortOrder{&search.SortScore{Desc: true}, byID()}, string(kind) + ":score", nil
		}
		sort = domain.Sort{Field: domain.SortName}
	}
	field := sort.Field
	var by *search.SortField
	switch field {
	case domain.SortName:
		by = &search.SortField{Field: fieldSortName, Type: search.SortFieldAsString}
	case domain.SortCreatedAt:
		by = &search.SortField{Field: fieldCreated, Type: search.SortFieldAsNumber}
	case domain.SortUpdatedAt:
		by = &search.SortField{Field: fieldUpdated, Type: search.SortFieldAsNumber}
	case domain.SortYearLaunched, domain.SortDuration:
		if kind != domain.KindVideo {
			return nil, "", fmt.Errorf("sort %s by %q: %w", kind, field, domain.ErrInvalid)
		}
		by = &search.SortField{Field: fieldYear, Type: search.SortFieldAsNumber}
		if field == domain.SortDuration {
			by.Field = fieldDuration
		}
	default:
		return nil, "", fmt.Errorf("sort by %q: %w", field, domain.ErrInvalid)
	}
	by.Desc = sort.Desc
	order := fmt.Sprintf("%s:%s:%t", kind, field, sort.Desc)
	return search.SortOrder{by, byID()}, order, nil
}

func byID() *search.SortField {
	return &search.SortField{Field: fieldID, Type: search.SortFieldAsString}
}

// searchQuery matches text in the kind's searched fields, or is nil when text
// holds no words: every word tolerating one typo, the last one also as a
// prefix of what is being typed, exact words scoring highest. A video's title
// weighs more than its description.
func (s *Store) searchQuery(kind domain.Kind, text string) (query.Query, error) {
	var words []string
	for _, t := range s.index.Mapping().AnalyzerNamed(analyzerText).Analyze([]byte(text)) {
		words = append(words, string(t.Term))
	}
	if len(words) == 0 {
		return nil, nil
	}
	fields := map[string]float64{fieldName: 2}
	if kind == domain.KindVideo {
		fields[fieldDesc] = 1
	}
	var qs []query.Query
	for field, weight := range fields {
		fuzzy := bleve.NewMatchQuery(text)
		fuzzy.SetField(field)
		fuzzy.SetFuzziness(1)
		fuzzy.SetBoost(weight)
		exact := bleve.NewMatchQuery(text)
		exact.SetField(field)
		exact.SetBoost(3 * weight)
		prefix := bleve.NewPrefixQuery(words[len(words)-1])
		prefix.SetField(field)
		prefix.SetBoost(weight)
		qs = append(qs, fuzzy, exact, prefix)
	}
	return bleve.NewDisjunctionQuery(qs...), nil
}

func videoFilters(f domain.VideoFilter) []query.Query {
	var qs []query.Query
	anyOf := func(field string, values []string) {
		if len(values) == 0 {
			return
		}
		terms := make([]query.Query, len(values))
		for i, v := range values {
			terms[i] = term(field, v)
		}
		qs = append(qs, bleve.NewDisjunctionQuery(terms...))
	}
	anyOf(domain.VideoCategories.Name, f.CategoryIDs)
	anyOf(domain.VideoGenres.Name, f.GenreIDs)
	anyOf(domain.VideoCastMembers.Name, f.CastMemberIDs)
	ratings := make([]string, len(f.Ratings))
	for i, r := range f.Ratings {
		ratings[i] = string(r)
	}
	anyOf(fieldRating, ratings)
	if f.YearLaunched != nil {
		qs = append(qs, yearRange(f.YearLaunched, f.YearLaunched))
	}
	if f.YearFrom != nil || f.YearTo != nil {
		qs = append(qs, yearRange(f.YearFrom, f.YearTo))
	}
	if f.Opened != nil {
		q := bleve.NewBoolFieldQuery(*f.Opened)
		q.SetField(fieldOpened)
		qs = append(qs, q)
	}
	return qs
}

// yearRange matches years from..to, both inclusive, a nil bound being open.
func yearRange(from, to *int) query.Query {
	bound := func(y *int) *float64 {
		if y == nil {
			return nil
		}
		f := float64(*y)
		return &f
	}
	inclusive := true
	q := bleve.NewNumericRangeInclusiveQuery(bound(from), bound(to), &inclusive, &inclusive)
	q.SetField(fieldYear)
	return q
}

// facetCounts sorts a facet by count, most frequent first, ties by value.
func facetCounts(f *search.FacetResult) []domain.FacetCount {
	if f == nil || f.Terms == nil {
		return nil
	}
	var out []domain.FacetCount
	for _, t := range f.Terms.Terms() {
		out = append(out, domain.FacetCount{Value: t.Term, Count: t.Count})
	}
	slices.SortFunc(out, func(a, b domain.FacetCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
	})
	return out
}
