// Package ingest holds the write use cases: save, delete, relate and truncate
// catalog rows as the admin database changes. Ordering, deduplication and
// refusing invalid row and relation changes with domain.ErrInvalid are the
// store's job (domain.ChangeStore); this layer names the intent, and checks
// truncate positions, which stores do not.
package ingest

import (
	"context"

	"github.com/videocatalog/catalog/shared/domain"
)

// Service applies admin changes to the catalog store.
type Service struct {
	store domain.ChangeStore
}

// New returns a Service writing to store.
func New(store domain.ChangeStore) *Service { return &Service{store: store} }

// Save stores e as the row's state at pos, unless the store holds a newer one.
func (s *Service) Save(ctx context.Context, pos domain.Position, e domain.Entity) (domain.Outcome, error) {
	return s.applyRow(ctx, domain.RowChange{Kind: e.EntityKind(), ID: e.EntityID(), Position: pos, Entity: e})
}

// Insert is Save for a row the database inserted or a snapshot read: the
// same outcome, with the hint that the store most likely has no state for it.
func (s *Service) Insert(ctx context.Context, pos domain.Position, e domain.Entity) (domain.Outcome, error) {
	return s.applyRow(ctx, domain.RowChange{Kind: e.EntityKind(), ID: e.EntityID(), Position: pos, Entity: e, Insert: true})
}

// Delete records that the row kind/id was deleted at pos.
func (s *Service) Delete(ctx context.Context, pos domain.Position, kind domain.Kind, id string) (domain.Outcome, error) {
	return s.applyRow(ctx, domain.RowChange{Kind: kind, ID: id, Position: pos})
}

func (s *Service) applyRow(ctx context.Context, c domain.RowChange) (domain.Outcome, error) {
	return s.store.ApplyRow(ctx, c)
}

// Relate records that the join row (parent, child) of rel exists (present) or not at pos.
func (s *Service) Relate(ctx context.Context, pos domain.Position, rel domain.Relation, parentID, childID string, present bool) (domain.Outcome, error) {
	c := domain.RelationChange{Relation: rel, ParentID: parentID, ChildID: childID, Position: pos, Present: present}
	return s.store.ApplyRelation(ctx, c)
}

// TruncateRows removes every row of kind older than pos.
func (s *Service) TruncateRows(ctx context.Context, pos domain.Position, kind domain.Kind) error {
	if err := domain.ValidateTruncate(pos); err != nil {
		return err
	}
	return s.store.TruncateRows(ctx, kind, pos)
}

// TruncateRelation removes every join row of rel older than pos.
func (s *Service) TruncateRelation(ctx context.Context, pos domain.Position, rel domain.Relation) error {
	if err := domain.ValidateTruncate(pos); err != nil {
		return err
	}
	return s.store.TruncateRelation(ctx, rel, pos)
}
