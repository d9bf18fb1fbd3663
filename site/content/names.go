package content

import (
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
)

// localeCode matches the locale suffix of a file name: "fr", "pt-BR".
var localeCode = regexp.MustCompile(`^[a-z]{2}(-[A-Z]{2})?$`)

// Names of the special files at the content root and in folders.
const (
	configFile    = "guichet.yaml"
	synonymsFile  = "synonyms.yaml"
	redirectsFile = "redirects.yaml"
	indexName     = "_index"
)

// fileName is a Markdown file name split into its parts:
// "refund.fr.md" → stem "refund", locale "fr".
type fileName struct {
	stem   string // without locale suffix and extension
	locale string // "" for the default locale
	index  bool   // an _index file describing its folder
}

// isMarkdown reports whether name is a Markdown file.
func isMarkdown(name string) bool {
	return strings.EqualFold(path.Ext(name), ".md")
}

// parseFileName splits a Markdown file name. A suffix counts as a locale
// when it looks like one and, when the site lists its locales, is listed.
func parseFileName(name string, known map[string]bool) fileName {
	stem := name[:len(name)-len(path.Ext(name))]
	f := fileName{stem: stem}
	if i := strings.LastIndexByte(stem, '.'); i > 0 {
		if loc := stem[i+1:]; localeCode.MatchString(loc) && (known == nil || known[loc]) {
			f.stem, f.locale = stem[:i], loc
		}
	}
	f.index = f.stem == indexName
	return f
}

// skipName reports whether a file or folder is left out of the content:
// hidden ones and node_modules; folders starting with "_" too.
func skipName(name string, dir bool) bool {
	if strings.HasPrefix(name, ".") || name == "node_modules" {
		return true
	}
	return dir && strings.HasPrefix(name, "_")
}

// isSnippet reports whether the Markdown file at p is a piece of text for
// other articles to include rather than an article: DocFX keeps them in
// folders named includes.
func isSnippet(p string) bool {
	for _, seg := range strings.Split(path.Dir(p), "/") {
		if strings.EqualFold(seg, "includes") {
			return true
		}
	}
	return false
}

// isReadme reports whether name is a README, which documents the content
// repository on GitHub and is never an article.
func isReadme(name string) bool {
	return strings.EqualFold(name, "README.md")
}

// slugify turns a folder name into a URL segment: lower case, letters and
// digits of any script, dots, '-' and '_'; spaces become '-'.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.':
			b.WriteRune(r)
			dash = false
		case r == '-' || unicode.IsSpace(r):
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// folderTitle derives a title from a folder name: "billing-and-plans" →
// "Billing and plans". Existing capitals are kept.
func folderTitle(name string) string {
	t := strings.Join(strings.FieldsFunc(name, func(r rune) bool {
		return r == '-' || r == '_' || unicode.IsSpace(r)
	}), " ")
	if t == "" {
		return name
	}
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}

// didYouMean returns the known name closest to name, when it is a likely
// typo: same name but for case, or at most two edits away (transpositions
// count as one); "" otherwise.
func didYouMean(name string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if strings.EqualFold(k, name) {
			return k
		}
		if len(name) > len(k)+2 || len(k) > len(name)+2 {
			continue // at least three edits apart
		}
		d := site.EditDistance(strings.ToLower(name), k, bestD)
		if d < bestD && d < len(k) {
			best, bestD = k, d
		}
	}
	return best
}
