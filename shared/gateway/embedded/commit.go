package embedded

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
)

// maxGroup bounds how many requests share one index batch, so that one flush
// does not grow without limit under a burst.
const maxGroup = 512

// request is one writer's share of a batch: documents to index and internal
// keys to set. The writer waits on done until the batch holding it is durable.
type request struct {
	docs     []*document.Document
	internal map[string][]byte
	done     chan error
}

// committer group-commits: while one batch is being written, requests queue up
// and all of them go into the next batch, so that concurrent writers share the
// cost of persisting instead of paying it one after the other.
type committer struct {
	index    bleve.Index
	requests chan *request
	stopped  chan struct{}
}

func newCommitter(index bleve.Index) *committer {
	c := &committer{index: index, requests: make(chan *request, maxGroup), stopped: make(chan struct{})}
	go c.run()
	return c
}

// commit writes docs and internal keys in the next batch and waits for it.
func (c *committer) commit(docs []*document.Document, internal map[string][]byte) error {
	r := &request{docs: docs, internal: internal, done: make(chan error, 1)}
	c.requests <- r
	return <-r.done
}

func (c *committer) run() {
	defer close(c.stopped)
	for r := range c.requests {
		group := []*request{r}
	drain:
		for len(group) < maxGroup {
			select {
			case next, ok := <-c.requests:
				if !ok {
					break drain
				}
				group = append(group, next)
			default:
				break drain
			}
		}
		err := c.flush(group)
		for _, r := range group {
			r.done <- err
		}
	}
}

func (c *committer) flush(group []*request) error {
	b := c.index.NewBatch()
	for _, r := range group {
		for _, d := range r.docs {
			if err := b.IndexAdvanced(d); err != nil {
				return err
			}
		}
		for k, v := range r.internal {
			b.SetInternal([]byte(k), v)
		}
	}
	return c.index.Batch(b)
}

// close stops the committer once every queued request is flushed; no commit may follow.
func (c *committer) close() {
	close(c.requests)
	<-c.stopped
}
