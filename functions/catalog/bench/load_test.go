package bench_test

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var (
	clients = flag.Int("catalog.clients", 8, "concurrent HTTP clients of the load generator")
	maxRun  = flag.Duration("catalog.maxrun", time.Minute, "longest one run of a benchmark may last, whatever b.N")
)

// endpoint is one request the load generator sends again and again, and
// what a good answer to it looks like.
type endpoint struct {
	name   string
	method string
	path   string // and query string
	body   string // for POST
	// check validates one answer before the timed requests: those are only
	// checked for their status.
	check func(body []byte) error
}

func (e endpoint) request(base string) (*http.Request, error) {
	var body io.Reader
	if e.body != "" {
		body = bytes.NewReader([]byte(e.body))
	}
	req, err := http.NewRequest(e.method, base+e.path, body)
	if err != nil {
		return nil, err
	}
	if e.body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	// No If-None-Match: every answer is computed and sent in full. The
	// transport asks for gzip, as browsers do, and decodes it.
	return req, nil
}

// newClient keeps one connection per client alive: the default two idle
// connections per host would make most requests dial.
func newClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns, t.MaxIdleConnsPerHost = *clients, *clients
	return &http.Client{Transport: t, Timeout: time.Minute}
}

// do sends one request and reads its answer to the end.
func do(client *http.Client, base string, e endpoint) ([]byte, error) {
	req, err := e.request(base)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return body, fmt.Errorf("%s %s: status %d: %.300s", e.method, e.path, resp.StatusCode, body)
	}
	return body, nil
}

// benchmarkEndpoint sends b.N requests for e to the server at base from
// *clients goroutines, each waiting for its answer before sending the next
// (a closed loop), stopping early after *maxRun. It reports the requests
// answered per second and the p50 and p99 latencies, in milliseconds, from
// sending a request to having read all of its answer, and the CPU time the
// process spent per request.
func benchmarkEndpoint(b *testing.B, base string, e endpoint) {
	client := newClient()
	defer client.CloseIdleConnections()
	body, err := do(client, base, e)
	if err == nil {
		err = e.check(body)
	}
	if err != nil {
		b.Fatal(err)
	}

	var (
		sent      atomic.Int64
		failed    atomic.Bool
		firstErr  error
		errOnce   sync.Once
		latencies = make([][]time.Duration, *clients)
		wg        sync.WaitGroup
	)
	b.ResetTimer()
	cpu0, cpuOK := processCPU()
	start := time.Now()
	deadline := start.Add(*maxRun)
	for c := range *clients {
		wg.Go(func() {
			var mine []time.Duration
			for sent.Add(1) <= int64(b.N) && !failed.Load() && time.Now().Before(deadline) {
				t0 := time.Now()
				if _, err := do(client, base, e); err != nil {
					errOnce.Do(func() { firstErr = err })
					failed.Store(true)
					break
				}
				mine = append(mine, time.Since(t0))
			}
			latencies[c] = mine
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	cpu1, _ := processCPU()
	b.StopTimer()
	if firstErr != nil {
		b.Fatal(firstErr)
	}
	all := slices.Concat(latencies...)
	if len(all) < b.N {
		b.Logf("stopped after %d of %d requests: -catalog.maxrun %v", len(all), b.N, *maxRun)
	}
	slices.Sort(all)
	b.ReportMetric(float64(len(all))/elapsed.Seconds(), "req/s")
	b.ReportMetric(ms(percentile(all, 0.50)), "p50-ms")
	b.ReportMetric(ms(percentile(all, 0.99)), "p99-ms")
	if cpuOK && len(all) > 0 {
		// Server and load generator together: other processes competing for
		// the CPUs move it less than they move the latencies.
		b.ReportMetric(ms(cpu1-cpu0)/float64(len(all)), "cpu-ms/req")
	}
}

// percentile is the nearest-rank p-th percentile of sorted latencies.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p*float64(len(sorted)))) - 1
	return sorted[min(max(rank, 0), len(sorted)-1)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
