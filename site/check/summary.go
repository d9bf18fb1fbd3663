package check

import (
	"context"
	"fmt"
	"io"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/guichet/guichet/site"
)

// repoPath returns a function giving the path of a content file from the
// root of the git repository holding the content folder dir, so that
// editors and CI annotations open it; outside a repository, the path from
// the current folder (dir as given, joined with the file).
func repoPath(ctx context.Context, dir string) func(string) string {
	prefix := filepath.ToSlash(filepath.Clean(dir))
	if out, err := exec.CommandContext(ctx, "git", "-C", dir, "rev-parse", "--show-prefix").Output(); err == nil {
		prefix = strings.TrimSuffix(strings.TrimSpace(string(out)), "/")
	}
	if prefix == "." {
		prefix = ""
	}
	return func(file string) string {
		if file == "" || path.IsAbs(file) || filepath.IsAbs(file) {
			return file
		}
		return path.Join(prefix, file)
	}
}

// problemGroup is the problems of one severity and kind (and, for unknown
// fields and other tools' syntax, one name) in the summary.
type problemGroup struct {
	severity site.Severity
	kind     string
	name     string
	problems []site.Problem
	files    int
}

// groupKey is what puts problems in one group.
func groupKey(p site.Problem) (kind, name string) {
	kind = p.Kind
	if kind == "" {
		kind = "other"
	}
	if kind == site.KindUnknownField || kind == site.KindSyntax {
		name = p.Field
	}
	return kind, name
}

// groupProblems groups problems, errors first, then the largest groups.
// Places keep their order (file, then line).
func groupProblems(probs []site.Problem) []*problemGroup {
	byKey := map[string]*problemGroup{}
	var groups []*problemGroup
	files := map[string]map[string]bool{}
	for _, p := range probs {
		kind, name := groupKey(p)
		key := string(p.Severity) + "\x00" + kind + "\x00" + name
		g := byKey[key]
		if g == nil {
			g = &problemGroup{severity: p.Severity, kind: kind, name: name}
			byKey[key] = g
			groups = append(groups, g)
			files[key] = map[string]bool{}
		}
		g.problems = append(g.problems, p)
		if !files[key][p.File] {
			files[key][p.File] = true
			g.files++
		}
	}
	sort.SliceStable(groups, func(i, j int) bool {
		a, b := groups[i], groups[j]
		if a.severity != b.severity {
			return a.severity == site.SeverityError
		}
		if len(a.problems) != len(b.problems) {
			return len(a.problems) > len(b.problems)
		}
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		return a.name < b.name
	})
	return groups
}

// kindTitles name the kinds of problems in the summary.
var kindTitles = map[string]string{
	site.KindYAML:         "YAML that does not parse (an article is skipped; a settings file's values are not used)",
	site.KindFrontMatter:  "front matter values",
	site.KindConfig:       "settings",
	site.KindDuplicate:    "duplicate ids or URLs (the later article is skipped)",
	site.KindBrokenLink:   "broken links",
	site.KindImage:        "missing images",
	site.KindInclude:      "includes left out of the page",
	site.KindUnclosed:     "blocks that do not end where meant (never closed, or content not indented)",
	site.KindRedirect:     "redirects",
	site.KindControlChars: "invisible control characters removed",
	site.KindFile:         "files",
	site.KindSearchTest:   "search tests",
}

// title names a group.
func (g *problemGroup) title() string {
	switch g.kind {
	case site.KindUnknownField:
		return "unknown field `" + g.name + "`"
	case site.KindSyntax:
		return "left out of the page: " + g.name
	}
	if t, ok := kindTitles[g.kind]; ok {
		return t
	}
	return g.kind
}

// summaryPlaces is how many places each group shows.
const summaryPlaces = 3

// summaryWidth is the most characters a place of the summary shows: a long
// path and message are cut (site.Shorten), --verbose prints them whole.
const summaryWidth = 300

