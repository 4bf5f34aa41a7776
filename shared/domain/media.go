package domain

// MediaStatus is where a video file is in the encoding pipeline.
type MediaStatus string

const (
	MediaPending    MediaStatus = "PENDING"
	MediaProcessing MediaStatus = "PROCESSING"
	MediaCompleted  MediaStatus = "COMPLETED"
	MediaError      MediaStatus = "ERROR"
)

// VideoMedia is an uploaded video or trailer file and its encoding state.
type VideoMedia struct {
	ID          string
	Name        string
	Checksum    string
	FilePath    string
	EncodedPath string
	Status      MediaStatus
}

func (m VideoMedia) EntityKind() Kind { return KindVideoMedia }
func (m VideoMedia) EntityID() string { return m.ID }
func (m VideoMedia) Visible() bool    { return true }

// Playable reports whether the media has been encoded and can be streamed.
func (m VideoMedia) Playable() bool { return m.Status == MediaCompleted && m.EncodedPath != "" }

func (m VideoMedia) Validate() error {
	if err := ValidateID("video_media", m.ID); err != nil {
		return err
	}
	switch m.Status {
	case MediaPending, MediaProcessing, MediaCompleted, MediaError:
	default:
		return invalid("video_media", "media_status", "must be PENDING, PROCESSING, COMPLETED or ERROR, got %q", m.Status)
	}
	return nil
}

// ImageMedia is a banner or thumbnail image.
type ImageMedia struct {
	ID       string
	Name     string
	Checksum string
	FilePath string
}

func (m ImageMedia) EntityKind() Kind { return KindImageMedia }
func (m ImageMedia) EntityID() string { return m.ID }
func (m ImageMedia) Visible() bool    { return true }

func (m ImageMedia) Validate() error {
	return ValidateID("image_media", m.ID)
}
