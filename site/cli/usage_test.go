package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
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
		{`--addr ":http": give --addr :80`, nil, `GUICHET_ADDR ":http": give GUICHET_ADDR=:80`},
		// A flag followed by its value is the variable's assignment: "give
		// its path with GUICHET_ADDR HOST" read as a variable and an argument.
		{`give it with --addr HOST:PORT, or --addr alone; --addr DIR.`, nil, `give it with GUICHET_ADDR=HOST:PORT, or GUICHET_ADDR alone; GUICHET_ADDR=DIR.`},
		{`--addr must be set (--addr N)`, nil, `GUICHET_ADDR must be set (GUICHET_ADDR=N)`},
		{`--addr-family, ---addr, --addr.`, nil, `--addr-family, ---addr, GUICHET_ADDR.`},
		{`--addr "x:http"`, []string{"--addr", "x:http"}, `--addr "x:http"`},
		{`--addr "x:http"`, []string{"-addr=x:http"}, `--addr "x:http"`},
		{`--addr "x:http"`, []string{"--", "--addr"}, `GUICHET_ADDR "x:http"`},
		// A flag's value that reads as a flag is no flag given.
		{`--addr "x:http"`, []string{"--workers", "3", "extra", "--", "-addr"}, `GUICHET_ADDR "x:http"`},
		{`--record-rate must be positive; --workers too`, nil, `GUICHET_RECORD_RATE must be positive; --workers too`},
	} {
		ctx, read := WithSources(context.Background())
		fs, _ := NewFlagSet(ctx, "serve", defs, io.Discard, "addr", "record-rate", "workers")
		if _, err := ParseInterspersed(fs, tt.args); err != nil {
			t.Fatal(err)
		}
		if got := read.Name(tt.msg, errors.New(tt.msg)); got != tt.want {
			t.Errorf("Name(%q) after %q = %q, want %q", tt.msg, tt.args, got, tt.want)
		}
	}
}

// TestNameSourcesOnlyRead: a variable set for another command (or for
// another command's flag of the same name) is not named in an error of a
// command that never read it: `GUICHET_FORMAT=json guichet tickets import
// FILE` said "name the format with GUICHET_FORMAT", a variable tickets
// import ignores, for its own --format. What NewFlagSet read is recorded
// by NewFlagSet itself: nothing to mark on the error.
func TestNameSourcesOnlyRead(t *testing.T) {
	t.Setenv("GUICHET_FORMAT", "json")
	t.Setenv("GUICHET_ADDR", ":http")
	format, addr := "text", ""
	defs := []Flag{{Name: "format", Env: "GUICHET_FORMAT", Ptr: &format}, {Name: "addr", Env: "GUICHET_ADDR", Ptr: &addr}}
	ctx, read := WithSources(context.Background())
	fs, _ := NewFlagSet(ctx, "tickets import", defs, io.Discard, "addr")
	fs.String("format", "", "its own --format, without a variable")
	msg := "name the format with --format; --addr too"
	if got, want := read.Name(msg, errors.New(msg)), "name the format with --format; GUICHET_ADDR too"; got != want {
		t.Errorf("Name = %q, want %q", got, want)
	}
	// A flag set made without Sources records nothing, and nil names nothing.
	var none *Sources
	if got := none.Name(msg, errors.New(msg)); got != msg {
		t.Errorf("nil Sources named %q", got)
	}
}

// TestTypedFlagsKeepTheirNames: an error in the command line is about
// flags to type: `GUICHET_DATA=/srv/guichet guichet backup --dta x` said
// "did you mean GUICHET_DATA?", a variable, to one typing flags.
func TestTypedFlagsKeepTheirNames(t *testing.T) {
	t.Setenv("GUICHET_DATA", "/srv/guichet")
	data := ""
	ctx, read := WithSources(context.Background())
	fs, _ := NewFlagSet(ctx, "backup", []Flag{{Name: "data", Env: "GUICHET_DATA", Ptr: &data}}, io.Discard, "data")
	_, err := ParseInterspersed(fs, []string{"--dta", "x"})
	if got := read.Name(err.Error(), err); !strings.Contains(got, "did you mean --data?") || ExitCode(err) != 2 {
		t.Errorf("Name = %q (exit %d), want the flag suggested", got, ExitCode(err))
	}
}

func TestExitCode(t *testing.T) {
	for err, want := range map[error]int{nil: 0, errors.New("busy"): 1, Usagef("bad"): 2, fmt.Errorf("wrapped: %w", Usage(errors.New("x"))): 2} {
		if got := ExitCode(err); got != want {
			t.Errorf("ExitCode(%v) = %d, want %d", err, got, want)
		}
	}
}
