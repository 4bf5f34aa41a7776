// Package embedded is the catalog store on an embedded bleve index: no server
// to run, one directory on disk. Each document carries its whole convergence
// state in a stored field (see state), so deciding a change and storing it is
// one index write, and the search fields are always those of the stored state.
package embedded

import (
	"errors"
	"fmt"
	"hash/fnv"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/videocatalog/catalog/shared/domain"
)

// stripes bounds the per-document locks; documents sharing a stripe only wait for each other.
const stripes = 256

// Store is a domain.Store on bleve. It is safe for concurrent use.
type Store struct {
	index     bleve.Index
	committer *committer

	// closing is held shared by every operation, once (see enter), and
	// exclusively by Close.
	closing sync.RWMutex
	closed  bool

	kinds map[domain.Kind]*kindState
	docs  [stripes]sync.Mutex
}

// kindState holds the truncate positions of a kind's rows and of the relations
// it is the parent of, by mark key. Row and relation writes of the kind hold mu
// shared; truncates hold it exclusively, so a truncate sees no write in flight
// and every later write sees the truncate.
type kindState struct {
	mu    sync.RWMutex
	marks map[string]string
}

var _ domain.Store = (*Store)(nil)

// Open opens the store persisted under dir, creating it (or filling an empty dir) if needed.
func Open(dir string) (*Store, error) {
	idx, err := bleve.Open(dir)
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) || errors.Is(err, bleve.ErrorIndexMetaMissing) {
		m, merr := newMapping()
		if merr != nil {
			return nil, merr
		}
		idx, err = bleve.New(dir, m)
	}
	if err != nil {
		return nil, unavailable("open index "+dir, err)
	}
	return newStore(idx)
}

// OpenMemory opens an empty store held in memory only, for tests: the same
// index type and code as Open, without persistence. (bleve.NewMemOnly would
// bring another index type, upsidedown, that Open never uses.)
func OpenMemory() (*Store, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, unavailable("open memory index", err)
	}
	return newStore(idx)
}

func newStore(idx bleve.Index) (*Store, error) {
	s := &Store{index: idx, kinds: map[domain.Kind]*kindState{}}
	for _, k := range domain.Kinds {
		keys := []string{rowsMark(k)}
		for _, r := range domain.Relations {
			if r.Parent == k {
				keys = append(keys, relationMark(r))
			}
		}
		ks := &kindState{marks: map[string]string{}}
		for _, key := range keys {
			v, err := idx.GetInternal([]byte(key))
			if err != nil {
				return nil, errors.Join(unavailable("read "+key, err), idx.Close())
			}
			ks.marks[key] = string(v)
		}
		s.kinds[k] = ks
	}
	s.committer = newCommitter(idx)
	return s, nil
}

func rowsMark(k domain.Kind) string { return "truncate/rows/" + string(k) }
func relationMark(r domain.Relation) string {
	return "truncate/relation/" + string(r.Parent) + "/" + r.Name
}

// Close flushes pending writes and closes the index. Operations after Close fail with ErrUnavailable.
func (s *Store) Close() error {
	s.closing.Lock()
	defer s.closing.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	s.committer.close()
	if err := s.index.Close(); err != nil {
		return unavailable("close index", err)
	}
	return nil
}

// enter admits an operation unless the store is closed; the caller must call
// the returned func. An operation enters once and nothing it calls enters
// again: sync.RWMutex forbids recursive read locking, a second RLock blocking
// for good once Close waits for the lock.
func (s *Store) enter() (func(), error) {
	s.closing.RLock()
	if s.closed {
		s.closing.RUnlock()
		return nil, fmt.Errorf("store closed: %w", domain.ErrUnavailable)
	}
	return s.closing.RUnlock, nil
}

// lockDoc serializes read-modify-write of one document.
func (s *Store) lockDoc(kind domain.Kind, id string) func() {
	h := fnv.New32a()
	h.Write([]byte(kind))
	h.Write([]byte{'/'})
	h.Write([]byte(id))
	m := &s.docs[h.Sum32()%stripes]
	m.Lock()
	return m.Unlock
}

func docID(kind domain.Kind, id string) string { return string(kind) + "/" + id }

func unavailable(what string, err error) error {
	return fmt.Errorf("%s: %w: %w", what, domain.ErrUnavailable, err)
}

// stateOf reads a document's state from its stored field; a missing document has an empty state.
func (s *Store) stateOf(kind domain.Kind, id string) (*state, error) {
	doc, err := s.index.Document(docID(kind, id))
	if err != nil {
		return nil, unavailable("read "+docID(kind, id), err)
	}
	raw := ""
	if doc != nil {
		doc.VisitFields(func(f index.Field) {
			if f.Name() == fieldState {
				raw = string(f.Value())
			}
		})
	}
	if raw == "" {
		return &state{Kind: kind, ID: id}, nil
	}
	return decodeState(raw)
}
