// Package cli declares the command-line flags of guichet's sub-commands,
// each backed by a GUICHET_* environment variable (a flag given on the
// command line wins), and parses flags placed anywhere among the
// positional arguments.
package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// Flag describes one flag and the environment variable behind it; Ptr is
// a *string, *bool, *int or *float64 holding the default.
type Flag struct {
	Name, Env, Usage string
	Ptr              any
}

// NewFlagSet declares, of defs, the flags named in names on a new flag set
// for sub-command cmd, with the environment values applied; usage and
// parse errors go to stderr. A bad environment value is returned as the
// error, the flag set ready all the same.
func NewFlagSet(cmd string, defs []Flag, stderr io.Writer, names ...string) (*flag.FlagSet, error) {
	fs := flag.NewFlagSet("guichet "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var bad error
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	for _, d := range defs {
		if !want[d.Name] {
			continue
		}
		usage := d.Usage + " (env " + d.Env + ")"
		want := ""
		switch p := d.Ptr.(type) {
		case *string:
			fs.StringVar(p, d.Name, *p, usage)
		case *bool:
			fs.BoolVar(p, d.Name, *p, usage)
			want = "true or false"
		case *int:
			fs.IntVar(p, d.Name, *p, usage)
			want = "a whole number"
		case *float64:
			fs.Float64Var(p, d.Name, *p, usage)
			want = "a number"
		}
		if env, set := os.LookupEnv(d.Env); set {
			if err := fs.Set(d.Name, strings.TrimSpace(env)); err != nil && bad == nil {
				if want != "" {
					// strconv's error says only "parse error" (flag.Value's contract)
					bad = fmt.Errorf("environment %s: %q: want %s", d.Env, env, want)
				} else {
					bad = fmt.Errorf("environment %s: %q: %w", d.Env, env, err)
				}
			}
		}
	}
	return fs, bad
}

// SetUsage makes fs's help (-h) start with "Usage: guichet CMD ARGS" —
// what the sub-command takes besides its flags — before the flags.
func SetUsage(fs *flag.FlagSet, args string) {
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s %s\n", fs.Name(), args)
		fs.PrintDefaults()
	}
}

// Subcommand returns the position in args of the first that names a
// sub-command (isSub), -1 for none, so that a sub-command's flags may come
// before it as after it: "guichet gaps --data d mark ID ignored" is
// "guichet gaps mark ID ignored --data d". The arguments before it are
// read as its flags (args[:i]), those after it as its arguments and
// flags; a sub-command's name given as a flag's value is read as the
// sub-command.
func Subcommand(args []string, isSub func(string) bool) int {
	for i, a := range args {
		if isSub(a) {
			return i
		}
	}
	return -1
}

// ParseInterspersed parses flags that may come before, between or after
// positional arguments, and returns the positional ones.
func ParseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// Text is a string flag (a flag.Value) that knows whether it was given:
// `--note ""` sets the empty text, no --note leaves it unset.
type Text struct {
	text  string
	given bool
}

// String returns the text given, "" when none was.
func (t *Text) String() string {
	if t == nil {
		return ""
	}
	return t.text
}

// Set records the text given.
func (t *Text) Set(s string) error {
	t.text, t.given = s, true
	return nil
}

// Given returns the text given, nil when the flag was not.
func (t *Text) Given() *string {
	if !t.given {
		return nil
	}
	return &t.text
}