// writeSummary prints the problems grouped by kind, with counts and the
// first places of each, then what to do next.
func writeSummary(w io.Writer, groups []*problemGroup, total int) {
	var ignore []string
	shown := 0
	for i, g := range groups {
		if i == 0 || g.severity != groups[i-1].severity {
			if i > 0 {
				fmt.Fprintln(w)
			}
			if g.severity == site.SeverityError {
				fmt.Fprintln(w, "Errors")
			} else {
				fmt.Fprintln(w, "Warnings")
			}
		}
		n := len(g.problems)
		title := g.title()
		label := site.Count(n, "problem")
		if g.kind == site.KindUnknownField {
			// One message for every file: only the places are listed.
			if typo := likelyTypo(g, groups); typo != "" {
				title += " (did you mean `" + typo + "`?)"
			} else {
				ignore = append(ignore, g.name)
			}
			label = site.Count(g.files, "file")
		} else if g.files > 1 && g.files != n {
			label += " in " + site.Count(g.files, "file")
		}
		fmt.Fprintf(w, "  %s: %s\n", title, label)
		for _, p := range g.problems[:min(summaryPlaces, n)] {
			if g.kind == site.KindUnknownField {
				fmt.Fprintf(w, "    %s\n", placeOf(p))
			} else {
				fmt.Fprintf(w, "    %s\n", site.Shorten(placeOf(p)+": "+p.Message, summaryWidth))
			}
			shown++
		}
		if n > summaryPlaces {
			fmt.Fprintf(w, "    … and %s more\n", site.Thousands(n-summaryPlaces))
		}
	}
	writeLinksRoot(w, groups)
	if len(ignore) > 0 {
		sort.Strings(ignore)
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Fields kept on purpose can be silenced in guichet.yaml:")
		fmt.Fprintln(w, "  check:")
		fmt.Fprintf(w, "    ignore_fields: [%s]\n", strings.Join(ignore, ", "))
	}
	if total > shown {
		fmt.Fprintln(w)
		fmt.Fprintf(w, "Every problem, one per line: guichet check --verbose\n")
	}
}

// manyRootLinks is how many broken root-absolute links make the summary
// suggest links.root: fewer are likely typos, not another site's pages.
const manyRootLinks = 10

// writeLinksRoot suggests guichet.yaml's links.root when many
// root-absolute links lead to no page (their problems name that
// setting), with the first segments most of them start with: links into
// the other doc sets of the site the content came from.
func writeLinksRoot(w io.Writer, groups []*problemGroup) {
	n := 0
	count := map[string]int{}
	for _, g := range groups {
		if g.kind != site.KindBrokenLink {
			continue
		}
		for _, p := range g.problems {
			if p.Field != "links.root" {
				continue
			}
			n++
			if q, err := strconv.QuotedPrefix(strings.TrimPrefix(p.Message, "broken link ")); err == nil {
				dest, _ := strconv.Unquote(q)
				first, _, _ := strings.Cut(strings.TrimPrefix(dest, "/"), "/")
				count[strings.ToLower(first)]++
			}
		}
	}
	if n < manyRootLinks {
		return
	}
	firsts := make([]string, 0, len(count))
	for f := range count {
		firsts = append(firsts, f)
	}
	sort.Slice(firsts, func(i, j int) bool {
		if count[firsts[i]] != count[firsts[j]] {
			return count[firsts[i]] > count[firsts[j]]
		}
		return firsts[i] < firsts[j]
	})
	var top []string
	for _, f := range firsts[:min(3, len(firsts))] {
		top = append(top, fmt.Sprintf("/%s/… %s", f, site.Thousands(count[f])))
	}
	if len(firsts) > 3 {
		top = append(top, "…")
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%s from the root lead to no page of this help center (%s).\n", site.Count(n, "link"), strings.Join(top, ", "))
	fmt.Fprintln(w, "If they are pages of the site the content came from, name it in guichet.yaml and they lead there:")
	fmt.Fprintln(w, "  links:")
	if microsoftDocs(groups) {
		fmt.Fprintln(w, "    root: https://learn.microsoft.com/en-us   # the ms.* fields are Microsoft Docs'")
		return
	}
	fmt.Fprintln(w, "    root: https://docs.example.com   # Microsoft Docs: https://learn.microsoft.com/en-us")
}

// microsoftDocs reports whether the content came from Microsoft Docs: the
// fields of its front matter Guichet does not read include its ms.* ones
// (ms.author, ms.topic, ms.custom…).
func microsoftDocs(groups []*problemGroup) bool {
	for _, g := range groups {
		if g.kind == site.KindUnknownField && strings.HasPrefix(g.name, "ms.") {
			return true
		}
	}
	return false
}

// likelyTypo returns the field an unknown field g is probably a
// misspelling of: the one its warnings suggest (a field Guichet knows), or
// another unknown field one or two edits away that ten times as many
// files use ("appiesto" for "appliesto"). "" when none.
func likelyTypo(g *problemGroup, groups []*problemGroup) string {
	msg := g.problems[0].Message
	if i := strings.Index(msg, "did you mean `"); i >= 0 {
		rest := msg[i+len("did you mean `"):]
		if j := strings.IndexByte(rest, '`'); j > 0 {
			return rest[:j]
		}
	}
	best, bestD := "", 3
	for _, o := range groups {
		if o == g || o.kind != site.KindUnknownField || o.files < 10*g.files {
			continue
		}
		if d := site.EditDistance(strings.ToLower(g.name), strings.ToLower(o.name), bestD); d < bestD {
			best, bestD = o.name, d
		}
	}
	return best
}

// placeOf is "path:line:column" of a problem.
func placeOf(p site.Problem) string {
	s := p.File
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line)
		if p.Column > 0 {
			s += ":" + strconv.Itoa(p.Column)
		}
	}
	return s
}
