package catalog

import (
	"encoding/json"
	"net/http"

	"github.com/videocatalog/catalog/functions/catalog/cors"
	"github.com/videocatalog/catalog/functions/catalog/graphql"
	"github.com/videocatalog/catalog/functions/catalog/httpcache"
	"github.com/videocatalog/catalog/functions/catalog/rest"
	"github.com/videocatalog/catalog/shared/config"
	"github.com/videocatalog/catalog/shared/usecase/browse"
)

// NewHandler serves the catalog's read APIs from svc: health at / and
// /healthz, GraphQL (and GraphiQL) at /graphql, REST under /v1/, to browser
// apps of cfg.CORSOrigins too. GET answers
// are cacheable; POSTs to /graphql are not, which is why clients that want
// caching use persisted queries over GET.
func NewHandler(svc *browse.Service, cfg config.Catalog) http.Handler {
	cached := httpcache.Middleware(cfg.CacheMaxAge, cfg.CacheStale)
	gql := graphql.NewHandler(svc, "/graphql", graphql.Options{
		Introspection: cfg.Introspection, MaxRequestBytes: cfg.MaxRequestBytes,
	})
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", health)
	mux.HandleFunc("GET /healthz", health)
	mux.Handle("GET /graphql", cached(gql))
	mux.Handle("GET /graphql/graphiql/", cached(gql))
	mux.Handle("/graphql", gql)
	mux.Handle("/v1/", cached(rest.NewHandler(svc)))
	return cors.Middleware(cfg.CORSOrigins)(mux)
}

func health(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	// A failed write means the client went away: nothing to answer.
	_ = json.NewEncoder(w).Encode(map[string]string{"status": "ok"})
}
