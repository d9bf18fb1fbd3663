// Package check lints a content folder the way `guichet serve` would load
// it: every problem of the content pipeline and the articles' search_tests
// run against the index the site would serve, with paths from the
// repository root, as a report to print in full or as a summary.
package check

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
)

// Report is what `guichet check` found; its JSON is the output of
// `guichet check --format json`.
type Report struct {
	Content  string `json:"content"`
	Articles int    `json:"articles"`
	// Unpublished counts the articles among Articles the site does not
	// serve now: drafts and those scheduled later (publish_at).
	Unpublished int            `json:"unpublished"`
	SearchTests int            `json:"search_tests"`
	Errors      int            `json:"errors"`
	Warnings    int            `json:"warnings"`
	Problems    []site.Problem `json:"problems"`
}

// Run loads the content folder dir, builds its search index in memory, runs
// the search tests and returns every problem, sorted by file, with paths
// from the root of the git repository holding dir. It fails only when the
// folder cannot be read.
func Run(ctx context.Context, dir string, now time.Time) (*Report, error) {
	if err := content.CheckDir(dir); err != nil {
		return nil, err
	}
	fsys, closer, err := content.OpenDir(dir)
	if err != nil {
		return nil, err
	}
	defer closer.Close()
	lib, err := content.Load(ctx, fsys, content.Options{Dir: dir})
	if err != nil {
		return nil, fmt.Errorf("load content: %w", err)
	}
	// search_tests run against the index the site would serve now.
	view := site.NewView(lib, now, false)
	idx, err := search.Build(ctx, view, "")
	if err != nil {
		return nil, fmt.Errorf("build search index: %w", err)
	}
	defer idx.Close()
	more, ran, err := Site(ctx, fsys, dir, view, idx)
	if err != nil {
		return nil, err
	}
	problems := append(append([]site.Problem{}, lib.Problems...), more...)
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].File < problems[j].File })
	// Paths from the repository root, which editors and CI annotations open.
	where := repoPath(ctx, dir)
	for i := range problems {
		problems[i].File = where(problems[i].File)
	}
	rep := &Report{Content: dir, Articles: len(lib.Articles), SearchTests: ran, Problems: problems}
	for _, a := range lib.Articles {
		if !a.Visible(now, false) {
			rep.Unpublished++
		}
	}
	for _, p := range problems {
		if p.Severity == site.SeverityError {
			rep.Errors++
		} else {
			rep.Warnings++
		}
	}
	return rep, nil
}

// Site returns the problems of the content folder dir (fsys), loaded as
// view's library, that the loader does not find: its search tests run on
// searcher (and how many ran), its theme and interface strings, its
// locales and brand, and the Docusaurus translations beside it. With the
// loader's they are every problem of the folder: `guichet check` reports
// them and `guichet serve` counts them, so both say the same numbers.
func Site(ctx context.Context, fsys fs.FS, dir string, view *site.View, searcher site.Searcher) ([]site.Problem, int, error) {
	probs, ran, err := site.RunSearchTests(ctx, view, searcher)
	if err != nil {
		return nil, 0, err
	}
	probs = append(probs, localeProblems(fsys, view.Lib, view.Now)...)
	// The content folder is a Docusaurus site's docs/: its translations
	// are beside it, in ../i18n/, out of the folder Guichet reads.
	probs = append(probs, content.DocusaurusTranslations(os.DirFS(filepath.Join(dir, "..")), "..", ".")...)
	// The content folder is a Hugo site's content/, its languages in
	// folders of their own.
	probs = append(probs, content.HugoLanguageFolders(fsys, view.Lib.Config.DefaultLocale)...)
	return probs, ran, nil
}

// Finder is Site for the content folder dir (fsys) as a publisher runs
// it (publish.Options.Problems) on each view it is about to serve.
func Finder(fsys fs.FS, dir string) func(context.Context, *site.View, site.Searcher) ([]site.Problem, error) {
	return func(ctx context.Context, view *site.View, searcher site.Searcher) ([]site.Problem, error) {
		probs, _, err := Site(ctx, fsys, dir, view, searcher)
		return probs, err
	}
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// WriteText writes the totals and, by default, a summary of the problems
// by kind with the first places of each; verbose lists every problem, the
// totals after them where the reader is.
func (r *Report) WriteText(w io.Writer, verbose bool) {
	articles := site.Count(r.Articles, "article")
	if r.Unpublished > 0 {
		// As many as the site serves, as `guichet serve` counts them.
		articles += fmt.Sprintf(" (%d not published: drafts or scheduled)", r.Unpublished)
	}
	totals := fmt.Sprintf("%s: %s, %s, %s, %s\n", r.Content, articles, site.Count(r.SearchTests, "search test"),
		site.Count(r.Errors, "error"), site.Count(r.Warnings, "warning"))
	if verbose {
		for _, p := range r.Problems {
			fmt.Fprintln(w, p.String())
		}
		if len(r.Problems) > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprint(w, totals)
		return
	}
	fmt.Fprint(w, totals)
	if len(r.Problems) > 0 {
		fmt.Fprintln(w)
	}
	writeSummary(w, groupProblems(r.Problems), len(r.Problems))
}
