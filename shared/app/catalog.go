package app

import (
	"fmt"

	"github.com/videocatalog/catalog/shared/config"
	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/gateway/cdnsign"
	"github.com/videocatalog/catalog/shared/usecase/browse"
)

// NewBrowse wires the read use cases to reader, signing playback URLs with the
// Cloud CDN key when one is configured (plain URLs otherwise, as for local runs).
func NewBrowse(reader domain.CatalogReader, cfg config.Catalog) (*browse.Service, error) {
	// A nil *cdnsign.Signer inside the interface would not be a nil URLSigner.
	var signer browse.URLSigner
	if cfg.CDNKeyName != "" || cfg.CDNKey != "" {
		s, err := cdnsign.New(cfg.CDNKeyName, cfg.CDNKey)
		if err != nil {
			return nil, fmt.Errorf("playback signing (CATALOG_CDN_KEY_NAME, CATALOG_CDN_KEY): %w", err)
		}
		signer = s
	}
	return browse.New(reader, signer, browse.Config{MediaBaseURL: cfg.MediaBaseURL, PlaybackTTL: cfg.PlaybackTTL}), nil
}
