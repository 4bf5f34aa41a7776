// Command reindex builds the next version of the catalog index from the
// current template and moves the alias to it with no downtime: it creates
// <prefix>-catalog-v<N+1>, copies v<N> into it with a _reindex task (showing
// its progress on stderr), swaps the alias atomically, then merges v<N> into
// v<N+1> once more so that writes that reached v<N> during the copy are kept.
// The old index is left in place for a rollback unless -delete-old is given.
//
//	reindex [-url URLS] [-prefix PREFIX] [-api-key KEY | -username U -password P] [-poll 500ms] [-delete-old]
//
// Flags default to the store's environment: ELASTICSEARCH_URL (comma-separated),
// ELASTICSEARCH_API_KEY, ELASTICSEARCH_USERNAME, ELASTICSEARCH_PASSWORD, CATALOG_INDEX_PREFIX.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/videocatalog/catalog/shared/app"
	"github.com/videocatalog/catalog/shared/config"
	"github.com/videocatalog/catalog/shared/gateway/elasticsearch"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "reindex:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stderr io.Writer) error {
	store, err := config.Load[config.Store]()
	if err != nil {
		return err
	}
	es := app.ElasticsearchConfig(store)
	if len(es.URLs) == 0 {
		es.URLs = []string{"http://localhost:9200"}
	}
	fs := flag.NewFlagSet("reindex", flag.ContinueOnError)
	fs.SetOutput(stderr)
	urls := fs.String("url", strings.Join(es.URLs, ","), "Elasticsearch URLs, comma-separated")
	fs.StringVar(&es.APIKey, "api-key", es.APIKey, "API key")
	fs.StringVar(&es.Username, "username", es.Username, "basic auth user")
	fs.StringVar(&es.Password, "password", es.Password, "basic auth password")
	fs.StringVar(&es.IndexPrefix, "prefix", es.IndexPrefix, "index prefix")
	poll := fs.Duration("poll", 500*time.Millisecond, "how often the _reindex task is polled")
	deleteOld := fs.Bool("delete-old", false, "delete the old index version once the alias moved")
	if err := fs.Parse(args); err != nil {
		return err
	}
	es.URLs = strings.Split(*urls, ",")
	admin, err := elasticsearch.OpenAdmin(ctx, es)
	if err != nil {
		return err
	}
	defer admin.Close()

	from, v, err := admin.Current(ctx)
	if err != nil {
		return err
	}
	to, err := admin.CreateVersion(ctx, v+1)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "copying %s into %s\n", from, to)
	task, err := admin.StartCopy(ctx, from, to)
	if err != nil {
		return err
	}
	bar := &progressBar{w: stderr, label: "copy "}
	for {
		st, err := admin.Task(ctx, task)
		if err != nil {
			return err
		}
		bar.show(st.Done, st.Total)
		if st.Completed {
			bar.end()
			if len(st.Error) > 0 || len(st.Failures) > 0 {
				return fmt.Errorf("_reindex task %s failed: %s %s (alias still on %s; %s can be deleted)", task, st.Error, st.Failures, from, to)
			}
			break
		}
		select {
		case <-time.After(*poll):
		case <-ctx.Done():
			return fmt.Errorf("%w (the _reindex task %s goes on; alias still on %s)", ctx.Err(), task, from)
		}
	}
	if err := admin.SwapAlias(ctx, from, to); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "alias %s now on %s\n", admin.Alias(), to)
	merge := &progressBar{w: stderr, label: "merge "}
	if err := admin.CatchUp(ctx, from, func(done int) { merge.show(done, 0) }); err != nil {
		return fmt.Errorf("catch up from %s: %w (alias is on %s; run again to retry)", from, err, to)
	}
	merge.end()
	if *deleteOld {
		if err := admin.DeleteIndex(ctx, from); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "deleted %s\n", from)
	}
	return nil
}
