// Package config holds the envconfig structs the functions read, one per concern.
package config

import (
	"fmt"
	"time"

	"github.com/kelseyhightower/envconfig"
)

// Store selects and configures the catalog store. With ELASTICSEARCH_URL unset the
// embedded index under CATALOG_INDEX_PATH is used.
type Store struct {
	ElasticsearchURLs     []string `envconfig:"ELASTICSEARCH_URL"`
	ElasticsearchAPIKey   string   `envconfig:"ELASTICSEARCH_API_KEY"`
	ElasticsearchUsername string   `envconfig:"ELASTICSEARCH_USERNAME"`
	ElasticsearchPassword string   `envconfig:"ELASTICSEARCH_PASSWORD"`
	IndexPrefix           string   `envconfig:"CATALOG_INDEX_PREFIX" default:"catalog"`
	IndexPath             string   `envconfig:"CATALOG_INDEX_PATH" default:"./data/index"`
}

// Catalog configures the read API.
type Catalog struct {
	MediaBaseURL string `envconfig:"CATALOG_MEDIA_BASE_URL" default:"http://localhost:8080/media"`
	CDNKeyName   string `envconfig:"CATALOG_CDN_KEY_NAME"`
	// CDNKey is the Cloud CDN signing key, base64url-encoded, from a secret.
	CDNKey          string        `envconfig:"CATALOG_CDN_KEY"`
	PlaybackTTL     time.Duration `envconfig:"CATALOG_PLAYBACK_TTL" default:"4h"`
	CacheMaxAge     time.Duration `envconfig:"CATALOG_CACHE_MAX_AGE" default:"30s"`
	CacheStale      time.Duration `envconfig:"CATALOG_CACHE_STALE_WHILE_REVALIDATE" default:"60s"`
	Introspection   bool          `envconfig:"CATALOG_GRAPHQL_INTROSPECTION" default:"false"`
	MaxRequestBytes int64         `envconfig:"CATALOG_MAX_REQUEST_BYTES" default:"65536"`
	// CORSOrigins may read the API from a browser: "*" for any (the API is
	// public and read-only), exact origins to restrict it, empty to turn CORS off.
	CORSOrigins []string `envconfig:"CATALOG_CORS_ORIGINS" default:"*"`
}

// Server configures the local command that runs every function at once.
type Server struct {
	Port       string `envconfig:"PORT" default:"8080"`
	Target     string `envconfig:"FUNCTION_TARGET"`
	SampleData bool   `envconfig:"CATALOG_SAMPLE_DATA" default:"true"`
}

// Load fills spec from the environment.
func Load[T any]() (T, error) {
	var spec T
	if err := envconfig.Process("", &spec); err != nil {
		return spec, fmt.Errorf("config: %w", err)
	}
	return spec, nil
}
