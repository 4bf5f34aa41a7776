package rest

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/videocatalog/catalog/functions/catalog/httpcache"
)

// The API as catalog.go serves it, behind the cache middleware: a list
// revalidates with 304 and its gzip body is still the documented JSON.
func TestBehindCacheMiddleware(t *testing.T) {
	api, _ := catalogAPI(t)
	h := httpcache.Middleware(30*time.Second, time.Minute)(api)
	serve := func(header ...string) *http.Response {
		req := httptest.NewRequest(http.MethodGet, "/v1/videos?facets=true", nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Result()
	}
	first := serve("Accept-Encoding", "gzip")
	if first.StatusCode != http.StatusOK || first.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("status %d, encoding %q", first.StatusCode, first.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(first.Body)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkResponse(http.MethodGet, "/v1/videos", first.StatusCode, first.Header, body); err != nil {
		t.Fatal(err)
	}
	again := serve("Accept-Encoding", "gzip", "If-None-Match", first.Header.Get("ETag"))
	if again.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation: status %d, want 304", again.StatusCode)
	}
}
