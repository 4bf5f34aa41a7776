package bench_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime/pprof"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/videocatalog/catalog/functions/catalog"
	"github.com/videocatalog/catalog/functions/catalog/catalogtest"
	"github.com/videocatalog/catalog/shared/app"
	"github.com/videocatalog/catalog/shared/config"
	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/gateway/embedded"
)

// The same flag as the GraphQL package's nested-page benchmark: flags are per
// test binary, so the names do not clash.
var large = flag.Bool("catalog.large", false, "also benchmark a catalog of 100,000 generated videos (loading it takes minutes)")

const largeCatalog = 100_000

// nestedQuery is a video grid's page with every relation it shows, nested
// (a genre's categories) and the media the store looks up per video.
const nestedQuery = `{ videos(first: 20) { totalCount nodes { id title categories { name } ` +
	`genres { name categories { name } } castMembers { name type } video { status } playback { videoUrl } } } }`

// endpoints are the requests benchmarked on every catalog. The search is for
// a word of the sample ("Ação em Dobro"), so it matches nothing generated:
// facets without a search show what counting the whole generated catalog costs.
var endpoints = []endpoint{
	{name: "rest=list", method: "GET", path: "/v1/videos?per_page=20", check: checkREST},
	{name: "rest=search-facets", method: "GET", path: "/v1/videos?per_page=20&search=acao&facets=true", check: checkRESTFacets},
	{name: "rest=facets", method: "GET", path: "/v1/videos?per_page=20&facets=true", check: checkRESTFacets},
	{name: "graphql=nested", method: "POST", path: "/graphql", body: mustJSON(map[string]string{"query": nestedQuery}), check: checkNested},
}

// BenchmarkServe serves the endpoints over HTTP on 127.0.0.1 from the
// embedded store on disk, holding the sample catalog and, with
// -catalog.large, 100,000 generated videos. See README.md.
//
//	go test ./functions/catalog/bench -run '^$' -bench Serve -benchtime 5s -count 2 [-catalog.large]
func BenchmarkServe(b *testing.B) {
	b.Run("catalog=sample", func(b *testing.B) {
		// Loaded here, not in the sub-benchmarks, which run again for every b.N tried.
		store, err := embedded.Open(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		defer store.Close()
		start := time.Now()
		n, err := app.LoadSample(context.Background(), store)
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("loaded the sample catalog (%d events) in %v", n, time.Since(start).Round(time.Millisecond))
		benchmarkEndpoints(b, store)
	})
	b.Run("catalog="+strconv.Itoa(largeCatalog), func(b *testing.B) {
		if !*large {
			b.Skip("needs -catalog.large")
		}
		store, err := largeStore()
		if err != nil {
			b.Fatal(err)
		}
		benchmarkEndpoints(b, store)
	})
}

func benchmarkEndpoints(b *testing.B, store domain.Store) {
	cfg, err := config.Load[config.Catalog]()
	if err != nil {
		b.Fatal(err)
	}
	svc, err := app.NewBrowse(store, cfg)
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(labeled(catalog.NewHandler(svc, cfg)))
	defer srv.Close()
	for _, e := range endpoints {
		b.Run(e.name, func(b *testing.B) { benchmarkEndpoint(b, srv.URL, e) })
	}
}

// labeled tags the CPU profile's samples of each request with its path and
// query, so that go tool pprof -tagfocus request=... picks one endpoint out of
// a -cpuprofile of several, and -tagfocus request= leaves out loading.
func labeled(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pprof.Do(r.Context(), pprof.Labels("request", r.URL.RequestURI()), func(ctx context.Context) {
			h.ServeHTTP(w, r.WithContext(ctx))
		})
	})
}

// largeStore is the generated catalog on disk, loaded once per process (a
// benchmark's -count runs it again) into a directory TestMain removes.
var (
	largeDir   string
	largeStore = sync.OnceValues(func() (domain.Store, error) {
		dir, err := os.MkdirTemp("", "catalog-bench-")
		if err != nil {
			return nil, err
		}
		largeDir = dir
		store, err := embedded.Open(dir)
		if err != nil {
			return nil, err
		}
		start := time.Now()
		if err := catalogtest.Load(context.Background(), store, catalogtest.Generated(largeCatalog)); err != nil {
			store.Close()
			return nil, err
		}
		fmt.Fprintf(os.Stderr, "loaded %d generated videos in %v\n", largeCatalog, time.Since(start).Round(time.Second))
		return store, nil
	})
)

func TestMain(m *testing.M) {
	code := m.Run()
	if largeDir != "" {
		if store, err := largeStore(); err == nil {
			store.Close()
		}
		os.RemoveAll(largeDir)
	}
	os.Exit(code)
}

func mustJSON(v any) string {
	body, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(body)
}

type restPage struct {
	Data []struct {
		ID         string            `json:"id"`
		Categories []json.RawMessage `json:"categories"`
	} `json:"data"`
	Meta struct {
		Total  int `json:"total"`
		Facets *struct {
			Categories []json.RawMessage `json:"categories"`
		} `json:"facets"`
	} `json:"meta"`
}

func decodeREST(body []byte) (restPage, error) {
	var p restPage
	if err := json.Unmarshal(body, &p); err != nil {
		return p, fmt.Errorf("answer is not a page: %v: %.300s", err, body)
	}
	if len(p.Data) != min(p.Meta.Total, 20) {
		return p, fmt.Errorf("%d videos of %d: %.300s", len(p.Data), p.Meta.Total, body)
	}
	return p, nil
}

func checkREST(body []byte) error {
	p, err := decodeREST(body)
	if err == nil && p.Meta.Total == 0 {
		err = fmt.Errorf("no videos: %.300s", body)
	}
	return err
}

func checkRESTFacets(body []byte) error {
	p, err := decodeREST(body)
	if err == nil && p.Meta.Facets == nil {
		err = fmt.Errorf("no facets: %.300s", body)
	}
	return err
}

// checkNested wants a full page of videos with their relations, allowing only
// the NOT_READY errors of videos whose file is not encoded yet.
func checkNested(body []byte) error {
	var r struct {
		Data struct {
			Videos struct {
				TotalCount int `json:"totalCount"`
				Nodes      []struct {
					ID         string            `json:"id"`
					Categories []json.RawMessage `json:"categories"`
				} `json:"nodes"`
			} `json:"videos"`
		} `json:"data"`
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return fmt.Errorf("answer is not GraphQL: %v: %.300s", err, body)
	}
	v := r.Data.Videos
	if v.TotalCount == 0 || len(v.Nodes) != min(v.TotalCount, 20) {
		return fmt.Errorf("%d videos of %d: %.300s", len(v.Nodes), v.TotalCount, body)
	}
	for _, e := range r.Errors {
		if e.Extensions["code"] != "NOT_READY" {
			return fmt.Errorf("error %q %v: %.300s", e.Message, e.Extensions, body)
		}
	}
	categories := 0
	for _, n := range v.Nodes {
		categories += len(n.Categories)
	}
	if categories == 0 {
		return fmt.Errorf("no video has a category: %.300s", body)
	}
	return nil
}
