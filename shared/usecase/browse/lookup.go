package browse

import (
	"context"
	"sync"
)

// byID looks ids up in one round trip and indexes what the store returned,
// which is only what clients may see. No ids, no round trip.
func byID[T any](ctx context.Context, ids []string,
	lookup func(context.Context, []string) ([]T, error), idOf func(T) string) (map[string]T, error) {
	ids = unique(ids)
	found := make(map[string]T, len(ids))
	if len(ids) == 0 {
		return found, nil
	}
	items, err := lookup(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, item := range items {
		found[idOf(item)] = item
	}
	return found, nil
}

// pick returns the entities of ids that were found, in the order of ids.
func pick[T any](found map[string]T, ids []string) []T {
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		if item, ok := found[id]; ok {
			out = append(out, item)
		}
	}
	return out
}

func unique(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// lazy is a value loaded once, on first use, by whichever caller comes first;
// concurrent callers wait for that load and share its result.
type lazy[T any] struct {
	once sync.Once
	v    T
	err  error
}

func (l *lazy[T]) get(ctx context.Context, load func(context.Context) (T, error)) (T, error) {
	l.once.Do(func() { l.v, l.err = load(ctx) })
	return l.v, l.err
}
