package elasticsearch

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/videocatalog/catalog/shared/domain"
)

// Admin runs the index-version operations of the reindex command on the
// indices of one prefix.
type Admin struct{ store *Store }

// OpenAdmin opens the store of cfg (installing scripts and template) for administration.
func OpenAdmin(ctx context.Context, cfg Config) (*Admin, error) {
	s, err := Open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return &Admin{store: s}, nil
}

// Close closes the underlying store.
func (a *Admin) Close() error { return a.store.Close() }

// Alias is the name reads and writes address.
func (a *Admin) Alias() string { return a.store.names.Alias() }

// Current returns the index the alias points at and its version.
func (a *Admin) Current(ctx context.Context) (string, int, error) {
	var res map[string]any
	if err := a.store.c.do(ctx, "GET", "/_alias/"+a.Alias(), nil, nil, &res); err != nil {
		return "", 0, unavailable("read alias "+a.Alias(), err)
	}
	if len(res) != 1 {
		return "", 0, fmt.Errorf("alias %s points at %d indices, want 1", a.Alias(), len(res))
	}
	for index := range res {
		if v := a.store.names.IndexVersion(index); v > 0 {
			return index, v, nil
		}
		return "", 0, fmt.Errorf("alias %s points at %s, not a version of ours", a.Alias(), index)
	}
	panic("unreachable")
}

// CreateVersion creates index version v from the template (no alias yet).
func (a *Admin) CreateVersion(ctx context.Context, v int) (string, error) {
	index := a.store.names.Index(v)
	if err := a.store.c.do(ctx, "PUT", "/"+index, nil, nil, nil); err != nil {
		return "", unavailable("create index "+index, err)
	}
	return index, nil
}

// StartCopy starts a _reindex task from one index to another and returns its id.
func (a *Admin) StartCopy(ctx context.Context, from, to string) (string, error) {
	var res struct {
		Task string `json:"task"`
	}
	// Writes are not refreshed when answered (refresh.go): make every write
	// that landed so far visible to the copy's scroll.
	if err := a.store.c.do(ctx, "POST", "/"+from+"/_refresh", nil, nil, nil); err != nil {
		return "", unavailable("refresh "+from, err)
	}
	q := url.Values{"wait_for_completion": {"false"}, "refresh": {"true"}}
	body := obj{"source": obj{"index": from, "size": 1000}, "dest": obj{"index": to}}
	if err := a.store.c.do(ctx, "POST", "/_reindex", q, body, &res); err != nil {
		return "", unavailable("start _reindex", err)
	}
	return res.Task, nil
}

// TaskStatus is the progress of a _reindex task.
type TaskStatus struct {
	Completed   bool
	Total, Done int
	Failures    []json.RawMessage
	Error       json.RawMessage
}

// Task reads the progress of task id.
func (a *Admin) Task(ctx context.Context, id string) (TaskStatus, error) {
	var res struct {
		Completed bool `json:"completed"`
		Task      struct {
			Status struct {
				Total   int `json:"total"`
				Created int `json:"created"`
				Updated int `json:"updated"`
			} `json:"status"`
		} `json:"task"`
		Response struct {
			Failures []json.RawMessage `json:"failures"`
		} `json:"response"`
		Error json.RawMessage `json:"error"`
	}
	if err := a.store.c.do(ctx, "GET", "/_tasks/"+id, nil, nil, &res); err != nil {
		return TaskStatus{}, unavailable("read task "+id, err)
	}
	st := res.Task.Status
	return TaskStatus{
		Completed: res.Completed, Total: st.Total, Done: st.Created + st.Updated,
		Failures: res.Response.Failures, Error: res.Error,
	}, nil
}

