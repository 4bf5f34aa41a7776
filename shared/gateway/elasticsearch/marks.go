package elasticsearch

import (
	"context"
	"net/url"
	"sync"
	"time"

	"github.com/videocatalog/catalog/shared/domain"
)

// Truncate marks. A truncate at T stores T in a mark document and then runs
// _update_by_query to drop what is older. Scripts cannot read the mark
// document, so every write passes the mark it knows as params.mark. Two races
// are closed:
//
//   - In this process, writes of a kind hold its lock shared from reading the
//     mark until their outcome is known; a truncate holds it exclusively while
//     it publishes the mark. So no write carrying an older mark is in flight
//     once the mark is published, and those that landed before are visible
//     to the _update_by_query that follows (it refreshes first).
//   - Other processes trust the marks they read for at most MarkTTL. A
//     truncate therefore runs its _update_by_query again 2×MarkTTL after
//     publishing, dropping what writes with an expired mark landed meanwhile.
//     The one window left is a write whose request took longer than that to
//     execute after its mark was read.
type marks struct {
	c     *client
	alias string
	ttl   time.Duration

	mu     sync.Mutex
	values map[string]string // mark document id -> position key
	readAt time.Time

	locks map[domain.Kind]*sync.RWMutex
}

func newMarks(c *client, alias string, ttl time.Duration) *marks {
	m := &marks{c: c, alias: alias, ttl: ttl, values: map[string]string{}, locks: map[domain.Kind]*sync.RWMutex{}}
	for _, k := range domain.Kinds {
		m.locks[k] = &sync.RWMutex{}
	}
	return m
}

func rowsMark(kind domain.Kind) string { return "mark:rows:" + string(kind) }

func relationMark(rel domain.Relation) string {
	return "mark:rel:" + string(rel.Parent) + "." + rel.Name
}

// allMarks lists every mark document id.
func allMarks() []string {
	var ids []string
	for _, k := range domain.Kinds {
		ids = append(ids, rowsMark(k))
	}
	for _, r := range domain.Relations {
		ids = append(ids, relationMark(r))
	}
	return ids
}

// enter holds kind's writes open against truncates; call the returned func when the write is answered.
func (m *marks) enter(kind domain.Kind) func() {
	l := m.locks[kind]
	l.RLock()
	return l.RUnlock
}

// get returns the mark id, reading every mark again when the cache expired.
func (m *marks) get(ctx context.Context, id string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if time.Since(m.readAt) >= m.ttl {
		if err := m.load(ctx); err != nil {
			return "", err
		}
	}
	return m.values[id], nil
}

// load reads every mark document (real-time _mget: no refresh needed). Caller holds mu.
func (m *marks) load(ctx context.Context) error {
	var res struct {
		Docs []struct {
			ID     string `json:"_id"`
			Found  bool   `json:"found"`
			Source struct {
				MarkPos string `json:"mark_pos"`
			} `json:"_source"`
		} `json:"docs"`
	}
	q := url.Values{"_source": {fieldMarkPos}}
	if err := m.c.do(ctx, "POST", "/"+m.alias+"/_mget", q, obj{"ids": allMarks()}, &res); err != nil {
		return unavailable("read truncate marks", err)
	}
	for _, d := range res.Docs {
		if d.Found && d.Source.MarkPos > m.values[d.ID] {
			m.values[d.ID] = d.Source.MarkPos
		}
	}
	m.readAt = time.Now()
	return nil
}

// publish moves mark id to at (never back) with the kind's writes held off.
// It does not refresh: the store reads mark documents by real-time _mget
// only (load), the reindex command's copy and catch-up refresh the old index
// before they search it, and the _update_by_query that follows forces its own
// refresh, which sees every write answered before the mark was published.
func (m *marks) publish(ctx context.Context, kind domain.Kind, id, at string) error {
	l := m.locks[kind]
	l.Lock()
	defer l.Unlock()
	body := obj{
		"scripted_upsert": true,
		"upsert":          obj{},
		"script":          obj{"source": scriptMark, "lang": "painless", "params": obj{"id": id, "pos": at}},
	}
	q := url.Values{"retry_on_conflict": {"5"}}
	if err := m.c.do(ctx, "POST", "/"+m.alias+"/_update/"+url.PathEscape(id), q, body, nil); err != nil {
		return unavailable("publish truncate mark "+id, err)
	}
	m.mu.Lock()
	if at > m.values[id] {
		m.values[id] = at
	}
	m.mu.Unlock()
	return nil
}
