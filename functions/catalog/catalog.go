// Package catalog registers the Catalog function, which serves the read APIs
// (GraphQL and REST) over the catalog store.
package catalog

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"

	"github.com/GoogleCloudPlatform/functions-framework-go/functions"

	"github.com/videocatalog/catalog/shared/app"
	"github.com/videocatalog/catalog/shared/config"
	"github.com/videocatalog/catalog/shared/gateway/cdnsign"
	"github.com/videocatalog/catalog/shared/logging"
	"github.com/videocatalog/catalog/shared/usecase/browse"
)

// Handler is the Catalog function: what init registers, and what the local
// server mounts at "/".
var Handler = logging.Middleware(app.Project(), http.HandlerFunc(serve))

func init() {
	functions.HTTP("Catalog", Handler.ServeHTTP)
}

// lazyHandler is built on the first request, so a cold start opens no store
// until there is a request. Unlike sync.OnceValues it keeps no failure: a store
// that was not up yet is tried again on the next request, as the sinks do.
var lazyHandler struct {
	mu sync.Mutex
	h  http.Handler
}

func handler() (http.Handler, error) {
	lazyHandler.mu.Lock()
	defer lazyHandler.mu.Unlock()
	if lazyHandler.h == nil {
		h, err := fromEnv()
		if err != nil {
			return nil, err
		}
		lazyHandler.h = h
	}
	return lazyHandler.h, nil
}

func fromEnv() (http.Handler, error) {
	cfg, err := config.Load[config.Catalog]()
	if err != nil {
		return nil, err
	}
	store, err := app.Store()
	if err != nil {
		return nil, err
	}
	signer, err := newSigner(cfg)
	if err != nil {
		return nil, err
	}
	svc := browse.New(store, signer, browse.Config{MediaBaseURL: cfg.MediaBaseURL, PlaybackTTL: cfg.PlaybackTTL})
	return NewHandler(svc, cfg), nil
}

// newSigner signs playback URLs when a CDN key is configured; without one
// they are plain URLs, as for local runs.
func newSigner(cfg config.Catalog) (browse.URLSigner, error) {
	if cfg.CDNKeyName == "" || cfg.CDNKey == "" {
		return nil, nil
	}
	s, err := cdnsign.New(cfg.CDNKeyName, cfg.CDNKey)
	if err != nil {
		return nil, fmt.Errorf("catalog: playback signing: %w", err)
	}
	return s, nil
}

func serve(w http.ResponseWriter, r *http.Request) {
	h, err := handler()
	if err != nil {
		logging.From(r.Context()).ErrorContext(r.Context(), "catalog unavailable", "error", err)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusServiceUnavailable)
		_ = json.NewEncoder(w).Encode(map[string]string{"error": "catalog unavailable"})
		return
	}
	h.ServeHTTP(w, r)
}
