package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"time"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
)

// checkReport is the JSON output of `guichet check --format json`.
type checkReport struct {
	Content     string         `json:"content"`
	Articles    int            `json:"articles"`
	SearchTests int            `json:"search_tests"`
	Errors      int            `json:"errors"`
	Warnings    int            `json:"warnings"`
	Problems    []site.Problem `json:"problems"`
}

// runCheck implements `guichet check`: it loads the content like serve does
// and prints every problem. failed is true when at least one is an error.
func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) (failed bool, err error) {
	cfg := defaultConfig()
	fset, err := newFlagSet("check", &cfg, "content", "format", "verbose")
	if err != nil {
		return false, err
	}
	fset.SetOutput(stderr)
	if err := fset.Parse(args); err != nil {
		return false, err
	}
	if err := cfg.validate(); err != nil {
		return false, err
	}
	info, err := os.Stat(cfg.Content)
	if err != nil {
		return false, fmt.Errorf("content folder %s: %w", cfg.Content, err)
	}
	if !info.IsDir() {
		return false, fmt.Errorf("content folder %s is not a directory", cfg.Content)
	}
	fsys, closer, err := content.OpenDir(cfg.Content)
	if err != nil {
		return false, err
	}
	defer closer.Close()
	lib, err := content.Load(ctx, fsys, content.Options{Dir: cfg.Content})
	if err != nil {
		return false, fmt.Errorf("load content: %w", err)
	}
	// search_tests run against the index the site would serve now.
	view := site.NewView(lib, time.Now(), false)
	idx, err := search.Build(ctx, view, "")
	if err != nil {
		return false, fmt.Errorf("build search index: %w", err)
	}
	defer idx.Close()
	testProbs, ran, err := runSearchTests(ctx, view, idx)
	if err != nil {
		return false, err
	}
	problems := append(append([]site.Problem(nil), lib.Problems...), testProbs...)
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].File < problems[j].File })
	// Paths from the repository root, which editors and CI annotations open.
	where := repoPath(ctx, cfg.Content)
	for i := range problems {
		problems[i].File = where(problems[i].File)
	}
	rep := checkReport{Content: cfg.Content, Articles: len(lib.Articles), SearchTests: ran, Problems: problems}
	if rep.Problems == nil {
		rep.Problems = []site.Problem{}
	}
	for _, p := range problems {
		if p.Severity == site.SeverityError {
			rep.Errors++
		} else {
			rep.Warnings++
		}
	}
	if cfg.Format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return false, fmt.Errorf("write report: %w", err)
		}
	} else {
		totals := fmt.Sprintf("%s: %s, %s, %s, %s\n", cfg.Content, count(rep.Articles, "article"), count(rep.SearchTests, "search test"),
			count(rep.Errors, "error"), count(rep.Warnings, "warning"))
		if cfg.Verbose {
			for _, p := range problems {
				fmt.Fprintln(stdout, p.String())
			}
			if len(problems) > 0 {
				fmt.Fprintln(stdout)
			}
			fmt.Fprint(stdout, totals) // after the list, where the reader is
		} else {
			fmt.Fprint(stdout, totals)
			if len(problems) > 0 {
				fmt.Fprintln(stdout)
			}
			writeSummary(stdout, groupProblems(problems), len(problems))
		}
	}
	return rep.Errors > 0, nil
}
