package app

import (
	"encoding/json"
	"net/http"

	"github.com/videocatalog/catalog/shared/logging"
)

// LazyHandler serves the handler build returns, building it on the first
// request so that a cold start opens no store until there is work. A failed
// build (a store not up yet) answers 503, which callers retry, and is tried
// again on the next request. Requests carry a logger with their trace.
func LazyHandler(function string, build func() (http.Handler, error)) http.Handler {
	h := lazy[http.Handler]{open: build}
	return logging.Middleware(Project(), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handler, err := h.get()
		if err != nil {
			logging.From(r.Context()).ErrorContext(r.Context(), "function unavailable", "function", function, "error", err)
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Retry-After", "5")
			w.WriteHeader(http.StatusServiceUnavailable)
			_ = json.NewEncoder(w).Encode(map[string]string{"error": function + " unavailable: " + err.Error()})
			return
		}
		handler.ServeHTTP(w, r)
	}))
}
