package sinktest_test

import (
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/gateway/embedded"
	"github.com/videocatalog/catalog/shared/sink/sinktest"
)

func TestConvergenceOnEmbeddedStore(t *testing.T) {
	sinktest.Run(t, func(t *testing.T) domain.Store {
		s, err := embedded.Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}, sinktest.Options{Cases: 2000, CasesPerStore: 20, Steps: 30})
}
