package sink_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/sink"
	"github.com/videocatalog/catalog/shared/usecase/ingest"
)

// recordingStore is a unit-test stand-in for the store: it records what the
// sink asks of it and can fail on demand. Stores are tested by storetest.
type recordingStore struct {
	mu        sync.Mutex
	rows      []domain.RowChange
	relations []domain.RelationChange
	truncated []string
	fail      error
}

func (s *recordingStore) ApplyRow(_ context.Context, c domain.RowChange) (domain.Outcome, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		return 0, s.fail
	}
	s.rows = append(s.rows, c)
	return domain.Applied, nil
}

func (s *recordingStore) ApplyRelation(_ context.Context, c domain.RelationChange) (domain.Outcome, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		return 0, s.fail
	}
	s.relations = append(s.relations, c)
	return domain.Applied, nil
}

func (s *recordingStore) TruncateRows(_ context.Context, k domain.Kind, _ domain.Position) error {
	s.truncated = append(s.truncated, string(k))
	return s.fail
}

func (s *recordingStore) TruncateRelation(_ context.Context, r domain.Relation, _ domain.Position) error {
	s.truncated = append(s.truncated, string(r.Parent)+"."+r.Name)
	return s.fail
}

const source = `"source":{"connector":"mysql","name":"adm_videos_mysql","db":"adm_videos","table":"%s","snapshot":"false","file":"mysql-bin.000003","pos":%d,"row":0}`

// envelope is a Debezium change value (JsonConverter, schemas off).
func envelope(table, op, before, after string, pos int) string {
	return fmt.Sprintf(`{"before":%s,"after":%s,"op":"%s",`+source+`,"ts_ms":1767225600000}`, before, after, op, table, pos)
}

const (
	categoryRow = `{"id":"c1","name":"Filmes","description":"Longas","active":true,"created_at":1767225600000000,"updated_at":1767225600000000,"deleted_at":null}`
	videoRow    = `{"id":"v1","title":"Cidade de Deus","description":"Rio","year_launched":2002,"opened":false,"published":true,"rating":"18","duration":"MsQ=","created_at":1767225600000000,"updated_at":1767225600000000}`
)

// post delivers body to h as KafkaSource does: a binary-mode CloudEvent.
func post(t *testing.T, h http.Handler, topicTable, body string, headers map[string]string) (int, sink.Answer) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	req.Header.Set("Ce-Specversion", "1.0")
	req.Header.Set("Ce-Id", "partition:0/offset:7")
	req.Header.Set("Ce-Source", "/apis/v1/namespaces/catalog/kafkasources/admin#adm_videos_mysql.adm_videos."+topicTable)
	req.Header.Set("Ce-Type", "dev.knative.kafka.event")
	for k, v := range headers {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}
	var a sink.Answer
	if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil {
		t.Fatalf("body %q is not an answer: %v", rec.Body.String(), err)
	}
	return rec.Code, a
}

