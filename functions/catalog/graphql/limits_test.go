package graphql_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql/introspection"

	"github.com/videocatalog/catalog/functions/catalog/graphql"
	"github.com/videocatalog/catalog/shared/domain"
)

func TestBadArgumentsNameTheirParameter(t *testing.T) {
	for query, param := range map[string]string{
		`{ videos(first: 101) { totalCount } }`:                             "first",
		`{ videos(first: 0) { totalCount } }`:                               "first",
		`{ videos(perPage: 101) { totalCount } }`:                           "perPage",
		`{ videos(page: 0) { totalCount } }`:                                "page",
		`{ videos(page: 2, after: "x") { totalCount } }`:                    "page",
		`{ videos(first: 2, page: 1) { totalCount } }`:                      "first",
		`{ videos(after: "not-a-cursor") { totalCount } }`:                  "after",
		`{ videos(filter: {yearFrom: 2020, yearTo: 2000}) { totalCount } }`: "filter.yearTo",
		`{ categories(perPage: 0) { totalCount } }`:                         "perPage",
		`{ genres(page: 1000, perPage: 100) { totalCount } }`:               "page",
		`{ castMembers(first: -1) { totalCount } }`:                         "first",
	} {
		err := mustFail(t, query, nil)
		if err.Extensions["code"] != "BAD_USER_INPUT" || err.Extensions["param"] != param || !strings.Contains(err.Message, param) {
			t.Errorf("%s: error %+v, want BAD_USER_INPUT for %s", query, err, param)
		}
	}
	long := strings.Repeat("a", 201)
	if err := mustFail(t, `query($s: String) { videos(search: $s) { totalCount } }`, map[string]any{"s": long}); err.Extensions["param"] != "search" {
		t.Errorf("long search: %+v", err)
	}
}

func TestSchemaRefusesSortFieldsOfOtherKinds(t *testing.T) {
	err := mustFail(t, `{ categories(sort: {field: DURATION}) { totalCount } }`, nil)
	if err.Extensions["code"] != "GRAPHQL_VALIDATION_FAILED" || !strings.Contains(err.Message, "DURATION") {
		t.Errorf("error %+v, want a validation error naming DURATION", err)
	}
}

const pageWithRelations = `videos(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes {
	id title description yearLaunched opened rating duration createdAt updatedAt
	categories { id name } genres { id name categories { id name } } castMembers { id name type }
	banner thumbnail thumbnailHalf trailer { id status } video { id status } } }`

func TestAFullPageWithRelationsIsWithinTheLimits(t *testing.T) {
	var data struct{ Videos struct{ TotalCount int } }
	run(t, "{ "+pageWithRelations+" }", nil, &data)
	if data.Videos.TotalCount != 8 {
		t.Errorf("totalCount = %d", data.Videos.TotalCount)
	}
}

