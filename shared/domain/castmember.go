package domain

// CastMemberType is what a cast member does in a video.
type CastMemberType string

const (
	Actor    CastMemberType = "ACTOR"
	Director CastMemberType = "DIRECTOR"
)

// CastMember is an actor or a director.
type CastMember struct {
	ID   string
	Name string
	Type CastMemberType
	Timestamps
}

func (c CastMember) EntityKind() Kind { return KindCastMember }
func (c CastMember) EntityID() string { return c.ID }
func (c CastMember) Visible() bool    { return true }

func (c CastMember) Validate() error {
	if err := ValidateID("cast_member", c.ID); err != nil {
		return err
	}
	if err := c.Timestamps.validate("cast_member"); err != nil {
		return err
	}
	if err := validateName("cast_member", "name", c.Name, 255); err != nil {
		return err
	}
	if c.Type != Actor && c.Type != Director {
		return invalid("cast_member", "type", "must be ACTOR or DIRECTOR, got %q", c.Type)
	}
	return nil
}
