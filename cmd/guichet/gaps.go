package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/insights"
	"github.com/guichet/guichet/site/publish"
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
	if len(args) > 0 && args[0] == "merge" {
		return runGapsMerge(ctx, args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "split" {
		return runGapsSplit(ctx, args[1:], stdout, stderr)
	}
	c := newCommand("gaps", stderr, "content", "data", "database", "format", "retention-days")
	c.fs.Lookup("format").Usage = "output format: " + strings.Join(gaps.Formats, ", ") + " (text is the table) (env GUICHET_FORMAT)"
	since := c.fs.String("since", "30d", "report the period since this many days (30d: today and the 29 days before) or this date (2026-11-01)")
	locale := c.fs.String("locale", "", "only this locale")
	minVisitors := c.fs.Int("min-visitors", 2, "list a gap once this many distinct visitors hit it in the period")
	all := c.fs.Bool("all", false, "also list gaps marked ignored")
	stub := c.fs.Bool("stub", false, "write a draft article for every gap listed that is open and wants one (see also: guichet gaps stub ID...)")
	stubFolder := c.fs.String("folder", "drafts", "with --stub: content sub-folder for the drafts")
	if _, err := c.parse(args, 0); err != nil {
		return err
	}
	if err := gaps.CheckFormat(c.cfg.Format); err != nil {
		return err
	}
	if *minVisitors < 1 {
		return fmt.Errorf("--min-visitors must be at least 1")
	}
	// The period the admin page and the insights API read for the same
	// since (7d: today and the 6 days before).
	p, err := insights.ParsePeriod(*since, "", *locale, time.Now())
	if err != nil {
		return fmt.Errorf("--%s", site.ErrorMessage(err))
	}
	svc, defLocale, closeAll, err := openGaps(ctx, c.cfg)
	if err != nil {
		return err
	}
	defer closeAll()
	rep, err := svc.Report(ctx, gaps.Options{Since: p.From, Until: p.To, Locale: p.Locale, MinVisitors: *minVisitors, KeepIgnored: *all})
	if err != nil {
		return err
	}
	if *stub {
		var open []gaps.Gap
		for _, g := range rep.Gaps {
			if g.WantsArticle() {
				open = append(open, g)
			}
		}
		gaps.WriteStubs(c.cfg.Content, *stubFolder, defLocale, open, stdout, stderr)
		return nil
	}
	return gaps.Write(stdout, rep, p.From, c.cfg.Format)
}

// openGaps opens the events database and the content, and returns the gap
// report service reading them as the server does (publish.GapReport), the
// content's default locale, and what closes them.
func openGaps(ctx context.Context, cfg Config) (*gaps.Service, string, func(), error) {
	db, err := openStore(ctx, cfg, true)
	if err != nil {
		return nil, "", nil, err
	}
	svc, locale, closeIdx, err := publish.GapReport(ctx, cfg.Content, db, time.Duration(cfg.RetentionDays)*24*time.Hour)
	if err != nil {
		db.Close()
		return nil, "", nil, err
	}
	return svc, locale, func() { closeIdx(); db.Close() }, nil
}

// runGapsMark implements `guichet gaps mark ID STATUS [--note TEXT]`.
func runGapsMark(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := newCommand("gaps mark", stderr, "content", "data", "database", "retention-days")
	note := c.fs.String("note", "", "what was decided, for the team")
	pos, err := c.parse(args, -1)
	if err != nil {
		return err
	}
	const usage = "usage: guichet gaps mark ID new-article|product-fix|fixed|ignored|undecided [--note TEXT]"
	if len(pos) != 2 {
		return errors.New(usage)
	}
	id := pos[0]
	status, err := gaps.ParseStatus(pos[1])
	if err != nil {
		return err
	}
	svc, _, closeAll, err := openGaps(ctx, c.cfg)
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

// runGapsMerge implements `guichet gaps merge INTO ID...`: gaps that ask
// the same thing become one, under INTO's ID and decision.
func runGapsMerge(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := newCommand("gaps merge", stderr, "content", "data", "database", "retention-days")
	pos, err := c.parse(args, -1)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		return errors.New("usage: guichet gaps merge INTO ID... (IDs from guichet gaps: the gaps ID... join gap INTO)")
	}
	svc, _, closeAll, err := openGaps(ctx, c.cfg)
	if err != nil {
		return err
	}
	defer closeAll()
	g, err := svc.Merge(ctx, pos[0], pos[1:]...)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "gap %s (%q): %d phrasings, %d visitors\n", g.ID, g.Query, len(g.Variants), g.Visitors)
	return nil
}

// runGapsSplit implements `guichet gaps split ID QUERY`: a phrasing that
// asks something else leaves the gap, as a gap of its own.
func runGapsSplit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := newCommand("gaps split", stderr, "content", "data", "database", "retention-days")
	pos, err := c.parse(args, -1)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return errors.New(`usage: guichet gaps split ID "QUERY" (QUERY one of the gap's phrasings, as guichet gaps lists them)`)
	}
	svc, _, closeAll, err := openGaps(ctx, c.cfg)
	if err != nil {
		return err
	}
	defer closeAll()
	g, err := svc.Split(ctx, pos[0], pos[1])
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%q moved out of gap %s: now gap %s\n", pos[1], pos[0], g.ID)
	return nil
}

// runGapsStub implements `guichet gaps stub ID... [--folder F]`: a draft
// article per gap, in the customers' words, for a writer to finish.
func runGapsStub(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := newCommand("gaps stub", stderr, "content", "data", "database", "retention-days")
	folder := c.fs.String("folder", "drafts", "content sub-folder (category) to write the drafts in")
	ids, err := c.parse(args, -1)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return fmt.Errorf("usage: guichet gaps stub ID... [--folder drafts] (IDs from guichet gaps)")
	}
	if *folder == "" || strings.Contains(*folder, "..") || filepath.IsAbs(*folder) {
		return fmt.Errorf("--folder %q: want a folder inside the content folder", *folder)
	}
	svc, defLocale, closeAll, err := openGaps(ctx, c.cfg)
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
	if !gaps.WriteStubs(c.cfg.Content, *folder, defLocale, list, stdout, stderr) {
		return fmt.Errorf("some drafts were not written")
	}
	return nil
}
