package app

import (
	"encoding/json"
	"net/http"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/logging"
	"github.com/videocatalog/catalog/shared/sink"
	"github.com/videocatalog/catalog/shared/usecase/ingest"
)

// SinkHandler serves the named sink on the process's store. The store opens on
// the first event, so a cold start costs nothing until there is work.
func SinkHandler(name string) http.Handler {
	s := lazy[*sink.Sink]{open: func() (*sink.Sink, error) {
		st, err := Store()
		if err != nil {
			return nil, err
		}
		return NewSink(name, st), nil
	}}
	return logging.Middleware(Project(), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sk, err := s.get()
		if err != nil {
			logging.From(r.Context()).ErrorContext(r.Context(), "store unavailable", "sink", name, "error", err)
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Retry-After", "5")
			w.WriteHeader(http.StatusServiceUnavailable)
			_ = json.NewEncoder(w).Encode(sink.Answer{Error: "store unavailable: " + err.Error()})
			return
		}
		sk.ServeHTTP(w, r)
	}))
}

// NewSink wires the named sink to store.
func NewSink(name string, store domain.ChangeStore) *sink.Sink {
	return sink.New(name, ingest.New(store))
}
