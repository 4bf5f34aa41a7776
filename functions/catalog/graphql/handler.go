// Package graphql serves the catalog's GraphQL API: the gqlgen executor with
// the transports, caches and bounds a public endpoint needs, and GraphiQL for
// browsers.
package graphql

import (
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/videocatalog/catalog/functions/catalog/graphql/exec"
	"github.com/videocatalog/catalog/functions/catalog/graphql/resolver"
	"github.com/videocatalog/catalog/shared/usecase/browse"
)

// Bounds of one GraphQL request.
const (
	// MaxComplexity admits a full page (100) of videos with their relations,
	// and refuses several such pages in one request.
	MaxComplexity = 5000
	// MaxDepth admits GraphiQL's introspection query, the deepest a client
	// needs: its TypeRef nests ofType nine times, 15 levels in all. Queries of
	// the catalog itself are at most 6 deep (videos.edges.node.genres.categories.name).
	MaxDepth = 15
	// MaxTokens bounds the parser's work on a query, GraphiQL's introspection included.
	MaxTokens = 5000
	// queryCacheSize and apqCacheSize bound the parsed and persisted queries kept.
	queryCacheSize = 1000
	apqCacheSize   = 1000
)

// Options configure the endpoint.
type Options struct {
	// Introspection answers __schema and __type queries: on locally, off in production.
	Introspection bool
	// MaxRequestBytes bounds a request body.
	MaxRequestBytes int64
}

// NewHandler serves GraphQL queries over GET and POST, and GraphiQL to
// browsers (GET with Accept: text/html). The path it is mounted at is the
// endpoint GraphiQL posts to; its assets are under path + "/graphiql/".
func NewHandler(svc *browse.Service, path string, opts Options) http.Handler {
	api := limitBody(newServer(svc, opts), opts.MaxRequestBytes)
	ui := graphiQL(path)
	mux := http.NewServeMux()
	mux.Handle(path+"/graphiql/", http.StripPrefix(path, graphiQLAssets()))
	mux.Handle(path, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && wantsHTML(r) {
			ui.ServeHTTP(w, r)
			return
		}
		api.ServeHTTP(w, r)
	}))
	return mux
}

func newServer(svc *browse.Service, opts Options) *handler.Server {
	srv := handler.New(exec.NewExecutableSchema(exec.Config{
		Resolvers:  &resolver.Resolver{Browse: svc},
		Complexity: complexity(),
	}))
	// Queries only: no websocket or multipart transports for a read API.
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](queryCacheSize))
	srv.SetParserTokenLimit(MaxTokens)
	srv.SetErrorPresenter(presentError)
	if opts.Introspection {
		srv.Use(extension.Introspection{})
	}
	// Persisted queries let clients send a hash over GET, which caches can key on.
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](apqCacheSize)})
	srv.Use(extension.FixedComplexityLimit(MaxComplexity))
	srv.Use(depthLimit{max: MaxDepth})
	return srv
}

// wantsHTML reports whether a GET comes from a browser, which asks for HTML
// first, rather than from a GraphQL client, which asks for JSON. GraphiQL
// reads a query in the page's URL into its editor.
func wantsHTML(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "text/html")
}
