package rest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/logging"
)

var everyEndpoint = []string{
	"/v1/videos", "/v1/videos/v1", "/v1/videos/v1/playback",
	"/v1/categories", "/v1/categories/c1", "/v1/genres", "/v1/genres/g1",
	"/v1/cast_members", "/v1/cast_members/m1",
}

func TestStoreUnavailable(t *testing.T) {
	h, spy := catalogAPI(t)
	// A closed store fails every call with domain.ErrUnavailable.
	if err := spy.store.Close(); err != nil {
		t.Fatal(err)
	}
	for _, target := range everyEndpoint {
		a := get(t, h, target)
		a.problem(t, http.StatusServiceUnavailable, "")
		if a.header.Get("Retry-After") != retryAfter {
			t.Errorf("%s: Retry-After = %q", target, a.header.Get("Retry-After"))
		}
	}
}

// failingCategories fails category lookups only, as a store can fail
// half-way through resolving a page's relations.
type failingCategories struct {
	domain.CatalogReader
	err error
}

func (f failingCategories) Categories(context.Context, []string) ([]domain.Category, error) {
	return nil, f.err
}

func TestRelationLookupFails(t *testing.T) {
	_, spy := catalogAPI(t)
	h := newAPI(t, failingCategories{CatalogReader: spy, err: fmt.Errorf("bleve: %w", domain.ErrUnavailable)}, true)
	for _, target := range []string{"/v1/videos", "/v1/videos/v1", "/v1/genres", "/v1/genres/g1", "/v1/categories/c1"} {
		get(t, h, target).problem(t, http.StatusServiceUnavailable, "")
	}
}

func TestUnexpectedErrorIsLoggedNotShown(t *testing.T) {
	_, spy := catalogAPI(t)
	h := newAPI(t, failingCategories{CatalogReader: spy, err: errors.New("secret internals")}, true)
	a := call(t, h, http.MethodGet, "/v1/categories/c1")
	if a.status != http.StatusInternalServerError || a.header.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("status %d %v", a.status, a.header)
	}
	if detail := a.body["detail"].(string); detail == "" || strings.Contains(detail, "secret") {
		t.Errorf("detail %q", detail)
	}
}

// Failures are logged through the request's logger, which carries the trace.
func TestErrorsLogWithTheRequestLogger(t *testing.T) {
	_, spy := catalogAPI(t)
	for _, err := range []error{errors.New("secret internals"), fmt.Errorf("bleve: %w", domain.ErrUnavailable)} {
		h := newAPI(t, failingCategories{CatalogReader: spy, err: err}, true)
		var buf bytes.Buffer
		l := slog.New(slog.NewJSONHandler(&buf, nil)).With(logging.TraceKey, "trace-1")
		req := httptest.NewRequest(http.MethodGet, "/v1/categories/c1", nil)
		req = req.WithContext(logging.WithLogger(req.Context(), l))
		h.ServeHTTP(httptest.NewRecorder(), req)
		if !strings.Contains(buf.String(), `"`+logging.TraceKey+`":"trace-1"`) {
			t.Errorf("%v: logged %q, want a line with the request's trace", err, buf.String())
		}
	}
}
