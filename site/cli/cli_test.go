package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// defs returns fresh flag definitions with their defaults, so each case
// starts from the same values.
func defs() (*string, *bool, *int, *float64, []Flag) {
	addr, debug, workers, ratio := ":8080", false, 4, 0.5
	return &addr, &debug, &workers, &ratio, []Flag{
		{Name: "addr", Env: "GUICHET_ADDR", Usage: "listen address", Ptr: &addr},
		{Name: "debug", Env: "GUICHET_DEBUG", Usage: "debug logs", Ptr: &debug},
		{Name: "workers", Env: "GUICHET_WORKERS", Usage: "workers", Ptr: &workers},
		{Name: "ratio", Env: "GUICHET_RATIO", Usage: "ratio", Ptr: &ratio},
	}
}

func TestNewFlagSetEnvironmentAndFlags(t *testing.T) {
	for _, tt := range []struct {
		name        string
		env         map[string]string
		args        []string
		wantAddr    string
		wantDebug   bool
		wantWorkers int
		wantRatio   float64
		wantPos     []string
	}{
		{name: "defaults", wantAddr: ":8080", wantWorkers: 4, wantRatio: 0.5},
		{name: "environment", env: map[string]string{"GUICHET_ADDR": ":9000", "GUICHET_DEBUG": "true", "GUICHET_WORKERS": "8", "GUICHET_RATIO": "0.25"},
			wantAddr: ":9000", wantDebug: true, wantWorkers: 8, wantRatio: 0.25},
		{name: "environment value with spaces is trimmed", env: map[string]string{"GUICHET_WORKERS": " 16\n"},
			wantAddr: ":8080", wantWorkers: 16, wantRatio: 0.5},
		{name: "flag wins over environment", env: map[string]string{"GUICHET_ADDR": ":9000", "GUICHET_WORKERS": "8"},
			args: []string{"-addr", ":7000", "-workers=2"}, wantAddr: ":7000", wantWorkers: 2, wantRatio: 0.5},
		{name: "flags among positional arguments", args: []string{"content", "-debug", "out", "--workers", "3"},
			wantAddr: ":8080", wantDebug: true, wantWorkers: 3, wantRatio: 0.5, wantPos: []string{"content", "out"}},
		{name: "empty environment string sets an empty address", env: map[string]string{"GUICHET_ADDR": ""},
			wantAddr: "", wantWorkers: 4, wantRatio: 0.5},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range []string{"GUICHET_ADDR", "GUICHET_DEBUG", "GUICHET_WORKERS", "GUICHET_RATIO"} {
				if v, ok := tt.env[k]; ok {
					t.Setenv(k, v)
				} else {
					unsetenv(t, k)
				}
			}
			addr, debug, workers, ratio, d := defs()
			var stderr bytes.Buffer
			fs, err := NewFlagSet(context.Background(), "serve", d, &stderr, "addr", "debug", "workers", "ratio")
			if err != nil {
				t.Fatalf("NewFlagSet: %v", err)
			}
			pos, err := ParseInterspersed(fs, tt.args)
			if err != nil {
				t.Fatalf("ParseInterspersed: %v", err)
			}
			if *addr != tt.wantAddr || *debug != tt.wantDebug || *workers != tt.wantWorkers || *ratio != tt.wantRatio {
				t.Errorf("got addr=%q debug=%v workers=%d ratio=%v, want %q %v %d %v",
					*addr, *debug, *workers, *ratio, tt.wantAddr, tt.wantDebug, tt.wantWorkers, tt.wantRatio)
			}
			if !reflect.DeepEqual(pos, tt.wantPos) {
				t.Errorf("positional = %q, want %q", pos, tt.wantPos)
			}
		})
	}
}

func TestNewFlagSetBadEnvironmentNamesVariable(t *testing.T) {
	for _, tt := range []struct{ env, value, want string }{
		{"GUICHET_WORKERS", "many", "want a whole number"},
		{"GUICHET_DEBUG", "perhaps", "want true or false"},
		{"GUICHET_RATIO", "half", "want a number"},
	} {
		t.Run(tt.env, func(t *testing.T) {
			t.Setenv(tt.env, tt.value)
			_, _, workers, _, d := defs()
			fs, err := NewFlagSet(context.Background(), "serve", d, &bytes.Buffer{}, "addr", "debug", "workers", "ratio")
			if err == nil {
				t.Fatalf("%s=%q accepted", tt.env, tt.value)
			}
			if !strings.Contains(err.Error(), tt.env) || !strings.Contains(err.Error(), tt.value) {
				t.Errorf("error %q does not name %s and its value %q", err, tt.env, tt.value)
			}
			// What is wanted, not strconv's bare "parse error".
			if !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "parse error") {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
			if fs == nil {
				t.Fatal("flag set not returned with the error")
			}
			// The flag set stays usable: a command-line value still applies.
			if _, err := ParseInterspersed(fs, []string{"-workers", "9"}); err != nil || *workers != 9 {
				t.Errorf("after bad environment: workers=%d err=%v", *workers, err)
			}
		})
	}
}

