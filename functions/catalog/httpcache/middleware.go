// Package httpcache makes read responses cheap to serve again: it gives them
// validators and freshness for browsers and the CDN, answers revalidations
// with 304, and compresses what is worth compressing.
package httpcache

import (
	"bytes"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// minGzipSize is the smallest body worth compressing: below about a kilobyte
// the gzip framing and the CPU cost outweigh the bytes saved.
const minGzipSize = 1024

// Middleware buffers GET and HEAD responses and decides their caching:
//   - 2xx: a strong ETag of the body as sent (it differs per content-coding),
//     "Cache-Control: public, max-age, stale-while-revalidate", a 304 for a
//     matching If-None-Match, and gzip when the client accepts it;
//   - 404 and 410: "public, max-age" without stale-while-revalidate, so hot
//     lookups of missing ids do not all reach the store, while an entity that
//     appears is visible as soon as a changed one would be;
//   - any other error: "no-store", since it is transient or a client bug;
//   - 1xx and 3xx: untouched.
//
// A Cache-Control, ETag or Content-Encoding the handler set is kept. Every
// GET and HEAD answer carries "Vary: Accept, Accept-Encoding": encodings differ
// and some endpoints (GraphQL) answer browsers with HTML. HEAD is served by
// running the handler as GET, so its validators are those of the GET body.
// Other methods pass through untouched.
func Middleware(maxAge, staleWhileRevalidate time.Duration) func(http.Handler) http.Handler {
	fresh := "public, max-age=" + seconds(maxAge)
	if staleWhileRevalidate > 0 {
		fresh += ", stale-while-revalidate=" + seconds(staleWhileRevalidate)
	}
	missing := "public, max-age=" + seconds(maxAge)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				next.ServeHTTP(w, r)
				return
			}
			inner := r
			if r.Method == http.MethodHead {
				inner = r.Clone(r.Context())
				inner.Method = http.MethodGet
			}
			rec := &recorder{header: w.Header()}
			next.ServeHTTP(rec, inner)
			rec.finish(w, r, fresh, missing)
		})
	}
}

func seconds(d time.Duration) string {
	return strconv.FormatInt(int64(max(d, 0)/time.Second), 10)
}

// recorder holds a response until the handler is done, so that its ETag and
// encoding can be decided from the whole body.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (rec *recorder) Header() http.Header { return rec.header }

func (rec *recorder) WriteHeader(status int) {
	if rec.status == 0 {
		rec.status = status
	}
}

func (rec *recorder) Write(p []byte) (int, error) {
	rec.WriteHeader(http.StatusOK)
	return rec.body.Write(p)
}

func (rec *recorder) finish(w http.ResponseWriter, r *http.Request, fresh, missing string) {
	status := rec.status
	if status == 0 {
		status = http.StatusOK
	}
	h := w.Header()
	addVary(h, "Accept", "Accept-Encoding")
	body := rec.body.Bytes()
	switch {
	case status >= 200 && status < 300:
		setDefault(h, "Cache-Control", fresh)
		var notModified bool
		body, notModified = representation(h, r, body)
		if notModified {
			writeNotModified(w)
			return
		}
	case status == http.StatusNotFound || status == http.StatusGone:
		setDefault(h, "Cache-Control", missing)
	case status >= 400:
		setDefault(h, "Cache-Control", "no-store")
	}
	if bodyAllowed(status) {
		h.Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		if _, err := w.Write(body); err != nil {
			// The client went away; nothing is left to tell it.
			return
		}
	}
}

// representation sets the ETag of what will be sent, reports whether the
// client's copy is current, and otherwise returns the body to send, gzipped
// when the client accepts it. The tag is decided before compressing so that
// a revalidation costs no compression.
func representation(h http.Header, r *http.Request, body []byte) ([]byte, bool) {
	zip := h.Get("Content-Encoding") == "" && len(body) >= minGzipSize && acceptsGzip(r.Header.Values("Accept-Encoding"))
	suffix := ""
	if zip {
		suffix = "-gzip"
	}
	if tag := h.Get("ETag"); tag == "" {
		h.Set("ETag", etagOf(body, suffix))
	} else if zip {
		h.Set("ETag", withSuffix(tag, suffix))
	}
	if noneMatchFails(r.Header.Values("If-None-Match"), h.Get("ETag")) {
		return nil, true
	}
	if zip {
		h.Set("Content-Encoding", "gzip")
		body = gzipBytes(body)
	}
	return body, false
}

// writeNotModified sends a 304 with the validators and caching fields only:
// RFC 9110 §15.4.5 asks for no other representation metadata.
func writeNotModified(w http.ResponseWriter) {
	h := w.Header()
	for _, k := range []string{"Content-Type", "Content-Length", "Content-Encoding", "Content-Language"} {
		h.Del(k)
	}
	w.WriteHeader(http.StatusNotModified)
}

// bodyAllowed is false for the statuses RFC 9110 forbids a body and a
// Content-Length on.
func bodyAllowed(status int) bool {
	return status >= 200 && status != http.StatusNoContent && status != http.StatusNotModified
}

func setDefault(h http.Header, key, value string) {
	if h.Get(key) == "" {
		h.Set(key, value)
	}
}

// addVary adds fields to Vary, keeping those already there, as one line.
func addVary(h http.Header, fields ...string) {
	list := headerTokens(h.Values("Vary"))
	for _, f := range fields {
		if !slices.ContainsFunc(list, func(have string) bool { return strings.EqualFold(have, f) }) {
			list = append(list, f)
		}
	}
	h.Set("Vary", strings.Join(list, ", "))
}
