package catalogtest

import (
	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/storetest"
)

// Small is a catalog of 8 published videos (v01 to v08, titles in alphabetical
// order), one draft, and something of every kind clients must not see: an
// inactive and a deleted category, an inactive genre, relations to all three
// and to ids that exist nowhere.
func Small() []domain.Entity {
	deleted := storetest.At(100)
	cat := func(id, name string, hour int) domain.Category {
		c := storetest.Category(id, name)
		c.CreatedAt, c.UpdatedAt = storetest.At(hour), storetest.At(hour)
		return c
	}
	genre := func(id, name string, categories ...string) domain.Genre {
		g := storetest.Genre(id, name)
		g.CategoryIDs = categories
		return g
	}
	offCat, goneCat := cat("cat-off", "Off Air", 4), cat("cat-gone", "Gone", 5)
	offCat.Active, goneCat.DeletedAt = false, &deleted
	offGenre := genre("gen-off", "Retired")
	offGenre.Active = false
	director := storetest.CastMember("cm-bruno", "Bruno Lima")
	director.Type = domain.Director

	entities := []domain.Entity{
		cat("cat-films", "Films", 1), cat("cat-docs", "Documentaries", 2), cat("cat-kids", "Kids", 3), offCat, goneCat,
		genre("gen-drama", "Drama", "cat-films", "cat-off", "cat-nowhere"),
		genre("gen-comedy", "Comedy", "cat-docs"),
		genre("gen-action", "Action", "cat-films", "cat-kids"),
		offGenre,
		storetest.CastMember("cm-ana", "Ana Souza"), director, storetest.CastMember("cm-carla", "Carla Dias"),
		storetest.VideoMedia("vm01"), storetest.VideoMedia("tr01"),
		domain.VideoMedia{ID: "vm02", Name: "file vm02", FilePath: "/in/vm02", Status: domain.MediaProcessing},
		storetest.ImageMedia("img01"), storetest.ImageMedia("img02"),
	}
	for _, v := range smallVideos() {
		entities = append(entities, v)
	}
	return entities
}

func smallVideos() []domain.Video {
	video := func(n int, title string, year int, rating domain.Rating, duration float64) domain.Video {
		v := storetest.Video(storetest.ID("v", n), title)
		v.YearLaunched, v.Rating, v.Duration = year, rating, duration
		v.Description = "About " + title
		v.CreatedAt = storetest.At(10 + n)
		v.UpdatedAt = storetest.At(100 - n) // updated in the reverse order of creation
		return v
	}
	v1 := video(1, "Amazing Journey", 2001, "L", 95.5)
	v1.CategoryIDs = []string{"cat-films", "cat-off", "cat-gone", "cat-nowhere"}
	v1.GenreIDs = []string{"gen-drama", "gen-off"}
	v1.CastMemberIDs = []string{"cm-bruno", "cm-ana", "cm-nobody"}
	v1.VideoMediaID, v1.TrailerMediaID = "vm01", "tr01"
	v1.BannerID, v1.ThumbnailID, v1.ThumbnailHalfID = "img01", "img02", "img-nowhere"

	v2 := video(2, "Brave Hearts", 2010, "12", 120)
	v2.CategoryIDs, v2.GenreIDs, v2.CastMemberIDs = []string{"cat-docs"}, []string{"gen-comedy"}, []string{"cm-carla"}
	v2.VideoMediaID = "vm02"

	v3 := video(3, "City Lights", 2010, "12", 80)
	v3.CategoryIDs, v3.GenreIDs, v3.CastMemberIDs = []string{"cat-films", "cat-kids"}, []string{"gen-action"}, []string{"cm-ana"}

	v4 := video(4, "Deep Ocean", 2015, "14", 60)
	v4.Opened = false
	v4.CategoryIDs, v4.GenreIDs = []string{"cat-docs"}, []string{"gen-comedy", "gen-action"}

	v5 := video(5, "Échos du passé", 2020, "18", 110)
	v5.CategoryIDs, v5.GenreIDs, v5.CastMemberIDs = []string{"cat-films"}, []string{"gen-drama"}, []string{"cm-ana", "cm-carla"}

	v6 := video(6, "Frozen Lake", 2020, "10", 75)
	v6.CategoryIDs = []string{"cat-kids"}

	v7 := video(7, "Green Valley", 1999, "ER", 45)
	v7.CategoryIDs = []string{"cat-kids", "cat-off"}

	v8 := video(8, "Hidden Shore", 2005, "16", 100)
	v8.Opened = false

	draft := video(9, "Secret Draft", 2021, "L", 10)
	draft.Published = false
	draft.CategoryIDs = []string{"cat-films"}
	return []domain.Video{v1, v2, v3, v4, v5, v6, v7, v8, draft}
}
