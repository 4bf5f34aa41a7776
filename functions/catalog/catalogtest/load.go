// Package catalogtest fills catalog stores for the catalog function's tests
// and benchmarks, through the store port as the sinks would.
package catalogtest

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/storetest"
)

// writers is how many changes Load has in flight: stores that persist each
// write group-commit concurrent ones, so throughput grows with it.
const writers = 512

// Load writes entities into store with their relations: the relation ids on
// genres and videos become join-row changes, since row changes carry none.
// Writes run concurrently so that a store that group-commits fills fast.
func Load(ctx context.Context, store domain.ChangeStore, entities []domain.Entity) error {
	var pos atomic.Int64
	next := func() domain.Position { return storetest.Pos(int(pos.Add(1))) }
	work := make(chan domain.Entity)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range writers {
		wg.Go(func() {
			for e := range work {
				if err := load(ctx, store, e, next); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		})
	}
	for _, e := range entities {
		work <- e
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

func load(ctx context.Context, store domain.ChangeStore, e domain.Entity, next func() domain.Position) error {
	if _, err := store.ApplyRow(ctx, storetest.Put(withoutRelations(e), next())); err != nil {
		return fmt.Errorf("catalogtest: put %s %s: %w", e.EntityKind(), e.EntityID(), err)
	}
	for rel, children := range relations(e) {
		for _, child := range children {
			if _, err := store.ApplyRelation(ctx, storetest.Link(rel, e.EntityID(), child, next())); err != nil {
				return fmt.Errorf("catalogtest: link %s %s to %s: %w", e.EntityKind(), e.EntityID(), child, err)
			}
		}
	}
	return nil
}

func withoutRelations(e domain.Entity) domain.Entity {
	switch e := e.(type) {
	case domain.Genre:
		e.CategoryIDs = nil
		return e
	case domain.Video:
		e.CategoryIDs, e.GenreIDs, e.CastMemberIDs = nil, nil, nil
		return e
	}
	return e
}

func relations(e domain.Entity) map[domain.Relation][]string {
	switch e := e.(type) {
	case domain.Genre:
		return map[domain.Relation][]string{domain.GenreCategories: e.CategoryIDs}
	case domain.Video:
		return map[domain.Relation][]string{
			domain.VideoCategories: e.CategoryIDs, domain.VideoGenres: e.GenreIDs, domain.VideoCastMembers: e.CastMemberIDs,
		}
	}
	return nil
}
