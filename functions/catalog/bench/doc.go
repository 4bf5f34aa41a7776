// Package bench benchmarks the Catalog function as clients see it: the real
// handler on the embedded store, served over HTTP on the loopback interface,
// with a load generator of concurrent clients in the same process. It holds
// only this comment and tests; see README.md for how to run it and results.
package bench
