package gaps

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/site/textnorm"
)

// Wording gives the site's interface strings in a locale (i18n.Catalog's
// Text): a screen's draft is titled in its locale's words.
type Wording interface {
	Text(locale, key string, args ...string) string
}

// DraftSite is what a draft reads of the site it is written for: the
// content's default locale, and its interface strings (nil: English).
type DraftSite struct {
	DefaultLocale string
	UI            Wording
}

// WriteStub writes a draft article for gap g into the folder (a path with
// forward slashes, inside the content folder dir) and returns its path
// relative to dir. The draft is written in the customers' words: the most
// used phrasing as its title and search test, every phrasing as a keyword;
// for a screen with no help, the screen in its contexts. It never
// overwrites a file, and nothing is written outside dir (symbolic links
// included): when the name is taken by another gap's draft or an article,
// the draft is "name-2.md" (up to "-9"); when g's own draft is anywhere in
// dir (moved, renamed, or named after a phrasing since replaced: its
// marker comment says whose it is), or written under another ID of g (a
// gap merged into it since, the ID it had before an earlier phrasing
// joined it), the error names it and wraps
// fs.ErrExist. A gap of tickets that said nothing (NoSubject) gets no
// draft: EINVALID. A gap of another locale than the site's default gets a
// translation file name (x.fr.md) and an id of its own (the one its
// default-locale version x.md would take), so that `guichet check` reads
// it as an article in that locale only, not the translation of an x.md
// that does not exist; its comment says how to translate it.
func WriteStub(dir, folder string, to DraftSite, g Gap) (string, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return "", fmt.Errorf("write draft: %w", err)
	}
	defer root.Close()
	return writeStub(root, inContent(dir, folder), to, g, draftsByGap(root))
}

// writeStub is WriteStub in root, given the drafts already there by gap ID
// (draftsByGap).
func writeStub(root *os.Root, folder string, to DraftSite, g Gap, drafts map[string]string) (string, error) {
	defLocale := to.DefaultLocale
	folder, err := stubFolder(folder)
	if err != nil {
		return "", fmt.Errorf("write draft: %w", err)
	}
	if !g.Writable() {
		return "", site.Errorf(site.EINVALID, "write draft: gap %s is tickets that said nothing (%s): no article can answer them; read them, and link or close them in the helpdesk", g.ID, g.Query)
	}
	q := g.Query
	if i18n.Language(cmp.Or(g.Locale, defLocale)) == "de" {
		q = umlautSpellings.Replace(q)
	}
	slug := slugWords(q)
	if g.Kind == NoHelp {
		slug = slugWords(screenWord(to, cmp.Or(g.Locale, defLocale)) + " " + screenName(g))
	}
	if slug == "" {
		slug = "gap-" + g.ID
	}
	ext := ".md"
	if g.Locale != "" && g.Locale != defLocale {
		ext = "." + g.Locale + ".md" // a translation file name: x.fr.md
	}
	rel := folder + "/" + slug + ext
	// The draft written under another ID of g is g's draft: a gap merged
	// into it since, or the ID g had before an earlier phrasing joined it
	// (tickets imported with their old dates); a second draft would answer
	// one question twice.
	for _, id := range g.names() {
		at, ok := drafts[id]
		if !ok {
			continue
		}
		// Said in the writer's words, not the system call's
		// ("openat …: file exists"): a second run of gaps --stub
		// meets the drafts of the first, wherever the writer moved them.
		where := "at " + at
		if at == rel {
			where = "there"
		}
		if slices.Contains(g.Merged, id) {
			where += fmt.Sprintf(" (written for gap %s, merged into it since)", id)
		} else if id != g.ID {
			where += fmt.Sprintf(" (written for it as gap %s, its ID before an earlier phrasing joined it)", id)
		}
		return "", kept(fmt.Sprintf("write draft %s: this gap's draft is already %s and is kept (a draft never overwrites one; delete it, or its comment naming the gap, to write the draft again)", rel, where))
	}
	if err := root.MkdirAll(folder, 0o755); err != nil {
		return "", fmt.Errorf("write draft %s: %w", rel, err)
	}
	var f *os.File
	for n := 2; ; n++ {
		f, err = root.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
		if n > maxStubNames {
			return "", kept(fmt.Sprintf("write draft %s: a file is already there and is kept (a draft never overwrites one; move or delete it to write the draft again)", rel))
		}
		// Another gap's draft, or an article, has the name: a search gap
		// and a ticket topic worded alike ("invoice logo") each get one.
		rel = fmt.Sprintf("%s/%s-%d%s", folder, slug, n, ext)
	}
	if err != nil {
		return "", fmt.Errorf("write draft %s: %w", rel, err)
	}
	own := ""
	if ext != ".md" {
		own = strings.TrimSuffix(rel, ext)
	}
	if _, err := f.WriteString(stubText(to, g, own)); err != nil {
		f.Close()
		return "", fmt.Errorf("write draft %s: %w", rel, err)
	}
	drafts[g.ID] = rel
	return rel, f.Close()
}

