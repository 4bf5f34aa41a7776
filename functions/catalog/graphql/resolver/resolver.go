// Package resolver answers the catalog's GraphQL queries from the browse use case.
package resolver

import "github.com/videocatalog/catalog/shared/usecase/browse"

// Resolver is the root of the resolvers; it holds no per-request state, which
// lives in the batches carried by the models.
type Resolver struct {
	Browse *browse.Service
}
