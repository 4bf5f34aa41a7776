package elasticsearch

import (
	"context"
	"sync"
	"sync/atomic"
)

// refresher keeps the port's visibility rule — a read that starts after a
// write has returned sees it — without refreshing on the write path. Writes
// only count themselves (written) before they are answered; a search-based
// read (list, Rows) first calls fresh, which returns at once when a _refresh
// that started after the last counted write has finished, and otherwise
// joins a shared refresh round: concurrent readers share one _refresh, at
// most one is in flight, and a round covers every write counted before it
// started. Each truncate _update_by_query pass calls force instead, which
// waits for a round that starts after the call, so that it also sees other
// processes' writes. Batch lookups and marks use real-time _mget and need none.
//
// Measured on the CI node (README): refreshing after every batch made a
// Lucene segment per batch and cost ~half the sink's throughput in refresh and
// merge work; now a burst of writes costs one refresh at the next read.
// Other processes (the catalog function reading what the sinks write) see
// changes within the index refresh_interval (1 s), as with any near-real-time
// reader.
type refresher struct {
	c    *client
	path string

	written atomic.Uint64 // bumped by every batch that may have changed a document

	mu      sync.Mutex
	covered uint64 // written as read before the last successful _refresh started
	running bool
	started uint64 // written as read before the round in flight started
	current []chan error
	next    []chan error
}

func newRefresher(c *client, alias string) *refresher {
	return &refresher{c: c, path: "/" + alias + "/_refresh"}
}

// wrote records that a write may have changed documents; call it once the
// write has landed and before its caller is answered.
func (r *refresher) wrote() { r.written.Add(1) }

// fresh returns once every write recorded before the call is searchable.
func (r *refresher) fresh(ctx context.Context) error {
	w := r.written.Load()
	r.mu.Lock()
	if r.covered >= w {
		r.mu.Unlock()
		return nil
	}
	done := make(chan error, 1)
	if r.running && r.started >= w {
		r.current = append(r.current, done) // the round in flight covers w
	} else {
		r.next = append(r.next, done)
	}
	if !r.running {
		r.running = true
		go r.loop()
	}
	r.mu.Unlock()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// force returns once a _refresh that started after the call has finished,
// whatever this store wrote: for reads that must see other processes' writes.
func (r *refresher) force(ctx context.Context) error {
	r.written.Add(1)
	return r.fresh(ctx)
}

func (r *refresher) loop() {
	for {
		r.mu.Lock()
		r.current, r.next = append(r.current, r.next...), nil
		if len(r.current) == 0 {
			r.running = false
			r.mu.Unlock()
			return
		}
		r.started = r.written.Load()
		started := r.started
		r.mu.Unlock()
		err := r.c.do(context.Background(), "POST", r.path, nil, nil, nil)
		if err != nil {
			err = unavailable("refresh", err)
		}
		r.mu.Lock()
		if err == nil && started > r.covered {
			r.covered = started
		}
		// Readers that joined during the round were covered by it.
		round := r.current
		r.current = nil
		r.mu.Unlock()
		for _, done := range round {
			done <- err
		}
	}
}
