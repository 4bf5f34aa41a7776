package graphql

import (
	"embed"
	"net/http"

	"github.com/99designs/gqlgen/graphql/playground"
)

// assets are GraphiQL and React, served by the function itself because the
// CDN gqlgen's page loads them from may be out of reach (see graphiql/LICENSES.txt).
//
//go:embed graphiql/*.js graphiql/*.css
var assets embed.FS

// The subresource integrity hashes of the files in graphiql/, which are
// byte for byte those gqlgen's playground pins.
const (
	graphiQLJSSRI  = "sha256-hnImuor1znlJkD/FOTL3jayfS/xsyNoP04abi8bFJWs="
	graphiQLCSSSRI = "sha256-MEh+B2NdMSpj9kexQNN3QKc8UzMrCXW/Sx/phcpuyIU="
	reactSRI       = "sha256-S0lp+k7zWUMk2ixteM6HZvu8L9Eh//OVrt+ZfbCpmgY="
	reactDOMSRI    = "sha256-IXWO0ITNDjfnNXIu5POVfqlgYoop36bDzhodR6LW5Pc="
)

func graphiQL(endpoint string) http.Handler {
	base := endpoint + "/graphiql/"
	return playground.Handler("Video catalog", endpoint,
		playground.WithGraphiqlVersion(base+"graphiql.min.js", base+"graphiql.min.css", graphiQLJSSRI, graphiQLCSSSRI),
		playground.WithGraphiqlReactVersion(base+"react.production.min.js", base+"react-dom.production.min.js", reactSRI, reactDOMSRI),
		// Links to the page can carry a query for the editor (?query=...).
		playground.WithGraphiqlPersistStateInURL(true),
	)
}

// graphiQLAssets serves the files of graphiql/ at /graphiql/<name>: the path
// of a request once the endpoint's path is stripped from it.
func graphiQLAssets() http.Handler {
	files := http.FileServerFS(assets)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The files never change for a build: let browsers keep them.
		w.Header().Set("Cache-Control", "public, max-age=86400")
		files.ServeHTTP(w, r)
	})
}
