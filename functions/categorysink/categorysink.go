// Package categorysink registers the CategorySink function, which keeps the catalog's
// categories (table categories) up to date from their Debezium change events.
package categorysink

import (
	"github.com/GoogleCloudPlatform/functions-framework-go/functions"

	"github.com/videocatalog/catalog/shared/app"
	"github.com/videocatalog/catalog/shared/sink"
)

func init() {
	functions.HTTP(sink.CategorySink, app.SinkHandler(sink.CategorySink).ServeHTTP)
}
