package elasticsearch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/videocatalog/catalog/shared/domain"
)

// bulker coalesces concurrent changes into _bulk requests. A batch is cut
// only when one of the MaxInFlight request slots is free: when its first
// change has waited FlushInterval, or at once when it reaches FlushItems or
// FlushBytes (a full batch waits for a slot as it is). While every slot is
// busy, changes keep joining the open batch, so batches grow with the load
// instead of queueing up small: measured on the CI node, cutting on the timer
// alone made ~50-item requests under load, each paying the per-request cost
// (translog fsync). Each caller is answered when its own item's result is
// known, and only with that result.
type bulker struct {
	c           *client
	path        string
	query       url.Values
	interval    time.Duration
	maxItems    int
	maxBytes    int
	maxInFlight int
	refresh     *refresher

	mu       sync.Mutex
	pending  []*bulkItem
	size     int
	timer    *time.Timer
	gen      int           // bumped when pending is cut, so a late timer of an older batch is ignored
	due      bool          // pending has waited its interval (or the store closes): cut it at the next free slot
	full     [][]*bulkItem // batches cut at FlushItems/FlushBytes, waiting for a slot
	inFlight int
	closed   bool
	sending  sync.WaitGroup
}

// bulkItem is one action and its body, NDJSON-encoded, and where its result goes.
type bulkItem struct {
	lines []byte
	// fallback, when set, encodes the lines to send instead if lines (a
	// create) finds the document already there; only then, as that is rare.
	fallback func() []byte
	result   chan bulkResult
}

type bulkResult struct {
	outcome domain.Outcome
	err     error
}

var errClosed = errors.New("elasticsearch store is closed")

func newBulker(c *client, cfg Config, alias string) *bulker {
	return &bulker{
		c:    c,
		path: "/" + alias + "/_bulk",
		// No refresh per _bulk: searches refresh first when needed (refresh.go).
		query: url.Values{
			"filter_path": {"errors,items.*.status,items.*.result,items.*.error.type,items.*.error.reason"},
		},
		refresh:     newRefresher(c, alias),
		interval:    cfg.FlushInterval,
		maxItems:    cfg.FlushItems,
		maxBytes:    cfg.FlushBytes,
		maxInFlight: cfg.MaxInFlight,
	}
}

// update sends one item, the NDJSON lines of an update of document id, and
// waits for its outcome.
func (b *bulker) update(ctx context.Context, id string, lines []byte) (domain.Outcome, error) {
	return b.submit(ctx, id, &bulkItem{lines: lines, result: make(chan bulkResult, 1)})
}

// create sends the NDJSON lines of a create of document id, and the update
// lines in its place if the document exists, and waits for the outcome.
func (b *bulker) create(ctx context.Context, id string, lines []byte, update func() []byte) (domain.Outcome, error) {
	return b.submit(ctx, id, &bulkItem{lines: lines, fallback: update, result: make(chan bulkResult, 1)})
}

// submit adds item to the open batch and waits for its outcome.
func (b *bulker) submit(ctx context.Context, id string, item *bulkItem) (domain.Outcome, error) {
	if err := b.add(item); err != nil {
		return domain.Stale, err
	}
	select {
	case r := <-item.result:
		if r.err != nil {
			return domain.Stale, fmt.Errorf("write %s: %w", id, r.err)
		}
		return r.outcome, nil
	case <-ctx.Done():
		// The item is sent anyway; a redelivery finds it applied (Stale).
		return domain.Stale, ctx.Err()
	}
}

func (b *bulker) add(item *bulkItem) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return errClosed
	}
	b.pending = append(b.pending, item)
	b.size += len(item.lines)
	switch {
	case len(b.pending) >= b.maxItems || b.size >= b.maxBytes:
		b.full = append(b.full, b.cutLocked())
	case len(b.pending) == 1:
		gen := b.gen
		b.timer = time.AfterFunc(b.interval, func() { b.expire(gen) })
	}
	b.dispatchLocked()
	return nil
}

