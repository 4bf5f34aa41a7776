package elasticsearch

import (
	"crypto/sha256"
	"encoding/hex"
)

// The painless scripts that enforce domain.ChangeStore's rules inside
// Elasticsearch: a change is a scripted upsert that reads the document's
// stored positions and either rewrites it or sets ctx.op = 'noop' (Stale), in
// one atomic step per document. An insert first tries a plain create instead
// (write.go): it succeeds only where there is no document at all, where
// scriptRow would write that same document, and gives way to the upsert
// otherwise. Positions are domain.Position keys, whose string order is the
// binlog order, so compareTo decides. A truncate mark lives in its own
// document, which a script cannot read: writes carry it as params.mark (see
// marks.go for how a racing truncate is closed).
//
// Document _source: kind, id; row_pos (last row change, write or delete); row
// (the entity JSON, null when deleted or truncated); floor (last delete: older
// relation changes are refused); rels {name: {child: {p: pos, x: present}}},
// entries kept when removed so an older add stays refused; one array of the
// present child ids per relation name (for filters and facets); doc (the
// searchable copy of a live row, absent otherwise).

// presentFn lists the present child ids of a relation's entries, sorted.
const presentFn = `
List present(Map entries) {
  List ids = new ArrayList();
  for (def e : entries.entrySet()) { if (e.getValue().x) { ids.add(e.getKey()); } }
  Collections.sort(ids);
  return ids;
}
`

// scriptRow applies a row write (params.row, params.doc) or delete (both null)
// at params.pos unless it is not after the row's position and the kind's
// truncate mark. A delete is a marker: row null, row_pos and floor kept, and
// it drops the relation entries not after it, as the database cascades them.
const scriptRow = presentFn + `
def s = ctx._source;
if (params.pos.compareTo(params.mark) <= 0 || (s.row_pos != null && params.pos.compareTo(s.row_pos) <= 0)) {
  ctx.op = 'noop';
  return;
}
s.kind = params.kind;
s.id = params.id;
s.row_pos = params.pos;
s.row = params.row;
s.doc = params.doc;
if (params.row == null) {
  s.floor = params.pos;
  if (s.rels != null) {
    for (def name : s.rels.keySet()) {
      Map entries = s.rels[name];
      entries.values().removeIf(e -> e.p.compareTo(params.pos) <= 0);
      s[name] = present(entries);
    }
    s.rels.values().removeIf(m -> m.isEmpty());
  }
}
`

// scriptRelation sets the entry of (params.name, params.child) unless it is not
// after the entry, the parent's last delete and the relation's truncate mark.
// It works before the parent row arrives: the document then has no row.
const scriptRelation = presentFn + `
def s = ctx._source;
if (params.pos.compareTo(params.mark) <= 0 || (s.floor != null && params.pos.compareTo(s.floor) <= 0)) {
  ctx.op = 'noop';
  return;
}
if (s.rels == null) { s.rels = new HashMap(); }
Map entries = s.rels[params.name];
if (entries == null) { entries = new HashMap(); s.rels[params.name] = entries; }
def old = entries[params.child];
if (old != null && params.pos.compareTo(old.p) <= 0) {
  ctx.op = 'noop';
  return;
}
entries[params.child] = ['p': params.pos, 'x': params.present];
s.kind = params.kind;
s.id = params.id;
s[params.name] = present(entries);
`

// scriptTruncateRows drops the row when it is not after params.pos (run by
// _update_by_query; the position check repeats the query's in case the
// document moved on since it was matched).
const scriptTruncateRows = `
def s = ctx._source;
if (s.row == null || s.row_pos.compareTo(params.pos) > 0) {
  ctx.op = 'noop';
  return;
}
s.row = null;
s.doc = null;
`

// scriptTruncateRelation drops the entries of relation params.name not after params.pos.
const scriptTruncateRelation = presentFn + `
def s = ctx._source;
Map entries = s.rels == null ? null : s.rels[params.name];
if (entries == null || !entries.values().removeIf(e -> e.p.compareTo(params.pos) <= 0)) {
  ctx.op = 'noop';
  return;
}
if (entries.isEmpty()) { s.rels.remove(params.name); }
s[params.name] = present(entries);
`

// scriptMark moves a truncate mark forward, never back.
const scriptMark = `
def s = ctx._source;
if (s.mark_pos != null && params.pos.compareTo(s.mark_pos) <= 0) {
  ctx.op = 'noop';
  return;
}
s.kind = 'mark';
s.id = params.id;
s.mark_pos = params.pos;
`

// storedScripts are the hot-path scripts, stored in the cluster so that a
// _bulk item names one by id instead of carrying its source. Ids are derived
// from the source: the same id always means the same script, so every index
// prefix and store version can share them without clashing.
var (
	rowScriptID      = scriptID("row", scriptRow)
	relationScriptID = scriptID("relation", scriptRelation)

	storedScripts = map[string]string{
		rowScriptID:      scriptRow,
		relationScriptID: scriptRelation,
	}
)

func scriptID(name, source string) string {
	sum := sha256.Sum256([]byte(source))
	return "videocatalog-" + name + "-" + hex.EncodeToString(sum[:6])
}

// scriptMerge merges params.src, a document of an older index version, into
// this one by the same rules: the newer row, the later floor and, per child,
// the newer relation entry. It is commutative and idempotent, so the reindex
// command can replay the old index after the alias swap to bring over
// the writes that reached it while _reindex was copying.
const scriptMerge = presentFn + `
def s = ctx._source;
def o = params.src;
s.kind = o.kind;
s.id = o.id;
if (o.kind == 'mark') {
  if (s.mark_pos == null || o.mark_pos.compareTo(s.mark_pos) > 0) { s.mark_pos = o.mark_pos; }
  return;
}
if (o.row_pos != null && (s.row_pos == null || o.row_pos.compareTo(s.row_pos) > 0)) {
  s.row_pos = o.row_pos;
  s.row = o.row;
  s.doc = o.doc;
}
if (o.floor != null && (s.floor == null || o.floor.compareTo(s.floor) > 0)) { s.floor = o.floor; }
if (o.rels != null) {
  if (s.rels == null) { s.rels = new HashMap(); }
  for (def name : o.rels.keySet()) {
    Map entries = s.rels.computeIfAbsent(name, k -> new HashMap());
    for (def e : o.rels[name].entrySet()) {
      def cur = entries[e.getKey()];
      if (cur == null || e.getValue().p.compareTo(cur.p) > 0) { entries[e.getKey()] = e.getValue(); }
    }
  }
}
if (s.rels != null) {
  for (def name : s.rels.keySet()) {
    Map entries = s.rels[name];
    if (s.floor != null) { entries.values().removeIf(e -> e.p.compareTo(s.floor) <= 0); }
    s[name] = present(entries);
  }
  s.rels.values().removeIf(m -> m.isEmpty());
}
`
