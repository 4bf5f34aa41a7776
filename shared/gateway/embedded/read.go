package embedded

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/videocatalog/catalog/shared/domain"
)

// scanPage is how many documents a full scan reads per search.
const scanPage = 1000

func (s *Store) Categories(ctx context.Context, ids []string) ([]domain.Category, error) {
	return get[domain.Category](ctx, s, domain.KindCategory, ids)
}

func (s *Store) Genres(ctx context.Context, ids []string) ([]domain.Genre, error) {
	return get[domain.Genre](ctx, s, domain.KindGenre, ids)
}

func (s *Store) CastMembers(ctx context.Context, ids []string) ([]domain.CastMember, error) {
	return get[domain.CastMember](ctx, s, domain.KindCastMember, ids)
}

func (s *Store) Videos(ctx context.Context, ids []string) ([]domain.Video, error) {
	return get[domain.Video](ctx, s, domain.KindVideo, ids)
}

func (s *Store) VideoMedia(ctx context.Context, ids []string) ([]domain.VideoMedia, error) {
	return get[domain.VideoMedia](ctx, s, domain.KindVideoMedia, ids)
}

func (s *Store) ImageMedia(ctx context.Context, ids []string) ([]domain.ImageMedia, error) {
	return get[domain.ImageMedia](ctx, s, domain.KindImageMedia, ids)
}

// get returns the visible documents among ids in one search.
func get[E domain.Entity](ctx context.Context, s *Store, kind domain.Kind, ids []string) ([]E, error) {
	seen := map[string]bool{}
	var docIDs []string
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			docIDs = append(docIDs, docID(kind, id))
		}
	}
	if len(docIDs) == 0 {
		return nil, nil
	}
	q := bleve.NewConjunctionQuery(bleve.NewDocIDQuery(docIDs), term(fieldStatus, statusVisible))
	req := bleve.NewSearchRequestOptions(q, len(docIDs), 0, false)
	req.Fields = []string{fieldState}
	req.Score = "none"
	res, err := s.search(ctx, req)
	if err != nil {
		return nil, err
	}
	return entities[E](res.Hits)
}

// Rows implements domain.RowLister.
func (s *Store) Rows(ctx context.Context, kind domain.Kind) ([]domain.Entity, error) {
	leave, err := s.enter()
	if err != nil {
		return nil, err
	}
	defer leave()
	live := bleve.NewDisjunctionQuery(term(fieldStatus, statusVisible), term(fieldStatus, statusHidden))
	var out []domain.Entity
	err = s.scan(ctx, bleve.NewConjunctionQuery(term(fieldKind, string(kind)), live), func(st *state) error {
		e, err := st.entity()
		out = append(out, e)
		return err
	})
	return out, err
}

// scan calls fn with the state of every document matching q, in id order.
// The caller must have entered the store: scan does not enter it again.
func (s *Store) scan(ctx context.Context, q query.Query, fn func(*state) error) error {
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(q, scanPage, 0, false)
		req.Fields = []string{fieldState}
		req.Score = "none"
		req.Sort = search.SortOrder{&search.SortField{Field: fieldID, Type: search.SortFieldAsString}}
		req.SearchAfter = after
		res, err := s.searchEntered(ctx, req)
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			st, err := hitState(h)
			if err != nil {
				return err
			}
			if err := fn(st); err != nil {
				return err
			}
		}
		if len(res.Hits) < scanPage {
			return nil
		}
		after = res.Hits[len(res.Hits)-1].Sort
	}
}

// search runs req as an operation of its own, entering the store.
func (s *Store) search(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	leave, err := s.enter()
	if err != nil {
		return nil, err
	}
	defer leave()
	return s.searchEntered(ctx, req)
}

// searchEntered runs req within an operation that has entered the store. An
// operation enters once: a second read lock of closing would wait forever
// behind a Close waiting for the first one to go.
func (s *Store) searchEntered(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	res, err := s.index.SearchInContext(ctx, req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, unavailable("search", err)
	}
	return res, nil
}

func hitState(h *search.DocumentMatch) (*state, error) {
	raw, ok := h.Fields[fieldState].(string)
	if !ok {
		return nil, fmt.Errorf("document %s has no state: %w", h.ID, domain.ErrUnavailable)
	}
	return decodeState(raw)
}

func entities[E domain.Entity](hits search.DocumentMatchCollection) ([]E, error) {
	out := make([]E, 0, len(hits))
	for _, h := range hits {
		st, err := hitState(h)
		if err != nil {
			return nil, err
		}
		e, err := st.entity()
		if err != nil {
			return nil, err
		}
		v, ok := e.(E)
		if !ok {
			return nil, fmt.Errorf("document %s holds %T", h.ID, e)
		}
		out = append(out, v)
	}
	return out, nil
}

func term(field, value string) *query.TermQuery {
	q := bleve.NewTermQuery(value)
	q.SetField(field)
	return q
}
