// Package castmembersink registers the CastMemberSink function, which keeps the catalog's
// cast members (table cast_members) up to date from their Debezium change events.
package castmembersink

import (
	"github.com/GoogleCloudPlatform/functions-framework-go/functions"

	"github.com/videocatalog/catalog/shared/app"
	"github.com/videocatalog/catalog/shared/sink"
)

func init() {
	functions.HTTP(sink.CastMemberSink, app.SinkHandler(sink.CastMemberSink).ServeHTTP)
}
