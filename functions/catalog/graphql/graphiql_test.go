package graphql_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/videocatalog/catalog/functions/catalog/graphql"
)

// GraphiQL's files are served under the endpoint, cacheable by browsers,
// whether or not the path is escaped.
func TestGraphiQLAssets(t *testing.T) {
	h := newHandler(t, fixture(t), graphql.Options{})
	for _, target := range []string{"/graphql/graphiql/graphiql.min.js", "/graphql/graphiql/react%2Eproduction.min.js"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != http.StatusOK || rec.Body.Len() < 10000 {
			t.Errorf("GET %s = %d, %d bytes", target, rec.Code, rec.Body.Len())
		}
		if got := rec.Header().Get("Cache-Control"); got != "public, max-age=86400" {
			t.Errorf("GET %s: Cache-Control %q", target, got)
		}
	}
	for _, target := range []string{"/graphql/graphiql/LICENSES.txt", "/graphql/graphiql/nope.js", "/graphql/graphiql.min.js"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", target, rec.Code)
		}
	}
}
