// Package app is the one place that wires adapters to ports: every function
// asks it for the store, so a process holds a single store however many
// functions it serves.
package app

import (
	"fmt"
	"sync"

	"github.com/videocatalog/catalog/shared/config"
	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/gateway/embedded"
)

var openStore = sync.OnceValues(func() (domain.Store, error) {
	cfg, err := config.Load[config.Store]()
	if err != nil {
		return nil, err
	}
	return OpenStore(cfg)
})

// Store returns the process's catalog store, opening it on first use from the environment.
func Store() (domain.Store, error) { return openStore() }

// OpenStore opens the store cfg selects.
func OpenStore(cfg config.Store) (domain.Store, error) {
	if len(cfg.ElasticsearchURLs) > 0 {
		return nil, fmt.Errorf("app: the Elasticsearch store is not available in this build")
	}
	s, err := embedded.Open(cfg.IndexPath)
	if err != nil {
		return nil, fmt.Errorf("app: open embedded index at %s: %w", cfg.IndexPath, err)
	}
	return s, nil
}
