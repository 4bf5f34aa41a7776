package embedded

import (
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/videocatalog/catalog/shared/domain"
)

// Index field names. Relation id fields are named after domain.Relation.Name.
const (
	fieldKind     = "kind"
	fieldID       = "id"
	fieldStatus   = "status" // statusVisible, statusHidden or statusAbsent
	fieldState    = "_state" // the document's whole convergence state, stored only
	fieldName     = "name"   // title for videos
	fieldDesc     = "description"
	fieldSortName = "name_sort"
	fieldCreated  = "created_at"
	fieldUpdated  = "updated_at"
	fieldYear     = "year"
	fieldYearTerm = "year_term" // the year as a term, for its facet
	fieldDuration = "duration"
	fieldRating   = "rating"
	fieldOpened   = "opened"
)

const (
	statusVisible = "visible" // a row clients may browse
	statusHidden  = "hidden"  // a row clients may not browse
	statusAbsent  = "absent"  // no row: deleted, truncated, or only relations so far
)

const (
	analyzerText = "folded_text" // words, accent- and case-folded: what search matches
	analyzerSort = "folded_sort" // the whole value folded the same way: what names sort by
)

func newMapping() (mapping.IndexMapping, error) {
	m := bleve.NewIndexMapping()
	for name, tokenizer := range map[string]string{analyzerText: unicode.Name, analyzerSort: single.Name} {
		err := m.AddCustomAnalyzer(name, map[string]any{
			"type":          custom.Name,
			"char_filters":  []string{asciifolding.Name},
			"tokenizer":     tokenizer,
			"token_filters": []string{lowercase.Name},
		})
		if err != nil {
			return nil, err
		}
	}

	doc := bleve.NewDocumentStaticMapping()
	for _, f := range []string{fieldKind, fieldID, fieldStatus, fieldRating, fieldYearTerm,
		domain.VideoCategories.Name, domain.VideoGenres.Name, domain.VideoCastMembers.Name} {
		doc.AddFieldMappingsAt(f, field(bleve.NewKeywordFieldMapping(), keyword.Name))
	}
	doc.AddFieldMappingsAt(fieldName, field(bleve.NewTextFieldMapping(), analyzerText))
	doc.AddFieldMappingsAt(fieldDesc, field(bleve.NewTextFieldMapping(), analyzerText))
	doc.AddFieldMappingsAt(fieldSortName, field(bleve.NewTextFieldMapping(), analyzerSort))
	for _, f := range []string{fieldCreated, fieldUpdated, fieldYear, fieldDuration} {
		doc.AddFieldMappingsAt(f, field(bleve.NewNumericFieldMapping(), ""))
	}
	doc.AddFieldMappingsAt(fieldOpened, field(bleve.NewBooleanFieldMapping(), ""))

	state := bleve.NewTextFieldMapping()
	state.Index, state.DocValues, state.IncludeInAll, state.IncludeTermVectors = false, false, false, false
	doc.AddFieldMappingsAt(fieldState, state)

	m.DefaultMapping = doc
	m.DefaultAnalyzer = keyword.Name
	return m, nil
}

// field indexes without storing: documents are read back from fieldState alone.
func field(f *mapping.FieldMapping, analyzer string) *mapping.FieldMapping {
	f.Analyzer = analyzer
	f.Store = false
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	return f
}

// fields renders a document for the index: identity and state always, the
// searchable and sortable values only when it has a row.
func fields(st *state) (map[string]any, error) {
	raw, err := st.encode()
	if err != nil {
		return nil, err
	}
	f := map[string]any{fieldKind: string(st.Kind), fieldID: st.ID, fieldState: string(raw), fieldStatus: statusAbsent}
	if st.Row == nil {
		return f, nil
	}
	rels := st.relationIDs()
	e, err := st.decode(rels)
	if err != nil {
		return f, err
	}
	f[fieldStatus] = statusHidden
	if e.Visible() {
		f[fieldStatus] = statusVisible
	}
	for name, ids := range rels {
		f[name] = ids
	}
	name, ts := domain.Listing(e)
	if v, ok := e.(domain.Video); ok {
		f[fieldDesc] = v.Description
		f[fieldYear] = float64(v.YearLaunched)
		f[fieldDuration] = v.Duration
		f[fieldOpened] = v.Opened
		if v.YearLaunched != 0 {
			f[fieldYearTerm] = strconv.Itoa(v.YearLaunched)
		}
		if v.Rating != "" {
			f[fieldRating] = string(v.Rating)
		}
	}
	f[fieldName] = name
	f[fieldSortName] = name
	// Microseconds stay exact in a float64 for any realistic date.
	f[fieldCreated] = float64(ts.CreatedAt.UnixMicro())
	f[fieldUpdated] = float64(ts.UpdatedAt.UnixMicro())
	return f, nil
}
