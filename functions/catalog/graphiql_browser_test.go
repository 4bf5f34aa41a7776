package catalog_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// TestGraphiQLInHeadlessChromium loads the GraphiQL page in Debian's Chromium,
// runs a query from it and saves a screenshot: the page must work with no CDN
// in reach, since GraphiQL and React are served by the function itself.
// .ci/run installs Chromium; elsewhere the test skips without it.
func TestGraphiQLInHeadlessChromium(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CATALOG_REQUIRE_INTEGRATION") == "1" {
			t.Fatal("chromium is not installed; .ci/run installs it (apt-get install chromium)")
		}
		t.Skip("chromium is not installed (apt-get install chromium); skipping the browser check")
	}
	srv := newServer(t)
	shot := filepath.Join(t.TempDir(), "graphiql.png")
	if dir := os.Getenv("CATALOG_SCREENSHOT_DIR"); dir != "" {
		shot = filepath.Join(dir, "graphiql.png")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	defer cancel()
	if err := runInBrowser(ctx, chromium, strings.TrimPrefix(srv.URL, "http://"), shot); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(shot)
	if err != nil || info.Size() < 10_000 {
		t.Fatalf("screenshot %s: %v (%v bytes)", shot, err, info)
	}
	t.Logf("GraphiQL ran the query; screenshot in %s", shot)
}

const query = `{ videos(first: 3) { totalCount nodes { title categories { name } } } }`

// runInBrowser opens GraphiQL at addr in Chromium, clicks Run, checks the answer
// shown in the page and saves a screenshot to shot.
func runInBrowser(ctx context.Context, chromium, addr, shot string) error {
	profile, err := os.MkdirTemp("", "graphiql-check-profile")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	page := "http://" + addr + "/graphql?" + url.Values{"query": {query}}.Encode()
	browser := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
		"--window-size=1280,800", page)
	if err := browser.Start(); err != nil {
		return err
	}
	defer func() { browser.Process.Kill(); browser.Wait() }()

	conn, err := devtools(ctx, profile)
	if err != nil {
		return err
	}
	defer conn.Close(websocket.StatusNormalClosure, "")
	d := &driver{conn: conn}
	if _, err := d.waitFor(ctx, `document.querySelector('.graphiql-execute-button') !== null`); err != nil {
		return fmt.Errorf("GraphiQL did not load: %w", err)
	}
	if _, err := d.eval(ctx, `document.querySelector('.graphiql-execute-button').click()`); err != nil {
		return err
	}
	result, err := d.waitFor(ctx, `(document.querySelector('.graphiql-response') || {}).innerText || ''`, "Amazing Journey")
	if err != nil {
		return fmt.Errorf("the query did not answer in the page: %w", err)
	}
	if !strings.Contains(result, `"totalCount": 8`) {
		return fmt.Errorf("unexpected answer in the page: %s", result)
	}
	png, err := d.call(ctx, "Page.captureScreenshot", map[string]any{"format": "png"})
	if err != nil {
		return err
	}
	var img struct{ Data string }
	if err := json.Unmarshal(png, &img); err != nil {
		return err
	}
	data, err := base64.StdEncoding.DecodeString(img.Data)
	if err != nil {
		return err
	}
	return os.WriteFile(shot, data, 0o644)
}

// devtools connects to the page Chromium opened, once it has written its DevTools port.
func devtools(ctx context.Context, profile string) (*websocket.Conn, error) {
	for ctx.Err() == nil {
		time.Sleep(200 * time.Millisecond)
		port, err := os.ReadFile(filepath.Join(profile, "DevToolsActivePort"))
		if err != nil {
			continue
		}
		res, err := http.Get("http://127.0.0.1:" + strings.Fields(string(port))[0] + "/json/list")
		if err != nil {
			continue
		}
		var targets []struct{ Type, WebSocketDebuggerURL string }
		err = json.NewDecoder(res.Body).Decode(&targets)
		res.Body.Close()
		for _, t := range targets {
			if err == nil && t.Type == "page" {
				conn, _, err := websocket.Dial(ctx, t.WebSocketDebuggerURL, nil)
				if err == nil {
					conn.SetReadLimit(64 << 20) // screenshots are large messages
				}
				return conn, err
			}
		}
	}
	return nil, errors.New("chromium opened no DevTools page")
}

// driver sends DevTools commands one at a time and reads their answers.
type driver struct {
	conn *websocket.Conn
	id   int
}

func (d *driver) call(ctx context.Context, method string, params any) (json.RawMessage, error) {
	d.id++
	msg, _ := json.Marshal(map[string]any{"id": d.id, "method": method, "params": params})
	if err := d.conn.Write(ctx, websocket.MessageText, msg); err != nil {
		return nil, err
	}
	for {
		_, data, err := d.conn.Read(ctx)
		if err != nil {
			return nil, err
		}
		var answer struct {
			ID     int
			Result json.RawMessage
			Error  *struct{ Message string }
		}
		if json.Unmarshal(data, &answer) != nil || answer.ID != d.id {
			continue // an event, or not ours
		}
		if answer.Error != nil {
			return nil, fmt.Errorf("%s: %s", method, answer.Error.Message)
		}
		return answer.Result, nil
	}
}

// eval returns the value of a JavaScript expression in the page, as text.
func (d *driver) eval(ctx context.Context, expr string) (string, error) {
	res, err := d.call(ctx, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true})
	if err != nil {
		return "", err
	}
	var v struct{ Result struct{ Value any } }
	if err := json.Unmarshal(res, &v); err != nil {
		return "", err
	}
	return fmt.Sprint(v.Result.Value), nil
}

// waitFor polls expr until it is true, or contains want when given.
func (d *driver) waitFor(ctx context.Context, expr string, want ...string) (string, error) {
	var last string
	for ctx.Err() == nil {
		v, err := d.eval(ctx, expr)
		if err != nil {
			return "", err
		}
		if (len(want) == 0 && v == "true") || (len(want) > 0 && strings.Contains(v, want[0])) {
			return v, nil
		}
		last = v
		time.Sleep(250 * time.Millisecond)
	}
	return "", fmt.Errorf("%v; last value %q", ctx.Err(), last)
}
