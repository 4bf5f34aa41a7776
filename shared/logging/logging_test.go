package logging_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/videocatalog/catalog/shared/logging"
)

func TestCloudLoggingFields(t *testing.T) {
	var buf bytes.Buffer
	l := logging.New(&buf, slog.LevelDebug)
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
	attr, ok := logging.Trace(req, "my-project")
	if !ok {
		t.Fatal("no trace from traceparent")
	}
	l.With(attr).Warn("store slow", "ms", 12)
	var line map[string]any
	if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
		t.Fatalf("not JSON: %q", buf.String())
	}
	want := map[string]any{
		"severity": "WARNING", "message": "store slow", "ms": float64(12),
		logging.TraceKey: "projects/my-project/traces/4bf92f3577b34da6a3ce929d0e0e4736",
	}
	for k, v := range want {
		if line[k] != v {
			t.Errorf("%s = %v, want %v (line %s)", k, line[k], v, buf.String())
		}
	}

	req = httptest.NewRequest("GET", "/", nil)
	req.Header.Set("X-Cloud-Trace-Context", "105445aa7843bc8bf206b12000100000/1;o=1")
	if attr, _ := logging.Trace(req, ""); attr.Value.String() != "105445aa7843bc8bf206b12000100000" {
		t.Errorf("X-Cloud-Trace-Context trace = %q", attr.Value.String())
	}
	if _, ok := logging.Trace(httptest.NewRequest("GET", "/", nil), "p"); ok {
		t.Error("a trace without any trace header")
	}
}
