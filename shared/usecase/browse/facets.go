package browse

import (
	"context"
	"fmt"
	"strconv"

	"github.com/videocatalog/catalog/shared/domain"
)

// Facets counts the videos of a query, not just its page, most frequent first.
type Facets struct {
	Categories []CategoryFacet
	Genres     []GenreFacet
	Ratings    []RatingFacet
	Years      []YearFacet
}

type CategoryFacet struct {
	Category domain.Category
	Count    int
}

type GenreFacet struct {
	Genre domain.Genre
	Count int
}

type RatingFacet struct {
	Rating domain.Rating
	Count  int
}

type YearFacet struct {
	Year  int
	Count int
}

// resolveFacets turns the store's id counts into entities, dropping the ids of
// categories and genres clients may not see: one lookup per kind.
func (s *Service) resolveFacets(ctx context.Context, f domain.Facets) (*Facets, error) {
	categories, err := byID(ctx, facetValues(f.Categories), s.reader.Categories, domain.Category.EntityID)
	if err != nil {
		return nil, fmt.Errorf("browse: facet categories: %w", err)
	}
	genres, err := byID(ctx, facetValues(f.Genres), s.reader.Genres, domain.Genre.EntityID)
	if err != nil {
		return nil, fmt.Errorf("browse: facet genres: %w", err)
	}
	out := &Facets{}
	for _, c := range f.Categories {
		if cat, ok := categories[c.Value]; ok {
			out.Categories = append(out.Categories, CategoryFacet{Category: cat, Count: c.Count})
		}
	}
	for _, c := range f.Genres {
		if g, ok := genres[c.Value]; ok {
			out.Genres = append(out.Genres, GenreFacet{Genre: g, Count: c.Count})
		}
	}
	for _, c := range f.Ratings {
		out.Ratings = append(out.Ratings, RatingFacet{Rating: domain.Rating(c.Value), Count: c.Count})
	}
	for _, c := range f.Years {
		if year, err := strconv.Atoi(c.Value); err == nil {
			out.Years = append(out.Years, YearFacet{Year: year, Count: c.Count})
		}
	}
	return out, nil
}

func facetValues(counts []domain.FacetCount) []string {
	values := make([]string, len(counts))
	for i, c := range counts {
		values[i] = c.Value
	}
	return values
}