// expire marks batch gen due, unless it was cut meanwhile.
func (b *bulker) expire(gen int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if gen == b.gen {
		b.due = true
		b.dispatchLocked()
	}
}

// cutLocked takes the open batch. Caller holds mu.
func (b *bulker) cutLocked() []*bulkItem {
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
	batch := b.pending
	b.pending, b.size, b.due = nil, 0, false
	b.gen++
	return batch
}

// dispatchLocked sends full batches, then the open one if it is due, while
// request slots are free. Caller holds mu.
func (b *bulker) dispatchLocked() {
	for b.inFlight < b.maxInFlight {
		var batch []*bulkItem
		switch {
		case len(b.full) > 0:
			batch, b.full = b.full[0], b.full[1:]
		case b.due && len(b.pending) > 0:
			batch = b.cutLocked()
		default:
			return
		}
		b.inFlight++
		b.sending.Add(1)
		go b.send(batch)
	}
}

// send posts one batch, frees its request slot (cutting the next batch) and
// answers each item. A failed request (connection refused, 429, 5xx) fails
// every item with ErrUnavailable.
func (b *bulker) send(batch []*bulkItem) {
	defer b.sending.Done()
	size := 0
	for _, it := range batch {
		size += len(it.lines)
	}
	body := make([]byte, 0, size)
	for _, it := range batch {
		body = append(body, it.lines...)
	}
	var res struct {
		Items []struct {
			Update *itemStatus `json:"update"`
			Create *itemStatus `json:"create"`
		} `json:"items"`
	}
	err := b.c.do(context.Background(), "POST", b.path, b.query, body, &res)
	// Before any caller is answered: a search that starts after it refreshes
	// first (refresh.go). Counted even on failure, which may hide applied items.
	b.refresh.wrote()
	b.mu.Lock()
	b.inFlight--
	b.dispatchLocked()
	b.mu.Unlock()
	if err == nil && len(res.Items) != len(batch) {
		err = fmt.Errorf("%w: _bulk answered %d items for %d", domain.ErrUnavailable, len(res.Items), len(batch))
	}
	for i, it := range batch {
		if err != nil {
			it.result <- bulkResult{err: unavailable("_bulk", err)}
			continue
		}
		r := res.Items[i].Update
		if r == nil {
			r = res.Items[i].Create
		}
		switch {
		case r == nil:
			it.result <- bulkResult{err: fmt.Errorf("%w: _bulk item %d answered no update or create", domain.ErrUnavailable, i)}
		case r.Status == http.StatusConflict && it.fallback != nil:
			// The document exists: the create gave way, the update decides.
			next := &bulkItem{lines: it.fallback(), result: it.result}
			if err := b.add(next); err != nil {
				it.result <- bulkResult{err: unavailable("_bulk", err)}
			}
		default:
			it.result <- itemResult(r.Status, r.Result, r.Error)
		}
	}
}

type itemStatus struct {
	Status int        `json:"status"`
	Result string     `json:"result"`
	Error  *itemError `json:"error"`
}

type itemError struct {
	Type   string `json:"type"`
	Reason string `json:"reason"`
}

func itemResult(status int, result string, e *itemError) bulkResult {
	if e == nil && status < 300 {
		if result == "noop" {
			return bulkResult{outcome: domain.Stale}
		}
		return bulkResult{outcome: domain.Applied}
	}
	ae := &apiError{Status: status}
	if e != nil {
		ae.Type, ae.Reason = e.Type, e.Reason
	}
	if status == http.StatusBadRequest {
		// mapper_parsing_exception, strict_dynamic_mapping_exception, a
		// script error on this input: redelivering it cannot help.
		return bulkResult{err: ae}
	}
	// 409 after retry_on_conflict, 429, 5xx, a missing index: try again later.
	return bulkResult{err: fmt.Errorf("%w: %w", domain.ErrUnavailable, ae)}
}

// close sends what is pending and waits for every batch in flight.
func (b *bulker) close() {
	b.mu.Lock()
	b.closed = true
	b.due = true
	b.dispatchLocked()
	b.mu.Unlock()
	b.sending.Wait()
}
