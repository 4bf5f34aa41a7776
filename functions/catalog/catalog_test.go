package catalog_test

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/videocatalog/catalog/functions/catalog"
	"github.com/videocatalog/catalog/functions/catalog/catalogtest"
	"github.com/videocatalog/catalog/shared/config"
	"github.com/videocatalog/catalog/shared/gateway/embedded"
	"github.com/videocatalog/catalog/shared/usecase/browse"
)

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	store, err := embedded.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if err := catalogtest.Load(t.Context(), store, catalogtest.Small()); err != nil {
		t.Fatal(err)
	}
	svc := browse.New(store, nil, browse.Config{MediaBaseURL: "https://cdn.test"})
	cfg := config.Catalog{CacheMaxAge: 30 * time.Second, CacheStale: time.Minute, MaxRequestBytes: 65536, CORSOrigins: []string{"*"}}
	srv := httptest.NewServer(catalog.NewHandler(svc, cfg))
	t.Cleanup(srv.Close)
	return srv
}

func fetch(t *testing.T, method, u string, header map[string]string, body string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	// The transport would otherwise ask for gzip and undo it unseen.
	req.Header.Set("Accept-Encoding", header["Accept-Encoding"])
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var r io.Reader = res.Body
	if res.Header.Get("Content-Encoding") == "gzip" {
		if r, err = gzip.NewReader(res.Body); err != nil {
			t.Fatal(err)
		}
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}

func TestHealth(t *testing.T) {
	srv := newServer(t)
	for _, path := range []string{"/", "/healthz"} {
		res, body := fetch(t, http.MethodGet, srv.URL+path, nil, "")
		var got map[string]string
		if res.StatusCode != http.StatusOK || json.Unmarshal([]byte(body), &got) != nil || got["status"] != "ok" {
			t.Errorf("GET %s = %d %s", path, res.StatusCode, body)
		}
	}
	if res, _ := fetch(t, http.MethodGet, srv.URL+"/nowhere", nil, ""); res.StatusCode != http.StatusNotFound {
		t.Errorf("GET /nowhere = %d, want 404", res.StatusCode)
	}
}

func TestGraphQLGETIsCacheable(t *testing.T) {
	srv := newServer(t)
	u := srv.URL + "/graphql?" + url.Values{"query": {`{ videos { nodes { id title description createdAt updatedAt categories { id name } } } }`}}.Encode()
	res, body := fetch(t, http.MethodGet, u, map[string]string{"Accept-Encoding": "gzip"}, "")
	etag := res.Header.Get("ETag")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "Amazing Journey") {
		t.Fatalf("GET = %d %s", res.StatusCode, body)
	}
	if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "max-age=30") || !strings.Contains(cc, "stale-while-revalidate=60") {
		t.Errorf("Cache-Control = %q", cc)
	}
	if res.Header.Get("Content-Encoding") != "gzip" || !strings.HasPrefix(etag, `"`) {
		t.Errorf("Content-Encoding = %q, ETag = %q; want gzip and a strong tag", res.Header.Get("Content-Encoding"), etag)
	}
	again, _ := fetch(t, http.MethodGet, u, map[string]string{"Accept-Encoding": "gzip", "If-None-Match": etag}, "")
	if again.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation = %d, want 304", again.StatusCode)
	}
}

// TestBrowserAppsOnOtherOrigins: a web app's GraphQL POST is preflighted
// (its JSON content type is not CORS-safelisted), then answered readable.
func TestBrowserAppsOnOtherOrigins(t *testing.T) {
	srv := newServer(t)
	origin := map[string]string{"Origin": "https://app.example"}
	res, _ := fetch(t, http.MethodOptions, srv.URL+"/graphql", map[string]string{
		"Origin": "https://app.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type",
	}, "")
	if res.StatusCode != http.StatusNoContent || res.Header.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(res.Header.Get("Access-Control-Allow-Headers"), "Content-Type") {
		t.Fatalf("preflight = %d %v", res.StatusCode, res.Header)
	}
	res, body := fetch(t, http.MethodPost, srv.URL+"/graphql", map[string]string{"Origin": origin["Origin"], "Content-Type": "application/json"},
		`{"query": "{ video(id: \"v02\") { title } }"}`)
	if res.StatusCode != http.StatusOK || res.Header.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(body, "Brave Hearts") {
		t.Fatalf("cross-origin POST = %d %v %s", res.StatusCode, res.Header, body)
	}
	res, _ = fetch(t, http.MethodGet, srv.URL+"/v1/videos", origin, "")
	if res.StatusCode != http.StatusOK || res.Header.Get("Access-Control-Allow-Origin") != "*" || res.Header.Get("Access-Control-Expose-Headers") != "ETag" {
		t.Fatalf("cross-origin REST GET = %d %v", res.StatusCode, res.Header)
	}
}

func TestGraphQLPOSTIsNotCached(t *testing.T) {
	srv := newServer(t)
	res, body := fetch(t, http.MethodPost, srv.URL+"/graphql", map[string]string{"Content-Type": "application/json"},
		`{"query": "{ video(id: \"v02\") { title } }"}`)
	if res.StatusCode != http.StatusOK || body != `{"data":{"video":{"title":"Brave Hearts"}}}` {
		t.Fatalf("POST = %d %s", res.StatusCode, body)
	}
	if res.Header.Get("ETag") != "" || strings.Contains(res.Header.Get("Cache-Control"), "max-age") {
		t.Errorf("POST answer has ETag %q, Cache-Control %q", res.Header.Get("ETag"), res.Header.Get("Cache-Control"))
	}
}

func TestBrowsersGetGraphiQLServedLocally(t *testing.T) {
	srv := newServer(t)
	res, page := fetch(t, http.MethodGet, srv.URL+"/graphql", map[string]string{"Accept": "text/html,application/xhtml+xml"}, "")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") || !strings.Contains(page, "GraphiQL") {
		t.Fatalf("page = %d %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	for _, asset := range []string{"graphiql.min.js", "graphiql.min.css", "react.production.min.js", "react-dom.production.min.js"} {
		path := "/graphql/graphiql/" + asset
		if !strings.Contains(page, path) {
			t.Errorf("page does not load %s", path)
		}
		if res, body := fetch(t, http.MethodGet, srv.URL+path, nil, ""); res.StatusCode != http.StatusOK || len(body) < 10000 {
			t.Errorf("GET %s = %d, %d bytes", path, res.StatusCode, len(body))
		}
	}
	if strings.Contains(page, "cdn.jsdelivr.net") {
		t.Error("page still loads from a CDN")
	}
}

func TestRESTIsMountedUnderV1(t *testing.T) {
	srv := newServer(t)
	res, body := fetch(t, http.MethodGet, srv.URL+"/v1/videos/v03", nil, "")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "City Lights") || res.Header.Get("ETag") == "" {
		t.Errorf("GET /v1/videos/v03 = %d, ETag %q: %s", res.StatusCode, res.Header.Get("ETag"), body)
	}
}
