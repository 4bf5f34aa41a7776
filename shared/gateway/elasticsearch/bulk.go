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

// bulker coalesces concurrent changes into _bulk requests: the first change of
// a batch waits at most FlushInterval for others, and a batch that reaches
// FlushItems or FlushBytes goes at once. Each caller is answered when its own
// item's result is known, and only with that result.
type bulker struct {
	c        *client
	path     string
	query    url.Values
	interval time.Duration
	maxItems int
	maxBytes int
	inFlight chan struct{}
	refresh  *refresher

	mu      sync.Mutex
	pending []*bulkItem
	size    int
	timer   *time.Timer
	closed  bool
	sending sync.WaitGroup
}

// bulkItem is one action and its body, NDJSON-encoded, and where its result goes.
type bulkItem struct {
	lines  []byte
	result chan bulkResult
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
		refresh:  newRefresher(c, alias),
		interval: cfg.FlushInterval,
		maxItems: cfg.FlushItems,
		maxBytes: cfg.FlushBytes,
		inFlight: make(chan struct{}, cfg.MaxInFlight),
	}
}

// update sends one item, the NDJSON lines of an update of document id, and
// waits for its outcome.
func (b *bulker) update(ctx context.Context, id string, lines []byte) (domain.Outcome, error) {
	item := &bulkItem{lines: lines, result: make(chan bulkResult, 1)}
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
		b.flushLocked()
	case len(b.pending) == 1:
		b.timer = time.AfterFunc(b.interval, b.flush)
	}
	return nil
}

func (b *bulker) flush() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.flushLocked()
}

// flushLocked hands the pending batch to a sender. Caller holds mu.
func (b *bulker) flushLocked() {
	if len(b.pending) == 0 {
		return
	}
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
	batch := b.pending
	b.pending, b.size = nil, 0
	b.sending.Add(1)
	go func() {
		defer b.sending.Done()
		b.inFlight <- struct{}{}
		b.send(batch)
	}()
}

// send posts one batch, frees its in-flight slot and answers each item. A
// failed request (connection refused, 429, 5xx) fails every item with ErrUnavailable.
func (b *bulker) send(batch []*bulkItem) {
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
			Update struct { // every item is an update
				Status int        `json:"status"`
				Result string     `json:"result"`
				Error  *itemError `json:"error"`
			} `json:"update"`
		} `json:"items"`
	}
	err := b.c.do(context.Background(), "POST", b.path, b.query, body, &res)
	<-b.inFlight
	// Before any caller is answered: a search that starts after it refreshes
	// first (refresh.go). Counted even on failure, which may hide applied items.
	b.refresh.wrote()
	if err == nil && len(res.Items) != len(batch) {
		err = fmt.Errorf("%w: _bulk answered %d items for %d", domain.ErrUnavailable, len(res.Items), len(batch))
	}
	for i, it := range batch {
		if err != nil {
			it.result <- bulkResult{err: unavailable("_bulk", err)}
			continue
		}
		r := res.Items[i].Update
		it.result <- itemResult(r.Status, r.Result, r.Error)
	}
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
	b.flushLocked()
	b.mu.Unlock()
	b.sending.Wait()
}
