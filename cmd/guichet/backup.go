package main

import (
	"context"
	"fmt"
	"io"

	"github.com/guichet/guichet/site/cli"
	"github.com/guichet/guichet/site/store"
)

// runBackup implements `guichet backup FILE`: a consistent copy of the
// events database, taken while the server runs.
func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	c := newCommand(ctx, "backup", stderr, "data", "database")
	pos, err := c.parse(args, -1)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return cli.Typedf("usage: guichet backup FILE [--data DIR | --database URL]")
	}
	msg, err := store.Backup(ctx, c.cfg.storeOptions(true), pos[0])
	if err == nil {
		fmt.Fprintln(stdout, msg)
	}
	return err
}

// runRestore implements `guichet restore FILE`: the backup replaces the
// events database, the server stopped.
func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	c := newCommand(ctx, "restore", stderr, "data", "database")
	pos, err := c.parse(args, -1)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return cli.Typedf("usage: guichet restore FILE [--data DIR | --database URL]")
	}
	r, err := store.Restore(ctx, c.cfg.storeOptions(false), pos[0])
	if err == nil {
		fmt.Fprint(stdout, r.Report())
	}
	return err
}
