package sink_test

import (
	"context"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/cloudevents/sdk-go/v2/event"

	"github.com/videocatalog/catalog/shared/gateway/embedded"
	"github.com/videocatalog/catalog/shared/sink"
	"github.com/videocatalog/catalog/shared/usecase/ingest"
)

// videoEvent is the i-th change of a stream of video creates, each at its own binlog position.
func videoEvent(i int64) event.Event {
	e := event.New()
	e.SetID(fmt.Sprintf("partition:0/offset:%d", i))
	e.SetSource("/apis/v1/namespaces/catalog/kafkasources/admin#adm_videos_mysql.adm_videos.videos")
	e.SetType("dev.knative.kafka.event")
	row := fmt.Sprintf(`{"id":"v%d","title":"Cidade de Deus %d","description":"A vida na favela carioca","year_launched":2002,"opened":false,"published":true,"rating":"18","duration":"MsQ=","created_at":1767225600000000,"updated_at":1767225600000000}`, i, i)
	e.DataEncoded = []byte(envelope("videos", "c", "null", row, int(4+i*400)))
	return e
}

// BenchmarkSinkIntoEmbeddedStore measures events per second through the sink
// handler (decode, validate, converge) into an on-disk embedded store.
func BenchmarkSinkIntoEmbeddedStore(b *testing.B) {
	run := func(b *testing.B, parallel bool) {
		store, err := embedded.Open(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		defer store.Close()
		s := sink.New(sink.VideoSink, ingest.New(store))
		var next atomic.Int64
		deliver := func() {
			if res := s.Receive(context.Background(), videoEvent(next.Add(1))); res.Status != http.StatusOK {
				b.Errorf("answered %d: %+v", res.Status, res.Answer)
			}
		}
		b.ResetTimer()
		if parallel {
			b.SetParallelism(16) // KafkaSource keeps up to 50 in flight when unordered
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					deliver()
				}
			})
		} else {
			for b.Loop() {
				deliver()
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	}
	b.Run("one at a time", func(b *testing.B) { run(b, false) })
	b.Run("concurrent", func(b *testing.B) { run(b, true) })
}
