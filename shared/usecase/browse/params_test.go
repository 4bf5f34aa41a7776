package browse

import (
	"context"
	"errors"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
)

func TestListParamsAreBounded(t *testing.T) {
	long := string(make([]rune, MaxSearchLength+1))
	for name, tc := range map[string]struct {
		params ListParams
		param  string
	}{
		"first zero":             {ListParams{First: ptr(0)}, "first"},
		"first over max":         {ListParams{First: ptr(MaxPageSize + 1)}, "first"},
		"perPage zero":           {ListParams{PerPage: ptr(0)}, "perPage"},
		"perPage over max":       {ListParams{PerPage: ptr(101)}, "perPage"},
		"page zero":              {ListParams{Page: ptr(0)}, "page"},
		"page past the window":   {ListParams{Page: ptr(MaxWindow/10 + 1), PerPage: ptr(10)}, "page"},
		"page and after":         {ListParams{Page: ptr(2), After: "v1"}, "page"},
		"perPage and after":      {ListParams{PerPage: ptr(2), After: "v1"}, "perPage"},
		"first and page":         {ListParams{First: ptr(2), Page: ptr(1)}, "first"},
		"sort field of videos":   {ListParams{Sort: domain.Sort{Field: domain.SortDuration}}, "sort"},
		"unknown sort field":     {ListParams{Sort: domain.Sort{Field: "rating"}}, "sort"},
		"search too long":        {ListParams{Search: long}, "search"},
		"cursor too long":        {ListParams{After: string(make([]byte, MaxCursorLength+1))}, "after"},
		"cursor of another list": {ListParams{After: "not-a-cursor"}, "after"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := New(catalog(), nil, Config{}).ListCategories(context.Background(), tc.params)
			var pe *ParamError
			if !errors.As(err, &pe) || pe.Param != tc.param || pe.Reason == "" {
				t.Fatalf("err = %v, want a ParamError for %q", err, tc.param)
			}
		})
	}
}

func TestVideoParamsAreBounded(t *testing.T) {
	many := make([]string, MaxFilterIDs+1)
	for name, tc := range map[string]struct {
		params VideoParams
		param  string
	}{
		"unknown rating":  {VideoParams{Filter: domain.VideoFilter{Ratings: []domain.Rating{"AGE_10"}}}, "filter.rating"},
		"years reversed":  {VideoParams{Filter: domain.VideoFilter{YearFrom: ptr(2010), YearTo: ptr(2000)}}, "filter.yearTo"},
		"too many genres": {VideoParams{Filter: domain.VideoFilter{GenreIDs: many}}, "filter.genres"},
		"first over max":  {VideoParams{ListParams: ListParams{First: ptr(500)}}, "first"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := New(catalog(), nil, Config{}).ListVideos(context.Background(), tc.params)
			var pe *ParamError
			if !errors.As(err, &pe) || pe.Param != tc.param {
				t.Fatalf("err = %v, want a ParamError for %q", err, tc.param)
			}
		})
	}
}

func TestListParamsBecomeStoreQueries(t *testing.T) {
	for name, tc := range map[string]struct {
		params ListParams
		want   domain.ListQuery
	}{
		"defaults":        {ListParams{}, domain.ListQuery{Limit: DefaultPageSize}},
		"cursor":          {ListParams{First: ptr(5), After: "c"}, domain.ListQuery{Limit: 5, After: "c"}},
		"first page":      {ListParams{Page: ptr(1)}, domain.ListQuery{Limit: DefaultPageSize}},
		"third page":      {ListParams{Page: ptr(3), PerPage: ptr(10)}, domain.ListQuery{Limit: 10, Offset: 20}},
		"last page":       {ListParams{Page: ptr(100), PerPage: ptr(100)}, domain.ListQuery{Limit: 100, Offset: 9900}},
		"sorted search":   {ListParams{Search: "x", Sort: domain.Sort{Field: domain.SortName, Desc: true}}, domain.ListQuery{Search: "x", Sort: domain.Sort{Field: domain.SortName, Desc: true}, Limit: DefaultPageSize}},
		"perPage is size": {ListParams{PerPage: ptr(7)}, domain.ListQuery{Limit: 7}},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := tc.params.query(domain.KindGenre)
			if err != nil || got != tc.want {
				t.Fatalf("query = %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}
