package elasticsearch

import (
	"fmt"
	"strconv"
	"strings"
)

// obj keeps request bodies readable.
type obj = map[string]any

// mappingVersion is stamped on the template; bump it with any change below,
// then build a new index version with the reindex command.
const mappingVersion = 1

// names derives everything the store creates from the index prefix. All kinds
// share one index, told apart by the kind field: the catalog is small, one
// index means one template, one alias to swap, one _mget for mixed lookups and
// one shard whose term statistics make scores (and so relevance cursors) stable.
type names struct{ prefix string }

// Alias is what reads and writes address; it points at exactly one index version.
func (n names) Alias() string    { return n.prefix + "-catalog" }
func (n names) Template() string { return n.prefix + "-catalog" }

// Index is version v of the catalog index, e.g. catalog-catalog-v1.
func (n names) Index(v int) string { return fmt.Sprintf("%s-catalog-v%d", n.prefix, v) }

// IndexVersion parses the version of an index name, or 0 if it is not one of ours.
func (n names) IndexVersion(index string) int {
	v, err := strconv.Atoi(strings.TrimPrefix(index, n.prefix+"-catalog-v"))
	if err != nil || !strings.HasPrefix(index, n.prefix+"-catalog-v") || v < 1 {
		return 0
	}
	return v
}

// template is the composable index template (7.8+ and 8.x) every index version
// is created from. It carries no alias: a version being built by the reindex
// command must not be read before the alias is swapped to it.
func (n names) template() obj {
	return obj{
		"index_patterns": []string{n.prefix + "-catalog-v*"},
		"priority":       200,
		"version":        mappingVersion,
		"_meta":          obj{"owner": "videocatalog", "description": "catalog store, see shared/gateway/elasticsearch"},
		"template":       obj{"settings": settings(), "mappings": mappings()},
	}
}

func settings() obj {
	return obj{
		"number_of_shards": 1,
		// One replica when the cluster has a second node, none on a single dev node.
		"auto_expand_replicas": "0-1",
		"analysis": obj{
			"normalizer": obj{
				"sort": obj{"type": "custom", "filter": []string{"lowercase", "asciifolding"}},
			},
			"filter": obj{
				"pt_stem":       obj{"type": "stemmer", "language": "light_portuguese"},
				"en_stem":       obj{"type": "stemmer", "language": "english"},
				"en_possessive": obj{"type": "stemmer", "language": "possessive_english"},
			},
			"analyzer": obj{
				// Stemmers see the accents they expect; folding comes after them.
				"folded":    obj{"tokenizer": "standard", "filter": []string{"lowercase", "asciifolding"}},
				"folded_pt": obj{"tokenizer": "standard", "filter": []string{"lowercase", "pt_stem", "asciifolding"}},
				"folded_en": obj{"tokenizer": "standard", "filter": []string{"lowercase", "en_possessive", "en_stem", "asciifolding"}},
			},
		},
	}
}

func keyword() obj { return obj{"type": "keyword"} }

// text is an accent- and case-folded field with Portuguese and English stems beside it.
func text(extra obj) obj {
	fields := obj{
		"pt": obj{"type": "text", "analyzer": "folded_pt"},
		"en": obj{"type": "text", "analyzer": "folded_en"},
	}
	for k, v := range extra {
		fields[k] = v
	}
	return obj{"type": "text", "analyzer": "folded", "fields": fields}
}

// mappings: the convergence state (row, rels, positions) is kept in _source
// and not indexed; doc holds the searchable copy of a live row and is absent
// when there is none, so every visibility rule is one term on doc.visible.
func mappings() obj {
	return obj{
		"dynamic": "strict",
		"properties": obj{
			fieldKind:      keyword(),
			fieldID:        keyword(),
			fieldRowPos:    keyword(),
			fieldFloor:     keyword(),
			fieldMarkPos:   keyword(),
			fieldRow:       obj{"type": "object", "enabled": false},
			fieldRels:      obj{"type": "object", "enabled": false},
			"categories":   keyword(),
			"genres":       keyword(),
			"cast_members": keyword(),
			fieldDoc: obj{"properties": obj{
				"visible": obj{"type": "boolean"},
				"name": text(obj{
					"sayt": obj{"type": "search_as_you_type", "analyzer": "folded"},
					"sort": obj{"type": "keyword", "normalizer": "sort", "ignore_above": 256},
				}),
				"description":   text(nil),
				"created_at":    obj{"type": "date"},
				"updated_at":    obj{"type": "date"},
				"year_launched": obj{"type": "integer"},
				"duration":      obj{"type": "double"},
				"rating":        keyword(),
				"opened":        obj{"type": "boolean"},
			}},
		},
	}
}

// Field names shared by the mapping, the scripts and the queries.
const (
	fieldKind    = "kind"
	fieldID      = "id"
	fieldRowPos  = "row_pos"
	fieldFloor   = "floor"
	fieldMarkPos = "mark_pos"
	fieldRow     = "row"
	fieldRels    = "rels"
	fieldDoc     = "doc"
)
