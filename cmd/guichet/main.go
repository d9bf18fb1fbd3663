// Command guichet serves a help center from a folder of Markdown articles.
//
//	guichet serve   start the help center
//	guichet check   lint the content, exit 1 on errors
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/cli"
)

const usage = `Guichet, a self-hosted help center.

Usage:
  guichet serve [flags]   start the help center (see guichet serve -h)
  guichet check [flags]   report content errors and warnings; exit 1 on errors
  guichet gaps [flags]    what visitors searched and did not find (see guichet gaps -h)
  guichet gaps mark ID STATUS | stub ID... | merge INTO ID... | split ID "QUERY"
                          decide on a gap, draft its article, correct the grouping
  guichet tickets import FILE [--format zendesk|freshdesk|helpscout|csv]
                          take in a helpdesk's ticket export (see guichet tickets import -h)
  guichet token create --scope admin|tickets|publish [--name N] | token list | token revoke ID
  guichet backup FILE     copy the events database of a running server
  guichet restore FILE    put a backup in place (the server stopped)
  guichet version         print the version

Most flags can also be set with a GUICHET_* environment variable: each -h names it.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		// A second signal ends the process at once; and whatever is
		// stuck (a disk that hangs, a library that ignores its context),
		// the process ends within the grace period and a few seconds.
		stop()
		time.Sleep(shutdownGrace + 5*time.Second)
		fmt.Fprintln(os.Stderr, "guichet: did not stop within the grace period; exiting")
		os.Exit(1)
	}()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one sub-command and returns the process exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	ctx, read := cli.WithSources(ctx) // the flags each command's flag set read from GUICHET_*
	switch args[0] {
	case "serve":
		err = runServe(ctx, args[1:], stdout, stderr)
	case "check":
		var failed bool
		failed, err = runCheck(ctx, args[1:], stdout, stderr)
		if err == nil && failed {
			return 1
		}
	case "token":
		err = runToken(ctx, args[1:], stdout, stderr)
	case "gaps":
		err = runGaps(ctx, args[1:], stdout, stderr)
	case "tickets":
		err = runTickets(ctx, args[1:], stdout, stderr)
	case "backup":
		err = runBackup(ctx, args[1:], stdout, stderr)
	case "restore":
		err = runRestore(ctx, args[1:], stdout, stderr)
	case "version", "--version", "-version":
		if len(args) > 1 { // "guichet version --json": nothing it takes
			err = cli.Usagef("unexpected argument %q: usage: guichet version", args[1])
			break
		}
		fmt.Fprintln(stdout, "guichet", versionString())
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "guichet: unknown command %q%s\n\n%s", args[0], site.DidYouMean(args[0], "serve", "check", "gaps", "tickets", "token", "backup", "restore", "version", "help"), usage)
		return 2
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil { // named as the operator set it: GUICHET_ADDR, not --addr
		fmt.Fprintln(stderr, "guichet:", read.Name(site.ErrorText(err), err))
	}
	return cli.ExitCode(err)
}