func TestMalformedEventsAreRefusedWith400(t *testing.T) {
	store := &recordingStore{}
	categories := sink.New(sink.CategorySink, ingest.New(store))
	videos := sink.New(sink.VideoSink, ingest.New(store))
	cases := []struct {
		name, table, body, want string
		sink                    *sink.Sink
		headers                 map[string]string
	}{
		{name: "not JSON", table: "categories", body: `not json`, want: "JSON"},
		{name: "JSON array", table: "categories", body: `[1,2]`, want: "object"},
		{name: "JSON string", table: "categories", body: `"hello"`, want: "object"},
		{name: "empty object", table: "categories", body: `{}`, want: "op"},
		{name: "unknown op", table: "categories", body: envelope("categories", "x", "null", categoryRow, 10), want: "op"},
		{name: "create without after", table: "categories", body: envelope("categories", "c", "null", "null", 10), want: "after"},
		{name: "delete without before", table: "categories", body: envelope("categories", "d", "null", "null", 10), want: "before"},
		{name: "no source", table: "categories", body: `{"before":null,"after":` + categoryRow + `,"op":"c"}`, want: "source"},
		{name: "source without position", table: "categories", body: `{"before":null,"after":` + categoryRow + `,"op":"c","source":{"table":"categories"}}`, want: "file"},
		{name: "position not a number", table: "categories", body: strings.Replace(envelope("categories", "c", "null", categoryRow, 10), `"pos":10`, `"pos":"ten"`, 1), want: "pos"},
		{name: "unknown table", table: "users", body: envelope("users", "c", "null", `{"id":"u1"}`, 10), want: "users"},
		{name: "table of another sink", table: "genres", body: envelope("genres", "c", "null", `{"id":"g1","name":"Drama","active":true,"created_at":1,"updated_at":1}`, 10), want: "GenreSink"},
		{name: "missing id", table: "categories", body: envelope("categories", "c", "null", strings.Replace(categoryRow, `"id":"c1",`, "", 1), 10), want: "id"},
		{name: "id of the wrong type", table: "categories", body: envelope("categories", "c", "null", strings.Replace(categoryRow, `"id":"c1"`, `"id":42`, 1), 10), want: "id"},
		{name: "id with bad characters", table: "categories", body: envelope("categories", "c", "null", strings.Replace(categoryRow, `"id":"c1"`, `"id":"a/b c"`, 1), 10), want: "id"},
		{name: "missing name", table: "categories", body: envelope("categories", "c", "null", strings.Replace(categoryRow, `"name":"Filmes",`, "", 1), 10), want: "name"},
		{name: "empty name", table: "categories", body: envelope("categories", "c", "null", strings.Replace(categoryRow, `"name":"Filmes"`, `"name":""`, 1), 10), want: "name"},
		{name: "boolean as a word", table: "categories", body: envelope("categories", "c", "null", strings.Replace(categoryRow, `"active":true`, `"active":"yes"`, 1), 10), want: "active"},
		{name: "timestamp as an object", table: "categories", body: envelope("categories", "c", "null", strings.Replace(categoryRow, `"created_at":1767225600000000`, `"created_at":{}`, 1), 10), want: "created_at"},
		{name: "timestamp after year 9999", table: "categories", body: envelope("categories", "c", "null", strings.Replace(categoryRow, `"created_at":1767225600000000`, `"created_at":253402300800000000`, 1), 10), want: "created_at"},
		{name: "unknown rating", table: "videos", sink: videos, body: envelope("videos", "c", "null", strings.Replace(videoRow, `"rating":"18"`, `"rating":"PG-13"`, 1), 10), want: "rating"},
		{name: "duration not a decimal", table: "videos", sink: videos, body: envelope("videos", "c", "null", strings.Replace(videoRow, `"duration":"MsQ="`, `"duration":"!!"`, 1), 10), want: "duration"},
		{name: "year as text", table: "videos", sink: videos, body: envelope("videos", "c", "null", strings.Replace(videoRow, `"year_launched":2002`, `"year_launched":"2002"`, 1), 10), want: "year_launched"},
		{name: "unknown media status", table: "videos_video_media", sink: videos, body: envelope("videos_video_media", "c", "null", `{"id":"m1","name":"a.mp4","checksum":"x","file_path":"a.mp4","encoded_path":null,"media_status":"DONE"}`, 10), want: "media_status"},
		{name: "join row without child", table: "videos_categories", sink: videos, body: envelope("videos_categories", "c", "null", `{"video_id":"v1"}`, 10), want: "category_id"},
		{name: "schemas on without payload", table: "categories", body: `{"schema":{"type":"struct"},"payload":"oops"}`, want: "payload"},
		{name: "flattened without position", table: "categories", body: strings.Replace(categoryRow, `}`, `,"__op":"c","__deleted":"false"}`, 1), want: "file"},
		{name: "data of another content type", table: "categories", body: envelope("categories", "c", "null", categoryRow, 10), headers: map[string]string{"Content-Type": "text/csv"}, want: "content"},
		{name: "not a CloudEvent", table: "categories", body: envelope("categories", "c", "null", categoryRow, 10), headers: map[string]string{"Ce-Specversion": "", "Ce-Id": "", "Ce-Source": "", "Ce-Type": ""}, want: "CloudEvent"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.sink
			if s == nil {
				s = categories
			}
			status, answer := post(t, s, tc.table, tc.body, tc.headers)
			if status != http.StatusBadRequest {
				t.Fatalf("status = %d, want 400; answer %+v", status, answer)
			}
			if !strings.Contains(strings.ToLower(answer.Error), strings.ToLower(tc.want)) {
				t.Errorf("error %q does not mention %q", answer.Error, tc.want)
			}
		})
	}
	if len(store.rows)+len(store.relations) != 0 {
		t.Fatalf("malformed events reached the store: %+v %+v", store.rows, store.relations)
	}
	// The sink stays healthy: a good event right after is applied.
	status, answer := post(t, categories, "categories", envelope("categories", "c", "null", categoryRow, 11), nil)
	if status != http.StatusOK || answer.Outcome != "applied" || len(store.rows) != 1 {
		t.Fatalf("good event after bad ones: %d %+v, rows %v", status, answer, store.rows)
	}
}

