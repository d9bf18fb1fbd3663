package main

import (
	"context"
	"io"
	"time"

	"github.com/guichet/guichet/site/check"
)

// runCheck implements `guichet check`: it loads the content like serve does
// and prints its problems. failed is true when at least one is an error.
func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) (failed bool, err error) {
	cfg := defaultConfig()
	fset, err := newFlagSet("check", &cfg, "content", "format", "verbose")
	if err != nil {
		return false, err
	}
	fset.SetOutput(stderr)
	if err := fset.Parse(args); err != nil {
		return false, err
	}
	if err := cfg.validate(); err != nil {
		return false, err
	}
	rep, err := check.Run(ctx, cfg.Content, time.Now())
	if err != nil {
		return false, err
	}
	if cfg.Format == "json" {
		err = rep.WriteJSON(stdout)
	} else {
		rep.WriteText(stdout, cfg.Verbose)
	}
	return rep.Errors > 0, err
}
