package embedded_test

import (
	"context"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/gateway/embedded"
	"github.com/videocatalog/catalog/shared/storetest"
)

// benchStore opens an on-disk store: persistence is what a write pays for.
func benchStore(b *testing.B) *embedded.Store {
	s, err := embedded.Open(filepath.Join(b.TempDir(), "catalog"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	return s
}

// videoChange is the n-th write of a benchmark: a new video each time, so every write applies.
func videoChange(n int64) domain.RowChange {
	v := storetest.Video(storetest.ID("v", int(n)), "The Matrix Reloaded")
	v.Description = "Neo and the rebel leaders estimate that they have 72 hours until Zion falls"
	return storetest.Put(v, storetest.Pos(int(n)+1))
}

func BenchmarkApplyRow(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	var n int64
	for b.Loop() {
		if _, err := s.ApplyRow(ctx, videoChange(n)); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

func BenchmarkApplyRowParallel(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	var n atomic.Int64
	b.SetParallelism(16) // writers per CPU: a consumer applies many partitions at once
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := s.ApplyRow(ctx, videoChange(n.Add(1))); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
