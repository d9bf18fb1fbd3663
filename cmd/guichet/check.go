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
	c := newCommand(ctx, "check", stderr, "content", "format", "verbose")
	if _, err := c.parse(args, 0); err != nil {
		return false, err
	}
	if err := c.cfg.validate(); err != nil {
		return false, err
	}
	rep, err := check.Run(ctx, c.cfg.Content, time.Now())
	if err != nil {
		return false, err
	}
	if c.cfg.Format == "json" {
		err = rep.WriteJSON(stdout)
	} else {
		rep.WriteText(stdout, c.cfg.Verbose)
	}
	return rep.Errors > 0, err
}
