package sinktest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"

	ce "github.com/cloudevents/sdk-go/v2/event"
)

// cloudEvents turns the history into what KafkaSource delivers: one CloudEvent
// per change, plus the tombstone the connector writes after each delete.
func (h *history) cloudEvents() []ce.Event {
	var out []ce.Event
	offsets := map[string]int{}
	add := func(table string, value []byte) {
		topic := "adm_videos_mysql.adm_videos." + table
		e := ce.New()
		e.SetID(fmt.Sprintf("partition:0/offset:%d", offsets[topic]))
		e.SetSource("/apis/v1/namespaces/test/kafkasources/admin#" + topic)
		e.SetType("dev.knative.kafka.event")
		if value != nil {
			e.DataEncoded = value
		}
		offsets[topic]++
		out = append(out, e)
	}
	for _, ev := range h.events {
		snapshot := "false"
		if ev.pos.Snapshot {
			snapshot = "true"
		}
		value, err := json.Marshal(map[string]any{
			"before": ev.before, "after": ev.after, "op": ev.op, "ts_ms": 1767225600000,
			"source": map[string]any{
				"version": "3.6.0.Final", "connector": "mysql", "name": "adm_videos_mysql",
				"db": "adm_videos", "table": ev.table, "snapshot": snapshot,
				"file": ev.pos.File, "pos": ev.pos.Pos, "row": ev.pos.Row, "server_id": 1,
			},
		})
		if err != nil {
			panic(err) // maps of plain values always marshal
		}
		add(ev.table, value)
		if ev.op == "d" {
			add(ev.table, nil)
		}
	}
	return out
}

// scramble duplicates some events and shuffles them all: KafkaSource redelivers
// on timeouts, and unordered delivery or a replay reorders at will.
func scramble(rnd *rand.Rand, events []ce.Event) []ce.Event {
	out := make([]ce.Event, 0, len(events)*2)
	for _, e := range events {
		for copies := 1 + rnd.IntN(3)/2 + rnd.IntN(4)/3; copies > 0; copies-- {
			out = append(out, e)
		}
	}
	rnd.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}
