package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"testing"
)

// TestNameSources: a message about a value the environment set names the
// variable, wherever it writes the flag, and only as a whole flag name;
// a flag given on the command line keeps its name.
func TestNameSources(t *testing.T) {
	t.Setenv("GUICHET_ADDR", ":http")
	t.Setenv("GUICHET_RECORD_RATE", "0")
	unsetenv(t, "GUICHET_WORKERS")
	addr, rate, workers := "", 1.0, 0
	defs := []Flag{{Name: "addr", Env: "GUICHET_ADDR", Ptr: &addr}, {Name: "record-rate", Env: "GUICHET_RECORD_RATE", Ptr: &rate}, {Name: "workers", Env: "GUICHET_WORKERS", Ptr: &workers}}
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
		fs, _ := NewFlagSet("serve", defs, io.Discard, "addr", "record-rate", "workers")
		if got := NameSources(tt.msg, Declared(errors.New(tt.msg), fs, defs), tt.args); got != tt.want {
			t.Errorf("NameSources(%q, %q) = %q, want %q", tt.msg, tt.args, got, tt.want)
		}
	}
}

// TestNameSourcesOnlyDeclared: a variable set for another command (or
// for another command's flag of the same name) is not named in an error
// of a command that never read it: `GUICHET_FORMAT=json guichet tickets
// import FILE` said "name the format with GUICHET_FORMAT", a variable
// tickets import ignores, for its own --format.
func TestNameSourcesOnlyDeclared(t *testing.T) {
	t.Setenv("GUICHET_FORMAT", "json")
	t.Setenv("GUICHET_ADDR", ":http")
	format, addr := "text", ""
	defs := []Flag{{Name: "format", Env: "GUICHET_FORMAT", Ptr: &format}, {Name: "addr", Env: "GUICHET_ADDR", Ptr: &addr}}
	fs, _ := NewFlagSet("tickets import", defs, io.Discard, "addr")
	fs.String("format", "", "its own --format, without a variable")
	msg := "name the format with --format; --addr too"
	if got, want := NameSources(msg, Declared(errors.New(msg), fs, defs), nil), "name the format with --format; GUICHET_ADDR too"; got != want {
		t.Errorf("NameSources = %q, want %q", got, want)
	}
	// An error without its command's flags names nothing new.
	if got := NameSources(msg, errors.New(msg), nil); got != msg {
		t.Errorf("NameSources of an unmarked error = %q", got)
	}
	// The mark keeps what the error is.
	if err := Declared(Usagef("bad"), fs, defs); ExitCode(err) != 2 || !errors.Is(Declared(flag.ErrHelp, fs, defs), flag.ErrHelp) || Declared(nil, fs, defs) != nil {
		t.Errorf("Declared changed the error: exit %d", ExitCode(err))
	}
}

func TestExitCode(t *testing.T) {
	for err, want := range map[error]int{nil: 0, errors.New("busy"): 1, Usagef("bad"): 2, fmt.Errorf("wrapped: %w", Usage(errors.New("x"))): 2} {
		if got := ExitCode(err); got != want {
			t.Errorf("ExitCode(%v) = %d, want %d", err, got, want)
		}
	}
}
