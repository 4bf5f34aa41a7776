package sinktest

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"

	ce "github.com/cloudevents/sdk-go/v2/event"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/sink"
	"github.com/videocatalog/catalog/shared/usecase/ingest"
)

var (
	casesFlag = flag.Int("convergence.cases", 0, "random histories per convergence run (0: the suite's default)")
	seedFlag  = flag.Uint64("convergence.seed", 0, "seed of the first history (0: fixed default), to replay a failure")
)

// Options size a convergence run.
type Options struct {
	// Cases is how many random histories to check; -convergence.cases overrides it.
	Cases int
	// CasesPerStore is how many histories share one store, each under its own ids.
	CasesPerStore int
	// Steps is the number of changes in each history.
	Steps int
}

// Run checks convergence on stores made by newStore. Each store takes
// CasesPerStore histories in turn; stores run in parallel, since a store's
// writes mostly wait on its disk.
func Run(t *testing.T, newStore func(t *testing.T) domain.Store, opt Options) {
	if *casesFlag > 0 {
		opt.Cases = *casesFlag
	}
	seed := *seedFlag
	if seed == 0 {
		seed = 20261204
	}
	for first := 0; first < opt.Cases; first += opt.CasesPerStore {
		last := min(first+opt.CasesPerStore, opt.Cases)
		t.Run(fmt.Sprintf("cases %d-%d", first, last-1), func(t *testing.T) {
			t.Parallel()
			store := newStore(t)
			sinks := map[string]*sink.Sink{}
			for _, name := range []string{sink.CategorySink, sink.GenreSink, sink.CastMemberSink, sink.VideoSink} {
				sinks[name] = sink.New(name, ingest.New(store))
			}
			for c := first; c < last; c++ {
				runCase(t, store, sinks, c, seed+uint64(c), 1+(c-first)*1000, opt.Steps)
			}
		})
	}
}

// runCase checks one history; firstFile keeps its binlog after the histories
// the store has seen before it.
func runCase(t *testing.T, store domain.Store, sinks map[string]*sink.Sink, c int, seed uint64, firstFile, steps int) {
	rnd := rand.New(rand.NewPCG(seed, seed>>32|1))
	h := newHistory(rnd, fmt.Sprintf("k%05d", c), firstFile)
	h.run(steps)
	delivery := scramble(rnd, h.cloudEvents())
	if err := deliver(sinks, delivery, 1+rnd.IntN(6)); err != nil {
		t.Fatalf("case %d (replay with -convergence.seed=%d -convergence.cases=1): %v", c, seed, err)
	}
	if diff := compare(store, h); diff != "" {
		t.Fatalf("case %d (replay with -convergence.seed=%d -convergence.cases=1): store differs from the database:\n%s\nevents in binlog order:\n%s",
			c, seed, diff, h.describe())
	}
}

// deliver sends every event to the sink owning its table, from several
// goroutines at once when workers > 1; every event must be answered 200.
func deliver(sinks map[string]*sink.Sink, events []ce.Event, workers int) error {
	work := make(chan ce.Event)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for e := range work {
				table := e.Source()[strings.LastIndexByte(e.Source(), '.')+1:]
				owner, _ := sink.OwnerOf(table)
				if res := sinks[owner].Receive(context.Background(), e); res.Status != http.StatusOK {
					errs <- fmt.Errorf("event %s of %s answered %d: %+v", e.ID(), table, res.Status, res.Answer)
					for range work {
					}
					return
				}
			}
		}()
	}
	for _, e := range events {
		work <- e
	}
	close(work)
	wg.Wait()
	close(errs)
	return <-errs
}

func compare(store domain.Store, h *history) string {
	var diff strings.Builder
	for _, kind := range []domain.Kind{domain.KindCategory, domain.KindGenre, domain.KindCastMember, domain.KindVideo} {
		rows, err := store.Rows(context.Background(), kind)
		if err != nil {
			return fmt.Sprintf("Rows(%s): %v", kind, err)
		}
		got := map[string]domain.Entity{}
		for _, e := range rows {
			if strings.HasPrefix(e.EntityID(), h.prefix) {
				got[e.EntityID()] = normalize(h.db.visibleRelations(e))
			}
		}
		want := map[string]domain.Entity{}
		for _, e := range h.db.expected(kind) {
			want[e.EntityID()] = normalize(e)
		}
		for id, w := range want {
			if g, ok := got[id]; !ok {
				fmt.Fprintf(&diff, "  %s %s missing, want %+v\n", kind, id, w)
			} else if !reflect.DeepEqual(g, w) {
				fmt.Fprintf(&diff, "  %s %s:\n    got  %+v\n    want %+v\n", kind, id, g, w)
			}
		}
		for id, g := range got {
			if _, ok := want[id]; !ok {
				fmt.Fprintf(&diff, "  %s %s should not exist, got %+v\n", kind, id, g)
			}
		}
	}
	return diff.String()
}

func (h *history) describe() string {
	var b strings.Builder
	for _, e := range h.events {
		fmt.Fprintf(&b, "  %s %s %s before=%v after=%v\n", e.pos, e.table, e.op, e.before, e.after)
	}
	return b.String()
}
