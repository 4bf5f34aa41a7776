package rest

import (
	"net/http"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/usecase/browse"
)

func (h *handler) listVideos(w http.ResponseWriter, r *http.Request, q query) error {
	var p browse.VideoParams
	var pg page
	var err error
	if p.ListParams, pg, err = q.list(sortVideos); err != nil {
		return err
	}
	if p.Filter, err = q.videoFilter(); err != nil {
		return err
	}
	if facets := q.boolean("facets", &err); facets != nil {
		p.Facets = *facets
	}
	if err != nil {
		return err
	}
	list, err := h.svc.ListVideos(r.Context(), p)
	if err != nil {
		return err
	}
	rel, err := h.svc.ResolveVideos(r.Context(), list.Items)
	if err != nil {
		return err
	}
	data := make([]videoView, len(list.Items))
	for i, v := range list.Items {
		data[i] = videoOf(v, rel[v.ID])
	}
	writeJSON(w, listDocument[videoView, videoListMeta]{Data: data,
		Meta: videoListMeta{listMeta: metaOf(list.Page, pg), Facets: facetsOf(list.Facets)}})
	return nil
}

func (h *handler) getVideo(w http.ResponseWriter, r *http.Request, _ query) error {
	v, err := h.svc.Video(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	rel, err := h.svc.ResolveVideos(r.Context(), []domain.Video{v})
	if err != nil {
		return err
	}
	writeJSON(w, document[videoView]{Data: videoOf(v, rel[v.ID])})
	return nil
}

func (h *handler) getPlayback(w http.ResponseWriter, r *http.Request, _ query) error {
	p, err := h.svc.Playback(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, document[playbackView]{Data: playbackOf(p)})
	return nil
}

func (h *handler) listCategories(w http.ResponseWriter, r *http.Request, q query) error {
	p, pg, err := q.list(sortByName)
	if err != nil {
		return err
	}
	list, err := h.svc.ListCategories(r.Context(), p)
	if err != nil {
		return err
	}
	writeJSON(w, listDocument[categoryView, listMeta]{Data: each(list.Items, categoryOf), Meta: metaOf(list, pg)})
	return nil
}

func (h *handler) getCategory(w http.ResponseWriter, r *http.Request, _ query) error {
	c, err := h.svc.Category(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, document[categoryView]{Data: categoryOf(c)})
	return nil
}

func (h *handler) listGenres(w http.ResponseWriter, r *http.Request, q query) error {
	p, pg, err := q.list(sortByName)
	if err != nil {
		return err
	}
	list, err := h.svc.ListGenres(r.Context(), p)
	if err != nil {
		return err
	}
	categories, err := h.svc.ResolveGenres(r.Context(), list.Items)
	if err != nil {
		return err
	}
	data := each(list.Items, func(g domain.Genre) genreView { return genreOf(g, categories[g.ID]) })
	writeJSON(w, listDocument[genreView, listMeta]{Data: data, Meta: metaOf(list, pg)})
	return nil
}

func (h *handler) getGenre(w http.ResponseWriter, r *http.Request, _ query) error {
	g, err := h.svc.Genre(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	categories, err := h.svc.ResolveGenres(r.Context(), []domain.Genre{g})
	if err != nil {
		return err
	}
	writeJSON(w, document[genreView]{Data: genreOf(g, categories[g.ID])})
	return nil
}

func (h *handler) listCastMembers(w http.ResponseWriter, r *http.Request, q query) error {
	p, pg, err := q.list(sortByName)
	if err != nil {
		return err
	}
	list, err := h.svc.ListCastMembers(r.Context(), p)
	if err != nil {
		return err
	}
	writeJSON(w, listDocument[castMemberView, listMeta]{Data: each(list.Items, castMemberOf), Meta: metaOf(list, pg)})
	return nil
}

func (h *handler) getCastMember(w http.ResponseWriter, r *http.Request, _ query) error {
	c, err := h.svc.CastMember(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, document[castMemberView]{Data: castMemberOf(c)})
	return nil
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	encode(w, v)
}
