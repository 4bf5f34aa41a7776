package httpcache

import (
	"bytes"
	"compress/gzip"
	"strconv"
	"strings"
	"sync"
)

// acceptsGzip reports whether Accept-Encoding, given as its field lines,
// allows gzip: named (or as x-gzip) with a non-zero weight, or else covered
// by a "*" with a non-zero weight (RFC 9110 §12.5.3).
func acceptsGzip(fieldLines []string) bool {
	wildcard := false
	for _, member := range headerTokens(fieldLines) {
		coding, params, _ := strings.Cut(member, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		acceptable := weight(params) > 0
		switch coding {
		case "gzip", "x-gzip":
			return acceptable
		case "*":
			wildcard = acceptable
		}
	}
	return wildcard
}

// weight reads the q parameter of an Accept-Encoding member; it defaults to 1
// and a malformed one counts as 0, the safe reading.
func weight(params string) float64 {
	for _, p := range strings.Split(params, ";") {
		name, value, ok := strings.Cut(strings.TrimSpace(p), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil {
			return 0
		}
		return q
	}
	return 1
}

// gzipWriters reuses compressors: a new gzip.Writer allocates its tables,
// which cost more than compressing a page of JSON.
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed) // the level is valid
	return zw
}}

// gzipBytes compresses body at the fastest level: answers are small JSON and
// cached downstream, so CPU per request matters more than the last bytes.
// Errors are not possible: gzip only fails when the writer beneath it does,
// and a bytes.Buffer never does.
func gzipBytes(body []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(body) / 4)
	zw := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(zw)
	zw.Reset(&buf)
	_, _ = zw.Write(body)
	_ = zw.Close()
	return buf.Bytes()
}

// headerTokens splits comma-separated field lines into trimmed, non-empty members.
func headerTokens(fieldLines []string) []string {
	var tokens []string
	for _, line := range fieldLines {
		for _, t := range strings.Split(line, ",") {
			if t = strings.TrimSpace(t); t != "" {
				tokens = append(tokens, t)
			}
		}
	}
	return tokens
}
