package elasticsearch_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	ce "github.com/cloudevents/sdk-go/v2/event"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/logging"
	"github.com/videocatalog/catalog/shared/sink"
	"github.com/videocatalog/catalog/shared/usecase/ingest"
)

// TestOutageLosesNothing stops Elasticsearch in the middle of a stream of
// video events: the sink answers 503 meanwhile, the events are redelivered as
// KafkaSource does (retry on 503) until the node is back, and in the end
// every change is applied. It runs its own node (own port, throw-away data
// folder) so that tests of other packages using the shared one are not
// disturbed; it needs CATALOG_ES_OUTAGE_TEST=1.
func TestOutageLosesNothing(t *testing.T) {
	if os.Getenv("CATALOG_ES_OUTAGE_TEST") != "1" {
		t.Skip("CATALOG_ES_OUTAGE_TEST=1 runs it: it starts, stops and restarts its own Elasticsearch node")
	}
	node := startNode(t)
	store := openStore(t, testConfig(t, node.url))
	t.Cleanup(func() { store.Close() })
	videos := sink.New(sink.VideoSink, ingest.New(store))

	events, want := outageHistory(40, 12)
	var delivered, unavailable atomic.Int64
	// The sink logs every 503; the count below says enough.
	quiet := logging.WithLogger(context.Background(), slog.New(slog.DiscardHandler))
	ctx, cancel := context.WithTimeout(quiet, 5*time.Minute)
	defer cancel()
	work := make(chan ce.Event, len(events))
	failures := make(chan error, len(events))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for e := range work {
				if err := redeliver(ctx, videos, e, &unavailable); err != nil {
					failures <- err
				}
				delivered.Add(1)
			}
		})
	}
	// The first third flows while the node runs, the second while it stops,
	// the last one once it is down; it starts again once the sink answered 503.
	third := len(events) / 3
	feed := func(es []ce.Event) {
		for _, e := range es {
			work <- e
		}
	}
	feed(events[:third])
	if !waitFor(ctx, func() bool { return delivered.Load() >= int64(third/2) }) {
		t.Fatalf("only %d events delivered before the outage", delivered.Load())
	}
	feed(events[third : 2*third])
	if err := node.run("stop"); err != nil {
		t.Fatalf("stop: %v", err)
	}
	feed(events[2*third:])
	close(work)
	if !waitFor(ctx, func() bool { return unavailable.Load() > 0 }) {
		t.Fatalf("no 503 while the node was down (%d of %d delivered)", delivered.Load(), len(events))
	}
	if err := node.run("start"); err != nil {
		t.Fatalf("start again: %v", err)
	}
	wg.Wait()
	close(failures)
	for err := range failures {
		t.Fatal(err)
	}
	t.Logf("%d events (%d 503 answers redelivered)", len(events), unavailable.Load())

	rows, err := store.Rows(context.Background(), domain.KindVideo)
	if err != nil {
		t.Fatalf("Rows: %v", err)
	}
	got := map[string]domain.Video{}
	for _, e := range rows {
		got[e.EntityID()] = e.(domain.Video)
	}
	for id, w := range want {
		g, ok := got[id]
		if !ok {
			t.Errorf("video %s lost", id)
			continue
		}
		if g.Title != w.Title || !slices.Equal(g.GenreIDs, w.GenreIDs) {
			t.Errorf("video %s = %q genres %v, want %q genres %v", id, g.Title, g.GenreIDs, w.Title, w.GenreIDs)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d videos stored, want %d", len(got), len(want))
	}
}

// redeliver sends e until it is answered 200, as KafkaSource retries a 503
// (bounded by ctx); any other answer fails.
func redeliver(ctx context.Context, s *sink.Sink, e ce.Event, unavailable *atomic.Int64) error {
	backoff := 20 * time.Millisecond
	for {
		res := s.Receive(ctx, e)
		switch res.Status {
		case http.StatusOK:
			return nil
		case http.StatusServiceUnavailable:
			unavailable.Add(1)
		default:
			return fmt.Errorf("event %s answered %d: %+v", e.ID(), res.Status, res.Answer)
		}
		select {
		case <-time.After(backoff):
			backoff = min(2*backoff, time.Second)
		case <-ctx.Done():
			return fmt.Errorf("event %s never applied: %w (last answer %+v)", e.ID(), ctx.Err(), res.Answer)
		}
	}
}

