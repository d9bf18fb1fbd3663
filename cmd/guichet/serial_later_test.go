package main

import (
	"os"
	"testing"
)

// serialLater skips a long test that runs no concurrent code of its own
// (the real corpus loaded, served and checked) when the suite runs under
// the race detector with GUICHET_SERIAL_LATER=1: .ci/run does, then runs
// these tests in a step of their own without the detector, under which
// they took ten times as long and CI near its 20 minutes. Without the
// variable, or without -race, they run.
func serialLater(t *testing.T) {
	t.Helper()
	if raceEnabled && os.Getenv("GUICHET_SERIAL_LATER") == "1" {
		t.Skip("GUICHET_SERIAL_LATER=1 under -race: run without the race detector after the suite (.ci/run)")
	}
}
