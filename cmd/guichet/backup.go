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
	cfg := defaultConfig()
	fset, err := newFlagSet("backup", &cfg, "data")
	if err != nil {
		return err
	}
	fset.SetOutput(stderr)
	pos, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("usage: guichet backup FILE [--data DIR]")
	}
	db, err := sqlite.Open(ctx, filepath.Join(cfg.Data, "guichet.db"))
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(ctx, pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Backed up %s to %s\n", filepath.Join(cfg.Data, "guichet.db"), pos[0])
	return nil
}

// runRestore implements `guichet restore FILE`: the backup replaces the
// events database, the server stopped.
func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg := defaultConfig()
	fset, err := newFlagSet("restore", &cfg, "data")
	if err != nil {
		return err
	}
	fset.SetOutput(stderr)
	pos, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("usage: guichet restore FILE [--data DIR]")
	}
	if err := datadir.Check(cfg.Data, 0); err != nil {
		return err
	}
	release, err := datadir.Lock(cfg.Data)
	if err != nil {
		return err
	}
	defer release()
	target := filepath.Join(cfg.Data, "guichet.db")
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
