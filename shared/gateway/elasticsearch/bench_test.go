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

// BenchmarkSinkVsRawBulk loads b.N new videos twice against the same server,
// each time into a fresh index: through the sink (senders concurrent
// deliveries of Debezium inserts, each answered once applied, then a list
// that must count them all) and with esutil.BulkIndexer (plain index
// operations of the same documents, no per-event answer, one refresh at the
// end), the ceiling the sink is measured against. It reports both rates and
// sink-ratio, the sink's share of that ceiling.
func BenchmarkSinkVsRawBulk(b *testing.B) { compareLoads(b, "c") }

// BenchmarkSinkUpdatesVsRawBulk is BenchmarkSinkVsRawBulk over videos that
// exist already: the sink's updates take the scripted upsert (read the
// stored positions, decide, rewrite), the raw loader overwrites.
func BenchmarkSinkUpdatesVsRawBulk(b *testing.B) { compareLoads(b, "u") }

// loads counts compareLoads runs, so that every other run loads raw first
// and neither side always meets the warmer JVM.
var loads atomic.Int64

func compareLoads(b *testing.B, op string) {
	url := serverURL(b)
	b.StopTimer() // each load times itself; setup is not counted
	var sink, raw time.Duration
	if loads.Add(1)%2 == 0 {
		raw, sink = rawLoad(b, url, b.N, op), sinkLoad(b, url, b.N, op)
	} else {
		sink, raw = sinkLoad(b, url, b.N, op), rawLoad(b, url, b.N, op)
	}
	b.ReportMetric(float64(b.N)/sink.Seconds(), "sink-events/s")
	b.ReportMetric(float64(b.N)/raw.Seconds(), "raw-events/s")
	b.ReportMetric(raw.Seconds()/sink.Seconds(), "sink-ratio")
	b.ReportMetric(0, "ns/op") // the timer never ran: the rates above are the figures
}

// sinkLoad delivers n video events of op ("c" inserts, "u" updates of
// videos it first inserts untimed) and returns how long they took.
func sinkLoad(b *testing.B, url string, n int, op string) time.Duration {
	store := openStore(b, testConfig(b, url))
	defer store.Close()
	videos := sink.New(sink.VideoSink, ingest.New(store))
	ctx := logging.WithLogger(context.Background(), slog.New(slog.DiscardHandler))
	deliver := func(events []ce.Event) {
		work := make(chan ce.Event)
		var failed atomic.Int64
		var wg sync.WaitGroup
		for range senders {
			wg.Go(func() {
				for e := range work {
					if res := videos.Receive(ctx, e); res.Status != http.StatusOK || res.Answer.Outcome != "applied" {
						failed.Add(1)
					}
				}
			})
		}
		for _, e := range events {
			work <- e
		}
		close(work)
		wg.Wait()
		if f := failed.Load(); f > 0 {
			b.Fatalf("%d of %d events not applied", f, len(events))
		}
	}
	// The events arrive built, as KafkaSource delivers them; building them is
	// not the sink's work (nor, below, the raw loader's).
	build := func(op string, pos int) []ce.Event {
		events := make([]ce.Event, n)
		for i := range events {
			row := videoRow(i)
			if op == "u" {
				row["title"] = fmt.Sprintf("Benchmark video %d, renamed", i)
			}
			events[i] = debezium("videos", op, row, pos+100*i, i)
		}
		return events
	}
	if op == "u" {
		deliver(build("c", 100))
	}
	events := build(op, 100+100*n)
	start := time.Now()
	deliver(events)
	// Timed, as the raw loader's final refresh is: one read that must see
	// every event (the store refreshes before it, refresh.go).
	page, err := store.ListVideos(ctx, domain.VideoQuery{ListQuery: domain.ListQuery{Limit: 1}})
	elapsed := time.Since(start)
	if err != nil || page.Total != n {
		b.Fatalf("list after the load: %d videos, %v; want %d", page.Total, err, n)
	}
	if vs, err := store.Videos(ctx, []string{"bv0000000"}); err != nil || len(vs) != 1 || (op == "u") != strings.HasSuffix(vs[0].Title, "renamed") {
		b.Fatalf("first video after the load: %+v, %v", vs, err)
	}
	return elapsed
}

// rawLoad indexes the documents the store keeps for n videos (twice for
// "u": the first, untimed, creates them) and returns how long it took.
func rawLoad(b *testing.B, url string, n int, op string) time.Duration {
	cfg := testConfig(b, url)
	openStore(b, cfg).Close() // creates the index from the template
	es := rawClient(b, url)
	bodies := make([][]byte, n)
	for i := range bodies {
		bodies[i], _ = json.Marshal(rawDocument(i))
	}
	load := func() {
		bi, err := esutil.NewBulkIndexer(esutil.BulkIndexerConfig{Client: es, Index: cfg.IndexPrefix + "-catalog", NumWorkers: 4, FlushBytes: 4 << 20})
		if err != nil {
			b.Fatal(err)
		}
		var failed atomic.Int64
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
		if n := failed.Load() + int64(bi.Stats().NumFailed); n > 0 {
			b.Fatalf("%d documents failed", n)
		}
	}
	if op == "u" {
		load()
	}
	start := time.Now()
	load()
	return time.Since(start)
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

// benchStamp is every benchmark video's created_at and updated_at, in
// microseconds as Debezium sends them (2026-01-01T00:00:00Z).
const benchStamp = int64(1767225600000000)

func videoRow(i int) map[string]any {
	return map[string]any{
		"id": fmt.Sprintf("bv%07d", i), "title": fmt.Sprintf("Benchmark video %d", i),
		"description": "a video loaded by the benchmark", "year_launched": 1950 + i%75,
		"opened": i%2 == 0, "published": true, "rating": "L", "duration": "Iyg=", // 90.00
		"created_at": benchStamp, "updated_at": benchStamp,
	}
}

// rawDocument is the document the store writes when the sink inserts
// videoRow(i) at storetest.Pos(i+1), as sinkLoad's "c" events do: the same
// fields and values, to index raw.
func rawDocument(i int) map[string]any {
	at := time.UnixMicro(benchStamp).UTC()
	v := domain.Video{
		ID: fmt.Sprintf("bv%07d", i), Title: fmt.Sprintf("Benchmark video %d", i),
		Description: "a video loaded by the benchmark", YearLaunched: 1950 + i%75,
		Opened: i%2 == 0, Published: true, Rating: "L", Duration: 90,
		Timestamps: domain.Timestamps{CreatedAt: at, UpdatedAt: at},
	}
	return map[string]any{
		"kind": "video", "id": v.ID, "row_pos": storetest.Pos(i + 1).Key(), "row": v,
		"doc": map[string]any{
			"visible": true, "name": v.Title, "description": v.Description, "year_launched": v.YearLaunched,
			"duration": v.Duration, "rating": v.Rating, "opened": v.Opened,
			"created_at": v.CreatedAt.Format(time.RFC3339Nano), "updated_at": v.UpdatedAt.Format(time.RFC3339Nano),
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
