package browse

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/videocatalog/catalog/shared/domain"
)

// ErrNotReady marks a video that exists but cannot be played yet.
var ErrNotReady = errors.New("not ready")

// NotReadyError says why a video cannot be played yet; it wraps ErrNotReady.
type NotReadyError struct {
	// Status is the video file's encoding status, empty when there is no file.
	Status domain.MediaStatus
	Reason string
}

func (e *NotReadyError) Error() string { return "video not ready for playback: " + e.Reason }
func (e *NotReadyError) Unwrap() error { return ErrNotReady }

// Playback is where a client streams a video from.
type Playback struct {
	VideoURL string
	// TrailerURL is empty when the video has no encoded trailer.
	TrailerURL string
	// ExpiresAt is when signed URLs stop working; zero when they are unsigned.
	ExpiresAt time.Time
}

// Images are the image URLs of a video, empty where it has none.
type Images struct {
	Banner, Thumbnail, ThumbnailHalf string
}

// Playback returns the playback URLs of the published video id: domain.ErrNotFound
// when there is none, a *NotReadyError when its video file is not encoded yet.
func (s *Service) Playback(ctx context.Context, id string) (Playback, error) {
	v, err := s.Video(ctx, id)
	if err != nil {
		return Playback{}, err
	}
	return s.VideoBatch([]domain.Video{v}).Playback(ctx, v)
}

func (s *Service) playback(video, trailer *domain.VideoMedia) (Playback, error) {
	switch {
	case video == nil:
		return Playback{}, &NotReadyError{Reason: "the video has no video file"}
	case video.Status != domain.MediaCompleted:
		return Playback{}, &NotReadyError{Status: video.Status,
			Reason: fmt.Sprintf("the video file is %s, not COMPLETED", video.Status)}
	case !video.Playable():
		return Playback{}, &NotReadyError{Status: video.Status, Reason: "the video file has no encoded path"}
	}
	var p Playback
	if s.signer != nil {
		p.ExpiresAt = s.now().Add(s.cfg.PlaybackTTL).Truncate(time.Second)
	}
	var err error
	if p.VideoURL, err = s.signedURL(video.EncodedPath, p.ExpiresAt); err != nil {
		return Playback{}, err
	}
	if trailer != nil && trailer.Playable() {
		if p.TrailerURL, err = s.signedURL(trailer.EncodedPath, p.ExpiresAt); err != nil {
			return Playback{}, err
		}
	}
	return p, nil
}

func (s *Service) signedURL(path string, expires time.Time) (string, error) {
	u := s.mediaURL(path)
	if s.signer == nil {
		return u, nil
	}
	signed, err := s.signer.Sign(u, expires)
	if err != nil {
		return "", fmt.Errorf("browse: sign playback URL: %w", err)
	}
	return signed, nil
}

// mediaURL places a stored media path under the media base URL, escaping each
// segment so that a file name cannot add a query or a fragment.
func (s *Service) mediaURL(path string) string {
	segments := strings.Split(strings.Trim(path, "/"), "/")
	for i, seg := range segments {
		segments[i] = url.PathEscape(seg)
	}
	return strings.TrimRight(s.cfg.MediaBaseURL, "/") + "/" + strings.Join(segments, "/")
}
