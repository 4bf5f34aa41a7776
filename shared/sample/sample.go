// Package sample bundles a small catalog (Portuguese and English titles) as the
// Debezium change events an initial snapshot and a few later changes of the
// admin database produce, so the catalog runs with nothing else installed.
package sample

//go:generate sh -c "go run ./generate > catalog.jsonl"

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/cloudevents/sdk-go/v2/event"
)

//go:embed catalog.jsonl
var catalog []byte

// KafkaSourceName is the KafkaSource the sample events claim to come from.
const KafkaSourceName = "/apis/v1/namespaces/catalog/kafkasources/admin-videos"

// Record is a Kafka record holding one change event.
type Record struct {
	Topic     string          `json:"topic"`
	Partition int             `json:"partition"`
	Offset    int64           `json:"offset"`
	Key       json.RawMessage `json:"key"`
	Value     json.RawMessage `json:"value"`
}

// Table is the admin table of the record's topic (<prefix>.<db>.<table>).
func (r Record) Table() string { return r.Topic[strings.LastIndexByte(r.Topic, '.')+1:] }

// Event is the record as KafkaSource delivers it: a binary-mode CloudEvent whose
// data is the record value, with no data for a tombstone.
func (r Record) Event() event.Event {
	e := event.New()
	e.SetID(fmt.Sprintf("partition:%d/offset:%d", r.Partition, r.Offset))
	e.SetSource(KafkaSourceName + "#" + r.Topic)
	e.SetType("dev.knative.kafka.event")
	e.SetSubject(fmt.Sprintf("partition:%d#%d", r.Partition, r.Offset))
	e.SetExtension("key", string(r.Key))
	if len(r.Value) > 0 && !bytes.Equal(r.Value, []byte("null")) {
		e.DataEncoded = r.Value
	}
	return e
}

// Records returns the sample catalog's records in the order they were produced.
func Records() ([]Record, error) {
	var records []Record
	scanner := bufio.NewScanner(bytes.NewReader(catalog))
	scanner.Buffer(make([]byte, 64<<10), 1<<20)
	for line := 1; scanner.Scan(); line++ {
		var r Record
		if err := json.Unmarshal(scanner.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("sample: line %d: %w", line, err)
		}
		records = append(records, r)
	}
	return records, scanner.Err()
}