func TestTooWideQueriesAreRefused(t *testing.T) {
	query := "{ a: " + pageWithRelations + " b: " + pageWithRelations + " c: " + pageWithRelations + " }"
	r := post(t, newHandler(t, fixture(t), graphql.Options{}), query, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "COMPLEXITY_LIMIT_EXCEEDED" ||
		!strings.Contains(r.Errors[0].Message, "exceeds the limit of 5000") || string(r.Data) != "null" {
		t.Errorf("errors %+v, data %s; want COMPLEXITY_LIMIT_EXCEEDED and no data", r.Errors, r.Data)
	}
}

// typeRef nests ofType n times under a __Type selection.
func typeRef(n int) string {
	return strings.Repeat("ofType { ", n) + "name" + strings.Repeat(" }", n)
}

func TestTooDeepQueriesAreRefused(t *testing.T) {
	h := newHandler(t, fixture(t), graphql.Options{Introspection: true})
	// GraphiQL's introspection nests ofType nine times under __schema.types.fields.args.type: 15 levels.
	deepest := `{ __schema { types { fields { args { type { ` + typeRef(9) + ` } } } } } }`
	if r := post(t, h, deepest, nil); len(r.Errors) > 0 {
		t.Errorf("a query %d levels deep was refused: %+v", graphql.MaxDepth, r.Errors)
	}
	tooDeep := `{ __schema { types { fields { args { type { ` + typeRef(10) + ` } } } } } }`
	r := post(t, h, tooDeep, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "QUERY_TOO_DEEP" ||
		!strings.Contains(r.Errors[0].Message, "16 levels deep, more than the 15 allowed") {
		t.Errorf("status %d, errors %+v; want QUERY_TOO_DEEP", r.Status, r.Errors)
	}
}

func TestTooLongQueriesAreRefused(t *testing.T) {
	query := "{ " + strings.Repeat("__typename ", graphql.MaxTokens) + "}"
	r := post(t, newHandler(t, fixture(t), graphql.Options{}), query, nil)
	if len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Message, "exceeded token limit") {
		t.Errorf("errors %+v, want the token limit", r.Errors)
	}
}

func TestRequestBodiesAreBounded(t *testing.T) {
	h := newHandler(t, fixture(t), graphql.Options{MaxRequestBytes: 1024})
	body := `{"query": "{ videos { totalCount } }", "variables": {"pad": "` + strings.Repeat("x", 1024) + `"}}`
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	r := serve(t, h, req)
	if r.Status != http.StatusRequestEntityTooLarge || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "REQUEST_TOO_LARGE" {
		t.Errorf("status %d, errors %+v; want 413 REQUEST_TOO_LARGE", r.Status, r.Errors)
	}
	if r := post(t, h, `{ videos { totalCount } }`, nil); r.Status != http.StatusOK || len(r.Errors) > 0 {
		t.Errorf("a small body: status %d, errors %+v", r.Status, r.Errors)
	}
}

func TestIntrospectionIsOffUnlessEnabled(t *testing.T) {
	off := post(t, newHandler(t, fixture(t), graphql.Options{}), introspection.Query, nil)
	if len(off.Errors) == 0 || !strings.Contains(off.Errors[0].Message, "introspection disabled") {
		t.Errorf("introspection off: errors %+v, data %.100s", off.Errors, off.Data)
	}
	on := post(t, newHandler(t, fixture(t), graphql.Options{Introspection: true}), introspection.Query, nil)
	if len(on.Errors) > 0 || !bytes.Contains(on.Data, []byte(`"name":"VideoConnection"`)) {
		t.Errorf("introspection on: errors %+v", on.Errors)
	}
}

func TestQueriesOverGET(t *testing.T) {
	h := newHandler(t, fixture(t), graphql.Options{})
	r := get(t, h, url.Values{"query": {`query($id: ID!) { video(id: $id) { title } }`}, "variables": {`{"id": "v03"}`}})
	if r.Status != http.StatusOK || string(r.Data) != `{"video":{"title":"City Lights"}}` {
		t.Errorf("status %d, data %s, errors %+v", r.Status, r.Data, r.Errors)
	}
}

func TestPersistedQueriesOverGET(t *testing.T) {
	h := newHandler(t, fixture(t), graphql.Options{})
	query := `{ video(id: "v01") { title } }`
	sum := sha256.Sum256([]byte(query))
	ext := `{"persistedQuery": {"version": 1, "sha256Hash": "` + hex.EncodeToString(sum[:]) + `"}}`

	unknown := get(t, h, url.Values{"extensions": {ext}})
	if len(unknown.Errors) != 1 || unknown.Errors[0].Extensions["code"] != "PERSISTED_QUERY_NOT_FOUND" {
		t.Fatalf("hash before registration: errors %+v", unknown.Errors)
	}
	if r := get(t, h, url.Values{"query": {query}, "extensions": {ext}}); string(r.Data) != `{"video":{"title":"Amazing Journey"}}` {
		t.Fatalf("registration: data %s, errors %+v", r.Data, r.Errors)
	}
	if r := get(t, h, url.Values{"extensions": {ext}}); r.Status != http.StatusOK || string(r.Data) != `{"video":{"title":"Amazing Journey"}}` {
		t.Errorf("hash alone: status %d, data %s, errors %+v", r.Status, r.Data, r.Errors)
	}
	wrong := get(t, h, url.Values{"query": {`{ videos { totalCount } }`}, "extensions": {ext}})
	if len(wrong.Errors) != 1 || !strings.Contains(wrong.Errors[0].Message, "hash does not match") {
		t.Errorf("query of another hash: errors %+v", wrong.Errors)
	}
}

// failingReader is a store that is down.
type failingReader struct{ domain.CatalogReader }

func (failingReader) ListVideos(context.Context, domain.VideoQuery) (domain.VideoPage, error) {
	return domain.VideoPage{}, errors.New("connection refused to 10.0.0.7:9200")
}

func TestStoreFailuresAreReportedWithoutTheirDetails(t *testing.T) {
	r := post(t, newHandler(t, failingReader{fixture(t)}, graphql.Options{}), `{ videos { totalCount } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Message != "internal error" || r.Errors[0].Extensions["code"] != "INTERNAL_SERVER_ERROR" {
		t.Errorf("errors %+v, want a bare internal error", r.Errors)
	}
}
