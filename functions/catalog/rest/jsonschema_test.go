package rest

import (
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"
	"time"
)

// schemaChecker validates JSON values against the JSON Schema subset the
// OpenAPI document uses. It refuses keywords it does not know, so that a
// schema can never pass by being misunderstood.
type schemaChecker struct {
	root map[string]any // the whole document, for $ref
}

// annotations carry no assertion and are skipped.
var annotations = []string{"description", "title", "example", "examples", "default", "deprecated", "readOnly", "$comment"}

func (c schemaChecker) check(schema any, value any, at string) error {
	s, ok := schema.(map[string]any)
	if !ok {
		if b, isBool := schema.(bool); isBool {
			if !b {
				return fmt.Errorf("%s: not allowed", at)
			}
			return nil
		}
		return fmt.Errorf("%s: schema is %T", at, schema)
	}
	if ref, ok := s["$ref"].(string); ok {
		target, err := c.resolve(ref)
		if err != nil {
			return err
		}
		if err := c.check(target, value, at); err != nil {
			return err
		}
	}
	for key, arg := range s {
		if slices.Contains(annotations, key) || key == "$ref" || key == "properties" || key == "additionalProperties" {
			continue
		}
		if err := c.keyword(key, arg, s, value, at); err != nil {
			return err
		}
	}
	if obj, ok := value.(map[string]any); ok {
		return c.object(s, obj, at)
	}
	return nil
}

func (c schemaChecker) keyword(key string, arg any, s map[string]any, value any, at string) error {
	switch key {
	case "type":
		return checkType(arg, value, at)
	case "required":
		obj, ok := value.(map[string]any)
		if !ok {
			return nil
		}
		for _, name := range arg.([]any) {
			if _, has := obj[name.(string)]; !has {
				return fmt.Errorf("%s: missing required %q", at, name)
			}
		}
	case "items":
		arr, ok := value.([]any)
		if !ok {
			return nil
		}
		for i, item := range arr {
			if err := c.check(arg, item, fmt.Sprintf("%s[%d]", at, i)); err != nil {
				return err
			}
		}
	case "enum":
		for _, allowed := range arg.([]any) {
			if jsonEqual(allowed, value) {
				return nil
			}
		}
		return fmt.Errorf("%s: %v is not one of %v", at, value, arg)
	case "const":
		if !jsonEqual(arg, value) {
			return fmt.Errorf("%s: %v is not %v", at, value, arg)
		}
	case "minimum", "maximum":
		n, ok := value.(float64)
		if !ok {
			return nil
		}
		bound := arg.(float64)
		if key == "minimum" && n < bound || key == "maximum" && n > bound {
			return fmt.Errorf("%s: %v is out of %s %v", at, n, key, bound)
		}
	case "minLength", "minItems":
		if size(value) >= 0 && float64(size(value)) < arg.(float64) {
			return fmt.Errorf("%s: shorter than %s %v", at, key, arg)
		}
	case "maxLength", "maxItems":
		if size(value) >= 0 && float64(size(value)) > arg.(float64) {
			return fmt.Errorf("%s: longer than %s %v", at, key, arg)
		}
	case "format":
		return checkFormat(arg.(string), value, at)
	case "allOf", "anyOf", "oneOf":
		return c.combination(key, arg.([]any), value, at)
	default:
		return fmt.Errorf("%s: schema keyword %q is not supported by the test checker", at, key)
	}
	return nil
}

func (c schemaChecker) object(s map[string]any, obj map[string]any, at string) error {
	props, _ := s["properties"].(map[string]any)
	for name, v := range obj {
		if sub, ok := props[name]; ok {
			if err := c.check(sub, v, at+"."+name); err != nil {
				return err
			}
			continue
		}
		if extra, ok := s["additionalProperties"]; ok {
			if err := c.check(extra, v, at+"."+name); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c schemaChecker) combination(key string, schemas []any, value any, at string) error {
	passed := 0
	var errs []string
	for _, sub := range schemas {
		if err := c.check(sub, value, at); err != nil {
			errs = append(errs, err.Error())
			continue
		}
		passed++
	}
	switch {
	case key == "allOf" && passed != len(schemas),
		key == "anyOf" && passed == 0,
		key == "oneOf" && passed != 1:
		return fmt.Errorf("%s: %s matched %d of %d: %s", at, key, passed, len(schemas), strings.Join(errs, "; "))
	}
	return nil
}

func (c schemaChecker) resolve(ref string) (any, error) {
	if !strings.HasPrefix(ref, "#/") {
		return nil, fmt.Errorf("only local $ref are supported, got %q", ref)
	}
	var node any = c.root
	for _, part := range strings.Split(ref[2:], "/") {
		part = strings.NewReplacer("~1", "/", "~0", "~").Replace(part)
		m, ok := node.(map[string]any)
		if !ok || m[part] == nil {
			return nil, fmt.Errorf("$ref %q does not resolve", ref)
		}
		node = m[part]
	}
	return node, nil
}

func checkType(arg any, value any, at string) error {
	types, ok := arg.([]any)
	if !ok {
		types = []any{arg}
	}
	for _, t := range types {
		if hasType(t.(string), value) {
			return nil
		}
	}
	return fmt.Errorf("%s: %s is not of type %v", at, describe(value), arg)
}

func hasType(t string, value any) bool {
	switch v := value.(type) {
	case nil:
		return t == "null"
	case bool:
		return t == "boolean"
	case string:
		return t == "string"
	case float64:
		return t == "number" || t == "integer" && v == math.Trunc(v)
	case []any:
		return t == "array"
	case map[string]any:
		return t == "object"
	}
	return false
}

func checkFormat(format string, value any, at string) error {
	s, ok := value.(string)
	if !ok {
		return nil
	}
	switch format {
	case "date-time":
		if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
			return fmt.Errorf("%s: %q is not a date-time", at, s)
		}
	case "uri":
		if u, err := url.Parse(s); err != nil || !u.IsAbs() {
			return fmt.Errorf("%s: %q is not an absolute URI", at, s)
		}
	case "uri-reference":
		if _, err := url.Parse(s); err != nil {
			return fmt.Errorf("%s: %q is not a URI reference", at, s)
		}
	default:
		return fmt.Errorf("%s: format %q is not supported by the test checker", at, format)
	}
	return nil
}

func size(value any) int {
	switch v := value.(type) {
	case string:
		return len([]rune(v))
	case []any:
		return len(v)
	}
	return -1
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func describe(value any) string {
	b, _ := json.Marshal(value)
	if len(b) > 80 {
		b = append(b[:77], "..."...)
	}
	return string(b)
}
