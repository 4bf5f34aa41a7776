package cors_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/videocatalog/catalog/functions/catalog/cors"
)

func serve(origins []string, method string, headers map[string]string) *httptest.ResponseRecorder {
	api := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Write([]byte("page"))
	})
	req := httptest.NewRequest(method, "/v1/videos", nil)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	cors.Middleware(origins)(api).ServeHTTP(rec, req)
	return rec
}

func TestAnyOrigin(t *testing.T) {
	rec := serve([]string{"*"}, http.MethodGet, map[string]string{"Origin": "https://app.example"})
	if rec.Code != http.StatusOK || rec.Body.String() != "page" || rec.Header().Get("Access-Control-Allow-Origin") != "*" ||
		rec.Header().Get("Access-Control-Expose-Headers") != "ETag" || rec.Header().Get("Vary") != "" {
		t.Fatalf("GET from another origin: %d %q %v", rec.Code, rec.Body.String(), rec.Header())
	}
	rec = serve([]string{"*"}, http.MethodOptions, map[string]string{
		"Origin": "https://app.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type",
	})
	h := rec.Header()
	if rec.Code != http.StatusNoContent || rec.Body.Len() != 0 || h.Get("Access-Control-Allow-Methods") != "GET, HEAD, POST" ||
		h.Get("Access-Control-Allow-Headers") != "Content-Type, If-None-Match" || h.Get("Access-Control-Max-Age") != "600" {
		t.Fatalf("preflight: %d %q %v", rec.Code, rec.Body.String(), h)
	}
	rec = serve([]string{"*"}, http.MethodOptions, map[string]string{"Origin": "https://app.example", "Access-Control-Request-Method": "DELETE"})
	if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Access-Control-Allow-Methods") != "" {
		t.Fatalf("preflight for DELETE: %d %v", rec.Code, rec.Header())
	}
}

func TestListedOrigins(t *testing.T) {
	origins := []string{"https://app.example", "https://tv.example"}
	rec := serve(origins, http.MethodGet, map[string]string{"Origin": "https://tv.example"})
	if rec.Header().Get("Access-Control-Allow-Origin") != "https://tv.example" || rec.Header().Get("Vary") != "Origin" {
		t.Fatalf("listed origin: %v", rec.Header())
	}
	rec = serve(origins, http.MethodGet, map[string]string{"Origin": "https://evil.example"})
	if rec.Code != http.StatusOK || rec.Header().Get("Access-Control-Allow-Origin") != "" || rec.Header().Get("Vary") != "Origin" {
		t.Fatalf("unlisted origin: the answer is served (same-origin rules apply) without CORS headers: %d %v", rec.Code, rec.Header())
	}
	rec = serve(origins, http.MethodOptions, map[string]string{"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"})
	if rec.Code != http.StatusForbidden {
		t.Fatalf("preflight from an unlisted origin: %d", rec.Code)
	}
	rec = serve(origins, http.MethodGet, nil)
	if rec.Code != http.StatusOK || rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Fatalf("same-origin GET: %d %v", rec.Code, rec.Header())
	}
}

func TestOff(t *testing.T) {
	rec := serve(nil, http.MethodGet, map[string]string{"Origin": "https://app.example"})
	if rec.Code != http.StatusOK || rec.Header().Get("Access-Control-Allow-Origin") != "" || rec.Header().Get("Vary") != "" {
		t.Fatalf("CORS off: %d %v", rec.Code, rec.Header())
	}
}
