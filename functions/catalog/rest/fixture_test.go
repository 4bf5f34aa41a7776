package rest

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/videocatalog/catalog/functions/catalog/catalogtest"
	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/gateway/cdnsign"
	"github.com/videocatalog/catalog/shared/gateway/embedded"
	"github.com/videocatalog/catalog/shared/usecase/browse"
)

const (
	mediaBase  = "https://cdn.example.com/media"
	cdnKeyName = "media-key"
	cdnKey     = "AAECAwQFBgcICQoLDA0ODw=="
)

func at(hour int) time.Time { return time.Date(2024, 3, 1, hour, 0, 0, 0, time.UTC) }

func stamps(hour int) domain.Timestamps {
	return domain.Timestamps{CreatedAt: at(hour), UpdatedAt: at(hour + 1)}
}

// The catalog of the tests: what clients may see, and what they may not
// (an inactive category and genre, an unpublished video) mixed in.
var (
	films = domain.Category{ID: "c1", Name: "Films", Description: "Feature films", Active: true, Timestamps: stamps(1)}
	docs  = domain.Category{ID: "c2", Name: "Documentaries", Active: true, Timestamps: stamps(2)}
	gone  = domain.Category{ID: "c3", Name: "Retired", Active: false, Timestamps: stamps(3)}

	drama   = domain.Genre{ID: "g1", Name: "Drama", Active: true, Timestamps: stamps(4), CategoryIDs: []string{"c1", "c3"}}
	nature  = domain.Genre{ID: "g2", Name: "Nature", Active: true, Timestamps: stamps(5), CategoryIDs: []string{"c2"}}
	retired = domain.Genre{ID: "g3", Name: "Western", Active: false, Timestamps: stamps(6)}

	ana = domain.CastMember{ID: "m1", Name: "Ana Actor", Type: domain.Actor, Timestamps: stamps(7)}
	dan = domain.CastMember{ID: "m2", Name: "Dan Director", Type: domain.Director, Timestamps: stamps(8)}

	oceanFile    = domain.VideoMedia{ID: "f1", Name: "ocean.mp4", EncodedPath: "/encoded/ocean/master.m3u8", Status: domain.MediaCompleted}
	oceanTrailer = domain.VideoMedia{ID: "f2", Name: "ocean-trailer.mp4", EncodedPath: "/encoded/ocean/trailer.m3u8", Status: domain.MediaCompleted}
	darkFile     = domain.VideoMedia{ID: "f3", Name: "dark.mp4", Status: domain.MediaPending}
	banner       = domain.ImageMedia{ID: "i1", FilePath: "/images/ocean banner.jpg"}
	thumb        = domain.ImageMedia{ID: "i2", FilePath: "/images/ocean-thumb.jpg"}
	thumbHalf    = domain.ImageMedia{ID: "i3", FilePath: "/images/ocean-half.jpg"}

	ocean = domain.Video{ID: "v1", Title: "Ocean Life", Description: "Whales & reefs", YearLaunched: 2020, Opened: true,
		Published: true, Rating: "L", Duration: 52.5, Timestamps: stamps(9),
		VideoMediaID: "f1", TrailerMediaID: "f2", BannerID: "i1", ThumbnailID: "i2", ThumbnailHalfID: "i3",
		CategoryIDs: []string{"c2"}, GenreIDs: []string{"g2"}, CastMemberIDs: []string{"m1", "m2"}}
	dark = domain.Video{ID: "v2", Title: "Dark Drama", YearLaunched: 2018, Published: true, Rating: "16",
		Duration: 121, Timestamps: stamps(10), VideoMediaID: "f3",
		CategoryIDs: []string{"c1", "c3"}, GenreIDs: []string{"g1", "g3"}, CastMemberIDs: []string{"m1"}}
	draft = domain.Video{ID: "v3", Title: "Draft Cut", YearLaunched: 2021, Published: false, Rating: "L", Timestamps: stamps(11),
		CategoryIDs: []string{"c1"}}
	noFiles = domain.Video{ID: "v4", Title: "Lost Tapes", Published: true, Timestamps: stamps(12)}
)

