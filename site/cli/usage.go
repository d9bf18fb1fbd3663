package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"sync"
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

// Typed marks err as a usage error in the command line itself (a missing
// or extra argument, with the synopsis): the flags it names are flags to
// type, never named by a variable (Sources.Name); nil stays nil.
func Typed(err error) error {
	if err == nil {
		return nil
	}
	return Usage(typedError{err})
}

// Typedf is Typed(fmt.Errorf(format, a...)).
func Typedf(format string, a ...any) error { return Typed(fmt.Errorf(format, a...)) }

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

// Sources is what one run of a command read from the environment: the
// flags NewFlagSet set from their GUICHET_* variables, on the flag sets
// it made. Name names them by their variables in the command's error.
// WithSources makes it; NewFlagSet records into it: no command has
// anything to mark, nor can forget to.
type Sources struct {
	mu   sync.Mutex
	read []envRead
}

// envRead is the flags of one flag set set from their variables.
type envRead struct {
	fs   *flag.FlagSet
	defs []Flag
}

type sourcesKey struct{}

// WithSources returns ctx with a new Sources, which NewFlagSet given the
// context (or one made from it) records into.
func WithSources(ctx context.Context) (context.Context, *Sources) {
	s := &Sources{}
	return context.WithValue(ctx, sourcesKey{}, s), s
}

// typedError is an error in what was typed on the command line (an
// unknown flag, a flag without its value): its flags are flags to type,
// never named by a variable ("did you mean --data?").
type typedError struct{ error }

func (e typedError) Unwrap() error { return e.error }

// Name rewrites msg, the message of err, an error of the command whose
// flags s recorded, so that it names what the operator set: each flag
// NewFlagSet set from its environment variable and that the command line
// did not give again, written --name in msg, is named by that variable
// instead (GUICHET_ADDR "x": … give GUICHET_ADDR 127.0.0.1:8081), since
// the operator who set the variable looks for it, not for a flag never
// typed. A flag the command did not read from the environment keeps its
// name, its variable set or not (GUICHET_FORMAT, set for guichet check,
// is not what tickets import's own --format took); so does every flag of
// an error in the command line itself. A nil s names nothing.
func (s *Sources) Name(msg string, err error) string {
	var typed typedError
	if s == nil || errors.As(err, &typed) {
		return msg
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.read {
		given := map[string]bool{}
		r.fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
		for _, d := range r.defs {
			if !given[d.Name] {
				msg = replaceFlag(msg, "--"+d.Name, d.Env)
			}
		}
	}
	return msg
}

// replaceFlag replaces flag (--addr) in msg by env wherever it stands as a
// whole flag name: not --addr-family, not ---addr. A flag followed by the
// value to give it (assigned, see assigned: "--content DIR", "--addr
// :80") becomes the variable's assignment, "GUICHET_CONTENT=DIR": "give
// its path with GUICHET_CONTENT DIR" read as a variable and an argument.
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
			if assigned(msg[end:]) {
				b.WriteByte('=')
				end++ // the space
			}
		} else {
			b.WriteString(flag)
		}
		msg = msg[end:]
	}
}

// assigned reports whether rest, what follows a flag's name in a message,
// starts with the value to give it: a space, then a placeholder in
// capitals ("DIR", "URL", "N") or a value that starts with no letter nor
// quote (":80", "/srv/guichet", "0"), not prose ("or", "too") nor a
// value quoted as the subject of the message (`"x:http": want …`).
func assigned(rest string) bool {
	v, ok := strings.CutPrefix(rest, " ")
	if !ok || v == "" {
		return false
	}
	tok := v[:strings.IndexFunc(v+" ", func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == ')' })]
	if tok == "" {
		return false
	}
	switch c := tok[0]; {
	case c == ':' || c == '/' || c == '.' || '0' <= c && c <= '9':
		return true
	case 'A' <= c && c <= 'Z':
		return strings.ToUpper(tok) == tok
	}
	return false
}
