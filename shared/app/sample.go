package app

import (
	"context"
	"fmt"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/sample"
	"github.com/videocatalog/catalog/shared/sink"
)

// LoadSample replays the bundled sample catalog through the sinks into store,
// if the store holds nothing yet. It reports how many events it delivered.
func LoadSample(ctx context.Context, store domain.Store) (int, error) {
	for _, kind := range domain.Kinds {
		rows, err := store.Rows(ctx, kind)
		if err != nil {
			return 0, fmt.Errorf("sample: %w", err)
		}
		if len(rows) > 0 {
			return 0, nil
		}
	}
	records, err := sample.Records()
	if err != nil {
		return 0, err
	}
	sinks := map[string]*sink.Sink{}
	for _, r := range records {
		owner, ok := sink.OwnerOf(r.Table())
		if !ok {
			return 0, fmt.Errorf("sample: no sink owns table %q", r.Table())
		}
		s := sinks[owner]
		if s == nil {
			s = NewSink(owner, store)
			sinks[owner] = s
		}
		e := r.Event()
		if res := s.Receive(ctx, e); res.Status >= 300 {
			return 0, fmt.Errorf("sample: event %s of %s answered %d: %s", e.ID(), r.Topic, res.Status, res.Answer.Error)
		}
	}
	return len(records), nil
}
