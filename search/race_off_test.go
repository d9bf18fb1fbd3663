//go:build !race

package search

// raceEnabled says the tests run under the race detector.
const raceEnabled = false
