package embedded

import (
	"context"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2/document"

	"github.com/videocatalog/catalog/shared/domain"
)

// ApplyRow implements domain.ChangeStore.
func (s *Store) ApplyRow(ctx context.Context, c domain.RowChange) (domain.Outcome, error) {
	if err := c.Validate(); err != nil {
		return domain.Stale, err
	}
	return s.update(ctx, c.Kind, c.ID, func(st *state, ks *kindState) (bool, error) {
		return st.applyRow(c, ks.marks[rowsMark(c.Kind)])
	})
}

// ApplyRelation implements domain.ChangeStore.
func (s *Store) ApplyRelation(ctx context.Context, c domain.RelationChange) (domain.Outcome, error) {
	if err := c.Validate(); err != nil {
		return domain.Stale, err
	}
	return s.update(ctx, c.Relation.Parent, c.ParentID, func(st *state, ks *kindState) (bool, error) {
		return st.applyRelation(c, ks.marks[relationMark(c.Relation)]), nil
	})
}

// update runs a read-modify-write of one document and, when change applied,
// waits until the new state is durable and searchable.
func (s *Store) update(ctx context.Context, kind domain.Kind, id string, change func(*state, *kindState) (bool, error)) (domain.Outcome, error) {
	if err := ctx.Err(); err != nil {
		return domain.Stale, err
	}
	leave, err := s.enter()
	if err != nil {
		return domain.Stale, err
	}
	defer leave()
	ks := s.kinds[kind]
	ks.mu.RLock()
	defer ks.mu.RUnlock()
	defer s.lockDoc(kind, id)()

	st, err := s.stateOf(kind, id)
	if err != nil {
		return domain.Stale, err
	}
	applied, err := change(st, ks)
	if err != nil || !applied {
		return domain.Stale, err
	}
	doc, err := s.document(st)
	if err != nil {
		return domain.Stale, err
	}
	// The document lock is held until the write lands, so the next change of
	// this document reads this state; ctx cannot cut that wait short.
	if err := s.committer.commit([]*document.Document{doc}, nil); err != nil {
		return domain.Stale, unavailable("write "+docID(kind, id), err)
	}
	return domain.Applied, nil
}

// document maps a state to an index document, in the caller's goroutine so
// that concurrent writers share that work.
func (s *Store) document(st *state) (*document.Document, error) {
	f, err := fields(st)
	if err != nil {
		return nil, err
	}
	doc := document.NewDocument(docID(st.Kind, st.ID))
	if err := s.index.Mapping().MapDocument(doc, f); err != nil {
		return nil, fmt.Errorf("map %s: %w", doc.ID(), err)
	}
	return doc, nil
}

// TruncateRows implements domain.ChangeStore.
func (s *Store) TruncateRows(ctx context.Context, kind domain.Kind, at domain.Position) error {
	if !slices.Contains(domain.Kinds, kind) {
		return fmt.Errorf("truncate unknown kind %q: %w", kind, domain.ErrInvalid)
	}
	return s.truncate(ctx, kind, rowsMark(kind), at.Key(), (*state).truncateRow)
}

// TruncateRelation implements domain.ChangeStore.
func (s *Store) TruncateRelation(ctx context.Context, rel domain.Relation, at domain.Position) error {
	if !slices.Contains(domain.Relations, rel) {
		return fmt.Errorf("truncate unknown relation %v: %w", rel, domain.ErrInvalid)
	}
	return s.truncate(ctx, rel.Parent, relationMark(rel), at.Key(),
		func(st *state, at string) bool { return st.dropRelations(rel.Name, at) })
}

// truncate rewrites every document of kind that drop changes and moves the
// kind's mark to at, all in one batch so that a crash leaves either both or neither.
func (s *Store) truncate(ctx context.Context, kind domain.Kind, mark, at string, drop func(*state, string) bool) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	leave, err := s.enter()
	if err != nil {
		return err
	}
	defer leave()
	ks := s.kinds[kind]
	ks.mu.Lock()
	defer ks.mu.Unlock()
	if at <= ks.marks[mark] {
		return nil
	}
	var docs []*document.Document
	err = s.scan(ctx, term(fieldKind, string(kind)), func(st *state) error {
		if !drop(st, at) {
			return nil
		}
		doc, err := s.document(st)
		docs = append(docs, doc)
		return err
	})
	if err != nil {
		return err
	}
	if err := s.committer.commit(docs, map[string][]byte{mark: []byte(at)}); err != nil {
		return unavailable(mark, err)
	}
	ks.marks[mark] = at
	return nil
}
