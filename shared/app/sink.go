package app

import (
	"net/http"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/sink"
	"github.com/videocatalog/catalog/shared/usecase/ingest"
)

// SinkHandler serves the named sink on the process's store.
func SinkHandler(name string) http.Handler {
	return LazyHandler(name, func() (http.Handler, error) {
		st, err := Store()
		if err != nil {
			return nil, err
		}
		return NewSink(name, st), nil
	})
}

// NewSink wires the named sink to store.
func NewSink(name string, store domain.ChangeStore) *sink.Sink {
	return sink.New(name, ingest.New(store))
}
