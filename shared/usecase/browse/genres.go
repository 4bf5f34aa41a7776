package browse

import (
	"context"
	"fmt"

	"github.com/videocatalog/catalog/shared/domain"
)

// GenreBatch resolves the categories of a set of genres in one store round
// trip, made on first use. It is safe for concurrent use.
type GenreBatch struct {
	svc        *Service
	genres     func(context.Context) ([]domain.Genre, error)
	categories lazy[map[string]domain.Category]
}

// GenreBatch returns a batch over genres, typically one page.
func (s *Service) GenreBatch(genres []domain.Genre) *GenreBatch {
	return &GenreBatch{svc: s, genres: func(context.Context) ([]domain.Genre, error) { return genres, nil }}
}

// Categories returns the visible categories of g, one of the batch's genres.
func (b *GenreBatch) Categories(ctx context.Context, g domain.Genre) ([]domain.Category, error) {
	found, err := b.categories.get(ctx, func(ctx context.Context) (map[string]domain.Category, error) {
		genres, err := b.genres(ctx)
		if err != nil {
			return nil, err
		}
		var ids []string
		for _, g := range genres {
			ids = append(ids, g.CategoryIDs...)
		}
		found, err := byID(ctx, ids, b.svc.reader.Categories, domain.Category.EntityID)
		if err != nil {
			return nil, fmt.Errorf("browse: categories of genres: %w", err)
		}
		return found, nil
	})
	return pick(found, g.CategoryIDs), err
}
