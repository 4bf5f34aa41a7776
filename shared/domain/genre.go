package domain

import "time"

// Genre classifies videos and belongs to categories.
type Genre struct {
	ID        string
	Name      string
	Active    bool
	DeletedAt *time.Time // soft delete in the admin
	Timestamps
	// CategoryIDs is filled by the store from genres_categories rows; row changes leave it empty.
	CategoryIDs []string
}

func (g Genre) EntityKind() Kind { return KindGenre }
func (g Genre) EntityID() string { return g.ID }
func (g Genre) Visible() bool    { return g.Active && g.DeletedAt == nil }

func (g Genre) Validate() error {
	if err := ValidateID("genre", g.ID); err != nil {
		return err
	}
	if err := g.Timestamps.validate("genre"); err != nil {
		return err
	}
	return validateName("genre", "name", g.Name, 255)
}