// newAPI serves the REST API over reader, signing playback URLs when signed.
func newAPI(t *testing.T, reader domain.CatalogReader, signed bool) http.Handler {
	t.Helper()
	var signer browse.URLSigner
	if signed {
		s, err := cdnsign.New(cdnKeyName, cdnKey)
		if err != nil {
			t.Fatal(err)
		}
		signer = s
	}
	return NewHandler(browse.New(reader, signer, browse.Config{MediaBaseURL: mediaBase, PlaybackTTL: time.Hour}))
}

// catalogAPI is the API over the real embedded store, filled with the
// fixture; the spy in between records the store's list queries.
func catalogAPI(t *testing.T) (http.Handler, *spyReader) {
	t.Helper()
	store, err := embedded.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if err := catalogtest.Load(t.Context(), store, []domain.Entity{films, docs, gone, drama, nature, retired, ana, dan,
		oceanFile, oceanTrailer, darkFile, banner, thumb, thumbHalf, ocean, dark, draft, noFiles}); err != nil {
		t.Fatal(err)
	}
	spy := &spyReader{CatalogReader: store, store: store}
	return newAPI(t, spy, true), spy
}

// spyReader records the last list query it passed on.
type spyReader struct {
	domain.CatalogReader
	store *embedded.Store
	mu    sync.Mutex
	last  domain.VideoQuery
}

func (s *spyReader) lastList() domain.VideoQuery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

func (s *spyReader) record(q domain.VideoQuery) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.last = q
}

func (s *spyReader) ListCategories(ctx context.Context, q domain.ListQuery) (domain.Page[domain.Category], error) {
	s.record(domain.VideoQuery{ListQuery: q})
	return s.CatalogReader.ListCategories(ctx, q)
}

func (s *spyReader) ListGenres(ctx context.Context, q domain.ListQuery) (domain.Page[domain.Genre], error) {
	s.record(domain.VideoQuery{ListQuery: q})
	return s.CatalogReader.ListGenres(ctx, q)
}

func (s *spyReader) ListCastMembers(ctx context.Context, q domain.ListQuery) (domain.Page[domain.CastMember], error) {
	s.record(domain.VideoQuery{ListQuery: q})
	return s.CatalogReader.ListCastMembers(ctx, q)
}

func (s *spyReader) ListVideos(ctx context.Context, q domain.VideoQuery) (domain.VideoPage, error) {
	s.record(q)
	return s.CatalogReader.ListVideos(ctx, q)
}

// answer is a response, already checked against the OpenAPI document.
type answer struct {
	status int
	header http.Header
	body   map[string]any
}

func call(t *testing.T, h http.Handler, method, target string) answer {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(method, target, nil)
	h.ServeHTTP(rec, req)
	if err := checkResponse(method, req.URL.Path, rec.Code, rec.Header(), rec.Body.Bytes()); err != nil {
		t.Fatalf("%s %s: %d answer breaks the OpenAPI document: %v\n%s", method, target, rec.Code, err, rec.Body)
	}
	a := answer{status: rec.Code, header: rec.Header()}
	if err := json.Unmarshal(rec.Body.Bytes(), &a.body); err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	return a
}

func get(t *testing.T, h http.Handler, target string) answer {
	t.Helper()
	return call(t, h, http.MethodGet, target)
}

// ok asserts a 200 and returns its data.
func (a answer) ok(t *testing.T) any {
	t.Helper()
	if a.status != http.StatusOK {
		t.Fatalf("status %d, want 200: %v", a.status, a.body)
	}
	return a.body["data"]
}

// problem asserts a problem of status and, when param is given, that it names param.
func (a answer) problem(t *testing.T, status int, param string) {
	t.Helper()
	if a.status != status {
		t.Fatalf("status %d, want %d: %v", a.status, status, a.body)
	}
	if a.header.Get("Content-Type") != "application/problem+json" || a.body["status"] != float64(status) ||
		a.body["title"] != http.StatusText(status) || a.body["type"] != "about:blank" {
		t.Errorf("not an RFC 9457 problem of %d: %v %v", status, a.header, a.body)
	}
	if param == "" {
		return
	}
	params, _ := a.body["invalid_params"].([]any)
	if len(params) != 1 || params[0].(map[string]any)["name"] != param {
		t.Errorf("invalid_params = %v, want %s named", a.body["invalid_params"], param)
	}
}

func ids(t *testing.T, data any) []string {
	t.Helper()
	var out []string
	for _, item := range data.([]any) {
		out = append(out, item.(map[string]any)["id"].(string))
	}
	return out
}
