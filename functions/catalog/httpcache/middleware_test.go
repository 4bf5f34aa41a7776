package httpcache

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

var bigBody = strings.Repeat(`{"title":"A long and very compressible title"},`, 100)

func serve(t *testing.T, h http.Handler, method, target string, header ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Add(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	Middleware(30*time.Second, 60*time.Second)(h).ServeHTTP(rec, req)
	return rec.Result()
}

func text(status int, body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	})
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestOKGetsFreshnessValidatorAndVary(t *testing.T) {
	resp := serve(t, text(200, `{"a":1}`), "GET", "/v1/videos")
	if got := resp.Header.Get("Cache-Control"); got != "public, max-age=30, stale-while-revalidate=60" {
		t.Errorf("Cache-Control = %q", got)
	}
	if got := resp.Header.Get("Vary"); got != "Accept, Accept-Encoding" {
		t.Errorf("Vary = %q", got)
	}
	tag := resp.Header.Get("ETag")
	if !strings.HasPrefix(tag, `"`) || !strings.HasSuffix(tag, `"`) || len(tag) < 10 {
		t.Errorf("ETag = %q, want a strong quoted tag", tag)
	}
	if got := readAll(t, resp); got != `{"a":1}` {
		t.Errorf("body = %q", got)
	}
	if resp.Header.Get("Content-Length") != "7" {
		t.Errorf("Content-Length = %q", resp.Header.Get("Content-Length"))
	}
}

func TestETagFollowsTheBody(t *testing.T) {
	a := serve(t, text(200, "one"), "GET", "/").Header.Get("ETag")
	b := serve(t, text(200, "one"), "GET", "/").Header.Get("ETag")
	c := serve(t, text(200, "two"), "GET", "/").Header.Get("ETag")
	if a != b {
		t.Errorf("same body, different tags %s %s", a, b)
	}
	if a == c {
		t.Errorf("different bodies, same tag %s", a)
	}
}

func TestNotModified(t *testing.T) {
	tag := serve(t, text(200, `{"a":1}`), "GET", "/").Header.Get("ETag")
	weak := "W/" + tag
	for name, inm := range map[string]string{
		"exact":          tag,
		"weak":           weak,
		"in a list":      `"other", ` + tag + `, "more"`,
		"comma in a tag": `"a,b", ` + tag,
		"star":           "*",
	} {
		resp := serve(t, text(200, `{"a":1}`), "GET", "/", "If-None-Match", inm)
		if resp.StatusCode != http.StatusNotModified {
			t.Errorf("%s: status %d, want 304", name, resp.StatusCode)
			continue
		}
		if body := readAll(t, resp); body != "" {
			t.Errorf("%s: 304 with body %q", name, body)
		}
		if resp.Header.Get("ETag") != tag || resp.Header.Get("Cache-Control") == "" || resp.Header.Get("Vary") == "" {
			t.Errorf("%s: 304 lacks validators or caching fields: %v", name, resp.Header)
		}
		if resp.Header.Get("Content-Type") != "" {
			t.Errorf("%s: 304 has Content-Type", name)
		}
	}
}

func TestNotModifiedAcrossFieldLines(t *testing.T) {
	tag := serve(t, text(200, "x"), "GET", "/").Header.Get("ETag")
	resp := serve(t, text(200, "x"), "GET", "/", "If-None-Match", `"nope"`, "If-None-Match", tag)
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("status %d, want 304", resp.StatusCode)
	}
}

func TestMismatchServesTheBody(t *testing.T) {
	for _, inm := range []string{`"stale"`, `W/"stale", "older"`, `garbage`} {
		resp := serve(t, text(200, "fresh"), "GET", "/", "If-None-Match", inm)
		if resp.StatusCode != 200 || readAll(t, resp) != "fresh" {
			t.Errorf("If-None-Match %s: status %d", inm, resp.StatusCode)
		}
	}
}

func TestGzip(t *testing.T) {
	plain := serve(t, text(200, bigBody), "GET", "/")
	resp := serve(t, text(200, bigBody), "GET", "/", "Accept-Encoding", "br;q=1, gzip;q=0.8")
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding = %q", resp.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if string(decoded) != bigBody {
		t.Errorf("decoded body differs")
	}
	tag, plainTag := resp.Header.Get("ETag"), plain.Header.Get("ETag")
	if tag == plainTag || !strings.HasSuffix(tag, `-gzip"`) {
		t.Errorf("gzip tag %s must differ from identity tag %s", tag, plainTag)
	}
	again := serve(t, text(200, bigBody), "GET", "/", "Accept-Encoding", "gzip", "If-None-Match", tag)
	if again.StatusCode != http.StatusNotModified {
		t.Errorf("revalidating the gzip tag: status %d", again.StatusCode)
	}
	cross := serve(t, text(200, bigBody), "GET", "/", "Accept-Encoding", "gzip", "If-None-Match", plainTag)
	if cross.StatusCode != 200 {
		t.Errorf("identity tag matched the gzip representation: status %d", cross.StatusCode)
	}
}

