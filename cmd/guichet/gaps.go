package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/sqlite"
)

// runGaps implements `guichet gaps`: the content-gap report from the events
// database, grouped with the content's own analyzer and synonyms.
func runGaps(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "mark" {
		return runGapsMark(ctx, args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "stub" {
		return runGapsStub(ctx, args[1:], stdout, stderr)
	}
	cfg := defaultConfig()
	fset, err := newFlagSet("gaps", &cfg, "content", "data", "format")
	if err != nil {
		return err
	}
	since := fset.String("since", "30d", "report searches since this long ago (30d, 12h) or this date (2026-11-01)")
	locale := fset.String("locale", "", "only this locale")
	minVisitors := fset.Int("min-visitors", 2, "list a gap once this many distinct visitors hit it")
	all := fset.Bool("all", false, "also list gaps marked ignored")
	stub := fset.Bool("stub", false, "write a draft article for every gap listed (see also: guichet gaps stub ID...)")
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
	now := time.Now().UTC()
	from, err := parseSince(*since, now)
	if err != nil {
		return err
	}
	dbPath := filepath.Join(cfg.Data, "guichet.db")
	if _, err := os.Stat(dbPath); err != nil {
		return fmt.Errorf("events database %s: %w (run guichet serve first, or pass --data)", dbPath, err)
	}
	db, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	terms, defLocale, closeIdx, err := loadTerms(ctx, cfg.Content, now)
	if err != nil {
		return err
	}
	defer closeIdx()
	rows, unlinked, screens, err := gapRecords(ctx, db, from, *locale)
	if err != nil {
		return err
	}
	decisions, err := db.Triage(ctx)
	if err != nil {
		return err
	}
	report := gaps.Group(rows, gaps.Options{MinVisitors: *minVisitors, Now: now, Terms: terms, Decisions: decisions, KeepIgnored: *all})
	if *stub {
		for _, g := range report {
			if g.Status == gaps.StatusAnswered || g.Status == gaps.StatusIgnored || g.Status == gaps.StatusProductFix {
				continue // nothing to write
			}
			rel, err := writeStub(cfg.Content, *stubFolder, defLocale, g)
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
		if report == nil {
			report = []gaps.Gap{}
		}
		return enc.Encode(map[string]any{"since": from, "gaps": report})
	case "csv":
		w := csv.NewWriter(stdout)
		w.Write([]string{"id", "status", "note", "kind", "locale", "query", "visitors", "searches", "visitors_7d", "visitors_prev_7d", "visitors_30d", "first_seen", "last_seen", "variants", "sources", "contexts", "paths"})
		for _, g := range report {
			w.Write([]string{g.ID, g.Status, g.Note, g.Kind, g.Locale, g.Query, strconv.Itoa(g.Visitors), strconv.Itoa(g.Searches),
				strconv.Itoa(g.Last7), strconv.Itoa(g.Prev7), strconv.Itoa(g.Last30),
				g.FirstSeen.Format(time.RFC3339), g.LastSeen.Format(time.RFC3339),
				variantList(g.Variants), countList(g.Sources), countList(g.Contexts), countList(g.Paths)})
		}
		w.Flush()
		return w.Error()
	default:
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tVISITORS\t7D\tPREV 7D\tKIND\tLOCALE\tSTATUS\tQUERY\tVARIANTS\tSOURCES")
		for _, g := range report {
			status := g.Status
			if g.AnsweredAt != nil {
				status += fmt.Sprintf(" (before %d, after %d)", g.Before, g.After)
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", g.ID, g.Visitors, g.Last7, g.Prev7, g.Kind, g.Locale,
				status, oneLine(g.Query), oneLine(variantList(g.Variants)), countList(g.Sources))
		}
		tw.Flush()
		fmt.Fprintf(stdout, "%d gaps from %d searches, %d unlinked tickets and %d widget openings with no help since %s\n",
			len(report), len(rows)-unlinked-screens, unlinked, screens, from.Format("2006-01-02 15:04"))
		return nil
	}
}

// loadTerms builds the published content's search index in memory and
// returns its Terms function, so gaps group the way search matches, and
// the content's default locale.
func loadTerms(ctx context.Context, dir string, now time.Time) (func(string, string) []string, string, func(), error) {
	view, idx, err := loadPublished(ctx, dir, now)
	if err != nil {
		return nil, "", nil, err
	}
	return idx.Terms, view.Lib.Config.DefaultLocale, func() { idx.Close() }, nil
}

// loadPublished loads the content folder as published at now and indexes
// it in memory, for the commands that need the content without a server.
// Close the index when done.
func loadPublished(ctx context.Context, dir string, now time.Time) (*site.View, *search.Index, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, nil, fmt.Errorf("content folder %s: %w", dir, err)
	}
	fsys, closer, err := content.OpenDir(dir)
	if err != nil {
		return nil, nil, err
	}
	defer closer.Close()
	lib, err := content.Load(ctx, fsys, content.Options{Dir: dir})
	if err != nil {
		return nil, nil, fmt.Errorf("load content: %w", err)
	}
	view := site.NewView(lib, now, false)
	idx, err := search.Build(ctx, view, "")
	if err != nil {
		return nil, nil, fmt.Errorf("build search index: %w", err)
	}
	return view, idx, nil
}

// parseSince reads "30d", "12h", "90m" or a date.
func parseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if n, ok := strings.CutSuffix(s, "d"); ok {
		if d, err := strconv.Atoi(n); err == nil && d >= 0 {
			return now.Add(-time.Duration(d) * 24 * time.Hour), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		return now.Add(-d), nil
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("--since %q: want a duration like 30d or 12h, or a date like 2026-11-01", s)
}

func variantList(vs []gaps.Variant) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = fmt.Sprintf("%s (%d)", v.Query, v.Searches)
	}
	return strings.Join(parts, "; ")
}

func countList(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s:%d", k, m[k])
	}
	return strings.Join(parts, " ")
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
	fset, err := newFlagSet("gaps mark", &cfg, "content", "data")
	if err != nil {
		return err
	}
	note := fset.String("note", "", "what was decided, for the team")
	fset.SetOutput(stderr)
	pos, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return fmt.Errorf("usage: guichet gaps mark ID new-article|product-fix|ignored|answered [--note TEXT]")
	}
	id, status := pos[0], strings.ReplaceAll(pos[1], "-", "_")
	switch status {
	case gaps.StatusNewArticle, gaps.StatusProductFix, gaps.StatusIgnored, gaps.StatusAnswered:
	default:
		return fmt.Errorf("status %q: want new-article, product-fix, ignored or answered", pos[1])
	}
	db, all, _, err := allGaps(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, g := range all {
		if g.ID == id {
			if err := db.SetTriage(ctx, g, status, *note); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "gap %s (%q) marked %s\n", g.ID, g.Query, strings.ReplaceAll(status, "_", "-"))
			return nil
		}
	}
	return fmt.Errorf("no gap %s in the searches of the last %d days (see guichet gaps --all)", id, cfg.RetentionDays)
}

