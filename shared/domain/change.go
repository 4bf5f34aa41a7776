package domain

import (
	"fmt"
	"slices"
)

// Validate checks that c names a known kind, a valid id and a real position,
// and that its entity, if any, is that row and passes its own rules.
func (c RowChange) Validate() error {
	if !slices.Contains(Kinds, c.Kind) {
		return fmt.Errorf("row change of unknown kind %q: %w", c.Kind, ErrInvalid)
	}
	if err := ValidateID(string(c.Kind), c.ID); err != nil {
		return err
	}
	if err := requirePosition(c.Position); err != nil {
		return err
	}
	if c.Entity == nil {
		return nil
	}
	if c.Entity.EntityKind() != c.Kind || c.Entity.EntityID() != c.ID {
		return fmt.Errorf("row change %s %s carries %s %s: %w", c.Kind, c.ID, c.Entity.EntityKind(), c.Entity.EntityID(), ErrInvalid)
	}
	return c.Entity.Validate()
}

// Validate checks that c names a known relation, valid ids and a real position.
func (c RelationChange) Validate() error {
	if !slices.Contains(Relations, c.Relation) {
		return fmt.Errorf("unknown relation %v: %w", c.Relation, ErrInvalid)
	}
	if err := ValidateID(string(c.Relation.Parent), c.ParentID); err != nil {
		return err
	}
	if err := ValidateID(string(c.Relation.Child), c.ChildID); err != nil {
		return err
	}
	return requirePosition(c.Position)
}

// requirePosition refuses unordered changes: without a position a change could
// overwrite a newer one, so it is never applied.
func requirePosition(pos Position) error {
	if pos.IsZero() {
		return fmt.Errorf("change has no source position (binlog file and pos): %w", ErrInvalid)
	}
	return nil
}

// ValidateTruncate checks a truncate's position.
func ValidateTruncate(at Position) error { return requirePosition(at) }
