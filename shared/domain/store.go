package domain

import "context"

// Relation is an id set kept on a parent document and maintained from a join
// table alone: admins do not reliably touch the parent row when a join row changes.
type Relation struct {
	Parent Kind
	Name   string // field name on the parent: "categories", "genres", "cast_members"
	Child  Kind
}

var (
	GenreCategories  = Relation{Parent: KindGenre, Name: "categories", Child: KindCategory}
	VideoCategories  = Relation{Parent: KindVideo, Name: "categories", Child: KindCategory}
	VideoGenres      = Relation{Parent: KindVideo, Name: "genres", Child: KindGenre}
	VideoCastMembers = Relation{Parent: KindVideo, Name: "cast_members", Child: KindCastMember}
)

// Relations lists every Relation.
var Relations = []Relation{GenreCategories, VideoCategories, VideoGenres, VideoCastMembers}

// RowChange is the state of one admin row after a change at Position.
type RowChange struct {
	Kind     Kind
	ID       string
	Position Position
	// Entity is the row after the change, or nil when the row was deleted.
	Entity Entity
	// Insert says the database inserted the row or a snapshot read it, so the
	// store most likely holds nothing for it yet. It is a hint a store may use
	// to try a cheaper write first; it never changes the outcome.
	Insert bool
}

// RelationChange says that the join row (ParentID, ChildID) exists or not after a change at Position.
type RelationChange struct {
	Relation Relation
	ParentID string
	ChildID  string
	Position Position
	Present  bool
}

// Outcome says what a store did with a change.
type Outcome int

const (
	// Applied: the change was newer than what the store held and is now its state.
	Applied Outcome = iota
	// Stale: the store already held a newer (or the same) state; nothing changed.
	Stale
)

func (o Outcome) String() string {
	if o == Stale {
		return "stale"
	}
	return "applied"
}

// ChangeStore keeps the catalog converged with the admin database whatever the
// order and number of deliveries. Every method is idempotent, and a change older
// than what the store holds is Stale. The rules, which every adapter enforces
// atomically per document:
//   - a row change applies when its Position is after the row's stored Position
//     and after its kind's truncate Position; a delete is kept as a versioned
//     marker, so an older write arriving any time later stays Stale;
//   - a row delete at P also drops the parent's relation entries older than P and
//     refuses relation changes older than P (the database cascades join rows
//     without emitting their changes);
//   - a relation change applies per (parent, child) pair by the same Position rule,
//     and works whether or not the parent row has arrived yet;
//   - a truncate at P removes every row (or relation entry) older than P and
//     refuses changes older than P from then on.
//
// Errors wrap ErrUnavailable when the store cannot be reached (retry later) and
// ErrInvalid when the change can never be stored.
type ChangeStore interface {
	ApplyRow(ctx context.Context, c RowChange) (Outcome, error)
	ApplyRelation(ctx context.Context, c RelationChange) (Outcome, error)
	TruncateRows(ctx context.Context, kind Kind, at Position) error
	TruncateRelation(ctx context.Context, rel Relation, at Position) error
}

// SortField names what a list is ordered by.
type SortField string

const (
	// SortRelevance orders by search score; without a search it falls back to the kind's default.
	SortRelevance    SortField = ""
	SortName         SortField = "name" // title for videos
	SortCreatedAt    SortField = "created_at"
	SortUpdatedAt    SortField = "updated_at"
	SortYearLaunched SortField = "year_launched" // videos only
	SortDuration     SortField = "duration"      // videos only
)

// Sort is an order. Ties are always broken by id, ascending, so that cursors are stable.
type Sort struct {
	Field SortField
	Desc  bool
}

// ListQuery selects one page of a list.
type ListQuery struct {
	// Search is full text: accent- and case-insensitive, prefix-matching, tolerant of one typo.
	Search string
	Sort   Sort
	// Limit is the page size (the use cases bound it).
	Limit int
	// Offset skips items, for page pagination. Not combined with After.
	Offset int
	// After is the cursor of the last item of the previous page, as the store returned it.
	After string
}

// VideoFilter narrows a video list. Id lists match any of their ids; nil fields do not filter.
type VideoFilter struct {
	CategoryIDs   []string
	GenreIDs      []string
	CastMemberIDs []string
	Ratings       []Rating
	YearLaunched  *int
	YearFrom      *int
	YearTo        *int
	Opened        *bool
}

// VideoQuery is a ListQuery over videos with filters and, on request, facets.
type VideoQuery struct {
	ListQuery
	Filter VideoFilter
	Facets bool
}

// Page is one page of a list.
type Page[T any] struct {
	Items []T
	// Cursors[i] is the cursor to pass as After to continue after Items[i].
	Cursors []string
	// Total counts every item of the list, across pages.
	Total int
	// HasNext reports whether items follow the last one of this page.
	HasNext bool
}

// FacetCount is how many videos of a query share a value.
type FacetCount struct {
	Value string
	Count int
}

// Facets counts the videos of a query (search and filter, not pagination) by value,
// most frequent first, ties by value.
type Facets struct {
	Categories []FacetCount
	Genres     []FacetCount
	Ratings    []FacetCount
	Years      []FacetCount
}

// VideoPage is a page of videos with the facets of the whole query.
type VideoPage struct {
	Page[Video]
	Facets *Facets // nil unless asked for
}

// CatalogReader serves what clients may browse: published videos, active and
// not soft-deleted categories and genres, every cast member and media. Batch
// lookups return the visible entities among ids, in any order, in one round trip.
// Relation ids on the returned entities are as stored; callers resolve them with
// the batch lookups, which drop what is not visible.
type CatalogReader interface {
	Categories(ctx context.Context, ids []string) ([]Category, error)
	Genres(ctx context.Context, ids []string) ([]Genre, error)
	CastMembers(ctx context.Context, ids []string) ([]CastMember, error)
	Videos(ctx context.Context, ids []string) ([]Video, error)
	VideoMedia(ctx context.Context, ids []string) ([]VideoMedia, error)
	ImageMedia(ctx context.Context, ids []string) ([]ImageMedia, error)

	ListCategories(ctx context.Context, q ListQuery) (Page[Category], error)
	ListGenres(ctx context.Context, q ListQuery) (Page[Genre], error)
	ListCastMembers(ctx context.Context, q ListQuery) (Page[CastMember], error)
	ListVideos(ctx context.Context, q VideoQuery) (VideoPage, error)
}

// RowLister reads back every row a store holds, visible or not, with relation ids
// filled: for consistency checks, reindexing and tests, not for serving clients.
type RowLister interface {
	Rows(ctx context.Context, kind Kind) ([]Entity, error)
}

// Store is a complete catalog store adapter.
type Store interface {
	ChangeStore
	CatalogReader
	RowLister
	Close() error
}
