package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/cli"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/insights"
	"github.com/guichet/guichet/site/publish"
)

// runGaps implements `guichet gaps`: the content-gap report of the events
// database, grouped with the content's own analysis and synonyms: the same
// report as the admin page and the insights API.
func runGaps(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	sub := map[string]func(context.Context, []string, io.Writer, io.Writer) error{"mark": runGapsMark, "stub": runGapsStub, "merge": runGapsMerge, "split": runGapsSplit, "unmerge": runGapsUnmerge}
	if i := cli.Subcommand(args, func(a string) bool { return sub[a] != nil }); i >= 0 {
		return sub[args[i]](ctx, append(append([]string(nil), args[i+1:]...), args[:i]...), stdout, stderr)
	}
	c := newCommand(ctx, "gaps", stderr, "content", "data", "database", "format", "retention-days")
	cli.SetUsage(c.fs, "[flags], or guichet gaps mark|stub|merge|split|unmerge ... (each has -h)")
	c.fs.Lookup("format").Usage = "output format: " + strings.Join(gaps.Formats, ", ") + " (text is the table) (env GUICHET_FORMAT)"
	since := c.fs.String("since", "30d", "report the period since this many days (30d: today and the 29 days before) or this date (2026-11-01)")
	until := c.fs.String("until", "", "the last day of the period (2026-11-30), as the admin page's custom period; default: today")
	locale := c.fs.String("locale", "", "only this locale")
	minVisitors := c.fs.Int("min-visitors", 2, "list a gap once this many distinct visitors hit it in the period")
	all := c.fs.Bool("all", false, "also list gaps marked ignored")
	stub := c.fs.Bool("stub", false, "write a draft article for every gap listed that is open and wants one (see also: guichet gaps stub ID...)")
	stubFolder := c.fs.String("folder", "drafts", "with --stub: content sub-folder for the drafts")
	if _, err := c.parse(args, 0); err != nil {
		return err
	}
	if err := gaps.CheckFormat(c.cfg.Format); err != nil {
		return cli.Usage(err)
	}
	if *minVisitors < 1 {
		return cli.Usagef("--min-visitors must be at least 1")
	}
	svc, to, closeAll, err := openGaps(ctx, c.cfg)
	if err != nil {
		return err
	}
	defer closeAll()
	// The period the admin page and the insights API read (7d: today and the 6 days before).
	p, err := insights.ParsePeriod(*since, *until, *locale, svc.Locales, time.Now())
	if err != nil {
		return cli.Usagef("--%s", site.ErrorMessage(err))
	}
	rep, err := svc.Report(ctx, gaps.Options{Since: p.From, Until: p.To, Locale: p.Locale, MinVisitors: *minVisitors, KeepIgnored: *all || *stub})
	if err != nil {
		return err
	}
	if *stub {
		// A draft already there is kept and said: a second run meets the
		// drafts of the first. Any other failure is an error.
		if _, ok := gaps.WriteStubs(c.cfg.Content, *stubFolder, to, svc.Drafts(rep, c.cfg.Content, stderr), stdout, stderr); !ok {
			return fmt.Errorf("some drafts were not written")
		}
		return nil
	}
	return gaps.Write(stdout, rep, p.From, c.cfg.Format)
}

// openGaps opens the events database and the content, and returns the gap
// report service reading them as the server does (publish.GapReport), what
// drafts read of the site, and what closes them.
func openGaps(ctx context.Context, cfg Config) (*gaps.Service, gaps.DraftSite, func(), error) {
	db, err := openStore(ctx, cfg, true)
	if err != nil {
		return nil, gaps.DraftSite{}, nil, err
	}
	svc, to, closeIdx, err := publish.GapReport(ctx, cfg.Content, db, time.Duration(cfg.RetentionDays)*24*time.Hour)
	if err != nil {
		db.Close()
		return nil, gaps.DraftSite{}, nil, err
	}
	return svc, to, func() { closeIdx(); db.Close() }, nil
}

// runGapsAction runs `guichet gaps NAME`, a sub-command acting on gaps by
// ID: its flags (declared by flags), min to max positional arguments (max
// -1: any), checked by check (a usage error, before anything is opened),
// then act on the report service; what act returns is printed.
func runGapsAction(ctx context.Context, name, usage string, min, max int, args []string, stdout, stderr io.Writer,
	flags func(*flag.FlagSet), check func(pos []string) error, act func(svc *gaps.Service, to gaps.DraftSite, cfg Config, pos []string) (string, error)) (err error) {
	c := newCommand(ctx, "gaps "+name, stderr, "content", "data", "database", "retention-days")
	cli.SetUsage(c.fs, usage)
	if flags != nil {
		flags(c.fs)
	}
	pos, err := c.parse(args, max)
	if err != nil || len(pos) < min {
		return cli.Typed(errors.Join(err, fmt.Errorf("usage: guichet gaps %s %s", name, usage)))
	}
	if check != nil && check(pos) != nil {
		return cli.Usage(check(pos))
	}
	svc, to, closeAll, err := openGaps(ctx, c.cfg)
	if err != nil {
		return err
	}
	defer closeAll()
	out, err := act(svc, to, c.cfg, pos)
	if err != nil {
		return err
	}
	_, err = fmt.Fprint(stdout, out)
	return err
}

