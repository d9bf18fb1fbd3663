package content

import (
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/site/textnorm"
)

// localeExamples ends the message for a setting that is no locale code
// (see i18n.Canonical).
const localeExamples = "en, pt-BR, zh-Hans or es-419"

// Names of the special files at the content root and in folders.
const (
	configFile    = "guichet.yaml"
	synonymsFile  = "synonyms.yaml"
	redirectsFile = "redirects.yaml"
	indexName     = "_index"
)

// SiteFiles lists the site files of the content folder fsys that the
// loader reads besides the articles and their categories: guichet.yaml,
// synonyms.yaml, redirects.yaml and i18n/<locale>.yaml (or .yml), those
// that are there, as slash-separated paths from the folder's root, sorted.
func SiteFiles(fsys fs.FS) []string {
	var out []string
	for _, name := range []string{configFile, redirectsFile, synonymsFile} {
		if info, err := fs.Stat(fsys, name); err == nil && info.Mode().IsRegular() {
			out = append(out, name)
		}
	}
	for _, pattern := range []string{i18n.Dir + "/*.yaml", i18n.Dir + "/*.yml"} {
		names, _ := fs.Glob(fsys, pattern)
		for _, name := range names {
			if info, err := fs.Stat(fsys, name); err == nil && info.Mode().IsRegular() {
				out = append(out, name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// fileName is a Markdown file name split into its parts:
// "refund.fr.md" → stem "refund", locale "fr".
type fileName struct {
	stem   string // without locale suffix and extension
	locale string // "" for the default locale
	index  bool   // an _index file describing its folder
}

// isMarkdown reports whether name is a Markdown file (or MDX, Docusaurus'
// Markdown with components).
func isMarkdown(name string) bool {
	ext := path.Ext(name)
	return strings.EqualFold(ext, ".md") || strings.EqualFold(ext, ".mdx")
}

// parseFileName splits a Markdown file name. A suffix counts as a locale
// when it is a locale code (i18n.Canonical: "fr", "pt-br", "zh-Hans",
// "es-419", in any case) and, when the site lists its locales, is listed;
// when it does not, only codes of a two-letter language count ("old" and
// "new" are languages too). The locale is the code in its canonical case.
func parseFileName(name string, known map[string]bool) fileName {
	stem := name[:len(name)-len(path.Ext(name))]
	f := fileName{stem: stem}
	if i := strings.LastIndexByte(stem, '.'); i > 0 {
		if loc, n, ok := i18n.Canonical(stem[i+1:]); ok && (known == nil && n == 2 || known[loc]) {
			f.stem, f.locale = stem[:i], loc
		}
	}
	f.index = f.stem == indexName
	return f
}

// isReadme reports whether name is a README, which documents the content
// repository on GitHub and is never an article.
func isReadme(name string) bool {
	return strings.EqualFold(name, "README.md")
}

// slugify turns a folder name into a URL segment: normalised (NFC,
// invisible characters removed, see textnorm.Normalize), lower case, letters
// and digits of any script, dots, '-' and '_'; spaces become '-'.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(strings.TrimSpace(textnorm.Normalize(s))) {
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
// "Billing and plans". Existing capitals are kept, and names glued in
// CamelCase are split into words, known product names kept whole:
// "SkypeforBusiness" → "Skype for Business", "SharePointOnline" →
// "SharePoint Online", "Microsoft365" → "Microsoft 365".
func folderTitle(name string) string {
	parts := strings.FieldsFunc(name, func(r rune) bool {
		return r == '-' || r == '_' || unicode.IsSpace(r)
	})
	var words []string
	for _, p := range parts {
		words = append(words, splitGlued(p)...)
	}
	t := strings.Join(words, " ")
	if t == "" {
		return name
	}
	if productAt(t, 0) != "" {
		return t // "iOS", "macOS" keep their spelling
	}
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}

// productNames are names written in CamelCase or glued to digits that a
// title keeps whole, and the ones other words are glued to.
var productNames = []string{
	"SharePoint", "OneDrive", "OneNote", "PowerShell", "PowerPoint", "PowerApps", "PowerBI", "LinkedIn", "YouTube",
	"GitHub", "GitLab", "JavaScript", "TypeScript", "WordPress", "PayPal", "QuickBooks", "HubSpot", "MailChimp",
	"DocuSign", "FaceTime", "iPhone", "iPad", "iPadOS", "iOS", "macOS", "watchOS", "tvOS", "iCloud", "iTunes",
	"AirDrop", "AirPods", "AirPlay", "WhatsApp", "TikTok", "DevOps", "PostgreSQL", "MySQL", "SQLite", "MongoDB",
	"OAuth", "OpenID", "IPv4", "IPv6", "WiFi", "eBay", "FedEx", "LaTeX", "BitLocker", "InfoPath", "SkyDrive",
	"OneLogin", "WebEx", "DirectX", "ActiveX", "VMware", "VirtualBox", "NetSuite", "ServiceNow", "BigQuery",
	"CloudFront", "DynamoDB", "AppleCare", "ChromeOS", "FreshDesk", "HelpScout",
	"Skype", "Outlook", "Exchange", "Teams", "Office", "Windows", "Azure", "Microsoft", "Intune", "Entra",
	"Dynamics", "Viva", "Yammer", "Lync", "Visio", "Excel", "Google", "Android", "Apple", "Slack", "Zoom",
	"Salesforce", "Zendesk", "Shopify", "Stripe", "Docker", "Kubernetes", "Linux", "Ubuntu", "Chrome", "Firefox",
}

// splitGlued splits a CamelCase word into its words; a word without
// capitals after its first letter is returned as it is.
func splitGlued(w string) []string {
	if !isCamel(w) {
		return []string{w}
	}
	var out []string
	for i := 0; i < len(w); {
		if p := productAt(w, i); p != "" {
			out = append(out, p)
			i += len(p)
			continue
		}
		j := i + 1
		for j < len(w) && !wordBoundary(w, j) && productAt(w, j) == "" {
			j++
		}
		out = append(out, w[i:j])
		i = j
	}
	return out
}

// isCamel reports whether w mixes capitals and small letters after its
// start, or glues letters to digits ("Microsoft365").
func isCamel(w string) bool {
	lower, upperLater, digit := false, false, false
	for i, r := range w {
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r) && i > 0:
			upperLater = true
		case unicode.IsDigit(r):
			digit = true
		}
	}
	return lower && (upperLater || digit)
}

// productAt returns the product name written at w[i:], "" when none.
func productAt(w string, i int) string {
	best := ""
	for _, p := range productNames {
		end := i + len(p)
		if len(p) > len(best) && strings.HasPrefix(w[i:], p) &&
			(end == len(w) || !isAlnum(w[end]) || wordBoundary(w, end) || joinerAt(w, end)) {
			best = p
		}
	}
	return best
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// joinerAt reports whether a small joining word glued between two
// capitalised words starts at w[j]: "for" in "SkypeforBusiness".
func joinerAt(w string, j int) bool {
	for _, joiner := range []string{"for", "and", "of", "on", "in", "to", "with"} {
		end := j + len(joiner)
		if strings.HasPrefix(w[j:], joiner) && end < len(w) && unicode.IsUpper(rune(w[end])) {
			return true
		}
	}
	return false
}

// wordBoundary reports whether a new word starts at w[j]: a capital after
// a small letter or a digit, the last capital of a run followed by a small
// letter ("SQLServer"), or a change between letters and digits.
func wordBoundary(w string, j int) bool {
	if j <= 0 || j >= len(w) {
		return true
	}
	prev, cur := rune(w[j-1]), rune(w[j])
	switch {
	case unicode.IsUpper(cur) && (unicode.IsLower(prev) || unicode.IsDigit(prev)):
		return true
	case unicode.IsUpper(cur) && unicode.IsUpper(prev) && j+1 < len(w) && unicode.IsLower(rune(w[j+1])):
		return true
	case unicode.IsDigit(cur) != unicode.IsDigit(prev) && unicode.IsLetter(prev) != unicode.IsLetter(cur):
		return true
	}
	return false
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
		d := site.EditDistance(strings.ToLower(name), strings.ToLower(k), bestD)
		if d < bestD && d < len(k) {
			best, bestD = k, d
		}
	}
	return best
}
