package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
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
		var open []gaps.Gap
		for _, g := range rep.Gaps {
			if g.AnsweredAt == nil && g.Status != gaps.StatusIgnored && g.Status != gaps.StatusProductFix {
				open = append(open, g) // wants an article
			}
		}
		writeStubs(cfg.Content, *stubFolder, defLocale, open, stdout, stderr)
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
	gaps.WriteTable(stdout, rep, from)
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
		return errors.New(usage)
	}
	id := pos[0]
	status, err := gaps.ParseStatus(pos[1])
	if err != nil {
		return err
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
	var list []gaps.Gap
	for _, id := range ids {
		g, err := svc.Gap(ctx, id)
		if err != nil {
			return err
		}
		list = append(list, g)
	}
	if !writeStubs(cfg.Content, *folder, defLocale, list, stdout, stderr) {
		return fmt.Errorf("some drafts were not written")
	}
	return nil
}

// writeStubs writes a draft per gap, saying where, and reports whether all
// were written (an existing draft is said and skipped).
func writeStubs(dir, folder, locale string, list []gaps.Gap, stdout, stderr io.Writer) bool {
	ok := true
	for _, g := range list {
		rel, err := gaps.WriteStub(dir, folder, locale, g)
		if err != nil {
			fmt.Fprintln(stderr, "guichet:", err)
			ok = false
			continue
		}
		fmt.Fprintf(stdout, "%s: draft for %q (%d visitors)\n", rel, g.Query, g.Visitors)
	}
	return ok
}
