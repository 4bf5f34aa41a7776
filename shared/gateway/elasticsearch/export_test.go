package elasticsearch

import (
	"context"

	"github.com/videocatalog/catalog/shared/domain"
)

// SubmitLines sends hand-written _bulk lines through the store's coalescer,
// so that tests can put an item Elasticsearch refuses beside good ones.
func (s *Store) SubmitLines(ctx context.Context, id string, lines []byte) (domain.Outcome, error) {
	return s.bulk.update(ctx, id, lines)
}
