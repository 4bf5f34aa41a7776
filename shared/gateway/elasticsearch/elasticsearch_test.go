package elasticsearch_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/gateway/elasticsearch"
	"github.com/videocatalog/catalog/shared/sink/sinktest"
	"github.com/videocatalog/catalog/shared/storetest"
)

// serverURL is the cluster the integration tests run against: they skip
// without ELASTICSEARCH_URL, unless CATALOG_REQUIRE_INTEGRATION=1 (CI) makes
// that a failure. Start one with export ELASTICSEARCH_URL=$(.ci/elasticsearch/start).
func serverURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("ELASTICSEARCH_URL")
	if u == "" {
		msg := "ELASTICSEARCH_URL is not set: start a node with `export ELASTICSEARCH_URL=$(.ci/elasticsearch/start)`"
		if os.Getenv("CATALOG_REQUIRE_INTEGRATION") == "1" {
			t.Fatal(msg + " (CATALOG_REQUIRE_INTEGRATION=1)")
		}
		t.Skip(msg)
	}
	return u
}

var prefixes atomic.Int64

// testConfig is a Config for a unique index prefix, whose indices and
// template are deleted when the test ends.
func testConfig(t testing.TB, url string) elasticsearch.Config {
	prefix := fmt.Sprintf("test-%d-%d-%d", os.Getpid(), time.Now().UnixNano()%1e6, prefixes.Add(1))
	t.Cleanup(func() { dropPrefix(t, url, prefix) })
	return elasticsearch.Config{URLs: strings.Split(url, ","), IndexPrefix: prefix, MarkTTL: 50 * time.Millisecond}
}

func openStore(t testing.TB, cfg elasticsearch.Config) *elasticsearch.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := elasticsearch.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

// dropPrefix deletes every index version of prefix and its template, by
// name: production clusters refuse wildcard deletes.
func dropPrefix(t testing.TB, url, prefix string) {
	base := strings.Split(url, ",")[0]
	res, err := http.Get(base + "/_cat/indices/" + prefix + "-catalog-v*?h=index")
	if err != nil {
		t.Logf("cleanup %s: %v", prefix, err)
		return
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, index := range strings.Fields(string(raw)) {
		send(t, "DELETE", base+"/"+index)
	}
	send(t, "DELETE", base+"/_index_template/"+prefix+"-catalog")
}

func send(t testing.TB, method, url string) {
	req, _ := http.NewRequest(method, url, nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Logf("cleanup %s %s: %v", method, url, err)
		return
	}
	res.Body.Close()
}

func TestContract(t *testing.T) {
	url := serverURL(t)
	storetest.Run(t, func(t *testing.T) domain.Store { return openStore(t, testConfig(t, url)) })
}

// TestConvergence runs the sink property test with fewer histories than the
// embedded run (2000 × 30 steps): each case costs real round trips.
func TestConvergence(t *testing.T) {
	url := serverURL(t)
	sinktest.Run(t, func(t *testing.T) domain.Store {
		s := openStore(t, testConfig(t, url))
		t.Cleanup(func() { s.Close() })
		return s
	}, sinktest.Options{Cases: 200, CasesPerStore: 20, Steps: 30})
}
