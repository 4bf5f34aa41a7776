package main_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// build compiles the command; the go build cache makes the second call cheap.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "server")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return fmt.Sprint(l.Addr().(*net.TCPAddr).Port)
}

// start runs the server with env and waits until it answers on port.
func start(t *testing.T, bin string, env ...string) string {
	t.Helper()
	port := freePort(t)
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), append(env, "PORT="+port, "CATALOG_INDEX_PATH="+filepath.Join(t.TempDir(), "index"), "ELASTICSEARCH_URL=")...)
	logs := &strings.Builder{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
		if t.Failed() {
			t.Logf("server output:\n%s", logs)
		}
	})
	base := "http://127.0.0.1:" + port
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for {
		if res, err := http.Get(base + "/healthz"); err == nil {
			res.Body.Close()
			return base
		}
		if res, err := http.Post(base+"/", "text/plain", nil); err == nil {
			res.Body.Close()
			return base
		}
		select {
		case <-ctx.Done():
			t.Fatalf("server did not answer on %s", base)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

const categoryEvent = `{"before":null,"after":{"id":"c9","name":"Faroeste","description":null,"active":true,"created_at":1767225600000000,"updated_at":1767225600000000,"deleted_at":null},"op":"c","source":{"table":"categories","file":"mysql-bin.000009","pos":4,"row":0,"snapshot":"false"}}`

func postEvent(t *testing.T, url, table, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	req.Header.Set("Ce-Specversion", "1.0")
	req.Header.Set("Ce-Id", "partition:0/offset:1")
	req.Header.Set("Ce-Source", "/apis/v1/namespaces/catalog/kafkasources/admin#adm_videos_mysql.adm_videos."+table)
	req.Header.Set("Ce-Type", "dev.knative.kafka.event")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var answer map[string]any
	if err := json.NewDecoder(res.Body).Decode(&answer); err != nil {
		t.Fatalf("answer is not JSON: %v", err)
	}
	return res.StatusCode, answer
}

func TestEveryFunctionLocally(t *testing.T) {
	base := start(t, build(t))

	if status, body := get(t, base+"/"); status != http.StatusOK || !strings.Contains(body, `"ok"`) {
		t.Fatalf("GET / = %d %s", status, body)
	}
	// The sample catalog was loaded through the sinks.
	status, body := get(t, base+"/v1/videos?search=matrix&per_page=5")
	if status != http.StatusOK || !strings.Contains(body, "The Matrix") {
		t.Fatalf("sample catalog search = %d %s", status, body)
	}
	for _, sink := range []string{"CategorySink", "GenreSink", "CastMemberSink", "VideoSink"} {
		if status, _ := postEvent(t, base+"/"+sink, "categories", `not json`); status != http.StatusBadRequest {
			t.Errorf("POST /%s with a bad event = %d, want 400", sink, status)
		}
	}
	if status, answer := postEvent(t, base+"/CategorySink", "categories", categoryEvent); status != http.StatusOK || answer["outcome"] != "applied" {
		t.Fatalf("POST /CategorySink = %d %v", status, answer)
	}
	if status, answer := postEvent(t, base+"/VideoSink", "categories", categoryEvent); status != http.StatusBadRequest || answer["owner"] != "CategorySink" {
		t.Fatalf("categories to /VideoSink = %d %v, want 400 naming CategorySink", status, answer)
	}
	if status, body := get(t, base+"/v1/categories?search=faroeste"); status != http.StatusOK || !strings.Contains(body, "c9") {
		t.Fatalf("the category the sink applied: %d %s", status, body)
	}
}

func TestFunctionTargetServesOneFunctionAtRoot(t *testing.T) {
	base := start(t, build(t), "FUNCTION_TARGET=CategorySink", "CATALOG_SAMPLE_DATA=false")
	if status, answer := postEvent(t, base+"/", "categories", categoryEvent); status != http.StatusOK || answer["outcome"] != "applied" {
		t.Fatalf("POST / = %d %v", status, answer)
	}
	if status, _ := get(t, base+"/graphql"); status != http.StatusMethodNotAllowed {
		t.Fatalf("GET /graphql on the CategorySink = %d, want the sink's 405", status)
	}
}
