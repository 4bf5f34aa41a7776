package elasticsearch

import (
	"context"
	"encoding/json"
	"net/url"

	"github.com/videocatalog/catalog/shared/domain"
)

func (s *Store) Categories(ctx context.Context, ids []string) ([]domain.Category, error) {
	return lookup[domain.Category](ctx, s, domain.KindCategory, ids)
}

func (s *Store) Genres(ctx context.Context, ids []string) ([]domain.Genre, error) {
	return lookup[domain.Genre](ctx, s, domain.KindGenre, ids)
}

func (s *Store) CastMembers(ctx context.Context, ids []string) ([]domain.CastMember, error) {
	return lookup[domain.CastMember](ctx, s, domain.KindCastMember, ids)
}

func (s *Store) Videos(ctx context.Context, ids []string) ([]domain.Video, error) {
	return lookup[domain.Video](ctx, s, domain.KindVideo, ids)
}

func (s *Store) VideoMedia(ctx context.Context, ids []string) ([]domain.VideoMedia, error) {
	return lookup[domain.VideoMedia](ctx, s, domain.KindVideoMedia, ids)
}

func (s *Store) ImageMedia(ctx context.Context, ids []string) ([]domain.ImageMedia, error) {
	return lookup[domain.ImageMedia](ctx, s, domain.KindImageMedia, ids)
}

// lookup fetches the visible entities among ids in one real-time _mget. The
// rows decode straight into E, as list's do: document ids carry the kind, and
// doc is present only beside a live row (scripts.go), so doc.visible alone
// tells the visible ones.
func lookup[E domain.Entity](ctx context.Context, s *Store, kind domain.Kind, ids []string) ([]E, error) {
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
	var res struct {
		Docs []struct {
			Found  bool `json:"found"`
			Source struct {
				listSource[E]
				Doc *struct {
					Visible bool `json:"visible"`
				} `json:"doc"`
			} `json:"_source"`
		} `json:"docs"`
	}
	q := url.Values{"_source": {sourceList}}
	if err := s.c.do(ctx, "POST", "/"+s.names.Alias()+"/_mget", q, obj{"ids": docIDs}, &res); err != nil {
		return nil, unavailable("lookup "+string(kind), err)
	}
	var out []E
	for i := range res.Docs {
		d := &res.Docs[i]
		if d.Found && d.Source.Doc != nil && d.Source.Doc.Visible {
			out = append(out, d.Source.entity())
		}
	}
	return out, nil
}

// rowsPage is the page size of a Rows scan.
const rowsPage = 1000

// Rows implements domain.RowLister: every live row of kind, visible or not.
// The first page is a plain search, so a short scan (the usual case in tests
// and small catalogs) costs a single one. A longer scan opens a point in time
// after that page and reads every later page in it: those pages share one
// snapshot whatever writes happen meanwhile, but a write that lands between
// the first page and the point in time shows only in the pages after it.
func (s *Store) Rows(ctx context.Context, kind domain.Kind) ([]domain.Entity, error) {
	body := obj{
		"size":             rowsPage,
		"query":            liveOf(kind),
		"sort":             []obj{{fieldID: "asc"}},
		"_source":          sourceFields,
		"track_total_hits": false,
	}
	if err := s.bulk.refresh.fresh(ctx); err != nil {
		return nil, err
	}
	path := "/" + s.names.Alias() + "/_search"
	var out []domain.Entity
	var pit string
	defer func() {
		if pit != "" {
			// Best effort: an unclosed point in time expires with its keep_alive.
			_ = s.c.do(context.Background(), "DELETE", "/_pit", nil, obj{"id": pit}, nil)
		}
	}()
	for {
		var res searchResult
		if err := s.c.do(ctx, "POST", path, nil, body, &res); err != nil {
			return nil, unavailable("rows "+string(kind), err)
		}
		for _, h := range res.Hits.Hits {
			e, err := h.Source.entity()
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		}
		if len(res.Hits.Hits) < rowsPage {
			return out, nil
		}
		if pit == "" {
			var opened struct {
				ID string `json:"id"`
			}
			if err := s.c.do(ctx, "POST", "/"+s.names.Alias()+"/_pit", url.Values{"keep_alive": {"1m"}}, nil, &opened); err != nil {
				return nil, unavailable("open point in time", err)
			}
			pit, path = opened.ID, "/_search"
		}
		if res.PitID != "" {
			pit = res.PitID
		}
		body["pit"] = obj{"id": pit, "keep_alive": "1m"}
		body["search_after"] = res.Hits.Hits[len(res.Hits.Hits)-1].Sort
	}
}

// liveOf matches the documents of kind that hold a row, and the filters in more.
func liveOf(kind domain.Kind, more ...obj) obj {
	return obj{"bool": obj{"filter": append([]obj{
		term(fieldKind, string(kind)),
		{"exists": obj{"field": fieldDoc + ".visible"}},
	}, more...)}}
}

// searchResult is the part of a Rows search response the store reads.
type searchResult struct {
	PitID string `json:"pit_id"`
	Hits  struct {
		Hits []searchHit `json:"hits"`
	} `json:"hits"`
}

type searchHit struct {
	Source source            `json:"_source"`
	Sort   []json.RawMessage `json:"sort"`
}
