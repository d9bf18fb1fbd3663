package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/cli"
	"github.com/guichet/guichet/site/publish"
	"github.com/guichet/guichet/site/tickets"
)

const ticketsUsage = "usage: guichet tickets import FILE [--format zendesk|freshdesk|helpscout|csv] [--timezone ZONE] [--date-order dmy|mdy] [--content DIR] [--data DIR]"

// runTickets implements `guichet tickets import`.
func runTickets(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	if len(args) == 0 || args[0] != "import" {
		return cli.Typedf("%s", ticketsUsage)
	}
	c := newCommand(ctx, "tickets import", stderr, "content", "data", "database")
	format := c.fs.String("format", "", "the export's format: "+strings.Join(tickets.Formats(), ", ")+", or "+tickets.FormatIntercom+" for a JSON export (default: recognised from the header)")
	tz := c.fs.String("timezone", "UTC", "time zone of dates written without one (the helpdesk account's, e.g. Europe/Paris)")
	order := c.fs.String("date-order", "", "dates like 03/04/2026: dmy (day first) or mdy (month first); default: learnt from the file's other dates")
	asJSON := c.fs.Bool("json", false, "print the summary as JSON")
	pos, err := c.parse(args[1:], -1)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return cli.Typedf("%s", ticketsUsage)
	}
	rd, note, closeFile, err := publish.OpenTickets(c.cfg.Content, pos[0], *format, *tz, *order)
	if site.ErrorCode(err) == site.EINVALID {
		return cli.Usage(err) // --format, --timezone or --date-order: exit 2
	}
	if err != nil {
		return err
	}
	defer closeFile()
	fmt.Fprintln(stderr, note)
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
	sum, err := tickets.Import(ctx, rd, in, func(r tickets.Result) { r.WriteText(stderr, pos[0]) })
	took := time.Since(start).Round(time.Millisecond)
	if *asJSON {
		err = errors.Join(err, sum.WriteJSON(stdout, took))
	} else if err == nil || sum.Rows > 0 { // an import stopped before reading a row has nothing to sum up
		sum.WriteText(stdout, pos[0], took)
	}
	return err
}
