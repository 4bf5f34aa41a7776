package resolver

import (
	"github.com/videocatalog/catalog/functions/catalog/graphql/model"
	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/usecase/browse"
)

func pageInfo[T any](p domain.Page[T]) *model.PageInfo {
	info := &model.PageInfo{HasNextPage: p.HasNext}
	if n := len(p.Cursors); n > 0 {
		info.EndCursor = &p.Cursors[n-1]
	}
	return info
}

// edges pairs each node with the cursor of its item.
func edges[N, E any](nodes []N, cursors []string, edge func(string, *N) E) []E {
	out := make([]E, len(nodes))
	for i := range nodes {
		out[i] = edge(cursors[i], &nodes[i])
	}
	return out
}

func categoryConnection(p domain.Page[domain.Category]) *model.CategoryConnection {
	return &model.CategoryConnection{
		TotalCount: p.Total, PageInfo: pageInfo(p), Nodes: p.Items,
		Edges: edges(p.Items, p.Cursors, func(c string, n *domain.Category) model.CategoryEdge {
			return model.CategoryEdge{Cursor: c, Node: n}
		}),
	}
}

func castMemberConnection(p domain.Page[domain.CastMember]) *model.CastMemberConnection {
	return &model.CastMemberConnection{
		TotalCount: p.Total, PageInfo: pageInfo(p), Nodes: p.Items,
		Edges: edges(p.Items, p.Cursors, func(c string, n *domain.CastMember) model.CastMemberEdge {
			return model.CastMemberEdge{Cursor: c, Node: n}
		}),
	}
}

func genreConnection(p domain.Page[domain.Genre], batch *browse.GenreBatch) *model.GenreConnection {
	nodes := genres(p.Items, batch)
	return &model.GenreConnection{
		TotalCount: p.Total, PageInfo: pageInfo(p), Nodes: nodes,
		Edges: edges(nodes, p.Cursors, func(c string, n *model.Genre) model.GenreEdge {
			return model.GenreEdge{Cursor: c, Node: n}
		}),
	}
}

func videoConnection(l browse.VideoList, svc *browse.Service) *model.VideoConnection {
	batch := svc.VideoBatch(l.Items)
	nodes := make([]model.Video, len(l.Items))
	for i, v := range l.Items {
		nodes[i] = model.Video{Video: v, Batch: batch}
	}
	return &model.VideoConnection{
		TotalCount: l.Total, PageInfo: pageInfo(l.Page), Nodes: nodes, Facets: facets(l.Facets, svc),
		Edges: edges(nodes, l.Cursors, func(c string, n *model.Video) model.VideoEdge {
			return model.VideoEdge{Cursor: c, Node: n}
		}),
	}
}

func genres(items []domain.Genre, batch *browse.GenreBatch) []model.Genre {
	out := make([]model.Genre, len(items))
	for i, g := range items {
		out[i] = model.Genre{Genre: g, Batch: batch}
	}
	return out
}

func facets(f *browse.Facets, svc *browse.Service) *model.VideoFacets {
	if f == nil {
		return nil
	}
	out := &model.VideoFacets{}
	for _, c := range f.Categories {
		out.Categories = append(out.Categories, model.CategoryFacet{Category: &c.Category, Count: c.Count})
	}
	facetGenres := make([]domain.Genre, len(f.Genres))
	for i, g := range f.Genres {
		facetGenres[i] = g.Genre
	}
	for i, g := range genres(facetGenres, svc.GenreBatch(facetGenres)) {
		out.Genres = append(out.Genres, model.GenreFacet{Genre: &g, Count: f.Genres[i].Count})
	}
	for _, r := range f.Ratings {
		if rating, ok := model.RatingOf(r.Rating); ok {
			out.Ratings = append(out.Ratings, model.RatingFacet{Rating: rating, Count: r.Count})
		}
	}
	for _, y := range f.Years {
		out.Years = append(out.Years, model.YearFacet{Year: y.Year, Count: y.Count})
	}
	return out
}
