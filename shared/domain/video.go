package domain

import "slices"

// Rating is the age rating of a video.
type Rating string

// Ratings lists every rating, youngest audience first.
var Ratings = []Rating{"ER", "L", "10", "12", "14", "16", "18"}

// ValidRating reports whether r is one of Ratings.
func ValidRating(r Rating) bool { return slices.Contains(Ratings, r) }

// Video is a playable title. Media are referenced by id: a media row does not
// know its video, so media documents are stored on their own and joined on read.
type Video struct {
	ID           string
	Title        string
	Description  string
	YearLaunched int
	Opened       bool
	Published    bool
	Rating       Rating
	Duration     float64 // minutes, DECIMAL(5,2) in the admin
	Timestamps

	VideoMediaID    string // videos_video_media
	TrailerMediaID  string // videos_video_media
	BannerID        string // videos_image_media
	ThumbnailID     string // videos_image_media
	ThumbnailHalfID string // videos_image_media

	// Relation ids, filled by the store from the join tables; row changes leave them empty.
	CategoryIDs   []string
	GenreIDs      []string
	CastMemberIDs []string
}

func (v Video) EntityKind() Kind { return KindVideo }
func (v Video) EntityID() string { return v.ID }
func (v Video) Visible() bool    { return v.Published }

func (v Video) Validate() error {
	if err := ValidateID("video", v.ID); err != nil {
		return err
	}
	if err := v.Timestamps.validate("video"); err != nil {
		return err
	}
	if err := validateName("video", "title", v.Title, 255); err != nil {
		return err
	}
	if n := len([]rune(v.Description)); n > 1000 {
		return invalid("video", "description", "must be at most 1000 characters, got %d", n)
	}
	if v.YearLaunched != 0 && (v.YearLaunched < 1800 || v.YearLaunched > 9999) {
		return invalid("video", "year_launched", "must be between 1800 and 9999, got %d", v.YearLaunched)
	}
	if v.Rating != "" && !ValidRating(v.Rating) {
		return invalid("video", "rating", "must be one of ER, L, 10, 12, 14, 16, 18, got %q", v.Rating)
	}
	if v.Duration < 0 || v.Duration > 999.99 {
		return invalid("video", "duration", "must be between 0 and 999.99, got %v", v.Duration)
	}
	// In column order, so the first bad id is the one reported.
	for _, m := range [...]struct{ field, id string }{
		{"video_id", v.VideoMediaID}, {"trailer_id", v.TrailerMediaID}, {"banner_id", v.BannerID},
		{"thumbnail_id", v.ThumbnailID}, {"thumbnail_half_id", v.ThumbnailHalfID},
	} {
		if m.id != "" && !validID(m.id) {
			return invalid("video", m.field, "must be a media id, got %q", m.id)
		}
	}
	return nil
}
