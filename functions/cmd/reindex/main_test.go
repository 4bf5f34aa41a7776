package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/gateway/elasticsearch"
	"github.com/videocatalog/catalog/shared/storetest"
)

// TestReindexKeepsEveryRow runs the command twice against a real node
// (ELASTICSEARCH_URL; skipped without it unless CATALOG_REQUIRE_INTEGRATION=1):
// the alias moves v1 -> v2 -> v3 and the store reads the same state throughout.
func TestReindexKeepsEveryRow(t *testing.T) {
	url := os.Getenv("ELASTICSEARCH_URL")
	if url == "" {
		msg := "ELASTICSEARCH_URL is not set: start a node with `export ELASTICSEARCH_URL=$(.ci/elasticsearch/start)`"
		if os.Getenv("CATALOG_REQUIRE_INTEGRATION") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	prefix := fmt.Sprintf("test-reindex-%d-%d", os.Getpid(), time.Now().UnixNano()%1e6)
	t.Cleanup(func() { drop(url, prefix) })
	cfg := elasticsearch.Config{URLs: strings.Split(url, ","), IndexPrefix: prefix, MarkTTL: 50 * time.Millisecond}
	store, err := elasticsearch.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for i := range 1200 {
		c := storetest.Category(storetest.ID("c", i), fmt.Sprintf("Category %d", i))
		if _, err := store.ApplyRow(ctx, storetest.Put(c, storetest.Pos(i+10))); err != nil {
			t.Fatal(err)
		}
	}
	steps := []func() error{
		func() error {
			return apply(store.ApplyRow(ctx, storetest.Put(storetest.Video("v1", "Film"), storetest.Pos(1))))
		},
		func() error {
			return apply(store.ApplyRelation(ctx, storetest.Link(domain.VideoGenres, "v1", "g1", storetest.Pos(2))))
		},
		func() error {
			return apply(store.ApplyRow(ctx, storetest.Delete(domain.KindCategory, "c05", storetest.Pos(5000))))
		},
		func() error { return store.TruncateRows(ctx, domain.KindCategory, storetest.Pos(20)) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	before := snapshot(t, store)

	for v := 2; v <= 3; v++ {
		var stderr strings.Builder
		if err := run(ctx, []string{"-url", url, "-prefix", prefix, "-poll", "20ms"}, &stderr); err != nil {
			t.Fatalf("reindex to v%d: %v\n%s", v, err, stderr.String())
		}
		if !strings.Contains(stderr.String(), "100%") || !strings.Contains(stderr.String(), fmt.Sprintf("%s-catalog-v%d", prefix, v)) {
			t.Errorf("progress of v%d:\n%s", v, stderr.String())
		}
		if after := snapshot(t, store); !reflect.DeepEqual(after, before) {
			t.Fatalf("state after reindex to v%d differs", v)
		}
		// Old writes stay refused in the new version: marks and markers were copied.
		if out, err := store.ApplyRow(ctx, storetest.Put(storetest.Category("c01", "Late"), storetest.Pos(11))); err != nil || out != domain.Stale {
			t.Fatalf("write older than the truncate after reindex = %v, %v; want stale", out, err)
		}
		if out, err := store.ApplyRow(ctx, storetest.Put(storetest.Category("c05", "Late"), storetest.Pos(4000))); err != nil || out != domain.Stale {
			t.Fatalf("write older than the delete after reindex = %v, %v; want stale", out, err)
		}
	}
	admin, err := elasticsearch.OpenAdmin(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if index, v, err := admin.Current(ctx); err != nil || v != 3 {
		t.Fatalf("alias on %s (v%d), %v; want v3", index, v, err)
	}
}

func apply(_ domain.Outcome, err error) error { return err }

func snapshot(t *testing.T, s domain.Store) map[domain.Kind][]domain.Entity {
	out := map[domain.Kind][]domain.Entity{}
	for _, k := range domain.Kinds {
		rows, err := s.Rows(context.Background(), k)
		if err != nil {
			t.Fatal(err)
		}
		out[k] = rows
	}
	return out
}

func drop(url, prefix string) {
	base := strings.Split(url, ",")[0]
	res, err := http.Get(base + "/_cat/indices/" + prefix + "-catalog-v*?h=index")
	if err != nil {
		return
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, index := range append(strings.Fields(string(raw)), "_index_template/"+prefix+"-catalog") {
		req, _ := http.NewRequest("DELETE", base+"/"+index, nil)
		if res, err := http.DefaultClient.Do(req); err == nil {
			res.Body.Close()
		}
	}
}
