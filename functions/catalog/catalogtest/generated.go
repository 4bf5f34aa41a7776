package catalogtest

import (
	"fmt"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/storetest"
)

// Generated is a catalog of n published videos over 20 categories, 40 genres
// and 1000 cast members; each video has 2 categories, a genre, 2 cast
// members, a video file and a banner. Each relation costs a store write, so
// that is kept small enough for 100,000 videos to load in minutes.
func Generated(n int) []domain.Entity {
	const categories, genres, cast = 20, 40, 1000
	var entities []domain.Entity
	for i := range categories {
		entities = append(entities, storetest.Category(fmt.Sprintf("c%d", i), fmt.Sprintf("Category %d", i)))
	}
	for i := range genres {
		g := storetest.Genre(fmt.Sprintf("g%d", i), fmt.Sprintf("Genre %d", i))
		g.CategoryIDs = []string{fmt.Sprintf("c%d", i%categories)}
		entities = append(entities, g)
	}
	for i := range cast {
		entities = append(entities, storetest.CastMember(fmt.Sprintf("p%d", i), fmt.Sprintf("Person %d", i)))
	}
	for i := range n {
		id := fmt.Sprintf("v%07d", i)
		v := storetest.Video(id, fmt.Sprintf("Video %07d", i))
		v.YearLaunched = 1950 + i%75
		v.Rating = domain.Ratings[i%len(domain.Ratings)]
		v.CategoryIDs = []string{fmt.Sprintf("c%d", i%categories), fmt.Sprintf("c%d", (i+7)%categories)}
		v.GenreIDs = []string{fmt.Sprintf("g%d", i%genres)}
		v.CastMemberIDs = []string{fmt.Sprintf("p%d", i%cast), fmt.Sprintf("p%d", (i+1)%cast)}
		v.VideoMediaID, v.BannerID = "m"+id, "b"+id
		entities = append(entities, v, storetest.VideoMedia("m"+id), storetest.ImageMedia("b"+id))
	}
	return entities
}