// keptError is a draft not written because a file is kept: it says why in
// the writer's words and is fs.ErrExist (errors.Is), without the system's
// "file already exists" after them.
type keptError string

func (e keptError) Error() string { return string(e) }
func (e keptError) Unwrap() error { return fs.ErrExist }

func kept(msg string) error { return keptError(msg) }

// maxStubNames bounds the numbered names a draft tries ("x-2.md" to
// "x-9.md") when its own is another file's.
const maxStubNames = 9

// names returns every ID gap g answers to (Service.Gap): its own, those
// of the gaps merged into it, and those its phrasings would give it as its
// first (grouped.find), its own first.
func (g Gap) names() []string {
	ids := append([]string{g.ID}, g.Merged...)
	for _, v := range g.Variants {
		if id := variantID(g, v); !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// draftMarker finds the gap a draft was written for in the comment
// stubText writes ("Draft from content gap ID:").
var draftMarker = regexp.MustCompile(`Draft from content gap ([^\s:]+):`)

// draftsByGap returns the drafts of the content folder by gap ID: every
// Markdown file of a folder the content reads as articles
// (site.ArticleFolder: not "_drafts", hidden ones or "includes") whose
// first 8 KiB hold the
// marker comment stubText writes, by its path relative to the folder. A
// folder that cannot be read holds none.
func draftsByGap(root *os.Root) map[string]string {
	out := map[string]string{}
	head := make([]byte, 8192)
	fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			// A folder the content never reads as articles ("_drafts",
			// where a writer parks a draft, ".git", "includes") holds no
			// draft of a gap: the rule the loader and stubFolder follow.
			if p != "." && !site.ArticleFolder(p) {
				return fs.SkipDir
			}
			return nil
		}
		if ext := strings.ToLower(path.Ext(name)); !d.Type().IsRegular() || ext != ".md" && ext != ".markdown" {
			return nil
		}
		f, err := root.Open(p)
		if err != nil {
			return nil
		}
		n, _ := io.ReadFull(f, head)
		f.Close()
		if m := draftMarker.FindSubmatch(head[:n]); m != nil {
			if _, seen := out[string(m[1])]; !seen {
				out[string(m[1])] = p
			}
		}
		return nil
	})
	return out
}

// screenTitle is the title of the draft for a screen's gap, in locale's
// words ("Help for checkout", "Aide pour checkout").
func screenTitle(to DraftSite, locale string, g Gap) string {
	if to.UI != nil {
		if t := strings.TrimSpace(to.UI.Text(locale, "draft_screen_title", "screen", screenName(g))); t != "" {
			return t
		}
	}
	return "Help for " + screenName(g)
}

// screenWord is the word a screen's draft is named with before the
// screen ("help" of "Help for {screen}", "aide" of "Aide pour {screen}"):
// help-checkout.md, aide-checkout.md.
func screenWord(to DraftSite, locale string) string {
	if to.UI != nil {
		before, after, _ := strings.Cut(to.UI.Text(locale, "draft_screen_title", "screen", "\x00"), "\x00")
		if w := strings.Fields(before); len(w) > 0 {
			return w[0]
		}
		if w := strings.Fields(after); len(w) > 0 {
			return w[len(w)-1]
		}
	}
	return "help"
}

