package search

import (
	"os"
	"testing"
)

// serialLater skips a long test that runs no concurrent code of its own
// (an exhaustive comparison of champion lists or of an updated index with
// scoring every article, or a full build, and the evaluations on the
// real corpus, which build its index once and then query it one query at a
// time; the concurrent paths have
// tests of their own, TestChampionsConcurrent…) when the suite runs under
// the race detector with GUICHET_SERIAL_LATER=1: .ci/run does, then runs
// these tests in a step of their own without the detector, under which
// they took twenty times as long. Without the variable, or without
// -race, they run.
func serialLater(t *testing.T) {
	t.Helper()
	if raceEnabled && os.Getenv("GUICHET_SERIAL_LATER") == "1" {
		t.Skip("GUICHET_SERIAL_LATER=1 under -race: run without the race detector after the suite (.ci/run)")
	}
}

// SerialLater is serialLater for the tests of package search_test (the
// evaluations on the real corpus).
var SerialLater = serialLater
