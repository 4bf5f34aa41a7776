package model

import "github.com/videocatalog/catalog/shared/domain"

// The schema's enum names ratings AGE_10 and so on, as GraphQL names cannot start with a digit.
var (
	ratingOf = map[domain.Rating]Rating{
		"ER": RatingEr, "L": RatingL, "10": RatingAge10, "12": RatingAge12,
		"14": RatingAge14, "16": RatingAge16, "18": RatingAge18,
	}
	domainRating = func() map[Rating]domain.Rating {
		m := make(map[Rating]domain.Rating, len(ratingOf))
		for d, r := range ratingOf {
			m[r] = d
		}
		return m
	}()
)

// RatingOf returns the schema's name for r; false for a video without a rating.
func RatingOf(r domain.Rating) (Rating, bool) {
	rating, ok := ratingOf[r]
	return rating, ok
}

// Domain returns the rating as the domain spells it.
func (r Rating) Domain() domain.Rating { return domainRating[r] }
