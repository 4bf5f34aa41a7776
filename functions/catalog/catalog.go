// Package catalog registers the Catalog function, which serves the read APIs
// (GraphQL and REST) over the catalog store.
package catalog

import (
	"net/http"

	"github.com/GoogleCloudPlatform/functions-framework-go/functions"

	"github.com/videocatalog/catalog/shared/app"
	"github.com/videocatalog/catalog/shared/config"
)

// Handler is the Catalog function: what init registers, and what the local
// server mounts at "/".
var Handler = app.LazyHandler("Catalog", func() (http.Handler, error) {
	cfg, err := config.Load[config.Catalog]()
	if err != nil {
		return nil, err
	}
	store, err := app.Store()
	if err != nil {
		return nil, err
	}
	svc, err := app.NewBrowse(store, cfg)
	if err != nil {
		return nil, err
	}
	return NewHandler(svc, cfg), nil
})

func init() {
	functions.HTTP("Catalog", Handler.ServeHTTP)
}
