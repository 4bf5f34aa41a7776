package elasticsearch

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
)

// TestOverloadIsRetried checks, against a stand-in cluster (a real node
// cannot be made to refuse on demand), that a refused _bulk and refused items
// are answered ErrUnavailable, so that the sink asks for redelivery, while a
// mapping refusal in the same request is ErrInvalid. The real-cluster tests
// (items_test.go, outage_test.go) cover the rest.
func TestOverloadIsRetried(t *testing.T) {
	// Items are answered by their _id, whatever batch and order they end up in.
	items := map[string]string{
		"ok":       `{"update":{"status":200,"result":"updated"}}`,
		"rejected": `{"update":{"status":429,"error":{"type":"es_rejected_execution_exception","reason":"rejected execution"}}}`,
		"unmapped": `{"create":{"status":400,"error":{"type":"mapper_parsing_exception","reason":"failed to parse"}}}`,
	}
	cases := map[string]struct {
		status int
		body   string // the whole answer; "" answers item by item
		want   map[string]error
	}{
		"bulk refused with 429": {
			status: http.StatusTooManyRequests,
			body:   `{"error":{"type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation"},"status":429}`,
			want:   map[string]error{"ok": domain.ErrUnavailable, "unmapped": domain.ErrUnavailable},
		},
		"bulk failed with 503": {
			status: http.StatusServiceUnavailable,
			body:   `{"error":{"type":"cluster_block_exception","reason":"blocked by: [SERVICE_UNAVAILABLE/2/no master]"},"status":503}`,
			want:   map[string]error{"ok": domain.ErrUnavailable},
		},
		"items rejected or refused by the mapping": {
			status: http.StatusOK,
			want:   map[string]error{"ok": nil, "rejected": domain.ErrUnavailable, "unmapped": domain.ErrInvalid},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			cluster := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("X-Elastic-Product", "Elasticsearch")
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(tc.status)
				if tc.body != "" {
					io.WriteString(w, tc.body)
					return
				}
				var answers []string
				lines := bufio.NewScanner(r.Body)
				for n := 0; lines.Scan(); n++ {
					if n%2 == 0 { // action lines; the odd ones are bodies
						var action map[string]struct {
							ID string `json:"_id"`
						}
						json.Unmarshal(lines.Bytes(), &action)
						for _, a := range action {
							answers = append(answers, items[a.ID])
						}
					}
				}
				io.WriteString(w, `{"errors":true,"items":[`+strings.Join(answers, ",")+`]}`)
			}))
			defer cluster.Close()
			cfg, err := Config{URLs: []string{cluster.URL}}.withDefaults()
			if err != nil {
				t.Fatal(err)
			}
			c, err := newClient(cfg)
			if err != nil {
				t.Fatal(err)
			}
			b := newBulker(c, cfg, "catalog")
			defer b.close()
			var wg sync.WaitGroup
			for id, want := range tc.want {
				wg.Go(func() {
					_, err := b.update(context.Background(), id, []byte(`{"update":{"_id":"`+id+`"}}`+"\n{}\n"))
					if want == nil && err != nil || want != nil && (!errors.Is(err, want) || (want == domain.ErrInvalid) == errors.Is(err, domain.ErrUnavailable)) {
						t.Errorf("item %s: %v, want %v", id, err, want)
					}
				})
			}
			wg.Wait()
		})
	}
}
