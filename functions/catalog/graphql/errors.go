package graphql

import (
	"context"
	"errors"
	"strings"

	gql "github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/videocatalog/catalog/shared/logging"
	"github.com/videocatalog/catalog/shared/usecase/browse"
)

// presentError gives resolver errors a code clients can act on, and hides the
// details of failures that are not the client's doing.
func presentError(ctx context.Context, err error) *gqlerror.Error {
	gqlErr := gql.DefaultErrorPresenter(ctx, err)
	var param *browse.ParamError
	var notReady *browse.NotReadyError
	switch {
	case gqlErr.Err == nil || introspecting(gqlErr.Path):
		// Made by gqlgen itself (parsing, validation, limits, introspection
		// switched off): already clear, and about the query, not the store.
	case errors.As(err, &param):
		gqlErr.Message = param.Error()
		gqlErr.Extensions = map[string]any{"code": "BAD_USER_INPUT", "param": param.Param}
	case errors.As(err, &notReady):
		gqlErr.Message = notReady.Error()
		gqlErr.Extensions = map[string]any{"code": "NOT_READY", "reason": notReady.Reason, "status": string(notReady.Status)}
	default:
		logging.From(ctx).ErrorContext(ctx, "graphql: resolver failed", "path", gqlErr.Path.String(), "error", err)
		gqlErr.Message = "internal error"
		gqlErr.Extensions = map[string]any{"code": "INTERNAL_SERVER_ERROR"}
	}
	return gqlErr
}

func introspecting(path ast.Path) bool {
	if len(path) == 0 {
		return false
	}
	name, ok := path[0].(ast.PathName)
	return ok && strings.HasPrefix(string(name), "__")
}