// runGapsMark implements `guichet gaps mark ID STATUS [--note TEXT]`.
func runGapsMark(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var note cli.Text
	return runGapsAction(ctx, "mark", "ID new-article|product-fix|fixed|ignored|undecided [--note TEXT]", 2, 2, args, stdout, stderr,
		func(fs *flag.FlagSet) { fs.Var(&note, "note", "what was decided, for the team (else kept)") },
		func(pos []string) error { _, err := gaps.ParseStatus(pos[1]); return err },
		func(svc *gaps.Service, _ gaps.DraftSite, _ Config, pos []string) (string, error) {
			g, err := svc.Mark(ctx, pos[0], pos[1], note.Given())
			return fmt.Sprintf("gap %s (%q) marked %s\n", g.ID, g.Query, strings.ReplaceAll(strings.ToLower(strings.TrimSpace(pos[1])), "_", "-")), err
		})
}

// runGapsMerge implements `guichet gaps merge INTO ID...`: gaps that ask
// the same thing become one, under INTO's ID and decision.
func runGapsMerge(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return runGapsAction(ctx, "merge", "INTO ID... (IDs from guichet gaps: the gaps ID... join gap INTO)", 2, -1, args, stdout, stderr, nil, nil,
		func(svc *gaps.Service, _ gaps.DraftSite, _ Config, pos []string) (string, error) {
			g, err := svc.Merge(ctx, pos[0], pos[1:]...)
			return fmt.Sprintf("gap %s (%q): %s, %s\n", g.ID, g.Query, site.Count(len(g.Variants), "phrasing"), site.Count(g.Visitors, "visitor")), err
		})
}

// runGapsSplit implements `guichet gaps split ID QUERY`: a phrasing that
// asks something else leaves the gap, as a gap of its own.
func runGapsSplit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return runGapsAction(ctx, "split", `ID "QUERY" (QUERY one of the gap's phrasings, as guichet gaps lists them)`, 2, 2, args, stdout, stderr, nil, nil,
		func(svc *gaps.Service, _ gaps.DraftSite, _ Config, pos []string) (string, error) {
			g, err := svc.Split(ctx, pos[0], pos[1])
			return fmt.Sprintf("%q moved out of gap %s: now gap %s\n", pos[1], strings.ToLower(strings.TrimSpace(pos[0])), g.ID), err
		})
}

// runGapsUnmerge implements `guichet gaps unmerge ID`: a gap merged into
// another stands on its own again.
func runGapsUnmerge(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return runGapsAction(ctx, "unmerge", "ID (a gap merged into another, as guichet gaps lists it under merged)", 1, 1, args, stdout, stderr, nil, nil,
		func(svc *gaps.Service, _ gaps.DraftSite, _ Config, pos []string) (string, error) {
			g, err := svc.Unmerge(ctx, pos[0])
			return fmt.Sprintf("gap %s (%q) stands on its own again: %s, %s\n", g.ID, g.Query, site.Count(len(g.Variants), "phrasing"), site.Count(g.Visitors, "visitor")), err
		})
}

// runGapsStub implements `guichet gaps stub ID... [--folder F]`: a draft
// article per gap, in the customers' words, for a writer to finish.
func runGapsStub(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var folder *string
	return runGapsAction(ctx, "stub", "ID... [--folder drafts] (IDs from guichet gaps)", 1, -1, args, stdout, stderr,
		func(fs *flag.FlagSet) {
			folder = fs.String("folder", "drafts", "content sub-folder (category) to write the drafts in")
		}, nil,
		func(svc *gaps.Service, to gaps.DraftSite, cfg Config, ids []string) (string, error) {
			var list []gaps.Gap
			for _, id := range ids {
				g, err := svc.Gap(ctx, id)
				if err != nil {
					return "", err
				}
				list = append(list, g)
			}
			if kept, ok := gaps.WriteStubs(cfg.Content, *folder, to, list, stdout, stderr); !ok || kept > 0 {
				return "", fmt.Errorf("some drafts were not written")
			}
			return "", nil
		})
}
