package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/guichet/guichet/site/datadir"
	"github.com/guichet/guichet/site/sqlite"
)

// runBackup implements `guichet backup FILE`: a consistent copy of the
// events database, taken while the server runs.
func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := newCommand("backup", stderr, "data")
	pos, err := c.parse(args, -1)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("usage: guichet backup FILE [--data DIR]")
	}
	db, err := openStore(ctx, c.cfg, true)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(ctx, pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Backed up %s to %s\n", filepath.Join(c.cfg.Data, "guichet.db"), pos[0])
	return nil
}

// runRestore implements `guichet restore FILE`: the backup replaces the
// events database, the server stopped.
func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := newCommand("restore", stderr, "data")
	pos, err := c.parse(args, -1)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("usage: guichet restore FILE [--data DIR]")
	}
	if err := datadir.Check(c.cfg.Data, 0); err != nil {
		return err
	}
	release, err := datadir.Lock(c.cfg.Data)
	if err != nil {
		return err
	}
	defer release()
	target := filepath.Join(c.cfg.Data, "guichet.db")
	kept, err := sqlite.Restore(ctx, pos[0], target)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Restored %s to %s\n", pos[0], target)
	if kept != "" {
		fmt.Fprintf(stdout, "The previous database is kept as %s\n", kept)
	}
	return nil
}
