package cdc

import (
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	cehttp "github.com/cloudevents/sdk-go/v2/protocol/http"
)

// TestDecodeHTTP decodes events parsed by sdk-go from raw KafkaSource-style
// HTTP requests, in binary and structured mode.
func TestDecodeHTTP(t *testing.T) {
	value := `{"before":null,"after":` + categoryRow + `,"source":` + source("categories", `"false"`, 0) + `,"op":"c"}`
	created := Change{Table: "categories", Op: OpCreate, Position: pos, After: categoryState}
	binaryHeaders := map[string]string{
		"ce-specversion": "1.0",
		"ce-id":          "partition:0/offset:42",
		"ce-source":      "/apis/v1/namespaces/catalog/kafkasources/admin#" + topic("categories"),
		"ce-type":        "dev.knative.kafka.event",
		"ce-subject":     "partition:0#42",
		"ce-key":         `{"id":"` + catID + `"}`,
	}
	structured := func(data string) string {
		return `{"specversion":"1.0","id":"partition:0/offset:42","type":"dev.knative.kafka.event",` +
			`"source":"/apis/v1/namespaces/catalog/kafkasources/admin#` + topic("categories") + `",` +
			`"key":"{\"id\":\"` + catID + `\"}",` + data + `}`
	}
	tests := []struct {
		name    string
		headers map[string]string
		body    string
		want    Change
		err     string
	}{
		{"binary, no Content-Type", binaryHeaders, value, created, ""},
		{"binary, application/json", merge(binaryHeaders, "Content-Type", "application/json"), value, created, ""},
		{"binary, no body: tombstone", binaryHeaders, "", Change{Table: "categories", Tombstone: true}, ""},
		{"binary, body not JSON", binaryHeaders, "\x00\x01binary", Change{}, "data is not JSON"},
		{"binary, text/plain", merge(binaryHeaders, "Content-Type", "text/plain"), value, Change{}, `datacontenttype "text/plain" is not JSON`},
		{"structured, data as JSON", map[string]string{"Content-Type": "application/cloudevents+json"},
			structured(`"datacontenttype":"application/json","data":` + value), created, ""},
		{"structured, no datacontenttype", map[string]string{"Content-Type": "application/cloudevents+json"},
			structured(`"data":` + value), created, ""},
		{"structured, data_base64", map[string]string{"Content-Type": "application/cloudevents+json; charset=utf-8"},
			structured(`"data_base64":"` + b64(value) + `"`), created, ""},
		{"structured, no data: tombstone", map[string]string{"Content-Type": "application/cloudevents+json"},
			structured(`"datacontenttype":"application/json"`), Change{Table: "categories", Tombstone: true}, ""},
		{"structured, data a JSON string", map[string]string{"Content-Type": "application/cloudevents+json"},
			structured(`"data":"hello"`), Change{}, `data must be a JSON object, found string "hello"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(tt.body))
			for k, v := range tt.headers {
				req.Header.Set(k, v)
			}
			e, err := cehttp.NewEventFromHTTPRequest(req)
			if err != nil {
				t.Fatalf("NewEventFromHTTPRequest: %v", err)
			}
			got, err := Decode(*e)
			checkErr(t, err, tt.err)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Decode:\n got %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func merge(h map[string]string, k, v string) map[string]string {
	out := map[string]string{k: v}
	for hk, hv := range h {
		out[hk] = hv
	}
	return out
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