// allGaps opens the events database and groups every failed search of the
// retention period, ignored gaps and single visitors included.
func allGaps(ctx context.Context, cfg Config) (*sqlite.DB, []gaps.Gap, string, error) {
	dbPath := filepath.Join(cfg.Data, "guichet.db")
	if _, err := os.Stat(dbPath); err != nil {
		return nil, nil, "", fmt.Errorf("events database %s: %w", dbPath, err)
	}
	db, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return nil, nil, "", err
	}
	now := time.Now().UTC()
	terms, defLocale, closeIdx, err := loadTerms(ctx, cfg.Content, now)
	if err != nil {
		db.Close()
		return nil, nil, "", err
	}
	defer closeIdx()
	rows, err := db.GapSearches(ctx, now.Add(-time.Duration(cfg.RetentionDays)*24*time.Hour), "")
	if err != nil {
		db.Close()
		return nil, nil, "", err
	}
	decisions, err := db.Triage(ctx)
	if err != nil {
		db.Close()
		return nil, nil, "", err
	}
	return db, gaps.Group(rows, gaps.Options{MinVisitors: 1, Now: now, Terms: terms, Decisions: decisions, KeepIgnored: true}), defLocale, nil
}

// runGapsStub implements `guichet gaps stub ID... [--folder F]`: a draft
// article per gap, in the customers' words, for a writer to finish.
func runGapsStub(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg := defaultConfig()
	fset, err := newFlagSet("gaps stub", &cfg, "content", "data")
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
	db, all, defLocale, err := allGaps(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	byID := map[string]gaps.Gap{}
	for _, g := range all {
		byID[g.ID] = g
	}
	for _, id := range ids {
		g, ok := byID[id]
		if !ok {
			return fmt.Errorf("no gap %s in the searches of the last %d days", id, cfg.RetentionDays)
		}
		rel, err := writeStub(cfg.Content, *folder, defLocale, g)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: draft for %q (%d visitors)\n", rel, g.Query, g.Visitors)
	}
	return nil
}

// writeStub writes a draft article for gap g and returns its path relative
// to the content folder. It never overwrites a file.
func writeStub(contentDir, folder, defLocale string, g gaps.Gap) (string, error) {
	slug := slugWords(g.Query)
	if slug == "" {
		slug = "gap-" + g.ID
	}
	if g.Locale != "" && g.Locale != defLocale {
		slug += "." + g.Locale // a translation file name: x.fr.md
	}
	rel := filepath.ToSlash(filepath.Join(folder, slug+".md"))
	path := filepath.Join(contentDir, folder, slug+".md")
	var b strings.Builder
	title := strings.TrimSpace(g.Query)
	if r := []rune(title); len(r) > 0 {
		title = strings.ToUpper(string(r[0])) + string(r[1:])
	}
	fmt.Fprintf(&b, "---\ntitle: %s\ndraft: true\nkeywords:\n", yamlString(title))
	for _, v := range g.Variants {
		fmt.Fprintf(&b, "  - %s\n", yamlString(v.Query))
	}
	fmt.Fprintf(&b, "search_tests:\n  - %s\n---\n", yamlString(g.Query))
	fmt.Fprintf(&b, "<!-- Draft from content gap %s: %d visitors searched this (%s) and found %s. Write the answer, then remove draft: true. -->\n",
		g.ID, g.Visitors, g.Kind, map[string]string{gaps.NoResults: "nothing", gaps.NoClick: "no result worth opening"}[g.Kind])
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", fmt.Errorf("write draft %s: %w", rel, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return "", fmt.Errorf("write draft %s: %w", rel, err)
	}
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return "", fmt.Errorf("write draft %s: %w", rel, err)
	}
	return rel, f.Close()
}

// slugWords makes a file name from a query: lower-case words joined by "-".
func slugWords(q string) string {
	words := strings.Fields(site.NormalizeQuery(q))
	if len(words) > 8 {
		words = words[:8]
	}
	return strings.Join(words, "-")
}

// yamlString quotes s for YAML.
func yamlString(s string) string {
	b, _ := json.Marshal(s) // a JSON string is a valid YAML double-quoted scalar
	return string(b)
}
