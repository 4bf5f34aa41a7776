// Command server runs the catalog's functions on the Functions Framework. With
// FUNCTION_TARGET set it serves that function alone at "/", as Knative and Cloud
// Run do; unset, it serves every sink at /<Name> and the catalog at "/", on the
// embedded index with the bundled sample catalog, so nothing else is needed.
package main

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/GoogleCloudPlatform/functions-framework-go/funcframework"

	_ "github.com/videocatalog/catalog/functions/castmembersink"
	"github.com/videocatalog/catalog/functions/catalog"
	_ "github.com/videocatalog/catalog/functions/categorysink"
	_ "github.com/videocatalog/catalog/functions/genresink"
	_ "github.com/videocatalog/catalog/functions/videosink"
	"github.com/videocatalog/catalog/shared/app"
	"github.com/videocatalog/catalog/shared/config"
	"github.com/videocatalog/catalog/shared/logging"
)

func main() {
	log := logging.Setup()
	if err := run(log); err != nil {
		log.Error("server stopped", "error", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger) error {
	cfg, err := config.Load[config.Server]()
	if err != nil {
		return err
	}
	ctx := context.Background()
	if cfg.Target == "" {
		// Locally the schema is there to be explored; deployments keep the default (off).
		if _, set := os.LookupEnv("CATALOG_GRAPHQL_INTROSPECTION"); !set {
			os.Setenv("CATALOG_GRAPHQL_INTROSPECTION", "true")
		}
		if err := funcframework.RegisterHTTPFunctionContext(ctx, "/", catalog.Handler.ServeHTTP); err != nil {
			return err
		}
	}
	if cfg.SampleData {
		store, err := app.Store()
		if err != nil {
			return err
		}
		n, err := app.LoadSample(ctx, store)
		if err != nil {
			return err
		}
		if n > 0 {
			log.Info("loaded the sample catalog through the sinks", "events", n)
		}
	}
	go closeOnSignal(log)
	log.Info("serving", "port", cfg.Port, "function", cfg.Target)
	return funcframework.Start(cfg.Port)
}

// closeOnSignal flushes and closes the store on SIGINT or SIGTERM, so that the
// embedded index is left whole; requests still in flight fail with 503 and are
// redelivered.
func closeOnSignal(log *slog.Logger) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	sig := <-signals
	if err := app.CloseStore(); err != nil {
		log.Error("closing the store", "error", err)
	}
	log.Info("stopped", "signal", sig.String())
	os.Exit(0)
}
