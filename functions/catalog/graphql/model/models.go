// Package model holds the GraphQL types: generated ones in models_gen.go and
// the bound ones here, which carry the batch that resolves their relations.
package model

import (
	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/usecase/browse"
)

// Video is a published video with the batch of its page.
type Video struct {
	domain.Video
	Batch *browse.VideoBatch
}

// Genre is a visible genre with the batch that resolves its categories.
type Genre struct {
	domain.Genre
	Batch *browse.GenreBatch
}
