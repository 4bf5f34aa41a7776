package elasticsearch_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/storetest"
)

// TestItemFailureIsThatItemsAlone puts items Elasticsearch refuses (a field
// the strict mapping does not have, as a create and as an update) into the
// same _bulk as good writes: only they fail, with ErrInvalid (a 400 for their
// event, never retried); the others are applied.
func TestItemFailureIsThatItemsAlone(t *testing.T) {
	cfg := testConfig(t, serverURL(t))
	cfg.FlushInterval = 200 * time.Millisecond // everything below shares one batch
	s := openStore(t, cfg)
	defer s.Close()
	ctx := context.Background()
	bad := map[string]string{
		"create": `{"create":{"_id":"category:bad1"}}` + "\n" + `{"kind":"category","id":"bad1","unmapped":1}` + "\n",
		"update": `{"update":{"_id":"category:bad2"}}` + "\n" + `{"doc":{"kind":"category","id":"bad2","unmapped":1},"doc_as_upsert":true}` + "\n",
	}
	var wg sync.WaitGroup
	errs := make(map[string]error)
	var mu sync.Mutex
	record := func(name string, err error) {
		mu.Lock()
		defer mu.Unlock()
		errs[name] = err
	}
	for i := range 8 {
		wg.Go(func() {
			c := storetest.Put(storetest.Category(storetest.ID("c", i), "Good"), storetest.Pos(i+1))
			c.Insert = i%2 == 0
			outcome, err := s.ApplyRow(ctx, c)
			if err == nil && outcome != domain.Applied {
				err = fmt.Errorf("outcome %s", outcome)
			}
			record(c.ID, err)
		})
	}
	for name, lines := range bad {
		wg.Go(func() {
			_, err := s.SubmitLines(ctx, name, []byte(lines))
			record(name, err)
		})
	}
	wg.Wait()
	for name, err := range errs {
		_, isBad := bad[name]
		switch {
		case !isBad && err != nil:
			t.Errorf("good write %s: %v", name, err)
		case isBad && (!errors.Is(err, domain.ErrInvalid) || errors.Is(err, domain.ErrUnavailable)):
			t.Errorf("refused %s item: %v, want ErrInvalid only", name, err)
		}
	}
	rows, err := s.Rows(ctx, domain.KindCategory)
	if err != nil || len(rows) != 8 {
		t.Fatalf("Rows = %d categories, %v; want the 8 good ones", len(rows), err)
	}
}
