package bench_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/videocatalog/catalog/functions/catalog"
	"github.com/videocatalog/catalog/functions/catalog/catalogtest"
	"github.com/videocatalog/catalog/shared/app"
	"github.com/videocatalog/catalog/shared/config"
	"github.com/videocatalog/catalog/shared/gateway/embedded"
)

// TestEndpointsAnswer keeps the benchmarked requests and their checks in
// step with the APIs, on the small fixture catalog in memory (fast enough
// for every go test run).
func TestEndpointsAnswer(t *testing.T) {
	store, err := embedded.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := catalogtest.Load(context.Background(), store, catalogtest.Small()); err != nil {
		t.Fatal(err)
	}
	var cfg config.Catalog
	svc, err := app.NewBrowse(store, cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(catalog.NewHandler(svc, cfg))
	defer srv.Close()
	client := newClient()
	defer client.CloseIdleConnections()
	for _, e := range endpoints {
		body, err := do(client, srv.URL, e)
		if err == nil {
			err = e.check(body)
		}
		if err != nil {
			t.Errorf("%s: %v", e.name, err)
		}
	}
}

func TestPercentile(t *testing.T) {
	var sorted []time.Duration
	for i := 1; i <= 200; i++ {
		sorted = append(sorted, time.Duration(i))
	}
	for _, c := range []struct {
		p    float64
		want time.Duration
	}{{0.50, 100}, {0.99, 198}, {1, 200}, {0, 1}} {
		if got := percentile(sorted, c.p); got != c.want {
			t.Errorf("p%v of 1..200 = %d, want %d", c.p*100, got, c.want)
		}
	}
	if got := percentile(sorted[:1], 0.99); got != 1 {
		t.Errorf("p99 of one = %d", got)
	}
}
