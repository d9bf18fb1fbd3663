package cli

import (
	"errors"
	"fmt"
	"testing"
)

// TestNameSources: a message about a value the environment set names the
// variable, wherever it writes the flag, and only as a whole flag name;
// a flag given on the command line keeps its name.
func TestNameSources(t *testing.T) {
	t.Setenv("GUICHET_ADDR", ":http")
	t.Setenv("GUICHET_RECORD_RATE", "0")
	unsetenv(t, "GUICHET_WORKERS")
	defs := []Flag{{Name: "addr", Env: "GUICHET_ADDR"}, {Name: "record-rate", Env: "GUICHET_RECORD_RATE"}, {Name: "workers", Env: "GUICHET_WORKERS"}}
	for _, tt := range []struct {
		msg  string
		args []string
		want string
	}{
		{`--addr ":http": give --addr :80`, nil, `GUICHET_ADDR ":http": give GUICHET_ADDR :80`},
		{`--addr-family, ---addr, --addr.`, nil, `--addr-family, ---addr, GUICHET_ADDR.`},
		{`--addr "x:http"`, []string{"--addr", "x:http"}, `--addr "x:http"`},
		{`--addr "x:http"`, []string{"-addr=x:http"}, `--addr "x:http"`},
		{`--addr "x:http"`, []string{"--", "--addr"}, `GUICHET_ADDR "x:http"`},
		{`--record-rate must be positive; --workers too`, nil, `GUICHET_RECORD_RATE must be positive; --workers too`},
	} {
		if got := NameSources(tt.msg, defs, tt.args); got != tt.want {
			t.Errorf("NameSources(%q, %q) = %q, want %q", tt.msg, tt.args, got, tt.want)
		}
	}
}

func TestExitCode(t *testing.T) {
	for err, want := range map[error]int{nil: 0, errors.New("busy"): 1, Usagef("bad"): 2, fmt.Errorf("wrapped: %w", Usage(errors.New("x"))): 2} {
		if got := ExitCode(err); got != want {
			t.Errorf("ExitCode(%v) = %d, want %d", err, got, want)
		}
	}
}
