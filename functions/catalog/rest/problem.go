package rest

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/logging"
	"github.com/videocatalog/catalog/shared/usecase/browse"
)

// retryAfter is how long clients wait before retrying an unavailable store:
// long enough for a restarting node, short enough not to lose users.
const retryAfter = "5"

// problem is an RFC 9457 problem detail. Type is always about:blank, so the
// title is the status phrase (RFC 9457 §4.2.1); the extension members say
// what a client can act on.
type problem struct {
	Type          string         `json:"type"`
	Title         string         `json:"title"`
	Status        int            `json:"status"`
	Detail        string         `json:"detail"`
	InvalidParams []invalidParam `json:"invalid_params,omitempty"`
	Reason        string         `json:"reason,omitempty"`
	MediaStatus   string         `json:"media_status,omitempty"`
}

type invalidParam struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// paramNames maps the use case's parameter names, which are GraphQL's, to this API's.
var paramNames = map[string]string{
	"first": "per_page", "perPage": "per_page", "after": "cursor",
	"filter.categories": "categories", "filter.genres": "genres", "filter.castMembers": "cast_members",
	"filter.rating": "rating", "filter.yearTo": "year_to",
}

// reasonWords rewords the GraphQL argument names the use case's reasons mention.
var reasonWords = strings.NewReplacer("perPage", "per_page", "yearFrom", "year_from", "(first, after)", "(cursor)")

// writeError answers err as a problem; noun names what the route serves, for
// the not-found message.
func writeError(w http.ResponseWriter, r *http.Request, noun string, err error) {
	var bad *badParam
	var paramErr *browse.ParamError
	var notReady *browse.NotReadyError
	switch {
	case errors.As(err, &bad):
		writeBadParam(w, bad.name, bad.reason)
	case errors.As(err, &paramErr):
		name := paramErr.Param
		if rest, ok := paramNames[name]; ok {
			name = rest
		}
		writeBadParam(w, name, reasonWords.Replace(paramErr.Reason))
	case errors.Is(err, domain.ErrNotFound):
		writeProblem(w, problem{Status: http.StatusNotFound, Detail: "no such " + noun + " " + r.PathValue("id")})
	case errors.As(err, &notReady):
		writeProblem(w, problem{Status: http.StatusConflict, Detail: notReady.Error(),
			Reason: notReady.Reason, MediaStatus: string(notReady.Status)})
	case errors.Is(err, domain.ErrUnavailable):
		logging.From(r.Context()).WarnContext(r.Context(), "catalog store unavailable", "path", r.URL.Path, "error", err)
		w.Header().Set("Retry-After", retryAfter)
		writeProblem(w, problem{Status: http.StatusServiceUnavailable, Detail: "the catalog is unavailable; retry in " + retryAfter + " seconds"})
	default:
		logging.From(r.Context()).ErrorContext(r.Context(), "catalog request failed", "path", r.URL.Path, "error", err)
		writeProblem(w, problem{Status: http.StatusInternalServerError, Detail: "the request failed; it has been logged"})
	}
}

func writeBadParam(w http.ResponseWriter, name, reason string) {
	writeProblem(w, problem{Status: http.StatusBadRequest, Detail: name + " " + reason,
		InvalidParams: []invalidParam{{Name: name, Reason: reason}}})
}

func writeProblem(w http.ResponseWriter, p problem) {
	p.Type = "about:blank"
	p.Title = http.StatusText(p.Status)
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Content-Language", "en")
	w.WriteHeader(p.Status)
	encode(w, p)
}

// encode writes v as JSON, leaving & < > as they are: the answers are not
// embedded in HTML, and escaped URLs would be harder to read.
func encode(w http.ResponseWriter, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	// An error here means the client went away: nothing is left to answer.
	_ = enc.Encode(v)
}
