package rest

import (
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"maps"
	"mime"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// apiDoc is the embedded OpenAPI document, which every test response is
// checked against: the document is the contract, the tests keep it honest.
var apiDoc = func() map[string]any {
	var doc map[string]any
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		panic(fmt.Sprintf("openapi.json: %v", err))
	}
	return doc
}()

// answered records which documented (path, status) pairs tests produced.
var answered = struct {
	sync.Mutex
	pairs map[string]bool
}{pairs: map[string]bool{}}

// TestMain fails a full run that leaves a documented answer untested, so the
// document cannot promise what nobody checked.
func TestMain(m *testing.M) {
	// Failures the tests provoke on purpose are logged; keep the output to results.
	slog.SetDefault(slog.New(slog.DiscardHandler))
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" {
		var missing []string
		for _, pair := range documentedAnswers() {
			if !answered.pairs[pair] {
				missing = append(missing, pair)
			}
		}
		if len(missing) > 0 {
			fmt.Fprintf(os.Stderr, "documented answers no test produced: %v\n", missing)
			code = 1
		}
	}
	os.Exit(code)
}

func documentedAnswers() []string {
	var pairs []string
	for path, item := range apiDoc["paths"].(map[string]any) {
		op := item.(map[string]any)["get"].(map[string]any)
		for status := range op["responses"].(map[string]any) {
			// default covers what should not happen; tests need not produce it everywhere.
			if status != "default" {
				pairs = append(pairs, path+" "+status)
			}
		}
	}
	slices.Sort(pairs)
	return pairs
}

// checkResponse validates a response against the document: the operation of
// its path, the answer of its status, the schema of its media type. Answers
// outside the operations (405, unknown paths) must be problem documents.
func checkResponse(method, path string, status int, header http.Header, body []byte) error {
	mediaType, _, _ := mime.ParseMediaType(header.Get("Content-Type"))
	template, ok := matchPath(path)
	if !ok || method != http.MethodGet {
		if mediaType != "application/problem+json" {
			return fmt.Errorf("%s %s: content type %q, want a problem", method, path, mediaType)
		}
		return validateBody(map[string]any{"$ref": "#/components/schemas/Problem"}, body)
	}
	op := apiDoc["paths"].(map[string]any)[template].(map[string]any)["get"].(map[string]any)
	responses := op["responses"].(map[string]any)
	answer, ok := responses[strconv.Itoa(status)].(map[string]any)
	if !ok {
		answer, ok = responses["default"].(map[string]any)
	}
	if !ok {
		return fmt.Errorf("GET %s: status %d is not documented", template, status)
	}
	if ref, isRef := answer["$ref"].(string); isRef {
		resolved, err := schemaChecker{root: apiDoc}.resolve(ref)
		if err != nil {
			return err
		}
		answer = resolved.(map[string]any)
	}
	answered.Lock()
	answered.pairs[template+" "+strconv.Itoa(status)] = true
	answered.Unlock()
	headers, _ := answer["headers"].(map[string]any)
	for name := range headers {
		if header.Get(name) == "" {
			return fmt.Errorf("GET %s %d: documented header %s is missing", template, status, name)
		}
	}
	content, ok := answer["content"].(map[string]any)[mediaType].(map[string]any)
	if !ok {
		return fmt.Errorf("GET %s %d: content type %q is not documented (have %v)", template, status, mediaType,
			slices.Collect(maps.Keys(answer["content"].(map[string]any))))
	}
	return validateBody(content["schema"], body)
}

func validateBody(schema any, body []byte) error {
	var value any
	if err := json.Unmarshal(body, &value); err != nil {
		return fmt.Errorf("body is not JSON: %v", err)
	}
	return schemaChecker{root: apiDoc}.check(schema, value, "$")
}

// matchPath finds the document's path template for a request path.
func matchPath(path string) (string, bool) {
	segments := strings.Split(path, "/")
	for template := range apiDoc["paths"].(map[string]any) {
		parts := strings.Split(template, "/")
		if len(parts) != len(segments) {
			continue
		}
		match := true
		for i, p := range parts {
			isParam := strings.HasPrefix(p, "{") && segments[i] != ""
			if p != segments[i] && !isParam {
				match = false
				break
			}
		}
		// A literal template (openapi.json) beats a templated one; the document has no such overlap today.
		if match {
			return template, true
		}
	}
	return "", false
}

func TestDocumentIsOpenAPI31(t *testing.T) {
	if v, _ := apiDoc["openapi"].(string); !strings.HasPrefix(v, "3.1.") {
		t.Errorf("openapi = %q, want 3.1.x", v)
	}
	// Every $ref resolves, and every schema uses only keywords the checker knows.
	var walk func(node any, at string)
	walk = func(node any, at string) {
		switch n := node.(type) {
		case map[string]any:
			if ref, ok := n["$ref"].(string); ok {
				if _, err := (schemaChecker{root: apiDoc}).resolve(ref); err != nil {
					t.Errorf("%s: %v", at, err)
				}
			}
			for k, v := range n {
				walk(v, at+"/"+k)
			}
		case []any:
			for i, v := range n {
				walk(v, fmt.Sprintf("%s/%d", at, i))
			}
		}
	}
	walk(apiDoc, "#")
	for name, schema := range apiDoc["components"].(map[string]any)["schemas"].(map[string]any) {
		auditSchema(t, schema, name)
	}
}

// schemaKeywords are those the checker asserts or knows to skip.
var schemaKeywords = append([]string{"$ref", "type", "properties", "additionalProperties", "required", "items", "enum", "const",
	"minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "format", "allOf", "anyOf", "oneOf"}, annotations...)

// auditSchema fails on keywords the checker does not know, wherever they
// are: validation only meets those on the paths real answers take.
func auditSchema(t *testing.T, schema any, at string) {
	s, ok := schema.(map[string]any)
	if !ok {
		return
	}
	for key, arg := range s {
		switch {
		case !slices.Contains(schemaKeywords, key):
			t.Errorf("%s: keyword %q is not supported by the test checker", at, key)
		case key == "properties":
			for name, sub := range arg.(map[string]any) {
				auditSchema(t, sub, at+"."+name)
			}
		case key == "items" || key == "additionalProperties":
			auditSchema(t, arg, at+"/"+key)
		case key == "allOf" || key == "anyOf" || key == "oneOf":
			for i, sub := range arg.([]any) {
				auditSchema(t, sub, fmt.Sprintf("%s/%s/%d", at, key, i))
			}
		}
	}
}

func TestDocumentCoversTheRoutes(t *testing.T) {
	var documented, served []string
	documented = slices.Sorted(maps.Keys(apiDoc["paths"].(map[string]any)))
	for _, rt := range routes {
		served = append(served, rt.path)
	}
	slices.Sort(served)
	if !slices.Equal(documented, served) {
		t.Errorf("documented paths %v, served %v", documented, served)
	}
	for _, rt := range routes {
		op := apiDoc["paths"].(map[string]any)[rt.path].(map[string]any)["get"].(map[string]any)
		var params []string
		declared, _ := op["parameters"].([]any)
		for _, p := range declared {
			p := p.(map[string]any)
			if ref, ok := p["$ref"].(string); ok {
				resolved, _ := schemaChecker{root: apiDoc}.resolve(ref)
				p = resolved.(map[string]any)
			}
			if p["in"] == "query" {
				params = append(params, p["name"].(string))
			}
		}
		if !slices.Equal(slices.Sorted(slices.Values(params)), slices.Sorted(slices.Values(rt.params))) {
			t.Errorf("%s: documented query parameters %v, accepted %v", rt.path, params, rt.params)
		}
	}
}
