package graphql

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	gql "github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/videocatalog/catalog/functions/catalog/graphql/exec"
	"github.com/videocatalog/catalog/functions/catalog/graphql/model"
	"github.com/videocatalog/catalog/shared/usecase/browse"
)

// complexity weighs a list by the page size it asks for, so that the limit
// bounds the number of objects a query can make the server resolve.
func complexity() exec.ComplexityRoot {
	var c exec.ComplexityRoot
	c.Query.Videos = func(child int, _ *string, _ *model.VideoFilter, _ *model.VideoSort, first *int, _ *string, _, perPage *int) int {
		return listCost(child, first, perPage)
	}
	list := func(child int, _ *string, _ *model.Sort, first *int, _ *string, _, perPage *int) int {
		return listCost(child, first, perPage)
	}
	c.Query.Categories, c.Query.Genres, c.Query.CastMembers = list, list, list
	return c
}

func listCost(child int, first, perPage *int) int {
	size := browse.DefaultPageSize
	switch {
	case first != nil:
		size = *first
	case perPage != nil:
		size = *perPage
	}
	// Sizes out of bounds are refused by the use case; count them as the nearest bound.
	return 1 + child*min(max(size, 1), browse.MaxPageSize)
}

// depthLimit refuses queries nested deeper than max, which complexity alone
// lets through when each level is cheap. The schema has no cycles, so only
// introspection (ofType { ofType { ... } }) can nest without end.
type depthLimit struct{ max int }

var _ interface {
	gql.HandlerExtension
	gql.OperationContextMutator
} = depthLimit{}

func (depthLimit) ExtensionName() string               { return "DepthLimit" }
func (depthLimit) Validate(gql.ExecutableSchema) error { return nil }

func (d depthLimit) MutateOperationContext(_ context.Context, opCtx *gql.OperationContext) *gqlerror.Error {
	if depth := selectionDepth(opCtx.Operation.SelectionSet, opCtx.Doc.Fragments); depth > d.max {
		err := gqlerror.Errorf("query is %d levels deep, more than the %d allowed: ask for fewer nested fields", depth, d.max)
		errcode.Set(err, "QUERY_TOO_DEEP")
		return err
	}
	return nil
}

// selectionDepth is the nesting of fields in set; validation has already
// refused fragment cycles, so the recursion ends.
func selectionDepth(set ast.SelectionSet, fragments ast.FragmentDefinitionList) int {
	deepest := 0
	for _, sel := range set {
		var depth int
		switch s := sel.(type) {
		case *ast.Field:
			depth = 1 + selectionDepth(s.SelectionSet, fragments)
		case *ast.InlineFragment:
			depth = selectionDepth(s.SelectionSet, fragments)
		case *ast.FragmentSpread:
			if f := fragments.ForName(s.Name); f != nil {
				depth = selectionDepth(f.SelectionSet, fragments)
			}
		}
		deepest = max(deepest, depth)
	}
	return deepest
}

// limitBody refuses request bodies over max bytes with 413 before the
// transports read them, as they would answer a truncated body with a vague error.
func limitBody(next http.Handler, max int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Body == http.NoBody || max <= 0 {
			next.ServeHTTP(w, r)
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, max+1))
		if err != nil {
			writeError(w, http.StatusBadRequest, "BAD_REQUEST", "could not read the request body")
			return
		}
		if int64(len(body)) > max {
			writeError(w, http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE",
				fmt.Sprintf("the request body is larger than %d bytes", max))
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

func writeError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{
		"errors": []any{map[string]any{"message": message, "extensions": map[string]string{"code": code}}},
	})
}
