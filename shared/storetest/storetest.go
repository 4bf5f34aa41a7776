// Package storetest is the contract every domain.Store adapter must pass. An
// adapter's test calls Run with a constructor of fresh, empty stores:
//
//	func TestContract(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) domain.Store { return openEmpty(t) })
//	}
//
// The suite asserts only what the port promises and reads state only through the
// port. It assumes one rule the port leaves implicit: a write that has returned
// is visible to every read that starts after it. A near-real-time adapter must
// therefore make its changes visible (refresh) before ApplyRow, ApplyRelation,
// TruncateRows or TruncateRelation return; the suite never sleeps or polls.
package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
)

// Run runs the whole contract; each subtest gets its own store from newStore,
// which the suite closes when the subtest ends.
func Run(t *testing.T, newStore func(t *testing.T) domain.Store) {
	groups := []struct {
		name  string
		tests map[string]func(t *testing.T, s domain.Store)
	}{
		{"Convergence", convergenceTests},
		{"Insert", insertTests},
		{"Rows", rowsTests},
		{"Batch", batchTests},
		{"List", listTests},
		{"Search", searchTests},
		{"Filter", filterTests},
		{"Facets", facetTests},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			for _, name := range sortedKeys(g.tests) {
				t.Run(name, func(t *testing.T) {
					s := newStore(t)
					t.Cleanup(func() {
						if err := s.Close(); err != nil {
							t.Errorf("Close: %v", err)
						}
					})
					g.tests[name](t, s)
				})
			}
		})
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// row applies c and fails unless the outcome is want.
func row(t *testing.T, s domain.Store, c domain.RowChange, want domain.Outcome) {
	t.Helper()
	got, err := s.ApplyRow(context.Background(), c)
	if err != nil {
		t.Fatalf("ApplyRow(%s %s at %s): %v", c.Kind, c.ID, c.Position, err)
	}
	if got != want {
		t.Fatalf("ApplyRow(%s %s at %s) = %s, want %s", c.Kind, c.ID, c.Position, got, want)
	}
}

// rel applies c and fails unless the outcome is want.
func rel(t *testing.T, s domain.Store, c domain.RelationChange, want domain.Outcome) {
	t.Helper()
	got, err := s.ApplyRelation(context.Background(), c)
	if err != nil {
		t.Fatalf("ApplyRelation(%s.%s %s->%s at %s): %v", c.Relation.Parent, c.Relation.Name, c.ParentID, c.ChildID, c.Position, err)
	}
	if got != want {
		t.Fatalf("ApplyRelation(%s.%s %s->%s at %s) = %s, want %s", c.Relation.Parent, c.Relation.Name, c.ParentID, c.ChildID, c.Position, got, want)
	}
}

// put writes every entity at p, expecting each to apply.
func put(t *testing.T, s domain.Store, p domain.Position, es ...domain.Entity) {
	t.Helper()
	for _, e := range es {
		row(t, s, Put(e, p), domain.Applied)
	}
}

// rows reads Rows(kind) keyed by id.
func rows(t *testing.T, s domain.Store, kind domain.Kind) map[string]domain.Entity {
	t.Helper()
	es, err := s.Rows(context.Background(), kind)
	if err != nil {
		t.Fatalf("Rows(%s): %v", kind, err)
	}
	m := make(map[string]domain.Entity, len(es))
	for _, e := range es {
		if _, dup := m[e.EntityID()]; dup {
			t.Fatalf("Rows(%s) returned %s twice", kind, e.EntityID())
		}
		m[e.EntityID()] = e
	}
	return m
}

// ids returns the ids of entities, sorted.
func ids[E domain.Entity](es []E) []string {
	out := make([]string, 0, len(es))
	for _, e := range es {
		out = append(out, e.EntityID())
	}
	slices.Sort(out)
	return out
}

// orderedIDs returns the ids of entities in their order.
func orderedIDs[E domain.Entity](es []E) []string {
	out := make([]string, 0, len(es))
	for _, e := range es {
		out = append(out, e.EntityID())
	}
	return out
}

func equalIDs(t *testing.T, what string, got, want []string) {
	t.Helper()
	if got == nil {
		got = []string{}
	}
	if want == nil {
		want = []string{}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func wantErr(t *testing.T, what string, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Errorf("%s: error %v, want one wrapping %v", what, err, target)
	}
}
