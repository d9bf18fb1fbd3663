package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/publish"
	"github.com/guichet/guichet/site/sqlite"
)

// runGaps implements `guichet gaps`: the content-gap report of the events
// database, grouped with the content's own analysis and synonyms: the same
// report as the admin page and the insights API.
func runGaps(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "mark" {
		return runGapsMark(ctx, args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "stub" {
		return runGapsStub(ctx, args[1:], stdout, stderr)
	}
	cfg := defaultConfig()
	fset, err := newFlagSet("gaps", &cfg, "content", "data", "format", "retention-days")
	if err != nil {
		return err
	}
	since := fset.String("since", "30d", "report the period since this long ago (30d, 12h) or this date (2026-11-01)")
	locale := fset.String("locale", "", "only this locale")
	minVisitors := fset.Int("min-visitors", 2, "list a gap once this many distinct visitors hit it in the period")
	all := fset.Bool("all", false, "also list gaps marked ignored")
	stub := fset.Bool("stub", false, "write a draft article for every gap listed that is open and wants one (see also: guichet gaps stub ID...)")
	stubFolder := fset.String("folder", "drafts", "with --stub: content sub-folder for the drafts")
	fset.SetOutput(stderr)
	if err := fset.Parse(args); err != nil {
		return err
	}
	if cfg.Format != "table" && cfg.Format != "text" && cfg.Format != "csv" && cfg.Format != "json" {
		return fmt.Errorf("--format %q: want table, csv or json", cfg.Format)
	}
	if *minVisitors < 1 {
		return fmt.Errorf("--min-visitors must be at least 1")
	}
	from, err := parseSince(*since, time.Now().UTC())
	if err != nil {
		return err
	}
	svc, defLocale, closeAll, err := openGaps(ctx, cfg)
	if err != nil {
		return err
	}
	defer closeAll()
	rep, err := svc.Report(ctx, gaps.Options{Since: from, Locale: *locale, MinVisitors: *minVisitors, KeepIgnored: *all})
	if err != nil {
		return err
	}
	if *stub {
		for _, g := range rep.Gaps {
			if g.AnsweredAt != nil || g.Status == gaps.StatusIgnored || g.Status == gaps.StatusProductFix {
				continue // nothing to write
			}
			rel, err := gaps.WriteStub(cfg.Content, *stubFolder, defLocale, g)
			if err != nil {
				fmt.Fprintln(stderr, "guichet:", err) // an existing draft: keep going
				continue
			}
			fmt.Fprintf(stdout, "%s: draft for %q (%d visitors)\n", rel, g.Query, g.Visitors)
		}
		return nil
	}
	switch cfg.Format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	case "csv":
		return gaps.WriteCSV(stdout, rep.Gaps)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tVISITORS\t7D\tPREV 7D\tKIND\tLOCALE\tSTATUS\tQUERY\tVARIANTS\tSOURCES")
	for _, g := range rep.Gaps {
		kind := g.Kind
		if g.Kind == gaps.KindSearch {
			kind = fmt.Sprintf("search (%d no results, %d no click)", g.NoResultsVisitors, g.NoClickVisitors)
		}
		status := g.Status
		if status == "" {
			status = "undecided"
		}
		if g.AnsweredAt != nil {
			status += fmt.Sprintf(", answered %s by %s (before %d, after %d)", g.AnsweredAt.Format("2006-01-02"), g.AnsweredBy, g.Before, g.After)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", g.ID, g.Visitors, g.Last7, g.Prev7, kind, g.Locale,
			status, oneLine(g.Query), oneLine(gaps.VariantList(g.Variants)), gaps.CountList(g.Sources))
	}
	tw.Flush()
	fmt.Fprintf(stdout, "%d gaps from %d failed searches, %d unlinked tickets and %d widget openings with no help since %s\n",
		len(rep.Gaps), rep.Searches, rep.Tickets, rep.Openings, from.Format("2006-01-02 15:04"))
	return nil
}

// openGaps opens the events database and the content, and returns the gap
// report service reading them as the server does, the content's default
// locale, and what closes them.
func openGaps(ctx context.Context, cfg Config) (*gaps.Service, string, func(), error) {
	dbPath := filepath.Join(cfg.Data, "guichet.db")
	if _, err := os.Stat(dbPath); err != nil {
		return nil, "", nil, fmt.Errorf("events database %s: %w (run guichet serve first, or pass --data)", dbPath, err)
	}
	view, idx, err := publish.Load(ctx, cfg.Content, time.Now().UTC())
	if err != nil {
		return nil, "", nil, err
	}
	db, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		idx.Close()
		return nil, "", nil, err
	}
	svc := &gaps.Service{Store: db, Retention: time.Duration(cfg.RetentionDays) * 24 * time.Hour}
	svc.SetAnalyzer(idx.Analyzer())
	return svc, view.Lib.Config.DefaultLocale, func() { db.Close(); idx.Close() }, nil
}

// parseSince reads --since (site.ParseSince; default 30 days).
func parseSince(s string, now time.Time) (time.Time, error) {
	t, err := site.ParseSince(s, now, 30*24*time.Hour)
	if err != nil {
		return t, fmt.Errorf("--since: %s", site.ErrorMessage(err))
	}
	return t, nil
}

// oneLine keeps a table cell on one line and reasonably short.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return s
}

