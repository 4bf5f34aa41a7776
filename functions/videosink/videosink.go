// Package videosink registers the VideoSink function, which keeps the catalog's
// videos, their relations and media (tables videos, videos_categories, videos_genres, videos_cast_members, videos_video_media, videos_image_media) up to date from their Debezium change events.
package videosink

import (
	"github.com/GoogleCloudPlatform/functions-framework-go/functions"

	"github.com/videocatalog/catalog/shared/app"
	"github.com/videocatalog/catalog/shared/sink"
)

func init() {
	functions.HTTP(sink.VideoSink, app.SinkHandler(sink.VideoSink).ServeHTTP)
}
