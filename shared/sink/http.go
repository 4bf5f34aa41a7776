package sink

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	cehttp "github.com/cloudevents/sdk-go/v2/protocol/http"

	"github.com/videocatalog/catalog/shared/logging"
)

// MaxEventBytes bounds a request body: Kafka's default record limit is 1 MB.
const MaxEventBytes = 1 << 20

// ServeHTTP reads a binary- or structured-mode CloudEvent from the request and
// answers JSON. Refusals are 4xx, which KafkaSource does not retry.
func (s *Sink) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		write(w, Result{Status: http.StatusMethodNotAllowed, Answer: Answer{Error: "sinks accept CloudEvents by POST only"}})
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, MaxEventBytes)
	e, err := cehttp.NewEventFromHTTPRequest(r)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			write(w, Result{Status: http.StatusRequestEntityTooLarge, Answer: Answer{Error: fmt.Sprintf("event larger than %d bytes", MaxEventBytes)}})
			return
		}
		write(w, refuse(Answer{Error: "not a CloudEvent: " + err.Error()}))
		return
	}
	res := s.Receive(r.Context(), *e)
	if res.Status >= 400 && res.Status < 500 {
		logging.From(r.Context()).WarnContext(r.Context(), "event refused", "sink", s.name,
			"event", e.ID(), "source", e.Source(), "status", res.Status, "error", res.Answer.Error)
	}
	write(w, res)
}

func write(w http.ResponseWriter, res Result) {
	w.Header().Set("Content-Type", "application/json")
	if res.Status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
	w.WriteHeader(res.Status)
	_ = json.NewEncoder(w).Encode(res.Answer)
}
