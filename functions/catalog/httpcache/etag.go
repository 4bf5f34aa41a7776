package httpcache

import (
	"crypto/sha256"
	"encoding/base64"
	"strings"
)

// etagOf is a strong entity tag for body: 128 bits of its SHA-256, enough
// that two representations of a resource never collide in practice. suffix
// tells content-codings apart, as RFC 9110 §8.8.3 requires of strong tags.
func etagOf(body []byte, suffix string) string {
	sum := sha256.Sum256(body)
	return `"` + base64.RawURLEncoding.EncodeToString(sum[:16]) + suffix + `"`
}

// withSuffix appends suffix inside the quotes of tag, keeping a W/ prefix.
func withSuffix(tag, suffix string) string {
	if strings.HasSuffix(tag, `"`) {
		return tag[:len(tag)-1] + suffix + `"`
	}
	return tag
}

// noneMatchFails reports whether If-None-Match, given as its field lines,
// matches current, so the client's copy is current (RFC 9110 §13.1.2). The
// comparison is weak: W/ prefixes are ignored.
func noneMatchFails(fieldLines []string, current string) bool {
	if len(fieldLines) == 0 || current == "" {
		return false
	}
	want := opaqueTag(current)
	for _, tag := range entityTags(strings.Join(fieldLines, ",")) {
		if tag == "*" || opaqueTag(tag) == want {
			return true
		}
	}
	return false
}

// entityTags splits an If-None-Match value into its entity tags. Commas may
// occur inside quoted tags, so it scans quotes rather than splitting on commas.
func entityTags(value string) []string {
	var tags []string
	rest := value
	for {
		rest = strings.TrimLeft(rest, " \t,")
		if rest == "" {
			return tags
		}
		if rest[0] == '*' {
			tags = append(tags, "*")
			rest = rest[1:]
			continue
		}
		start := 0
		if strings.HasPrefix(rest, "W/") {
			start = 2
		}
		if len(rest) <= start || rest[start] != '"' {
			// Not an entity tag: skip to the next list member.
			i := strings.IndexByte(rest, ',')
			if i < 0 {
				return tags
			}
			rest = rest[i:]
			continue
		}
		end := strings.IndexByte(rest[start+1:], '"')
		if end < 0 {
			return tags
		}
		end += start + 2
		tags = append(tags, rest[:end])
		rest = rest[end:]
	}
}

// opaqueTag is tag without its weakness indicator.
func opaqueTag(tag string) string {
	return strings.TrimPrefix(tag, "W/")
}