func TestAnswers(t *testing.T) {
	store := &recordingStore{}
	videos := sink.New(sink.VideoSink, ingest.New(store))

	status, a := post(t, videos, "videos", envelope("videos", "c", "null", videoRow, 20), nil)
	if status != http.StatusOK || a.Outcome != "applied" || a.Table != "videos" || a.Op != "c" {
		t.Fatalf("create: %d %+v", status, a)
	}
	got := store.rows[0]
	if v := got.Entity.(domain.Video); got.Kind != domain.KindVideo || v.Title != "Cidade de Deus" || v.Duration != 129.96 || got.Position.Pos != 20 || !got.Insert {
		t.Fatalf("stored %+v", got)
	}
	// Inserts and snapshot reads carry the hint that the row is new; updates do not.
	for i, op := range []string{"r", "u"} {
		post(t, videos, "videos", envelope("videos", op, "null", videoRow, 30+i), nil)
		if c := store.rows[len(store.rows)-1]; c.Insert != (op == "r") {
			t.Fatalf("op %s stored with Insert %v", op, c.Insert)
		}
	}
	store.rows = store.rows[:1]

	status, a = post(t, videos, "videos", "", nil)
	if status != http.StatusOK || a.Outcome != "ignored" {
		t.Fatalf("tombstone: %d %+v", status, a)
	}

	status, _ = post(t, videos, "videos", envelope("videos", "d", videoRow, "null", 21), nil)
	if del := store.rows[1]; status != http.StatusOK || del.Entity != nil || del.ID != "v1" {
		t.Fatalf("delete: %d %+v", status, del)
	}

	status, _ = post(t, videos, "videos_genres", envelope("videos_genres", "c", "null", `{"video_id":"v1","genre_id":"g1"}`, 22), nil)
	if rel := store.relations[0]; status != http.StatusOK || rel.Relation != domain.VideoGenres || rel.ParentID != "v1" || rel.ChildID != "g1" || !rel.Present {
		t.Fatalf("join create: %d %+v", status, rel)
	}
	status, _ = post(t, videos, "videos_genres", envelope("videos_genres", "u", `{"video_id":"v1","genre_id":"g1"}`, `{"video_id":"v1","genre_id":"g2"}`, 23), nil)
	if status != http.StatusOK || len(store.relations) != 3 || store.relations[1].Present || store.relations[1].ChildID != "g1" || !store.relations[2].Present || store.relations[2].ChildID != "g2" {
		t.Fatalf("join update: %d %+v", status, store.relations)
	}

	status, _ = post(t, videos, "videos_cast_members", envelope("videos_cast_members", "t", "null", "null", 24), nil)
	if status != http.StatusOK || len(store.truncated) != 1 || store.truncated[0] != "video.cast_members" {
		t.Fatalf("truncate: %d %v", status, store.truncated)
	}

	store.fail = fmt.Errorf("connection refused: %w", domain.ErrUnavailable)
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(envelope("videos", "c", "null", videoRow, 25)))
	req.Header.Set("Ce-Specversion", "1.0")
	req.Header.Set("Ce-Id", "partition:0/offset:8")
	req.Header.Set("Ce-Source", "/apis/v1/namespaces/catalog/kafkasources/admin#adm_videos_mysql.adm_videos.videos")
	req.Header.Set("Ce-Type", "dev.knative.kafka.event")
	videos.ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("store down: %d %v", rec.Code, rec.Header())
	}

	req = httptest.NewRequest(http.MethodGet, "/", nil)
	rec = httptest.NewRecorder()
	videos.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed {
		t.Fatalf("GET: %d", rec.Code)
	}
}

func TestEveryAdminTableHasItsOwner(t *testing.T) {
	want := map[string]string{
		"categories": sink.CategorySink, "genres": sink.GenreSink, "genres_categories": sink.GenreSink,
		"cast_members": sink.CastMemberSink, "videos": sink.VideoSink, "videos_categories": sink.VideoSink,
		"videos_genres": sink.VideoSink, "videos_cast_members": sink.VideoSink,
		"videos_video_media": sink.VideoSink, "videos_image_media": sink.VideoSink,
	}
	for table, owner := range want {
		if got, ok := sink.OwnerOf(table); !ok || got != owner {
			t.Errorf("OwnerOf(%q) = %q, %v; want %q", table, got, ok, owner)
		}
	}
}
