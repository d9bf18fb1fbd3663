// Package cli declares the command-line flags of guichet's sub-commands,
// each backed by a GUICHET_* environment variable (a flag given on the
// command line wins), and parses flags placed anywhere among the
// positional arguments.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
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
// error (a UsageError), the flag set ready all the same. The flags it
// set from their variables are recorded in the Sources of ctx, if any
// (WithSources): the command's errors name them by their variables
// without the command doing anything.
func NewFlagSet(ctx context.Context, cmd string, defs []Flag, stderr io.Writer, names ...string) (*flag.FlagSet, error) {
	fs := flag.NewFlagSet("guichet "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var bad error
	var read []Flag
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	for _, d := range defs {
		if !want[d.Name] {
			continue
		}
		usage := d.Usage + " (env " + d.Env + ")"
		switch p := d.Ptr.(type) {
		case *string:
			fs.StringVar(p, d.Name, *p, usage)
		case *bool:
			fs.BoolVar(p, d.Name, *p, usage)
		case *int:
			fs.IntVar(p, d.Name, *p, usage)
		case *float64:
			fs.Float64Var(p, d.Name, *p, usage)
		}
		if env, set := os.LookupEnv(d.Env); set {
			// Set on the value, not through fs.Set: fs.Visit then visits
			// only the flags given on the command line (Sources.Name).
			err := fs.Lookup(d.Name).Value.Set(strings.TrimSpace(env))
			if err == nil {
				read = append(read, d)
			} else if bad == nil {
				if want := wanted(fs.Lookup(d.Name).Value); want != "" {
					// strconv's error says only "parse error" (flag.Value's contract)
					bad = Usagef("environment %s: %q: want %s", d.Env, env, want)
				} else {
					bad = Usagef("environment %s: %q: %w", d.Env, env, err)
				}
			}
		}
	}
	if s, _ := ctx.Value(sourcesKey{}).(*Sources); s != nil && len(read) > 0 {
		s.mu.Lock()
		s.read = append(s.read, envRead{fs: fs, defs: read})
		s.mu.Unlock()
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
// positional arguments, and returns the positional ones. A parse error is
// returned, not printed (the caller prints it once), without the list of
// every flag burying it: an unknown flag is named as typed, with the known
// one it is a typo of when there is one, and every parse error ends with
// the sub-command's -h; it is a UsageError. -h itself prints the usage and returns
// flag.ErrHelp.
func ParseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	out := fs.Output()
	fs.SetOutput(io.Discard)
	defer fs.SetOutput(out)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			fs.SetOutput(out)
			if errors.Is(err, flag.ErrHelp) {
				fs.Usage()
				return nil, err
			}
			// What was typed, about flags to type ("did you mean
			// --data?"): never named by a variable (Sources.Name).
			return nil, Typed(parseError(fs, err))
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// parseError rewrites the flag package's error err so that it names flags
// as the README writes them, --name, never -name: "flag provided but not
// defined: -port" becomes "unknown flag --port", with "did you mean
// --content?" when a flag of fs is at most two edits from it; `invalid
// value "abc" for flag -retention-days: parse error` becomes
// `--retention-days "abc": want a whole number`; every error ends with
// where to see the flags.
func parseError(fs *flag.FlagSet, err error) error {
	see := fmt.Sprintf("(see %s -h for its flags)", fs.Name())
	msg := err.Error()
	if m := badValue.FindStringSubmatch(msg); m != nil && fs.Lookup(m[2]) != nil {
		reason := m[3]
		if want := wanted(fs.Lookup(m[2]).Value); want != "" {
			reason = "want " + want
		}
		return fmt.Errorf("--%s %s: %s %s", m[2], m[1], reason, see)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return fmt.Errorf("--%s needs a value (--%s=VALUE) %s", name, name, see)
	}
	name, unknown := strings.CutPrefix(msg, "flag provided but not defined: ")
	if !unknown {
		return fmt.Errorf("%w %s", err, see)
	}
	name = strings.TrimLeft(name, "-")
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if best := site.Closest(name, names...); best != "" {
		return fmt.Errorf("unknown flag --%s: did you mean --%s? %s", name, best, see)
	}
	return fmt.Errorf("unknown flag --%s %s", name, see)
}

// badValue is the flag package's error about a flag's value: the value
// quoted, the flag's name, the reason.
var badValue = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?-([^:\s]+): (.*)$`)

// wanted says what a flag of value v takes, for an error about a value
// that is not one ("parse error" is all strconv says); "" for a text.
func wanted(v flag.Value) string {
	g, ok := v.(flag.Getter)
	if !ok {
		return ""
	}
	switch g.Get().(type) {
	case bool:
		return "true or false"
	case int, int64, uint, uint64:
		return "a whole number"
	case float64:
		return "a number"
	case time.Duration:
		return "a duration such as 30s or 5m"
	}
	return ""
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
