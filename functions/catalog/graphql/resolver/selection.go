package resolver

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"
	"github.com/videocatalog/catalog/shared/domain"
)

// selects reports whether the client selected field on the current field's
// result, of GraphQL type typeName (which fragments are matched against).
func selects(ctx context.Context, typeName, field string) bool {
	for _, f := range graphql.CollectFieldsCtx(ctx, []string{typeName}) {
		if f.Name == field {
			return true
		}
	}
	return false
}

// absentIsNull answers the lookup of an absent entity with null rather than
// an error, as GraphQL clients expect of a nullable field.
func absentIsNull(err error) error {
	if errors.Is(err, domain.ErrNotFound) {
		return nil
	}
	return err
}
