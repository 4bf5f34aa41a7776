package domain

import "time"

// Category groups videos and genres ("Filmes", "Documentaries").
type Category struct {
	ID          string
	Name        string
	Description string
	Active      bool
	DeletedAt   *time.Time // soft delete in the admin
	Timestamps
}

func (c Category) EntityKind() Kind { return KindCategory }
func (c Category) EntityID() string { return c.ID }
func (c Category) Visible() bool    { return c.Active && c.DeletedAt == nil }

func (c Category) Validate() error {
	if err := ValidateID("category", c.ID); err != nil {
		return err
	}
	if err := c.Timestamps.validate("category"); err != nil {
		return err
	}
	if err := validateName("category", "name", c.Name, 255); err != nil {
		return err
	}
	if n := len([]rune(c.Description)); n > 4000 {
		return invalid("category", "description", "must be at most 4000 characters, got %d", n)
	}
	return nil
}