func TestNewFlagSetOnlyNamedFlags(t *testing.T) {
	unsetenv(t, "GUICHET_WORKERS")
	t.Setenv("GUICHET_ADDR", ":1")
	addr, _, _, _, d := defs()
	var stderr bytes.Buffer
	fs, err := NewFlagSet(context.Background(), "index", d, &stderr, "workers")
	if err != nil {
		t.Fatal(err)
	}
	if fs.Lookup("addr") != nil {
		t.Error("addr declared though not named")
	}
	if *addr != ":8080" {
		t.Errorf("environment of an undeclared flag applied: addr=%q", *addr)
	}
	if _, err := ParseInterspersed(fs, []string{"-addr", ":2"}); err == nil || !strings.Contains(err.Error(), "guichet index -h") {
		t.Errorf("an undeclared flag: %v", err)
	}
	// The error is told once, by the caller; -h gives the usage.
	ParseInterspersed(fs, []string{"-h"})
	if !strings.Contains(stderr.String(), "guichet index") || !strings.Contains(stderr.String(), "(env GUICHET_WORKERS)") {
		t.Errorf("usage does not name the command and the environment variable:\n%s", stderr.String())
	}
}

func TestParseInterspersedDoubleDash(t *testing.T) {
	_, debug, _, _, d := defs()
	fs, _ := NewFlagSet(context.Background(), "x", d, &bytes.Buffer{}, "debug")
	pos, err := ParseInterspersed(fs, []string{"a", "--", "-debug", "b"})
	if err != nil {
		t.Fatal(err)
	}
	if *debug {
		t.Error("-debug after -- was taken as a flag")
	}
	if want := []string{"a", "-debug", "b"}; !reflect.DeepEqual(pos, want) {
		t.Errorf("positional = %q, want %q", pos, want)
	}
}

// unsetenv removes key for the duration of the test, restoring it after.
func unsetenv(t *testing.T, key string) {
	t.Helper()
	t.Setenv(key, "") // registers the restore
	os.Unsetenv(key)
}

func TestSubcommand(t *testing.T) {
	isSub := func(a string) bool { return a == "mark" || a == "split" }
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"mark", "ID", "ignored"}, 0},
		{[]string{"--data", "d", "mark", "ID", "ignored", "--note", "x"}, 2},
		{[]string{"split", "ID", "mark"}, 0}, // a query "mark" after the sub-command
		{[]string{"--since", "7d", "--format", "csv"}, -1},
		{[]string{"--stub"}, -1},
		{nil, -1},
	} {
		if got := Subcommand(tc.args, isSub); got != tc.want {
			t.Errorf("Subcommand(%q) = %d, want %d", tc.args, got, tc.want)
		}
	}
}

// TestParseErrorsOnceAndHelpful: `guichet serve --port 8081` printed the
// flag package's "flag provided but not defined: -port", every flag's
// usage (twenty of them), then the same error again from the caller, with
// no word of the flag meant; a typo (--contnet) was not told as one. The
// error is now returned once, naming the flag as typed, the likely one,
// and -h; -h still prints the usage.
func TestParseErrorsOnceAndHelpful(t *testing.T) {
	_, _, _, _, d := defs()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--port", "8081"}, "unknown flag --port (see guichet serve -h for its flags)"},
		{[]string{"a", "--adr", "x"}, "unknown flag --adr: did you mean --addr? (see guichet serve -h for its flags)"},
		// Flags are named as the README writes them, --name, with what
		// they take (strconv says only "parse error").
		{[]string{"--workers", "many"}, `--workers "many": want a whole number`},
		{[]string{"--workers=1.5"}, `--workers "1.5": want a whole number`},
		{[]string{"--ratio", "half"}, `--ratio "half": want a number`},
		{[]string{"--debug=maybe"}, `--debug "maybe": want true or false`},
		{[]string{"x", "--addr"}, `--addr needs a value (--addr=VALUE)`},
	} {
		var stderr bytes.Buffer
		fs, _ := NewFlagSet(context.Background(), "serve", d, &stderr, "addr", "workers", "ratio", "debug")
		_, err := ParseInterspersed(fs, c.args)
		if err == nil || !strings.Contains(err.Error(), c.want) || regexp.MustCompile(`(^|[^-])-[a-z]{2,}`).MatchString(err.Error()) || !strings.HasSuffix(err.Error(), "(see guichet serve -h for its flags)") {
			t.Errorf("%q: %v, want %q", c.args, err, c.want)
		}
		if stderr.Len() != 0 {
			t.Errorf("%q printed besides the error:\n%s", c.args, stderr.String())
		}
	}
	var stderr bytes.Buffer
	fs, _ := NewFlagSet(context.Background(), "serve", d, &stderr, "addr")
	if _, err := ParseInterspersed(fs, []string{"-h"}); !errors.Is(err, flag.ErrHelp) || !strings.Contains(stderr.String(), "-addr") {
		t.Errorf("-h: %v, usage %q", err, stderr.String())
	}
}
