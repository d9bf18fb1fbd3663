package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
)

// UsageError is an error in what was typed: an unknown command or flag, a
// missing or extra argument, a flag's or a GUICHET_* variable's value that
// is not valid. The process exits 2 on it (ExitCode), 1 on a failure while
// running, as the README's "Exit codes" documents.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Usage marks err as a usage error; nil stays nil.
func Usage(err error) error {
	if err == nil {
		return nil
	}
	return &UsageError{Err: err}
}

// Usagef is Usage(fmt.Errorf(format, a...)).
func Usagef(format string, a ...any) error { return Usage(fmt.Errorf(format, a...)) }

// ExitCode is the exit status for err: 0 for nil, 2 for a usage error,
// 1 for any other.
func ExitCode(err error) int {
	var u *UsageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &u):
		return 2
	}
	return 1
}

// Declared marks err, an error of a command whose flag set fs declared
// some of defs, so that NameSources names by its variable only a flag fs
// declared: the variables of the others were never read (GUICHET_FORMAT,
// set for guichet check, is not what tickets import's --format took).
// nil stays nil.
func Declared(err error, fs *flag.FlagSet, defs []Flag) error {
	if err == nil || fs == nil {
		return err
	}
	var declared []Flag
	for _, d := range defs {
		// Declared by NewFlagSet, whose help names the variable (as -h
		// shows it): not a flag of the command's own of that name.
		if f := fs.Lookup(d.Name); f != nil && strings.HasSuffix(f.Usage, "(env "+d.Env+")") {
			declared = append(declared, d)
		}
	}
	return &declaredError{err: err, defs: declared}
}

// declaredError is an error of a command with the flags it declared
// from the environment (Declared).
type declaredError struct {
	err  error
	defs []Flag
}

func (e *declaredError) Error() string { return e.err.Error() }
func (e *declaredError) Unwrap() error { return e.err }

// NameSources rewrites msg, the message of err, an error of a command run
// with args, so that it names what the operator set: each flag the
// command declared with its environment variable (Declared), written
// --name in msg, whose value came from that variable (set, and the flag
// not given in args), is named by that variable instead (GUICHET_ADDR
// "x": … give GUICHET_ADDR 127.0.0.1:8081), since the operator who set
// the variable looks for it, not for a flag never typed. A flag the
// command did not declare from the environment keeps its name, set or
// not: its value came from the command line or its default.
func NameSources(msg string, err error, args []string) string {
	var d *declaredError
	if !errors.As(err, &d) {
		return msg
	}
	given := map[string]bool{}
	for _, a := range args {
		if a == "--" {
			break
		}
		if strings.HasPrefix(a, "-") {
			name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
			given[name] = true
		}
	}
	for _, f := range d.defs {
		if _, set := os.LookupEnv(f.Env); set && !given[f.Name] {
			msg = replaceFlag(msg, "--"+f.Name, f.Env)
		}
	}
	return msg
}

// replaceFlag replaces flag (--addr) in msg by env wherever it stands as a
// whole flag name: not --addr-family, not ---addr.
func replaceFlag(msg, flag, env string) string {
	var b strings.Builder
	for {
		i := strings.Index(msg, flag)
		if i < 0 {
			b.WriteString(msg)
			return b.String()
		}
		end := i + len(flag)
		whole := (i == 0 || msg[i-1] != '-') && (end == len(msg) || !strings.ContainsRune("abcdefghijklmnopqrstuvwxyz0123456789-", rune(msg[end])))
		b.WriteString(msg[:i])
		if whole {
			b.WriteString(env)
		} else {
			b.WriteString(flag)
		}
		msg = msg[end:]
	}
}
