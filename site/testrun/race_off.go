//go:build !race

package testrun

// Race says the binary runs under the race detector (go test -race), which
// slows SQLite (C translated to Go) about tenfold: tests that build large
// databases use smaller ones under it.
const Race = false
