package rest

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
)

func TestListVideos(t *testing.T) {
	h, _ := catalogAPI(t)
	a := get(t, h, "/v1/videos")
	if got := ids(t, a.ok(t)); !slices.Equal(got, []string{"v2", "v4", "v1"}) {
		t.Errorf("videos %v, want the published ones by title", got)
	}
	meta := a.body["meta"].(map[string]any)
	if meta["page"] != 1.0 || meta["per_page"] != 20.0 || meta["total"] != 3.0 || meta["next_cursor"] != nil || meta["facets"] != nil {
		t.Errorf("meta = %v", meta)
	}
}

func TestVideoObject(t *testing.T) {
	h, _ := catalogAPI(t)
	v := get(t, h, "/v1/videos/v1").ok(t).(map[string]any)
	want := map[string]any{
		"id": "v1", "title": "Ocean Life", "description": "Whales & reefs", "year_launched": 2020.0,
		"opened": true, "rating": "L", "duration": 52.5,
		"created_at": "2024-03-01T09:00:00Z", "updated_at": "2024-03-01T10:00:00Z",
		"banner_url":         mediaBase + "/images/ocean%20banner.jpg",
		"thumbnail_url":      mediaBase + "/images/ocean-thumb.jpg",
		"thumbnail_half_url": mediaBase + "/images/ocean-half.jpg",
	}
	for k, w := range want {
		if v[k] != w {
			t.Errorf("%s = %v, want %v", k, v[k], w)
		}
	}
	if got := v["video"].(map[string]any)["status"]; got != "COMPLETED" {
		t.Errorf("video.status = %v", got)
	}
	if got := v["trailer"].(map[string]any)["status"]; got != "COMPLETED" {
		t.Errorf("trailer.status = %v", got)
	}
	if got := ids(t, v["categories"]); !slices.Equal(got, []string{"c2"}) {
		t.Errorf("categories %v", got)
	}
	if got := ids(t, v["cast_members"]); !slices.Equal(got, []string{"m1", "m2"}) {
		t.Errorf("cast_members %v", got)
	}
	genres := v["genres"].([]any)
	if got := ids(t, genres); !slices.Equal(got, []string{"g2"}) {
		t.Errorf("genres %v", got)
	}
	if got := ids(t, genres[0].(map[string]any)["categories"]); !slices.Equal(got, []string{"c2"}) {
		t.Errorf("genre categories %v", got)
	}
}

func TestVideoHidesWhatClientsMayNotSee(t *testing.T) {
	h, _ := catalogAPI(t)
	v := get(t, h, "/v1/videos/v2").ok(t).(map[string]any)
	if got := ids(t, v["categories"]); !slices.Equal(got, []string{"c1"}) {
		t.Errorf("categories %v, want the inactive one dropped", got)
	}
	genres := v["genres"].([]any)
	if got := ids(t, genres); !slices.Equal(got, []string{"g1"}) {
		t.Errorf("genres %v, want the inactive one dropped", got)
	}
	if got := ids(t, genres[0].(map[string]any)["categories"]); !slices.Equal(got, []string{"c1"}) {
		t.Errorf("genre categories %v, want the inactive one dropped", got)
	}
	if v["video"].(map[string]any)["status"] != "PENDING" || v["trailer"] != nil {
		t.Errorf("video %v trailer %v", v["video"], v["trailer"])
	}
}

func TestVideoWithoutOptionalValues(t *testing.T) {
	h, _ := catalogAPI(t)
	v := get(t, h, "/v1/videos/v4").ok(t).(map[string]any)
	for _, k := range []string{"year_launched", "rating", "banner_url", "thumbnail_url", "thumbnail_half_url", "video", "trailer"} {
		if value, present := v[k]; !present || value != nil {
			t.Errorf("%s = %v, want null", k, value)
		}
	}
	for _, k := range []string{"categories", "genres", "cast_members"} {
		if list, ok := v[k].([]any); !ok || len(list) != 0 {
			t.Errorf("%s = %v, want []", k, v[k])
		}
	}
}

func TestNotFound(t *testing.T) {
	h, _ := catalogAPI(t)
	for _, target := range []string{
		"/v1/videos/v3", // unpublished
		"/v1/videos/nope",
		"/v1/videos/not%20an%20id",
		"/v1/videos/v3/playback",
		"/v1/videos/nope/playback",
		"/v1/categories/c3", // inactive
		"/v1/categories/nope",
		"/v1/genres/g3", // inactive
		"/v1/genres/nope",
		"/v1/cast_members/nope",
	} {
		get(t, h, target).problem(t, http.StatusNotFound, "")
	}
}

