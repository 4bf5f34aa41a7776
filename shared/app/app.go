// Package app is the one place that wires adapters to ports: every function
// asks it for the store, so a process holds a single store however many
// functions it serves.
package app

import (
	"context"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/videocatalog/catalog/shared/config"
	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/gateway/elasticsearch"
	"github.com/videocatalog/catalog/shared/gateway/embedded"
)

var store = lazy[domain.Store]{open: func() (domain.Store, error) {
	cfg, err := config.Load[config.Store]()
	if err != nil {
		return nil, err
	}
	return OpenStore(cfg)
}}

// Store returns the process's catalog store, opening it on first use from the environment.
func Store() (domain.Store, error) { return store.get() }

// CloseStore closes the process's store if it was opened.
func CloseStore() error {
	s, ok := store.peek()
	if !ok {
		return nil
	}
	return s.Close()
}

// OpenStore opens the store cfg selects.
func OpenStore(cfg config.Store) (domain.Store, error) {
	if len(cfg.ElasticsearchURLs) > 0 {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		s, err := elasticsearch.Open(ctx, ElasticsearchConfig(cfg))
		if err != nil {
			return nil, fmt.Errorf("app: open the Elasticsearch store: %w", err)
		}
		return s, nil
	}
	s, err := embedded.Open(cfg.IndexPath)
	if err != nil {
		return nil, fmt.Errorf("app: open embedded index at %s: %w", cfg.IndexPath, err)
	}
	return s, nil
}

// ElasticsearchConfig is the Elasticsearch adapter's configuration from the store's.
func ElasticsearchConfig(cfg config.Store) elasticsearch.Config {
	return elasticsearch.Config{
		URLs: cfg.ElasticsearchURLs, APIKey: cfg.ElasticsearchAPIKey,
		Username: cfg.ElasticsearchUsername, Password: cfg.ElasticsearchPassword,
		IndexPrefix: cfg.IndexPrefix,
	}
}

// Project is the Google Cloud project that log traces are attributed to.
func Project() string { return os.Getenv("GOOGLE_CLOUD_PROJECT") }

// lazy opens a value on first use and keeps it once opening succeeds; a failed
// open (a store not up yet) is tried again on the next call instead of sticking.
type lazy[T any] struct {
	mu    sync.Mutex
	value T
	ok    bool
	open  func() (T, error)
}

// peek returns the value if it has been opened, without opening it.
func (l *lazy[T]) peek() (T, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.value, l.ok
}

func (l *lazy[T]) get() (T, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ok {
		return l.value, nil
	}
	v, err := l.open()
	if err != nil {
		return v, err
	}
	l.value, l.ok = v, true
	return v, nil
}
