// Package elasticsearch is the catalog store on an Elasticsearch cluster (8.x
// in production, 7.10 in CI: only APIs both serve are used). Each document
// keeps its whole convergence state in _source and painless scripts decide
// every change inside Elasticsearch (scripts.go; an insert first tries a
// create that only succeeds on no state at all, write.go), so any number of sink
// replicas converge without coordinating. Writes are coalesced into _bulk
// requests (bulk.go).
package elasticsearch

import (
	"context"
	"fmt"

	"github.com/videocatalog/catalog/shared/domain"
)

// Store is a domain.Store on Elasticsearch. It is safe for concurrent use.
type Store struct {
	c     *client
	names names
	bulk  *bulker
	marks *marks
}

var _ domain.Store = (*Store)(nil)

// Open connects, installs the index template and, on first use, creates the
// first index version behind the alias.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	c, err := newClient(cfg)
	if err != nil {
		return nil, err
	}
	n := names{prefix: cfg.IndexPrefix}
	if err := ensureIndex(ctx, c, n); err != nil {
		return nil, err
	}
	s := &Store{c: c, names: n, bulk: newBulker(c, cfg, n.Alias()), marks: newMarks(c, n.Alias(), cfg.MarkTTL)}
	return s, nil
}

// ensureIndex puts the stored scripts and the template, and creates version 1 with the alias unless
// the alias exists. Concurrent opens race harmlessly: the loser's create fails
// with resource_already_exists_exception.
func ensureIndex(ctx context.Context, c *client, n names) error {
	for id, source := range storedScripts {
		body := obj{"script": obj{"lang": "painless", "source": source}}
		if err := c.do(ctx, "PUT", "/_scripts/"+id, nil, body, nil); err != nil {
			return unavailable("put script "+id, err)
		}
	}
	if err := c.do(ctx, "PUT", "/_index_template/"+n.Template(), nil, n.template(), nil); err != nil {
		return unavailable("put index template "+n.Template(), err)
	}
	err := c.do(ctx, "HEAD", "/_alias/"+n.Alias(), nil, nil, nil)
	if !isStatus(err, 404) {
		if err != nil {
			return unavailable("check alias "+n.Alias(), err)
		}
		return nil
	}
	body := obj{"aliases": obj{n.Alias(): obj{}}}
	err = c.do(ctx, "PUT", "/"+n.Index(1), nil, body, nil)
	var ae *apiError
	if asAPIError(err, &ae) && ae.Type == "resource_already_exists_exception" {
		return nil
	}
	if err != nil {
		return unavailable("create index "+n.Index(1), err)
	}
	return nil
}

// Close sends the changes still waiting in the coalescer and waits for their answers.
func (s *Store) Close() error {
	s.bulk.close()
	if err := s.c.es.Close(context.Background()); err != nil {
		return fmt.Errorf("elasticsearch: close: %w", err)
	}
	return nil
}
