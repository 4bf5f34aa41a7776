package elasticsearch

import (
	"fmt"
	"time"
)

// Config selects the cluster and tunes the write coalescer. The wiring fills
// it from ELASTICSEARCH_URL (comma-separated), ELASTICSEARCH_API_KEY or
// ELASTICSEARCH_USERNAME/ELASTICSEARCH_PASSWORD and CATALOG_INDEX_PREFIX.
type Config struct {
	URLs     []string
	APIKey   string
	Username string
	Password string
	// IndexPrefix names everything the store creates: the alias
	// <prefix>-catalog, its indices <prefix>-catalog-v<N> and their template.
	IndexPrefix string

	// FlushInterval is how long the first change of a batch waits for others
	// to join it before the batch is sent as one _bulk request.
	FlushInterval time.Duration
	// FlushItems and FlushBytes send a batch at once when it reaches them.
	FlushItems int
	FlushBytes int
	// MaxInFlight bounds the _bulk requests in flight; batches wait beyond it.
	MaxInFlight int
	// MarkTTL is how long truncate marks read from the index are trusted
	// before a flush reads them again (see marks.go).
	MarkTTL time.Duration
	// RequestTimeout bounds every request to the cluster.
	RequestTimeout time.Duration
}

func (c Config) withDefaults() (Config, error) {
	if len(c.URLs) == 0 {
		return c, fmt.Errorf("elasticsearch: no URL")
	}
	if c.IndexPrefix == "" {
		c.IndexPrefix = "catalog"
	}
	if c.FlushInterval <= 0 {
		c.FlushInterval = 2 * time.Millisecond
	}
	if c.FlushItems <= 0 {
		c.FlushItems = 500
	}
	if c.FlushBytes <= 0 {
		c.FlushBytes = 4 << 20
	}
	if c.MaxInFlight <= 0 {
		c.MaxInFlight = 4
	}
	if c.MarkTTL <= 0 {
		c.MarkTTL = time.Second
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = 30 * time.Second
	}
	return c, nil
}
