package domain

import (
	"errors"
	"fmt"
)

// ErrInvalid marks input that can never be applied: redelivering it cannot help.
var ErrInvalid = errors.New("invalid")

// ErrUnavailable marks a transient store failure: the same input may succeed later.
var ErrUnavailable = errors.New("store unavailable")

// ErrNotFound is returned by lookups of a single entity that is absent or not browsable.
var ErrNotFound = errors.New("not found")

// ValidationError says which field of which entity breaks which rule.
type ValidationError struct {
	Entity string
	Field  string
	Reason string
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("%s.%s: %s", e.Entity, e.Field, e.Reason)
}

func (e *ValidationError) Unwrap() error { return ErrInvalid }

func invalid(entity, field, format string, args ...any) error {
	return &ValidationError{Entity: entity, Field: field, Reason: fmt.Sprintf(format, args...)}
}
