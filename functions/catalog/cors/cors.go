// Package cors lets browser apps on other origins read the catalog: the API
// is public, read-only and sends no credentials, so answering any allowed
// origin is safe. Preflights are answered here, before routing, and cached
// by browsers for MaxAge.
package cors

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// methods: the API reads only; GraphQL queries may come as POST.
var methods = []string{http.MethodGet, http.MethodHead, http.MethodPost}

const (
	// allowedHeaders: a GraphQL POST's JSON content type and the validator
	// a client revalidates its cached answers with.
	allowedHeaders = "Content-Type, If-None-Match"
	// exposedHeaders: what a script may read beyond the CORS-safelisted ones.
	exposedHeaders = "ETag"
	maxAge         = 10 * time.Minute
)

// Middleware answers cross-origin requests from origins ("*" for any; none
// turns CORS off) and passes everything else to next unchanged.
func Middleware(origins []string) func(http.Handler) http.Handler {
	anyOrigin := slices.Contains(origins, "*")
	allowed := func(origin string) bool { return anyOrigin || slices.Contains(origins, origin) }
	return func(next http.Handler) http.Handler {
		if len(origins) == 0 {
			return next
		}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			origin := r.Header.Get("Origin")
			preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
			if !anyOrigin {
				// The answer depends on the origin: shared caches must key on it.
				w.Header().Add("Vary", "Origin")
			}
			if origin == "" || !allowed(origin) {
				if preflight {
					http.Error(w, "origin "+strconv.Quote(origin)+" may not read this API", http.StatusForbidden)
					return
				}
				next.ServeHTTP(w, r)
				return
			}
			h := w.Header()
			if anyOrigin {
				h.Set("Access-Control-Allow-Origin", "*")
			} else {
				h.Set("Access-Control-Allow-Origin", origin)
			}
			if !preflight {
				h.Set("Access-Control-Expose-Headers", exposedHeaders)
				next.ServeHTTP(w, r)
				return
			}
			method := r.Header.Get("Access-Control-Request-Method")
			if !slices.Contains(methods, method) {
				http.Error(w, "method "+strconv.Quote(method)+" is not allowed: this API is read-only", http.StatusMethodNotAllowed)
				return
			}
			h.Set("Access-Control-Allow-Methods", strings.Join(methods, ", "))
			h.Set("Access-Control-Allow-Headers", allowedHeaders)
			h.Set("Access-Control-Max-Age", strconv.Itoa(int(maxAge.Seconds())))
			w.WriteHeader(http.StatusNoContent)
		})
	}
}
