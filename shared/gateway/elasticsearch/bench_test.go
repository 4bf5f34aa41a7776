package elasticsearch_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	ce "github.com/cloudevents/sdk-go/v2/event"
	goes "github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esutil"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/logging"
	"github.com/videocatalog/catalog/shared/sink"
	"github.com/videocatalog/catalog/shared/storetest"
	"github.com/videocatalog/catalog/shared/usecase/ingest"
)

// senders is how many deliveries are in flight at once, as KafkaSource's
// unordered delivery over a few partitions keeps them.
const senders = 512

// BenchmarkSinkThroughput delivers b.N distinct video events concurrently
// through the sink handler, each answered only once applied, then lists them:
// the list must count all b.N.
func BenchmarkSinkThroughput(b *testing.B) {
	url := serverURL(b)
	store := openStore(b, testConfig(b, url))
	defer store.Close()
	videos := sink.New(sink.VideoSink, ingest.New(store))
	ctx := logging.WithLogger(context.Background(), slog.New(slog.DiscardHandler))
	// The events arrive built, as KafkaSource delivers them; building them is
	// not the sink's work (nor, below, the raw loader's).
	built := make([]ce.Event, b.N)
	for i := range built {
		built[i] = debezium("videos", "c", videoRow(i), 100+100*i, i)
	}
	events := make(chan ce.Event)
	var failed atomic.Int64
	var wg sync.WaitGroup
	b.ResetTimer()
	for range senders {
		wg.Go(func() {
			for e := range events {
				if res := videos.Receive(ctx, e); res.Status != http.StatusOK {
					failed.Add(1)
				}
			}
		})
	}
	for _, e := range built {
		events <- e
	}
	close(events)
	wg.Wait()
	// Timed, as the raw loader's final refresh is: one read that must see
	// every event (the store refreshes before it, refresh.go).
	page, err := store.ListVideos(ctx, domain.VideoQuery{ListQuery: domain.ListQuery{Limit: 1}})
	b.StopTimer()
	if n := failed.Load(); n > 0 {
		b.Fatalf("%d events not applied", n)
	}
	if err != nil || page.Total != b.N {
		b.Fatalf("list after the load: %d videos, %v; want %d", page.Total, err, b.N)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkRawBulkIndexer loads the same videos with esutil.BulkIndexer as
// plain index operations (no script, no per-event answer, one refresh at the
// end): the ceiling the sink is measured against.
func BenchmarkRawBulkIndexer(b *testing.B) {
	url := serverURL(b)
	cfg := testConfig(b, url)
	openStore(b, cfg).Close() // creates the index from the template
	es := rawClient(b, url)
	bi, err := esutil.NewBulkIndexer(esutil.BulkIndexerConfig{Client: es, Index: cfg.IndexPrefix + "-catalog", NumWorkers: 4, FlushBytes: 4 << 20})
	if err != nil {
		b.Fatal(err)
	}
	bodies := make([][]byte, b.N)
	for i := range bodies {
		bodies[i], _ = json.Marshal(rawDocument(i))
	}
	var failed atomic.Int64
	b.ResetTimer()
	for i, body := range bodies {
		err := bi.Add(context.Background(), esutil.BulkIndexerItem{
			Action: "index", DocumentID: fmt.Sprintf("video:bv%07d", i), Body: bytes.NewReader(body),
			OnFailure: func(context.Context, esutil.BulkIndexerItem, esutil.BulkIndexerResponseItem, error) { failed.Add(1) },
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	if err := bi.Close(context.Background()); err != nil {
		b.Fatal(err)
	}
	if _, err := es.Indices.Refresh(es.Indices.Refresh.WithIndex(cfg.IndexPrefix + "-catalog")); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	if n := failed.Load() + int64(bi.Stats().NumFailed); n > 0 {
		b.Fatalf("%d documents failed", n)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkListLatency compares a catalog list page (ListVideos: published
// videos by title, 20 a page, with the total) with the equivalent search sent
// raw, alternating them over the same 2000 videos.
func BenchmarkListLatency(b *testing.B) {
	url := serverURL(b)
	cfg := testConfig(b, url)
	store := openStore(b, cfg)
	defer store.Close()
	seedVideos(b, store, 2000)
	es := rawClient(b, url)
	raw, _ := json.Marshal(map[string]any{
		"query": map[string]any{"bool": map[string]any{"filter": []any{
			map[string]any{"term": map[string]any{"kind": "video"}},
			map[string]any{"term": map[string]any{"doc.visible": true}},
		}}},
		"sort":             []any{map[string]any{"doc.name.sort": "asc"}, map[string]any{"id": "asc"}},
		"size":             21,
		"track_total_hits": true,
	})
	ctx := context.Background()
	q := domain.VideoQuery{ListQuery: domain.ListQuery{Limit: 20}}
	var ours, theirs []time.Duration
	b.ResetTimer()
	for range b.N {
		t0 := time.Now()
		if _, err := store.ListVideos(ctx, q); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		res, err := es.Search(es.Search.WithIndex(cfg.IndexPrefix+"-catalog"), es.Search.WithBody(bytes.NewReader(raw)))
		if err != nil {
			b.Fatal(err)
		}
		var page struct {
			Hits struct {
				Hits []struct {
					Source json.RawMessage `json:"_source"`
				} `json:"hits"`
			} `json:"hits"`
		}
		err = json.NewDecoder(res.Body).Decode(&page)
		res.Body.Close()
		if err != nil || len(page.Hits.Hits) != 21 {
			b.Fatalf("raw search: %v, %d hits", err, len(page.Hits.Hits))
		}
		ours, theirs = append(ours, t1.Sub(t0)), append(theirs, time.Since(t1))
	}
	b.StopTimer()
	p50, p99 := percentiles(ours)
	r50, r99 := percentiles(theirs)
	b.ReportMetric(ms(p50), "p50-ms")
	b.ReportMetric(ms(p99), "p99-ms")
	b.ReportMetric(ms(r50), "raw-p50-ms")
	b.ReportMetric(ms(r99), "raw-p99-ms")
	b.ReportMetric(float64(p50)/float64(r50), "p50-ratio")
}

func percentiles(ds []time.Duration) (p50, p99 time.Duration) {
	slices.Sort(ds)
	return ds[len(ds)/2], ds[min(len(ds)-1, len(ds)*99/100)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func rawClient(b *testing.B, url string) *goes.Client {
	es, err := goes.NewClient(goes.Config{Addresses: strings.Split(url, ",")})
	if err != nil {
		b.Fatal(err)
	}
	return es
}

func videoRow(i int) map[string]any {
	return map[string]any{
		"id": fmt.Sprintf("bv%07d", i), "title": fmt.Sprintf("Benchmark video %d", i),
		"description": "a video loaded by the benchmark", "year_launched": 1950 + i%75,
		"opened": i%2 == 0, "published": true, "rating": "L", "duration": "Iyg=",
		"created_at": int64(1767225600000000), "updated_at": int64(1767225600000000),
	}
}

// rawDocument is what the store keeps for videoRow(i): the same bytes to index.
func rawDocument(i int) map[string]any {
	v := storetest.Video(fmt.Sprintf("bv%07d", i), fmt.Sprintf("Benchmark video %d", i))
	v.Description, v.YearLaunched = "a video loaded by the benchmark", 1950+i%75
	return map[string]any{
		"kind": "video", "id": v.ID, "row_pos": storetest.Pos(i + 1).Key(), "row": v,
		"doc": map[string]any{
			"visible": true, "name": v.Title, "description": v.Description, "year_launched": v.YearLaunched,
			"duration": v.Duration, "rating": v.Rating, "opened": v.Opened,
			"created_at": v.CreatedAt.Format(time.RFC3339), "updated_at": v.UpdatedAt.Format(time.RFC3339),
		},
	}
}

func seedVideos(b *testing.B, s domain.Store, n int) {
	work := make(chan int)
	var wg sync.WaitGroup
	var failed atomic.Int64
	for range senders {
		wg.Go(func() {
			for i := range work {
				v := storetest.Video(fmt.Sprintf("lv%05d", i), fmt.Sprintf("List video %05d", (i*7919)%n))
				if _, err := s.ApplyRow(context.Background(), storetest.Put(v, storetest.Pos(1))); err != nil {
					failed.Add(1)
				}
			}
		})
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
	if failed.Load() > 0 {
		b.Fatalf("%d seed writes failed", failed.Load())
	}
}
