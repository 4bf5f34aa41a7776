package storetest

import (
	"context"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
)

// concurrentDeliveries applies the same changes from several goroutines, each
// in its own order, as redeliveries over partitions do; the store must end in
// the state of the newest changes.
func concurrentDeliveries(t *testing.T, s domain.Store) {
	var puts []domain.RowChange
	var rels []domain.RelationChange
	for i := range 4 {
		id := ID("v", i)
		for n := 1; n <= 5; n++ {
			puts = append(puts, Put(Video(id, ID("Take ", n)), Pos(10*n)))
			rels = append(rels, Link(domain.VideoGenres, id, ID("g", n), Pos(10*n+1)))
			rels = append(rels, Unlink(domain.VideoGenres, id, ID("g", n-1), Pos(10*n+2)))
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 8 {
		rnd := rand.New(rand.NewPCG(uint64(w), 42))
		order := rnd.Perm(len(puts) + len(rels))
		wg.Go(func() {
			for _, k := range order {
				var err error
				if k < len(puts) {
					// Half the workers redeliver the writes as inserts.
					c := puts[k]
					c.Insert = w%2 == 0
					_, err = s.ApplyRow(context.Background(), c)
				} else {
					_, err = s.ApplyRelation(context.Background(), rels[k-len(puts)])
				}
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent apply: %v", err)
	}
	got := rows(t, s, domain.KindVideo)
	for i := range 4 {
		v, ok := got[ID("v", i)].(domain.Video)
		if !ok {
			t.Fatalf("video %s missing", ID("v", i))
		}
		if v.Title != ID("Take ", 5) {
			t.Errorf("video %s title %q, want the newest %q", v.ID, v.Title, ID("Take ", 5))
		}
		equalIDs(t, "genres of "+v.ID, v.GenreIDs, []string{ID("g", 5)})
	}
}
