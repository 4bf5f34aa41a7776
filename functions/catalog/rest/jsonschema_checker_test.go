package rest

import (
	"encoding/json"
	"testing"
)

// The checker guards every response test, so it is tested on its own first.
func TestSchemaChecker(t *testing.T) {
	root := map[string]any{}
	mustJSON(t, `{"components":{"schemas":{
		"Item":{"type":"object","required":["id"],"additionalProperties":false,
			"properties":{"id":{"type":"string","minLength":1},"n":{"type":["integer","null"],"minimum":1},
			"kind":{"enum":["A","B"]},"at":{"type":"string","format":"date-time"}}},
		"List":{"type":"array","items":{"$ref":"#/components/schemas/Item"},"maxItems":2},
		"Either":{"oneOf":[{"type":"string"},{"type":"integer"}]}}}}`, &root)
	c := schemaChecker{root: root}
	ref := func(name string) any { return map[string]any{"$ref": "#/components/schemas/" + name} }
	cases := []struct {
		schema, value string
		ok            bool
	}{
		{"Item", `{"id":"a"}`, true},
		{"Item", `{"id":"a","n":null,"kind":"B","at":"2024-01-02T03:04:05Z"}`, true},
		{"Item", `{}`, false},
		{"Item", `{"id":""}`, false},
		{"Item", `{"id":"a","n":0}`, false},
		{"Item", `{"id":"a","n":1.5}`, false},
		{"Item", `{"id":"a","kind":"C"}`, false},
		{"Item", `{"id":"a","at":"yesterday"}`, false},
		{"Item", `{"id":"a","extra":1}`, false},
		{"Item", `[]`, false},
		{"List", `[{"id":"a"},{"id":"b"}]`, true},
		{"List", `[{"id":"a"},{"id":"b"},{"id":"c"}]`, false},
		{"List", `[{"id":1}]`, false},
		{"Either", `"x"`, true},
		{"Either", `3`, true},
		{"Either", `true`, false},
	}
	for _, tc := range cases {
		var v any
		mustJSON(t, tc.value, &v)
		err := c.check(ref(tc.schema), v, "$")
		if (err == nil) != tc.ok {
			t.Errorf("%s %s: err = %v, want ok = %v", tc.schema, tc.value, err, tc.ok)
		}
	}
	if err := c.check(map[string]any{"pattern": "x"}, "x", "$"); err == nil {
		t.Error("an unknown keyword passed")
	}
}

func mustJSON(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatal(err)
	}
}
