// Package browse is the read side of the catalog: what clients may list and
// open, bounded so that no request costs the store more than a fixed amount,
// with relations resolved in batches and playback URLs built and signed.
package browse

import (
	"time"

	"github.com/videocatalog/catalog/shared/domain"
)

// URLSigner signs a media URL so that it is valid until expires.
type URLSigner interface {
	Sign(rawURL string, expires time.Time) (string, error)
}

// Config is what the service needs besides its ports.
type Config struct {
	// MediaBaseURL is the URL media paths are relative to, e.g. the CDN's.
	MediaBaseURL string
	// PlaybackTTL is how long a signed playback URL stays valid.
	PlaybackTTL time.Duration
}

// defaultPlaybackTTL guards against a zero TTL, which would sign URLs that
// expire as they are handed out.
const defaultPlaybackTTL = 4 * time.Hour

// Service answers browsing requests from a domain.CatalogReader.
type Service struct {
	reader domain.CatalogReader
	signer URLSigner
	cfg    Config
	now    func() time.Time
}

// New returns a Service reading from reader. A nil signer leaves playback URLs unsigned.
func New(reader domain.CatalogReader, signer URLSigner, cfg Config) *Service {
	if cfg.PlaybackTTL <= 0 {
		cfg.PlaybackTTL = defaultPlaybackTTL
	}
	return &Service{reader: reader, signer: signer, cfg: cfg, now: time.Now}
}
