package sinktest

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// A seed must replay the same delivery, or -convergence.seed replays another
// history than the one that failed.
func TestSeedReplaysDelivery(t *testing.T) {
	delivery := func(seed uint64) [][]byte {
		rnd := rand.New(rand.NewPCG(seed, seed>>32|1))
		h := newHistory(rnd, "k", 1)
		h.run(60)
		var out [][]byte
		for _, e := range scramble(rnd, h.cloudEvents()) {
			out = append(out, e.Data())
		}
		return out
	}
	for seed := uint64(1); seed <= 100; seed++ {
		first := delivery(seed)
		for range 2 {
			if !slices.EqualFunc(first, delivery(seed), slices.Equal) {
				t.Fatalf("seed %d delivered differently on a second run", seed)
			}
		}
	}
}