func waitFor(ctx context.Context, cond func() bool) bool {
	for !cond() {
		select {
		case <-time.After(20 * time.Millisecond):
		case <-ctx.Done():
			return false
		}
	}
	return true
}

// outageHistory makes updates of videos, each also linked to a genre, shuffled
// (KafkaSource delivers partitions in parallel), and the state they end in.
func outageHistory(videos, updates int) ([]ce.Event, map[string]domain.Video) {
	var events []ce.Event
	want := map[string]domain.Video{}
	pos := 4
	for u := range updates {
		for v := range videos {
			id := fmt.Sprintf("ov%03d", v)
			title := fmt.Sprintf("Outage %d take %d", v, u)
			row := map[string]any{
				"id": id, "title": title, "description": "", "year_launched": 2000, "opened": true,
				"published": true, "rating": "L", "duration": "Iyg=", // 90.00
				"created_at": int64(1767225600000000), "updated_at": int64(1767225600000000 + u),
			}
			pos += 100
			events = append(events, debezium("videos", "u", row, pos, len(events)))
			want[id] = domain.Video{ID: id, Title: title, GenreIDs: []string{fmt.Sprintf("og%02d", u)}}
			pos += 100
			genre := map[string]any{"video_id": id, "genre_id": fmt.Sprintf("og%02d", u)}
			events = append(events, debezium("videos_genres", "c", genre, pos, len(events)))
			if u > 0 {
				pos += 100
				old := map[string]any{"video_id": id, "genre_id": fmt.Sprintf("og%02d", u-1)}
				events = append(events, debeziumDelete("videos_genres", old, pos, len(events)))
			}
		}
	}
	rnd := rand.New(rand.NewPCG(7, 11))
	rnd.Shuffle(len(events), func(i, j int) { events[i], events[j] = events[j], events[i] })
	return events, want
}

func debezium(table, op string, after map[string]any, pos, offset int) ce.Event {
	return changeEvent(table, map[string]any{"before": nil, "after": after, "op": op}, pos, offset)
}

func debeziumDelete(table string, before map[string]any, pos, offset int) ce.Event {
	return changeEvent(table, map[string]any{"before": before, "after": nil, "op": "d"}, pos, offset)
}

func changeEvent(table string, value map[string]any, pos, offset int) ce.Event {
	value["ts_ms"] = 1767225600000
	value["source"] = map[string]any{
		"version": "3.6.0.Final", "connector": "mysql", "name": "adm_videos_mysql", "db": "adm_videos",
		"table": table, "snapshot": "false", "file": "mysql-bin.000001", "pos": pos, "row": 0, "server_id": 1,
	}
	raw, err := json.Marshal(value)
	if err != nil {
		panic(err) // plain values always marshal
	}
	topic := "adm_videos_mysql.adm_videos." + table
	e := ce.New()
	e.SetID(fmt.Sprintf("partition:0/offset:%d", offset))
	e.SetSource("/apis/v1/namespaces/test/kafkasources/admin#" + topic)
	e.SetType("dev.knative.kafka.event")
	e.DataEncoded = raw
	return e
}

// esNode is a throw-away node run by the .ci/elasticsearch scripts.
type esNode struct {
	scripts string
	env     []string
	url     string
}

func startNode(t *testing.T) *esNode {
	t.Helper()
	root, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		t.Fatalf("find the repository root: %v", err)
	}
	n := &esNode{
		scripts: filepath.Join(strings.TrimSpace(string(root)), ".ci", "elasticsearch"),
		env: append(os.Environ(),
			"ES_PORT="+freePort(t), "ES_TRANSPORT_PORT="+freePort(t), "ES_DATA="+t.TempDir(),
			"ES_STOP_SIGNAL=KILL"), // an abrupt stop, as a crashed node
	}
	out, err := n.output("start")
	if err != nil {
		t.Fatalf("start a node: %v", err)
	}
	n.url = strings.TrimSpace(out)
	t.Cleanup(func() {
		if err := n.run("stop"); err != nil {
			t.Logf("stop: %v", err)
		}
	})
	return n
}

func (n *esNode) output(script string) (string, error) {
	cmd := exec.Command(filepath.Join(n.scripts, script))
	cmd.Env = n.env
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s: %w\n%s", script, err, stderr.String())
	}
	return string(out), nil
}

func (n *esNode) run(script string) error {
	_, err := n.output(script)
	return err
}

func freePort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("free port: %v", err)
	}
	defer l.Close()
	return fmt.Sprint(l.Addr().(*net.TCPAddr).Port)
}
