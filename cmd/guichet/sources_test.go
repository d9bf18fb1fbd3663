package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/cli"
)

// TestEveryCommandNamesOnlyWhatItRead: which GUICHET_* variables an
// error names was up to each command, which had to mark its error with
// its flags (a deferred call; one forgotten, and its errors said --data
// for a GUICHET_DATA the operator set). The flag set records what it read
// itself: for every command, with every variable set, an error naming
// every flag names by its variable exactly the flags its -h says it
// reads from one, and the others as flags.
func TestEveryCommandNamesOnlyWhatItRead(t *testing.T) {
	var cfg Config
	defs := flagDefs(&cfg)
	var all []string
	for _, d := range defs {
		v := "x"
		switch d.Ptr.(type) {
		case *bool:
			v = "false"
		case *int, *float64:
			v = "7"
		}
		t.Setenv(d.Env, v)
		all = append(all, "--"+d.Name)
	}
	msg := strings.Join(all, ", ") + "," // an error that names every flag
	cmd := func(f func(context.Context, []string, io.Writer, io.Writer) error, args ...string) func(context.Context, io.Writer) error {
		return func(ctx context.Context, stderr io.Writer) error {
			return f(ctx, append(args, "-h"), io.Discard, stderr)
		}
	}
	check := func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
		_, err := runCheck(ctx, args, stdout, stderr)
		return err
	}
	for name, run := range map[string]func(context.Context, io.Writer) error{
		"serve": cmd(runServe), "check": cmd(check), "gaps": cmd(runGaps),
		"gaps mark": cmd(runGaps, "mark"), "gaps stub": cmd(runGaps, "stub"), "gaps merge": cmd(runGaps, "merge"),
		"gaps split": cmd(runGaps, "split"), "gaps unmerge": cmd(runGaps, "unmerge"),
		"tickets import": cmd(runTickets, "import"), "token create": cmd(runToken, "create"),
		"token list": cmd(runToken, "list"), "token revoke": cmd(runToken, "revoke"),
		"backup": cmd(runBackup), "restore": cmd(runRestore),
	} {
		t.Run(name, func(t *testing.T) {
			ctx, read := cli.WithSources(context.Background())
			var help bytes.Buffer
			run(ctx, &help)
			got := read.Name(msg, fmt.Errorf("%s", msg))
			reads := 0
			for _, d := range defs {
				inHelp := strings.Contains(help.String(), "(env "+d.Env+")")
				named := strings.Contains(got, d.Env+",") && !strings.Contains(got, "--"+d.Name+",")
				if inHelp {
					reads++
				}
				if inHelp != named {
					t.Errorf("-h says it reads %s: %v; its error names it: %v (%s)", d.Env, inHelp, named, got)
				}
			}
			if reads == 0 {
				t.Errorf("-h names no variable:\n%s", help.String())
			}
		})
	}
}