// stubText is the Markdown of a draft for g. own is, for a gap of
// another locale than the site's default, the id the draft sets: the one
// its default-locale version (own.md) would have, so that check reads it
// as an article in that locale alone rather than the translation of a
// missing file; its comment says how to translate it.
func stubText(to DraftSite, g Gap, own string) string {
	var b strings.Builder
	locale := cmp.Or(g.Locale, to.DefaultLocale)
	title := strings.TrimSpace(g.Query)
	if g.Kind == NoHelp {
		title = screenTitle(to, locale, g)
	}
	if r := []rune(title); len(r) > 0 {
		title = strings.ToUpper(string(r[0])) + string(r[1:])
	}
	fmt.Fprintf(&b, "---\ntitle: %s\n", yamlString(title))
	// An answered gap drafted on purpose: its article is read first.
	answered := ""
	if g.AnsweredAt != nil && g.AnsweredBy != "" {
		answered = fmt.Sprintf(" Since %s, %s answers it: read it first.", g.AnsweredAt.UTC().Format("2006-01-02"), strings.ReplaceAll(g.AnsweredBy, "--", "- -"))
	}
	if own != "" {
		fmt.Fprintf(&b, "id: %s\n", yamlString(own))
		o := strings.ReplaceAll(own, "--", "- -")
		answered += fmt.Sprintf(" It is in %s, not the site's default locale (%s): it sets id: %s, so that guichet check reads it as written in %s only; its %s version, written as %s.md, shares that id.",
			locale, to.DefaultLocale, o, locale, to.DefaultLocale, o)
	}
	b.WriteString("draft: true\n")
	if g.Kind == NoHelp {
		fmt.Fprintf(&b, "contexts:\n  - %s\n---\n", yamlString(screenName(g)))
		fmt.Fprintf(&b, "<!-- Draft from content gap %s: the help widget opened %s on this screen (%s) and no article fitted it.%s Write the help for it, then remove draft: true. -->\n",
			g.ID, site.CountOf(g.Searches, "time", "times"), site.Count(g.Visitors, "visitor"), answered)
		return b.String()
	}
	b.WriteString("keywords:\n")
	var alone []Variant
	for i, v := range g.Variants {
		if oneVisitorsStep(g.Variants, i) {
			alone = append(alone, v)
			continue
		}
		fmt.Fprintf(&b, "  - %s\n", yamlString(v.Query))
	}
	fmt.Fprintf(&b, "search_tests:\n  - %s\n---\n", yamlString(g.Query))
	what := g.HowFailed()
	if len(alone) > 0 {
		answered += " " + aloneWords(alone)
	}
	if g.Kind == UnlinkedTicket {
		what = fmt.Sprintf("%s asked this and no article answers them", site.Count(g.Searches, "support ticket"))
	}
	for _, f := range g.FoundInstead {
		// An article ID is a file path: "--" would end the comment.
		what += fmt.Sprintf("; %d of them opened %s next (if it answers this, add the keywords above to it instead)", f.Visitors, strings.ReplaceAll(f.Article, "--", "- -"))
	}
	for _, f := range g.ShownFirst {
		were := "were"
		if f.Visitors == 1 {
			were = "was"
		}
		what += fmt.Sprintf("; %d of them %s shown %s first and did not open it", f.Visitors, were, strings.ReplaceAll(f.Article, "--", "- -"))
	}
	fmt.Fprintf(&b, "<!-- Draft from content gap %s: %s.%s Write the answer, then remove draft: true. -->\n", g.ID, what, answered)
	return b.String()
}

// oneVisitorsStep reports whether variant i of a gap is there only
// because one visitor typed it in the same visit as another of the gap's
// phrasings: one visitor, and no term of its meaning key in any variant
// other people typed (that visitor's own other phrasings do not vouch for
// it: "hamster cage" and "hamster cages", both theirs, share a word with
// each other only). Such a phrasing may be a rephrasing ("gratuity"
// after "tip the driver") or that person's second question ("dark mode
// app" after "gift a box"), so a draft does not make it a keyword
// unasked. A variant without a key (not grouped by meaning) is never
// such, nor one of a gap nobody else typed (nothing to compare with).
func oneVisitorsStep(vs []Variant, i int) bool {
	v := vs[i]
	if v.Visitors != 1 || v.Key == "" || len(vs) < 2 {
		return false
	}
	own := strings.Fields(v.Key)
	others := false
	for j, o := range vs {
		if j == i || o.sameVisitor(v) {
			continue
		}
		others = true
		for _, t := range strings.Fields(o.Key) {
			if slices.Contains(own, t) {
				return false
			}
		}
	}
	return others
}

// aloneWords is the sentence of a draft's comment naming the phrasings
// left out of its keywords (oneVisitorsStep): one person typed each in
// the same visit as the gap's other searches, sharing no word with what
// anyone else typed: a rephrasing, or a second question.
func aloneWords(alone []Variant) string {
	quoted := make([]string, len(alone))
	people := 0
	for i, v := range alone {
		quoted[i] = strings.ReplaceAll(yamlString(v.Query), "--", "- -")
		if !slices.ContainsFunc(alone[:i], v.sameVisitor) {
			people++
		}
	}
	list := quoted[0]
	if n := len(quoted); n > 1 {
		list = strings.Join(quoted[:n-1], ", ") + " and " + quoted[n-1]
	}
	it := "add it to the keywords if it asks the same thing."
	if len(alone) > 1 {
		it = "add them to the keywords if they ask the same thing."
	}
	if people == 1 {
		return fmt.Sprintf("One visitor also typed %s in the same visit: %s", list, it)
	}
	return fmt.Sprintf("%d visitors also typed %s, each in a visit with the searches above: %s", people, list, it)
}

// screenName is the spelling of a screen's gap most people's openings
// had, as the report shows it ("trash" of "Trash", "trash", "trash"),
// else its key: what its draft is titled and fits.
func screenName(g Gap) string {
	if q := strings.TrimSpace(g.Query); q != "" {
		return q
	}
	return g.Key
}

