package domain_test

import (
	"testing"
	"time"

	"github.com/videocatalog/catalog/shared/domain"
)

// BenchmarkValidateVideo validates a video as cdc builds one per event: every
// id field set, so each of them goes through the id check.
func BenchmarkValidateVideo(b *testing.B) {
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	v := domain.Video{
		ID: "3f2b9c1d4e5a6b7c8d9e0f1a2b3c4d5e", Title: "Bacurau", Description: "Um povoado do sertão.",
		YearLaunched: 2019, Published: true, Rating: "16", Duration: 131.5,
		Timestamps:      domain.Timestamps{CreatedAt: now, UpdatedAt: now},
		VideoMediaID:    "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
		TrailerMediaID:  "1a1b2c3d4e5f60718293a4b5c6d7e8f9",
		BannerID:        "2a1b2c3d4e5f60718293a4b5c6d7e8f9",
		ThumbnailID:     "3a1b2c3d4e5f60718293a4b5c6d7e8f9",
		ThumbnailHalfID: "4a1b2c3d4e5f60718293a4b5c6d7e8f9",
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := v.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidateID(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := domain.ValidateID("video", "3f2b9c1d4e5a6b7c8d9e0f1a2b3c4d5e"); err != nil {
			b.Fatal(err)
		}
	}
}