// runGapsMark implements `guichet gaps mark ID STATUS [--note TEXT]`.
func runGapsMark(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg := defaultConfig()
	fset, err := newFlagSet("gaps mark", &cfg, "content", "data", "retention-days")
	if err != nil {
		return err
	}
	note := fset.String("note", "", "what was decided, for the team")
	fset.SetOutput(stderr)
	pos, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	const usage = "usage: guichet gaps mark ID new-article|product-fix|ignored|undecided [--note TEXT]"
	if len(pos) != 2 {
		return fmt.Errorf(usage)
	}
	id, status := pos[0], strings.ReplaceAll(pos[1], "-", "_")
	if status == "undecided" {
		status = ""
	}
	if status == "" && pos[1] != "undecided" || !gaps.ValidStatus(status) {
		return fmt.Errorf("status %q: want new-article, product-fix, ignored or undecided (whether a gap is answered is for published content to say)", pos[1])
	}
	svc, _, closeAll, err := openGaps(ctx, cfg)
	if err != nil {
		return err
	}
	defer closeAll()
	g, err := svc.Decide(ctx, id, status, *note)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "gap %s (%q) marked %s\n", g.ID, g.Query, strings.ReplaceAll(pos[1], "_", "-"))
	return nil
}

// runGapsStub implements `guichet gaps stub ID... [--folder F]`: a draft
// article per gap, in the customers' words, for a writer to finish.
func runGapsStub(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg := defaultConfig()
	fset, err := newFlagSet("gaps stub", &cfg, "content", "data", "retention-days")
	if err != nil {
		return err
	}
	folder := fset.String("folder", "drafts", "content sub-folder (category) to write the drafts in")
	fset.SetOutput(stderr)
	ids, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return fmt.Errorf("usage: guichet gaps stub ID... [--folder drafts] (IDs from guichet gaps)")
	}
	if *folder == "" || strings.Contains(*folder, "..") || filepath.IsAbs(*folder) {
		return fmt.Errorf("--folder %q: want a folder inside the content folder", *folder)
	}
	svc, defLocale, closeAll, err := openGaps(ctx, cfg)
	if err != nil {
		return err
	}
	defer closeAll()
	for _, id := range ids {
		g, err := svc.Gap(ctx, id)
		if err != nil {
			return err
		}
		rel, err := gaps.WriteStub(cfg.Content, *folder, defLocale, g)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: draft for %q (%d visitors)\n", rel, g.Query, g.Visitors)
	}
	return nil
}
