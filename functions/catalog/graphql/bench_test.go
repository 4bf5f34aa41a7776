package graphql_test

import (
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/videocatalog/catalog/functions/catalog/catalogtest"
	"github.com/videocatalog/catalog/functions/catalog/graphql"
	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/gateway/embedded"
)

var large = flag.Bool("catalog.large", false, "also benchmark a catalog of 100,000 generated videos (loading it takes minutes)")

const largeCatalog = 100_000

// nestedPage is the query a video grid makes: a page of videos with their relations.
func nestedPage(page int) string {
	return `{"query": "{ videos(page: ` + strconv.Itoa(page) + `, perPage: 20) { totalCount nodes { id title yearLaunched rating ` +
		`categories { id name } genres { id name } castMembers { id name type } } } }"}`
}

// BenchmarkNestedPage serves nested pages of videos from an embedded store on
// disk, in process, from as many goroutines as GOMAXPROCS, walking its pages
// of 20 (the first 50 of the large catalog). It reports requests per second and the p50 and p99 latencies.
//
//	go test ./functions/catalog/graphql -run '^$' -bench NestedPage -benchtime 2000x [-catalog.large]
func BenchmarkNestedPage(b *testing.B) {
	// Loaded here, not in the sub-benchmarks, which run again for every b.N tried.
	small := diskHandler(b, catalogtest.Small())
	b.Run("videos=8", func(b *testing.B) { benchmarkPages(b, small, 1) })
	if !*large {
		return
	}
	start := time.Now()
	h := diskHandler(b, catalogtest.Generated(largeCatalog))
	b.Logf("loaded %d videos in %v", largeCatalog, time.Since(start).Round(time.Second))
	b.Run("videos="+strconv.Itoa(largeCatalog), func(b *testing.B) { benchmarkPages(b, h, 50) })
}

func diskHandler(b *testing.B, entities []domain.Entity) http.Handler {
	store, err := embedded.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	if err := catalogtest.Load(context.Background(), store, entities); err != nil {
		b.Fatal(err)
	}
	return newHandler(b, store, graphql.Options{})
}

func benchmarkPages(b *testing.B, h http.Handler, pages int) {
	var (
		mu        sync.Mutex
		latencies []time.Duration
	)
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for i := 0; pb.Next(); i++ {
			req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(nestedPage(i%pages+1)))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			t0 := time.Now()
			h.ServeHTTP(rec, req)
			mine = append(mine, time.Since(t0))
			if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), `"errors"`) {
				b.Errorf("status %d: %.300s", rec.Code, rec.Body)
				return
			}
		}
		mu.Lock()
		latencies = append(latencies, mine...)
		mu.Unlock()
	})
	elapsed := time.Since(start)
	b.StopTimer()
	slices.Sort(latencies)
	percentile := func(p float64) float64 {
		return float64(latencies[int(p*float64(len(latencies)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(len(latencies))/elapsed.Seconds(), "req/s")
	b.ReportMetric(percentile(0.50), "p50-ms")
	b.ReportMetric(percentile(0.99), "p99-ms")
}
