package cdnsign

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"
)

// sampleKey is the key of Google's published Go sample for Cloud CDN signed
// URLs (golang-samples cdn/signedurls), whose outputs are the vectors below.
const sampleKey = "nZtRohdNF9m3cKM24IcK4w=="

func TestSignMatchesGoogleSampleVectors(t *testing.T) {
	cases := []struct {
		url     string
		expires int64
		want    string
	}{
		{"http://35.186.234.33/index.html", 1558131350,
			"http://35.186.234.33/index.html?Expires=1558131350&KeyName=my-key&Signature=fm6JZSmKNsB5sys8VGr-JE4LiiE="},
		{"https://www.google.com/", 1549751401,
			"https://www.google.com/?Expires=1549751401&KeyName=my-key&Signature=M_QO7BGHi2sGqrJO-MDr0uhDFuc="},
		{"https://www.example.com/some/path?some=query&another=param", 1549751461,
			"https://www.example.com/some/path?some=query&another=param&Expires=1549751461&KeyName=my-key&Signature=sTqqGX5hUJmlRJ84koAIhWW_c3M="},
	}
	s, err := New("my-key", sampleKey)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		got, err := s.Sign(c.url, time.Unix(c.expires, 0))
		if err != nil {
			t.Fatalf("Sign(%q): %v", c.url, err)
		}
		if got != c.want {
			t.Errorf("Sign(%q)\n got %s\nwant %s", c.url, got, c.want)
		}
	}
}

// referenceSign follows the documented steps one by one, with other means
// than the package: the standard alphabet mapped to the URL-safe one by hand.
func referenceSign(t *testing.T, rawURL, keyName, base64urlKey string, expires time.Time) string {
	t.Helper()
	std := strings.NewReplacer("-", "+", "_", "/").Replace(base64urlKey)
	key, err := base64.StdEncoding.DecodeString(std)
	if err != nil {
		t.Fatal(err)
	}
	joiner := "?"
	if strings.IndexByte(rawURL, '?') >= 0 {
		joiner = "&"
	}
	toSign := fmt.Sprintf("%s%sExpires=%d&KeyName=%s", rawURL, joiner, expires.Unix(), keyName)
	h := hmac.New(sha1.New, key)
	fmt.Fprint(h, toSign)
	sig := strings.NewReplacer("+", "-", "/", "_").Replace(base64.StdEncoding.EncodeToString(h.Sum(nil)))
	return toSign + "&Signature=" + sig
}

func TestSignMatchesReferenceImplementation(t *testing.T) {
	const key = "AAECAwQFBgcICQoLDA0ODw==" // bytes 0..15
	s, err := New("media-key-1", key)
	if err != nil {
		t.Fatal(err)
	}
	expires := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, u := range []string{
		"https://cdn.example.com/videos/abc/master.m3u8",
		"https://cdn.example.com/videos/a%20b/index.mpd?quality=hd",
		"http://localhost:8080/media/x.mp4",
	} {
		got, err := s.Sign(u, expires)
		if err != nil {
			t.Fatal(err)
		}
		if want := referenceSign(t, u, "media-key-1", key, expires); got != want {
			t.Errorf("Sign(%q)\n got %s\nwant %s", u, got, want)
		}
	}
}

func TestNewAcceptsUnpaddedKey(t *testing.T) {
	padded, err := New("my-key", sampleKey)
	if err != nil {
		t.Fatal(err)
	}
	unpadded, err := New("my-key", strings.TrimRight(sampleKey, "="))
	if err != nil {
		t.Fatal(err)
	}
	at := time.Unix(1558131350, 0)
	a, _ := padded.Sign("https://a.example/x", at)
	b, _ := unpadded.Sign("https://a.example/x", at)
	if a != b {
		t.Errorf("padded and unpadded keys sign differently: %s vs %s", a, b)
	}
}

func TestNewRejectsBadInput(t *testing.T) {
	cases := map[string][2]string{
		"not base64":      {"my-key", "not base64!!"},
		"standard base64": {"my-key", "+/+/+/+/+/+/+/+/+/+/+w=="},
		"short key":       {"my-key", "AAECAwQFBgc="},
		"long key":        {"my-key", "AAECAwQFBgcICQoLDA0ODxA="},
		"empty key":       {"my-key", ""},
		"empty name":      {"", sampleKey},
		"upper-case name": {"My-Key", sampleKey},
		"trailing dash":   {"key-", sampleKey},
		"long name":       {strings.Repeat("a", 64), sampleKey},
	}
	for name, c := range cases {
		if _, err := New(c[0], c[1]); err == nil {
			t.Errorf("%s: New(%q, %q) succeeded", name, c[0], c[1])
		}
	}
}

func TestSignRejectsBadURLs(t *testing.T) {
	s, err := New("my-key", sampleKey)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{
		"/relative/path",
		"ftp://example.com/file",
		"https://example.com/x#frag",
		"https://example.com/x#",
		"https://example.com/x?Expires=1",
		"https://example.com/x?a=1&KeyName=k",
		"https://example.com/x?Signature=abc",
		"https://exa mple.com/%zz",
	} {
		if got, err := s.Sign(u, time.Now()); err == nil {
			t.Errorf("Sign(%q) = %q, want an error", u, got)
		}
	}
}
