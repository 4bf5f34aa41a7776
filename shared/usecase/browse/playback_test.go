package browse

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/videocatalog/catalog/shared/domain"
)

type fakeSigner struct{}

func (fakeSigner) Sign(rawURL string, expires time.Time) (string, error) {
	return rawURL + "?Expires=" + expires.UTC().Format(time.RFC3339), nil
}

func TestPlaybackBuildsURLsUnderTheMediaBase(t *testing.T) {
	s := New(catalog(), nil, Config{MediaBaseURL: "https://cdn.test/media"})
	p, err := s.Playback(context.Background(), "v1")
	if err != nil {
		t.Fatal(err)
	}
	want := Playback{VideoURL: "https://cdn.test/media/videos/v1/main.mpd",
		TrailerURL: "https://cdn.test/media/videos/v1/trailer%20file.mpd"}
	if p != want {
		t.Errorf("playback = %+v, want %+v", p, want)
	}
}

func TestPlaybackIsSignedWithASigner(t *testing.T) {
	s := New(catalog(), fakeSigner{}, Config{MediaBaseURL: "https://cdn.test", PlaybackTTL: time.Hour})
	s.now = func() time.Time { return time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC) }
	p, err := s.Playback(context.Background(), "v1")
	if err != nil {
		t.Fatal(err)
	}
	want := Playback{
		VideoURL:   "https://cdn.test/videos/v1/main.mpd?Expires=2024-05-01T11:00:00Z",
		TrailerURL: "https://cdn.test/videos/v1/trailer%20file.mpd?Expires=2024-05-01T11:00:00Z",
		ExpiresAt:  time.Date(2024, 5, 1, 11, 0, 0, 0, time.UTC),
	}
	if p != want {
		t.Errorf("playback = %+v, want %+v", p, want)
	}
}

func TestPlaybackOfAnAbsentVideoIsNotFound(t *testing.T) {
	s := New(catalog(), nil, Config{})
	for _, id := range []string{"draft", "nope"} {
		if _, err := s.Playback(context.Background(), id); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("Playback(%s) err = %v, want ErrNotFound", id, err)
		}
	}
}

func TestPlaybackOfAnUnencodedVideoIsNotReady(t *testing.T) {
	f := catalog()
	f.videoMedia = append(f.videoMedia, domain.VideoMedia{ID: "m3", Status: domain.MediaCompleted})
	f.videos = append(f.videos, domain.Video{ID: "v4", Title: "Delta", Published: true, VideoMediaID: "m3"})
	s := New(f, nil, Config{})
	for id, status := range map[string]domain.MediaStatus{"v2": domain.MediaProcessing, "v3": "", "v4": domain.MediaCompleted} {
		_, err := s.Playback(context.Background(), id)
		var nr *NotReadyError
		if !errors.Is(err, ErrNotReady) || !errors.As(err, &nr) || nr.Status != status || nr.Reason == "" {
			t.Errorf("Playback(%s) err = %v, want not ready with status %q", id, err, status)
		}
	}
}

func TestPlaybackLeavesOutAnUnencodedTrailer(t *testing.T) {
	f := catalog()
	f.videoMedia[1].Status = domain.MediaPending
	p, err := New(f, nil, Config{MediaBaseURL: "https://cdn.test"}).Playback(context.Background(), "v1")
	if err != nil || p.VideoURL == "" || p.TrailerURL != "" {
		t.Errorf("playback = %+v, %v; want a video URL and no trailer", p, err)
	}
}
