// Package sink is the one generic sink behind every sink function: it decodes a
// Debezium change delivered by KafkaSource, routes it by table to the ingest use
// cases, and answers with the status KafkaSource acts on — 2xx applied or
// deliberately ignored, 400 never retried (so it reaches the dead-letter sink),
// 503 retried.
package sink

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/cloudevents/sdk-go/v2/event"

	"github.com/videocatalog/catalog/shared/cdc"
	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/logging"
	"github.com/videocatalog/catalog/shared/usecase/ingest"
)

// Sink applies the changes of the tables one sink function owns.
type Sink struct {
	name   string
	ingest *ingest.Service
}

// New returns the sink called name (one of the *Sink constants), writing through svc.
func New(name string, svc *ingest.Service) *Sink {
	return &Sink{name: name, ingest: svc}
}

// Answer is the JSON body of every sink response.
type Answer struct {
	// Outcome is "applied", "stale" (an older or duplicate change) or "ignored" (a tombstone).
	Outcome  string `json:"outcome,omitempty"`
	Table    string `json:"table,omitempty"`
	Op       string `json:"op,omitempty"`
	Position string `json:"position,omitempty"`
	Error    string `json:"error,omitempty"`
	// Owner names the sink a misrouted table belongs to.
	Owner string `json:"owner,omitempty"`
}

// Result is a status and its body.
type Result struct {
	Status int
	Answer Answer
}

// Receive applies one event. It never panics on bad input and never answers
// 500: input that can never be applied is a 400, a store failure a 503.
func (s *Sink) Receive(ctx context.Context, e event.Event) Result {
	change, err := cdc.Decode(e)
	if err != nil {
		return refuse(Answer{Table: change.Table, Error: err.Error()})
	}
	answer := Answer{Table: change.Table, Op: string(change.Op)}
	if !change.Position.IsZero() {
		answer.Position = change.Position.String()
	}
	t, known := tables[change.Table]
	if known && t.owner != s.name {
		answer.Owner = t.owner
		answer.Error = fmt.Sprintf("table %q belongs to %s, not %s: check the KafkaSource topics of %s", change.Table, t.owner, s.name, s.name)
		return refuse(answer)
	}
	if change.Tombstone {
		// Debezium follows each delete with a tombstone for log compaction; the
		// delete itself carried the change.
		answer.Outcome = "ignored"
		return Result{Status: http.StatusOK, Answer: answer}
	}
	if !known {
		answer.Error = fmt.Sprintf("table %q is not an admin table", change.Table)
		return refuse(answer)
	}
	outcome, err := s.apply(ctx, t, change)
	switch {
	case err == nil:
		answer.Outcome = outcome.String()
		return Result{Status: http.StatusOK, Answer: answer}
	case errors.Is(err, domain.ErrInvalid):
		answer.Error = err.Error()
		return refuse(answer)
	default:
		answer.Error = err.Error()
		logging.From(ctx).ErrorContext(ctx, "store failed, asking for redelivery",
			"sink", s.name, "event", e.ID(), "table", change.Table, "error", err)
		return Result{Status: http.StatusServiceUnavailable, Answer: answer}
	}
}

func refuse(a Answer) Result { return Result{Status: http.StatusBadRequest, Answer: a} }

func (s *Sink) apply(ctx context.Context, t table, c cdc.Change) (domain.Outcome, error) {
	pos := c.Position
	switch {
	case c.Op == cdc.OpTruncate && t.relation != nil:
		return domain.Applied, s.ingest.TruncateRelation(ctx, pos, *t.relation)
	case c.Op == cdc.OpTruncate:
		return domain.Applied, s.ingest.TruncateRows(ctx, pos, t.kind)
	case t.relation != nil:
		return s.applyJoin(ctx, *t.relation, c)
	case c.Op == cdc.OpDelete:
		id, err := c.ID()
		if err != nil {
			return 0, err
		}
		return s.ingest.Delete(ctx, pos, t.kind, id)
	default:
		e, err := t.entity(c.After)
		if err != nil {
			return 0, err
		}
		if c.Op == cdc.OpCreate || c.Op == cdc.OpRead {
			return s.ingest.Insert(ctx, pos, e)
		}
		return s.ingest.Save(ctx, pos, e)
	}
}

// applyJoin maps a join-table change onto its relation pair(s). An update that
// moves a join row to another pair removes the old pair and adds the new one.
func (s *Sink) applyJoin(ctx context.Context, rel domain.Relation, c cdc.Change) (domain.Outcome, error) {
	relate := func(parent, child string, present bool) (domain.Outcome, error) {
		return s.ingest.Relate(ctx, c.Position, rel, parent, child, present)
	}
	if c.Op == cdc.OpDelete {
		parent, child, err := cdc.Join(c.Table, c.Before)
		if err != nil {
			return 0, err
		}
		return relate(parent, child, false)
	}
	if c.Op == cdc.OpUpdate && c.Before != nil {
		oldParent, oldChild, err := cdc.Join(c.Table, c.Before)
		if err != nil {
			return 0, err
		}
		newParent, newChild, err := cdc.Join(c.Table, c.After)
		if err != nil {
			return 0, err
		}
		if oldParent != newParent || oldChild != newChild {
			if _, err := relate(oldParent, oldChild, false); err != nil {
				return 0, err
			}
		}
		return relate(newParent, newChild, true)
	}
	parent, child, err := cdc.Join(c.Table, c.After)
	if err != nil {
		return 0, err
	}
	return relate(parent, child, true)
}
