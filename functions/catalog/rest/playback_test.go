package rest

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// verifySigned checks a Cloud CDN signed URL the way the CDN does, written
// apart from cdnsign: it recomputes the HMAC-SHA1 of everything before
// "&Signature=" and compares it with the signature, and returns the
// unsigned URL and the expiry.
func verifySigned(t *testing.T, signed string) (string, time.Time) {
	t.Helper()
	unsigned, sig, found := strings.Cut(signed, "&Signature=")
	if !found {
		t.Fatalf("%s is not signed", signed)
	}
	key, err := base64.StdEncoding.DecodeString(strings.NewReplacer("-", "+", "_", "/").Replace(cdnKey))
	if err != nil {
		t.Fatal(err)
	}
	mac := hmac.New(sha1.New, key)
	mac.Write([]byte(unsigned))
	want := strings.NewReplacer("+", "-", "/", "_").Replace(base64.StdEncoding.EncodeToString(mac.Sum(nil)))
	if sig != want {
		t.Fatalf("signature %s, want %s", sig, want)
	}
	u, err := url.Parse(unsigned)
	if err != nil {
		t.Fatal(err)
	}
	if got := u.Query().Get("KeyName"); got != cdnKeyName {
		t.Errorf("KeyName = %q", got)
	}
	unix, err := strconv.ParseInt(u.Query().Get("Expires"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	base, _, _ := strings.Cut(unsigned, "?")
	return base, time.Unix(unix, 0)
}

func TestPlaybackSigned(t *testing.T) {
	h, _ := catalogAPI(t)
	before := time.Now()
	p := get(t, h, "/v1/videos/v1/playback").ok(t).(map[string]any)
	videoURL, videoExpires := verifySigned(t, p["video_url"].(string))
	if videoURL != mediaBase+"/encoded/ocean/master.m3u8" {
		t.Errorf("video URL %s is not the encoded file under the media base", videoURL)
	}
	trailerURL, trailerExpires := verifySigned(t, p["trailer_url"].(string))
	if trailerURL != mediaBase+"/encoded/ocean/trailer.m3u8" {
		t.Errorf("trailer URL %s", trailerURL)
	}
	expiresAt, err := time.Parse(time.RFC3339, p["expires_at"].(string))
	if err != nil {
		t.Fatal(err)
	}
	if !expiresAt.Equal(videoExpires) || !expiresAt.Equal(trailerExpires) {
		t.Errorf("expires_at %v, URLs expire at %v and %v", expiresAt, videoExpires, trailerExpires)
	}
	if ttl := expiresAt.Sub(before); ttl < time.Hour-2*time.Second || ttl > time.Hour+time.Second {
		t.Errorf("URLs valid for %v, want the configured hour", ttl)
	}
}

func TestPlaybackUnsigned(t *testing.T) {
	_, spy := catalogAPI(t)
	h := newAPI(t, spy, false)
	p := get(t, h, "/v1/videos/v1/playback").ok(t).(map[string]any)
	if p["video_url"] != mediaBase+"/encoded/ocean/master.m3u8" || p["trailer_url"] != mediaBase+"/encoded/ocean/trailer.m3u8" {
		t.Errorf("playback %v", p)
	}
	if v, present := p["expires_at"]; !present || v != nil {
		t.Errorf("expires_at = %v, want null for unsigned URLs", v)
	}
}

func TestPlaybackNotReady(t *testing.T) {
	h, _ := catalogAPI(t)
	pending := get(t, h, "/v1/videos/v2/playback")
	pending.problem(t, http.StatusConflict, "")
	if pending.body["media_status"] != "PENDING" || !strings.Contains(pending.body["reason"].(string), "PENDING") {
		t.Errorf("problem %v, want the PENDING status and reason", pending.body)
	}
	none := get(t, h, "/v1/videos/v4/playback")
	none.problem(t, http.StatusConflict, "")
	if _, present := none.body["media_status"]; present || none.body["reason"] == "" {
		t.Errorf("problem %v, want a reason and no media status", none.body)
	}
}