// SwapAlias moves the alias from one index to the other in one atomic
// _aliases call: every request sees exactly one of them.
func (a *Admin) SwapAlias(ctx context.Context, from, to string) error {
	body := obj{"actions": []obj{
		{"remove": obj{"index": from, "alias": a.Alias()}},
		{"add": obj{"index": to, "alias": a.Alias()}},
	}}
	if err := a.store.c.do(ctx, "POST", "/_aliases", nil, body, nil); err != nil {
		return unavailable("swap alias", err)
	}
	return nil
}

// CatchUp merges every document of the old index into the one the alias now
// points at (scriptMerge), then applies every truncate mark again: writes
// that reached the old index while it was being copied are not lost, and
// none overrides a newer one. progress is called after each page.
func (a *Admin) CatchUp(ctx context.Context, from string, progress func(done int)) error {
	// The writes that reached the old index before the swap, searchable.
	if err := a.store.c.do(ctx, "POST", "/"+from+"/_refresh", nil, nil, nil); err != nil {
		return unavailable("refresh "+from, err)
	}
	body := obj{"size": 500, "sort": []obj{{fieldKind: "asc"}, {fieldID: "asc"}}}
	done := 0
	for {
		var res struct {
			Hits struct {
				Hits []struct {
					ID     string            `json:"_id"`
					Source json.RawMessage   `json:"_source"`
					Sort   []json.RawMessage `json:"sort"`
				} `json:"hits"`
			} `json:"hits"`
		}
		if err := a.store.c.do(ctx, "POST", "/"+from+"/_search", nil, body, &res); err != nil {
			return unavailable("read "+from, err)
		}
		hits := res.Hits.Hits
		if len(hits) == 0 {
			break
		}
		var bulk strings.Builder
		for _, h := range hits {
			action, _ := json.Marshal(obj{"update": obj{"_id": h.ID, "retry_on_conflict": 10}})
			item, _ := json.Marshal(obj{"scripted_upsert": true, "upsert": obj{},
				"script": obj{"source": scriptMerge, "lang": "painless", "params": obj{"src": h.Source}}})
			bulk.Write(action)
			bulk.WriteByte('\n')
			bulk.Write(item)
			bulk.WriteByte('\n')
		}
		var out struct {
			Errors bool `json:"errors"`
		}
		if err := a.store.c.do(ctx, "POST", "/"+a.Alias()+"/_bulk", url.Values{"refresh": {"true"}}, []byte(bulk.String()), &out); err != nil {
			return unavailable("merge into "+a.Alias(), err)
		}
		if out.Errors {
			return fmt.Errorf("merge into %s: some documents failed", a.Alias())
		}
		done += len(hits)
		progress(done)
		body["search_after"] = hits[len(hits)-1].Sort
	}
	return a.reapplyTruncates(ctx)
}

// reapplyTruncates runs the truncate of every mark again on the current index.
func (a *Admin) reapplyTruncates(ctx context.Context) error {
	m := a.store.marks
	m.mu.Lock()
	err := m.load(ctx)
	values := map[string]string{}
	for k, v := range m.values {
		values[k] = v
	}
	m.mu.Unlock()
	if err != nil {
		return err
	}
	for _, k := range domain.Kinds {
		if at := values[rowsMark(k)]; at != "" {
			if err := a.store.truncateRows(ctx, k, at); err != nil {
				return err
			}
		}
	}
	for _, r := range domain.Relations {
		if at := values[relationMark(r)]; at != "" {
			if err := a.store.truncateRelation(ctx, r, at); err != nil {
				return err
			}
		}
	}
	return nil
}

// DeleteIndex deletes an index version the alias no longer points at.
func (a *Admin) DeleteIndex(ctx context.Context, index string) error {
	if current, _, err := a.Current(ctx); err != nil || current == index {
		return fmt.Errorf("refusing to delete %s: the alias points at it or cannot be read (%v)", index, err)
	}
	if err := a.store.c.do(ctx, "DELETE", "/"+index, nil, nil, nil); err != nil {
		return unavailable("delete "+index, err)
	}
	return nil
}
