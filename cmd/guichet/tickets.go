package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/publish"
	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/site/tickets"
)

const ticketsUsage = "usage: guichet tickets import FILE [--format zendesk|freshdesk|helpscout|csv] [--timezone ZONE] [--content DIR] [--data DIR]"

// runTickets implements `guichet tickets import`.
func runTickets(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "import" {
		return fmt.Errorf("%s", ticketsUsage)
	}
	cfg := defaultConfig()
	fset, err := newFlagSet("tickets import", &cfg, "content", "data")
	if err != nil {
		return err
	}
	format := fset.String("format", "", "the export's format: "+strings.Join(tickets.Formats(), ", ")+" (default: recognised from the header)")
	tz := fset.String("timezone", "UTC", "time zone of dates written without one (the helpdesk account's, e.g. Europe/Paris)")
	asJSON := fset.Bool("json", false, "print the summary as JSON")
	fset.SetOutput(stderr)
	pos, err := parseInterspersed(fset, args[1:])
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
	view, idx, err := publish.Load(ctx, cfg.Content, time.Now().UTC())
	if err != nil {
		return err
	}
	defer idx.Close()
	if err := os.MkdirAll(cfg.Data, 0o755); err != nil {
		return fmt.Errorf("data folder %s: %w", cfg.Data, err)
	}
	db, err := sqlite.Open(ctx, filepath.Join(cfg.Data, "guichet.db"))
	if err != nil {
		return err
	}
	defer db.Close()
	in, err := publish.NewIngester(ctx, db, view, idx, time.Now)
	if err != nil {
		return err
	}
	sum, err := tickets.Import(ctx, rd, in, func(r tickets.Result) {
		id := ""
		if r.ExternalID != "" {
			id = fmt.Sprintf(" ticket %q:", r.ExternalID)
		}
		if r.Status == site.TicketRejected {
			fmt.Fprintf(stderr, "%s:%d:%s skipped: %s\n", path, r.Line, id, r.Reason)
		} else {
			fmt.Fprintf(stderr, "%s:%d:%s warning: %s\n", path, r.Line, id, r.Warning)
		}
	})
	took := time.Since(start).Round(time.Millisecond)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if eerr := enc.Encode(map[string]any{"summary": sum, "seconds": took.Seconds()}); eerr != nil && err == nil {
			err = eerr
		}
	} else {
		sum.WriteText(stdout, path, took)
	}
	return err
}