func TestNotFoundNamesTheResource(t *testing.T) {
	h, _ := catalogAPI(t)
	for target, want := range map[string]string{
		"/v1/videos/nope":          "no such video nope",
		"/v1/videos/nope/playback": "no such video nope",
		"/v1/categories/nope":      "no such category nope",
		"/v1/genres/nope":          "no such genre nope",
		"/v1/cast_members/nope":    "no such cast member nope",
	} {
		a := get(t, h, target)
		a.problem(t, http.StatusNotFound, "")
		if a.body["detail"] != want {
			t.Errorf("%s: detail %q, want %q", target, a.body["detail"], want)
		}
	}
}

func TestUnknownPath(t *testing.T) {
	h, _ := catalogAPI(t)
	for _, target := range []string{"/v1/", "/v1/vidoes", "/v1/videos/", "/v1/videos/v1/extra"} {
		get(t, h, target).problem(t, http.StatusNotFound, "")
	}
}

func TestMethodNotAllowed(t *testing.T) {
	h, _ := catalogAPI(t)
	for _, rt := range routes {
		path := rt.path
		if path == "/v1/videos/{id}" || path == "/v1/videos/{id}/playback" {
			path = "/v1/videos/v1" + path[len("/v1/videos/{id}"):]
		}
		for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
			a := call(t, h, method, path)
			a.problem(t, http.StatusMethodNotAllowed, "")
			if a.header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: Allow = %q", method, path, a.header.Get("Allow"))
			}
		}
	}
}

func TestHead(t *testing.T) {
	h, _ := catalogAPI(t)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodHead, "/v1/videos", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("HEAD status %d", rec.Code)
	}
}

func TestListCategories(t *testing.T) {
	h, _ := catalogAPI(t)
	a := get(t, h, "/v1/categories?sort=name")
	data := a.ok(t)
	if got := ids(t, data); !slices.Equal(got, []string{"c2", "c1"}) {
		t.Errorf("categories %v", got)
	}
	c1 := data.([]any)[1].(map[string]any)
	if c1["name"] != "Films" || c1["description"] != "Feature films" || c1["created_at"] != "2024-03-01T01:00:00Z" {
		t.Errorf("category %v", c1)
	}
	if meta := a.body["meta"].(map[string]any); meta["total"] != 2.0 {
		t.Errorf("meta %v", meta)
	}
}

func TestGetCategory(t *testing.T) {
	h, _ := catalogAPI(t)
	c := get(t, h, "/v1/categories/c2").ok(t).(map[string]any)
	if c["id"] != "c2" || c["name"] != "Documentaries" || c["description"] != "" {
		t.Errorf("category %v", c)
	}
}

func TestListGenres(t *testing.T) {
	h, _ := catalogAPI(t)
	data := get(t, h, "/v1/genres").ok(t)
	if got := ids(t, data); !slices.Equal(got, []string{"g1", "g2"}) {
		t.Errorf("genres %v", got)
	}
	if got := ids(t, data.([]any)[0].(map[string]any)["categories"]); !slices.Equal(got, []string{"c1"}) {
		t.Errorf("categories of g1 %v, want the active one only", got)
	}
}

func TestGetGenre(t *testing.T) {
	h, _ := catalogAPI(t)
	g := get(t, h, "/v1/genres/g2").ok(t).(map[string]any)
	if g["name"] != "Nature" || !slices.Equal(ids(t, g["categories"]), []string{"c2"}) {
		t.Errorf("genre %v", g)
	}
}

func TestListCastMembers(t *testing.T) {
	h, _ := catalogAPI(t)
	data := get(t, h, "/v1/cast_members?search=dan").ok(t)
	if got := ids(t, data); !slices.Equal(got, []string{"m2"}) {
		t.Errorf("cast members %v", got)
	}
}

func TestGetCastMember(t *testing.T) {
	h, _ := catalogAPI(t)
	m := get(t, h, "/v1/cast_members/m2").ok(t).(map[string]any)
	if m["name"] != "Dan Director" || m["type"] != "DIRECTOR" {
		t.Errorf("cast member %v", m)
	}
}

func TestOpenAPIDocumentServed(t *testing.T) {
	h, _ := catalogAPI(t)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v1/openapi.json", nil))
	if err := checkResponse("GET", "/v1/openapi.json", rec.Code, rec.Header(), rec.Body.Bytes()); err != nil {
		t.Fatal(err)
	}
	if rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), openAPI) {
		t.Errorf("status %d, body differs from the embedded document", rec.Code)
	}
	get(t, h, "/v1/openapi.json?v=2").problem(t, http.StatusBadRequest, "v")
}
