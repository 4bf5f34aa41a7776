package graphql_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/videocatalog/catalog/functions/catalog/catalogtest"
	"github.com/videocatalog/catalog/functions/catalog/graphql"
	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/gateway/embedded"
	"github.com/videocatalog/catalog/shared/usecase/browse"
)

const mediaBase = "https://cdn.test/media"

// smallStore is the small fixture catalog on a real embedded store, filled
// once for the package's tests, which only read it.
var smallStore = sync.OnceValues(func() (domain.Store, error) {
	s, err := embedded.OpenMemory()
	if err != nil {
		return nil, err
	}
	return s, catalogtest.Load(context.Background(), s, catalogtest.Small())
})

func fixture(t testing.TB) domain.Store {
	t.Helper()
	s, err := smallStore()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func newHandler(t testing.TB, reader domain.CatalogReader, opts graphql.Options) http.Handler {
	t.Helper()
	svc := browse.New(reader, nil, browse.Config{MediaBaseURL: mediaBase})
	return graphql.NewHandler(svc, "/graphql", opts)
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

type response struct {
	Status int
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

// post sends query with variables as a JSON POST.
func post(t testing.TB, h http.Handler, query string, vars map[string]any) response {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return serve(t, h, req)
}

// get sends params as the query string of a GET.
func get(t testing.TB, h http.Handler, params url.Values) response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, "/graphql?"+params.Encode(), nil)
	req.Header.Set("Accept", "application/json")
	return serve(t, h, req)
}

func serve(t testing.TB, h http.Handler, req *http.Request) response {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	r := response{Status: rec.Code}
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatalf("answer %d is not JSON: %v: %s", rec.Code, err, rec.Body)
	}
	return r
}

// run posts query against the fixture and decodes its data into out, failing on any error.
func run(t testing.TB, query string, vars map[string]any, out any) {
	t.Helper()
	r := post(t, newHandler(t, fixture(t), graphql.Options{}), query, vars)
	if len(r.Errors) > 0 || r.Status != http.StatusOK {
		t.Fatalf("status %d, errors %+v", r.Status, r.Errors)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		t.Fatalf("data %s: %v", r.Data, err)
	}
}

// mustFail posts query against the fixture and returns its only error.
func mustFail(t testing.TB, query string, vars map[string]any) gqlError {
	t.Helper()
	r := post(t, newHandler(t, fixture(t), graphql.Options{}), query, vars)
	if len(r.Errors) != 1 {
		t.Fatalf("status %d, errors %+v, data %s; want one error", r.Status, r.Errors, r.Data)
	}
	return r.Errors[0]
}

type node struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func idsOf(nodes []node) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = n.ID
	}
	return out
}
