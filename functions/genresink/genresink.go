// Package genresink registers the GenreSink function, which keeps the catalog's
// genres (tables genres and genres_categories) up to date from their Debezium change events.
package genresink

import (
	"github.com/GoogleCloudPlatform/functions-framework-go/functions"

	"github.com/videocatalog/catalog/shared/app"
	"github.com/videocatalog/catalog/shared/sink"
)

func init() {
	functions.HTTP(sink.GenreSink, app.SinkHandler(sink.GenreSink).ServeHTTP)
}