func TestGzipOnlyWhenAcceptedAndWorthIt(t *testing.T) {
	cases := []struct {
		name, body, accept string
		want               bool
	}{
		{"small body", "tiny", "gzip", false},
		{"not accepted", bigBody, "", false},
		{"refused by weight", bigBody, "gzip;q=0", false},
		{"refused, wildcard allowed", bigBody, "gzip;q=0, *", false},
		{"wildcard", bigBody, "*", true},
		{"x-gzip", bigBody, "x-gzip", true},
		{"upper case", bigBody, "GZIP", true},
		{"malformed weight", bigBody, "gzip;q=high", false},
		{"other codings only", bigBody, "br, deflate", false},
	}
	for _, c := range cases {
		resp := serve(t, text(200, c.body), "GET", "/", "Accept-Encoding", c.accept)
		if got := resp.Header.Get("Content-Encoding") == "gzip"; got != c.want {
			t.Errorf("%s: gzip = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestHandlerChoicesAreKept(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "private, max-age=5")
		w.Header().Set("ETag", `"v7"`)
		w.Header().Set("Vary", "Origin")
		io.WriteString(w, bigBody)
	})
	resp := serve(t, h, "GET", "/", "Accept-Encoding", "gzip")
	if got := resp.Header.Get("Cache-Control"); got != "private, max-age=5" {
		t.Errorf("Cache-Control = %q", got)
	}
	if got := resp.Header.Get("ETag"); got != `"v7-gzip"` {
		t.Errorf("ETag = %q, want the handler's tag marked for gzip", got)
	}
	if got := resp.Header.Get("Vary"); got != "Origin, Accept, Accept-Encoding" {
		t.Errorf("Vary = %q", got)
	}
}

func TestErrorCaching(t *testing.T) {
	cases := []struct {
		status int
		want   string
	}{
		{http.StatusNotFound, "public, max-age=30"},
		{http.StatusGone, "public, max-age=30"},
		{http.StatusBadRequest, "no-store"},
		{http.StatusConflict, "no-store"},
		{http.StatusServiceUnavailable, "no-store"},
		{http.StatusInternalServerError, "no-store"},
	}
	for _, c := range cases {
		resp := serve(t, text(c.status, `{"status":1}`), "GET", "/", "If-None-Match", "*")
		if resp.StatusCode != c.status {
			t.Errorf("%d: status %d", c.status, resp.StatusCode)
		}
		if got := resp.Header.Get("Cache-Control"); got != c.want {
			t.Errorf("%d: Cache-Control = %q, want %q", c.status, got, c.want)
		}
		if resp.Header.Get("ETag") != "" {
			t.Errorf("%d: error has an ETag", c.status)
		}
		if readAll(t, resp) != `{"status":1}` {
			t.Errorf("%d: body lost", c.status)
		}
	}
}

func TestRedirectUntouched(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/elsewhere", http.StatusMovedPermanently)
	})
	resp := serve(t, h, "GET", "/")
	if resp.StatusCode != 301 || resp.Header.Get("Location") != "/elsewhere" || resp.Header.Get("Cache-Control") != "" {
		t.Errorf("redirect changed: %d %v", resp.StatusCode, resp.Header)
	}
}

func TestHeadMatchesGet(t *testing.T) {
	var methods []string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		methods = append(methods, r.Method)
		io.WriteString(w, "payload")
	})
	get := serve(t, h, "GET", "/")
	head := serve(t, h, "HEAD", "/")
	if head.Header.Get("ETag") != get.Header.Get("ETag") || head.Header.Get("Content-Length") != "7" {
		t.Errorf("HEAD headers %v differ from GET %v", head.Header, get.Header)
	}
	if body := readAll(t, head); body != "" {
		t.Errorf("HEAD body %q", body)
	}
	if methods[1] != http.MethodGet {
		t.Errorf("handler saw %s for HEAD, want GET", methods[1])
	}
}

func TestOtherMethodsPassThrough(t *testing.T) {
	resp := serve(t, text(200, bigBody), "POST", "/graphql", "Accept-Encoding", "gzip")
	if resp.Header.Get("ETag") != "" || resp.Header.Get("Cache-Control") != "" || resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("POST response changed: %v", resp.Header)
	}
	if readAll(t, resp) != bigBody {
		t.Errorf("POST body changed")
	}
}

func TestImplicitOK(t *testing.T) {
	resp := serve(t, http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}), "GET", "/")
	if resp.StatusCode != 200 || resp.Header.Get("ETag") == "" || resp.Header.Get("Content-Length") != "0" {
		t.Errorf("empty handler: %d %v", resp.StatusCode, resp.Header)
	}
}

func TestZeroDurations(t *testing.T) {
	rec := httptest.NewRecorder()
	Middleware(0, 0)(text(200, "x")).ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if got := rec.Header().Get("Cache-Control"); got != "public, max-age=0" {
		t.Errorf("Cache-Control = %q", got)
	}
}

func TestNoContentHasNoLength(t *testing.T) {
	resp := serve(t, text(http.StatusNoContent, ""), "GET", "/")
	if _, ok := resp.Header["Content-Length"]; ok || resp.StatusCode != 204 {
		t.Errorf("204: %d %v", resp.StatusCode, resp.Header)
	}
}
