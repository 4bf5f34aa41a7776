// Package rest serves the catalog's read API under /v1 as JSON, with RFC 9457
// problem details for errors and an OpenAPI 3.1 description at /v1/openapi.json.
package rest

import (
	_ "embed"
	"net/http"

	"github.com/videocatalog/catalog/shared/usecase/browse"
)

//go:embed openapi.json
var openAPI []byte

// handler serves the endpoints from a browse.Service.
type handler struct {
	svc *browse.Service
}

// route is an endpoint: its path pattern, the noun of what it serves (for
// not-found messages), the query parameters it accepts and what serves it.
type route struct {
	path   string
	noun   string
	params []string
	serve  func(*handler, http.ResponseWriter, *http.Request, query) error
}

var routes = []route{
	{"/v1/videos", "video", videoListParams, (*handler).listVideos},
	{"/v1/videos/{id}", "video", nil, (*handler).getVideo},
	{"/v1/videos/{id}/playback", "video", nil, (*handler).getPlayback},
	{"/v1/categories", "category", listParams, (*handler).listCategories},
	{"/v1/categories/{id}", "category", nil, (*handler).getCategory},
	{"/v1/genres", "genre", listParams, (*handler).listGenres},
	{"/v1/genres/{id}", "genre", nil, (*handler).getGenre},
	{"/v1/cast_members", "cast member", listParams, (*handler).listCastMembers},
	{"/v1/cast_members/{id}", "cast member", nil, (*handler).getCastMember},
	{"/v1/openapi.json", "", nil, (*handler).getOpenAPI},
}

// NewHandler returns the REST API. It expects full request paths (/v1/...),
// so mount it on "/v1/" without stripping the prefix.
func NewHandler(svc *browse.Service) http.Handler {
	h := &handler{svc: svc}
	mux := http.NewServeMux()
	for _, rt := range routes {
		mux.Handle("GET "+rt.path, h.endpoint(rt))
		// The method-less pattern catches every other method of the path,
		// so that 405 is a problem document too, not the mux's plain text.
		mux.HandleFunc(rt.path, methodNotAllowed)
	}
	mux.HandleFunc("/", notFound)
	return mux
}

func (h *handler) endpoint(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q, err := readQuery(r.URL.RawQuery, rt.params)
		if err == nil {
			err = rt.serve(h, w, r, q)
		}
		if err != nil {
			writeError(w, r, rt.noun, err)
		}
	})
}

func methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Allow", "GET, HEAD")
	writeProblem(w, problem{Status: http.StatusMethodNotAllowed,
		Detail: r.Method + " is not allowed: this API is read-only, use GET or HEAD"})
}

func notFound(w http.ResponseWriter, r *http.Request) {
	writeProblem(w, problem{Status: http.StatusNotFound,
		Detail: "no endpoint at " + r.URL.Path + "; see /v1/openapi.json"})
}

func (h *handler) getOpenAPI(w http.ResponseWriter, _ *http.Request, _ query) error {
	w.Header().Set("Content-Type", "application/json")
	// A failed write means the client went away: nothing to answer.
	_, _ = w.Write(openAPI)
	return nil
}
