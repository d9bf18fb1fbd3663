// Package testrun says how the test binary runs, for the tests of every
// package: under the race detector or not, and what CI leaves to a run of
// its own without it (.ci/run).
package testrun

import (
	"os"
	"testing"
)

// SerialLater skips a long test that runs no concurrent code of its own
// (an exhaustive comparison with scoring every article, a full build, an
// evaluation or a rendering check on the real corpus, which builds its
// index or renders its articles once and then checks them one at a time;
// the concurrent paths have tests of their own) when the suite runs under
// the race detector with GUICHET_SERIAL_LATER=1: .ci/run does, then runs
// these tests by name in a step of their own without the detector, under
// which they take five to twenty times as long. Without the variable, or
// without -race, they run.
func SerialLater(t testing.TB) {
	t.Helper()
	if Race && os.Getenv("GUICHET_SERIAL_LATER") == "1" {
		t.Skip("GUICHET_SERIAL_LATER=1 under -race: run without the race detector after the suite (.ci/run)")
	}
}
