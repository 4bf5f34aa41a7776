package embedded_test

import (
	"path/filepath"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/gateway/embedded"
	"github.com/videocatalog/catalog/shared/storetest"
)

func TestContractMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) domain.Store {
		s, err := embedded.OpenMemory()
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestContractDisk(t *testing.T) {
	storetest.Run(t, func(t *testing.T) domain.Store {
		s, err := embedded.Open(filepath.Join(t.TempDir(), "catalog"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
