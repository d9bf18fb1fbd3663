package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/guichet/guichet/site/publish"
	"github.com/guichet/guichet/site/tickets"
)

const ticketsUsage = "usage: guichet tickets import FILE [--format zendesk|freshdesk|helpscout|csv] [--timezone ZONE] [--content DIR] [--data DIR]"

// runTickets implements `guichet tickets import`.
func runTickets(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "import" {
		return fmt.Errorf("%s", ticketsUsage)
	}
	c := newCommand("tickets import", stderr, "content", "data", "database")
	format := c.fs.String("format", "", "the export's format: "+strings.Join(tickets.Formats(), ", ")+" (default: recognised from the header)")
	tz := c.fs.String("timezone", "UTC", "time zone of dates written without one (the helpdesk account's, e.g. Europe/Paris)")
	asJSON := c.fs.Bool("json", false, "print the summary as JSON")
	pos, err := c.parse(args[1:], -1)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%s", ticketsUsage)
	}
	loc, err := time.LoadLocation(*tz)
	if err != nil {
		return fmt.Errorf("--timezone %q: %w", *tz, err)
	}
	path := pos[0]
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open tickets file: %w", err)
	}
	defer f.Close()
	rd, err := tickets.NewReader(f, *format, loc)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if *format == "" {
		fmt.Fprintf(stderr, "Reading %s as a %s export (recognised from its header; --format chooses another).\n", path, tickets.FormatName(rd.Format()))
	}
	start := time.Now()
	db, err := openStore(ctx, c.cfg, false)
	if err != nil {
		return err
	}
	defer db.Close()
	in, closeIdx, err := publish.LoadIngester(ctx, c.cfg.Content, db)
	if err != nil {
		return err
	}
	defer closeIdx()
	sum, err := tickets.Import(ctx, rd, in, func(r tickets.Result) { r.WriteText(stderr, path) })
	took := time.Since(start).Round(time.Millisecond)
	if *asJSON {
		err = errors.Join(err, sum.WriteJSON(stdout, took))
	} else {
		sum.WriteText(stdout, path, took)
	}
	return err
}
