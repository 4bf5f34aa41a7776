// Package cdnsign signs URLs for Google Cloud CDN, so that clients can fetch
// private media from the CDN cache for a limited time without other credentials.
package cdnsign

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// keySize is the length Cloud CDN requires of a signing key: 128 bits.
const keySize = 16

// keyNamePattern is the RFC 1035 label Cloud CDN requires of key names.
var keyNamePattern = regexp.MustCompile(`^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$`)

// reservedParams are the query parameters the signature adds; a URL that
// already carries one would be signed ambiguously.
var reservedParams = []string{"Expires", "KeyName", "Signature"}

// Signer signs URLs with one Cloud CDN key. It is safe for concurrent use.
type Signer struct {
	keyName string
	key     []byte
}

// New returns a Signer for the key named keyName on the backend, given as the
// base64url string Cloud CDN shows and accepts (padding optional).
func New(keyName string, base64urlKey string) (*Signer, error) {
	if !keyNamePattern.MatchString(keyName) {
		return nil, fmt.Errorf("cdnsign: key name %q must be 1 to 63 characters of [a-z0-9-], starting with a letter and not ending with a dash", keyName)
	}
	key, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(base64urlKey, "="))
	if err != nil {
		return nil, fmt.Errorf("cdnsign: key is not base64url: %w", err)
	}
	if len(key) != keySize {
		return nil, fmt.Errorf("cdnsign: key must be %d bytes, got %d", keySize, len(key))
	}
	return &Signer{keyName: keyName, key: key}, nil
}

// Sign returns rawURL with the Expires, KeyName and Signature parameters Cloud
// CDN checks. The signature is the padded base64url HMAC-SHA1 of the URL up to
// and including KeyName, exactly as written, which is why rawURL is appended
// to rather than re-encoded.
func (s *Signer) Sign(rawURL string, expires time.Time) (string, error) {
	if err := checkURL(rawURL); err != nil {
		return "", err
	}
	sep := "?"
	if strings.Contains(rawURL, "?") {
		sep = "&"
	}
	unsigned := rawURL + sep + "Expires=" + strconv.FormatInt(expires.Unix(), 10) + "&KeyName=" + s.keyName
	mac := hmac.New(sha1.New, s.key)
	mac.Write([]byte(unsigned))
	return unsigned + "&Signature=" + base64.URLEncoding.EncodeToString(mac.Sum(nil)), nil
}

func checkURL(rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		return fmt.Errorf("cdnsign: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return fmt.Errorf("cdnsign: %q is not an absolute http or https URL", rawURL)
	}
	// url.Parse sets Fragment only from text after a '#', so this also
	// refuses a bare trailing '#', which leaves Fragment empty.
	if strings.Contains(rawURL, "#") {
		return errors.New("cdnsign: a URL to sign must not have a fragment")
	}
	query := u.Query()
	for _, p := range reservedParams {
		if query.Has(p) {
			return fmt.Errorf("cdnsign: a URL to sign must not have the %s parameter", p)
		}
	}
	return nil
}