// umlautSpellings are the spellings German uses for ä, ö and ü where
// they cannot be written, as in a URL: a German draft is
// heizkoerper-entlueften.md, not heizkorper-entluften.md, which reads as
// a misspelling (ß is "ss" in every language).
var umlautSpellings = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue")

// slugWords makes a file name from a query: lower-case words joined by "-".
func slugWords(q string) string {
	words := strings.Fields(textnorm.Key(q))
	if len(words) > 8 {
		words = words[:8]
	}
	return strings.Join(words, "-")
}

// yamlString quotes s for YAML.
func yamlString(s string) string {
	// A JSON string is a valid YAML double-quoted scalar; "&", "<" and ">"
	// as written, not \u0026: the writer edits the draft.
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string cannot fail
	return strings.TrimSuffix(b.String(), "\n")
}

// inContent gives an absolute folder inside the content folder dir
// relative to it (--folder /srv/help/content/drafts is "drafts"); any
// other folder is returned as it is, for stubFolder to judge.
func inContent(dir, folder string) string {
	if !filepath.IsAbs(folder) {
		return folder
	}
	base, err := filepath.Abs(dir)
	if err != nil {
		return folder
	}
	rel, err := filepath.Rel(base, filepath.Clean(folder))
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return folder
	}
	return filepath.ToSlash(rel)
}

// stubFolder checks the folder drafts go to, relative to the content
// folder, and returns it cleaned ("drafts/", "a\\b" → "drafts", "a/b"): a
// folder that leaves the content folder ("..", "/tmp"), or whose files the
// content never reads as articles ("_drafts", "includes"), is an error.
func stubFolder(folder string) (string, error) {
	f := strings.ReplaceAll(folder, "\\", "/")
	clean := path.Clean(f)
	if f == "" || path.IsAbs(f) || clean == "." || clean == ".." || strings.HasPrefix(clean, "../") {
		return "", fmt.Errorf("folder %q: want a folder inside the content folder", folder)
	}
	if !site.ArticleFolder(clean) {
		return "", fmt.Errorf("folder %q: Guichet never reads its files as articles (a folder named with \"_\" or \".\" first, node_modules, includes or snippets), so the draft would never be published: choose another folder", folder)
	}
	return clean, nil
}

// WriteStubs writes a draft per gap of list (WriteStub), saying on out where
// each went and on errOut why one was not written (an existing draft is
// never overwritten; a folder outside the content folder writes none).
// kept counts the drafts not written because a file was already there;
// ok is false when a draft was not written for any other reason.
func WriteStubs(dir, folder string, to DraftSite, list []Gap, out, errOut io.Writer) (kept int, ok bool) {
	folder = inContent(dir, folder)
	if _, err := stubFolder(folder); err != nil {
		fmt.Fprintln(errOut, "guichet: write drafts:", site.ErrorText(err))
		return 0, false
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		fmt.Fprintln(errOut, "guichet: write drafts:", site.ErrorText(err))
		return 0, false
	}
	defer root.Close()
	drafts := draftsByGap(root)
	ok = true
	for _, g := range list {
		rel, err := writeStub(root, folder, to, g, drafts)
		if err != nil {
			// In words, without the error's code (site.ErrorText).
			fmt.Fprintln(errOut, "guichet:", site.ErrorText(err))
			if errors.Is(err, fs.ErrExist) {
				kept++
			} else {
				ok = false
			}
			continue
		}
		who := site.Count(g.Visitors, "visitor")
		if g.Kind == UnlinkedTicket {
			who = site.Count(g.Searches, "support ticket")
		}
		fmt.Fprintf(out, "%s: draft for %q (%s)\n", rel, g.Query, who)
		if g.Locale != "" && g.Locale != to.DefaultLocale {
			id, ext := strings.TrimSuffix(rel, "."+g.Locale+".md"), "."+g.Locale+".md"
			fmt.Fprintf(errOut, "guichet: note: %s is in %s, not the default locale %s: it sets id: %s, an article in %s only; write its %s version as %s.md, which shares the id, to translate it\n",
				rel, g.Locale, to.DefaultLocale, id, g.Locale, to.DefaultLocale, strings.TrimSuffix(rel, ext))
		}
		if g.AnsweredAt != nil {
			// Asked by ID (gaps --stub skips answered gaps): written, and
			// said, so the writer checks the article first.
			fmt.Fprintf(errOut, "guichet: note: gap %s is answered by %s since %s; the draft is written as asked\n", g.ID, g.AnsweredBy, g.AnsweredAt.UTC().Format("2006-01-02"))
		}
	}
	return kept, ok
}
