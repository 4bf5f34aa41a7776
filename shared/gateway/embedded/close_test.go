package embedded

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/document"

	"github.com/videocatalog/catalog/shared/domain"
)

// A truncate scanning more than one page while Close waits must finish, and
// Close after it: sync.RWMutex does not admit a second read lock of the same
// operation once a writer waits, so the scan must not enter the store again.
func TestTruncateRacingClose(t *testing.T) {
	s, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	kind := domain.KindCategory
	var docs []*document.Document
	for i := range scanPage + 1 {
		id := fmt.Sprintf("c%04d", i)
		st := &state{Kind: kind, ID: id}
		c := domain.RowChange{Kind: kind, ID: id, Position: pos(2), Entity: domain.Category{ID: id, Name: id, Active: true}}
		if _, err := st.applyRow(c, ""); err != nil {
			t.Fatal(err)
		}
		doc, err := s.document(st)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	if err := s.committer.commit(docs, nil); err != nil {
		t.Fatal(err)
	}

	closed := make(chan error, 1)
	var once sync.Once
	drop := func(st *state, at string) bool {
		// On the first document, the first page's search is done and the
		// second is still to come: start Close and wait until it waits for
		// the write lock, which makes every new read lock wait too.
		once.Do(func() {
			go func() { closed <- s.Close() }()
			for s.closing.TryRLock() {
				s.closing.RUnlock()
				runtime.Gosched()
			}
		})
		return st.truncateRow(at)
	}
	truncated := make(chan error, 1)
	go func() { truncated <- s.truncate(context.Background(), kind, rowsMark(kind), pos(3).Key(), drop) }()

	timeout := time.After(time.Minute) // generous: a loaded CI machine is slow, a deadlock never ends
	for _, wait := range []struct {
		what string
		ch   chan error
	}{{"truncate", truncated}, {"Close", closed}} {
		select {
		case err := <-wait.ch:
			if err != nil {
				t.Fatalf("%s: %v", wait.what, err)
			}
		case <-timeout:
			t.Fatalf("%s did not return: deadlock", wait.what)
		}
	}
}
