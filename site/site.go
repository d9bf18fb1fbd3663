// Package site holds Guichet's domain: the help center's content model
// (articles, categories, the immutable Library snapshot), the small interfaces
// that adapters implement (search, events) and coded errors. It imports only
// the standard library; adapters live in sub-packages and in search/.
package site

import (
	"fmt"
	"html/template"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Config is the site configuration read from guichet.yaml in the content
// directory. Zero values are replaced by defaults in content.Load.
type Config struct {
	// Title, Description and ContactURL are the default locale's; a
	// guichet.yaml may give them per locale (Translated holds those), read
	// them with Localized.
	Title       string `yaml:"title" json:"title"`
	Description string `yaml:"description" json:"description"`
	BaseURL     string `yaml:"base_url" json:"base_url"`
	// TitleSet says whether guichet.yaml gave a title; when not, pages
	// show "Help Center" in their locale.
	TitleSet bool `yaml:"-" json:"-"`
	// Translated maps a setting ("title", "description", "contact_url")
	// to its value per locale, when guichet.yaml gives a map by locale.
	Translated map[string]map[string]string `yaml:"-" json:"translated,omitempty"`
	// Logo and LogoDark (for dark mode) are image files of the content
	// folder shown in every page's header and in the widget; Favicon is
	// the site's icon. Paths relative to the content folder; "" for none.
	Logo     string `yaml:"logo" json:"logo"`
	LogoDark string `yaml:"logo_dark" json:"logo_dark"`
	Favicon  string `yaml:"favicon" json:"favicon"`
	// Broken says guichet.yaml had errors, so some settings are defaults:
	// a server keeps the settings it serves rather than take these.
	Broken bool `yaml:"-" json:"-"`
	// BaseURLSet says whether base_url was written in guichet.yaml; when
	// not, the server uses the address it listens on.
	BaseURLSet bool `yaml:"-" json:"-"`
	// BaseURLGuessed says BaseURL is the address the server listens on:
	// neither base_url nor --base-url named the public one.
	BaseURLGuessed bool     `yaml:"-" json:"-"`
	DefaultLocale  string   `yaml:"default_locale" json:"default_locale"`
	Locales        []string `yaml:"locales" json:"locales"`
	// Theme is the folder of the content folder whose files replace the
	// embedded default theme's, file by file ("theme" by default).
	Theme      string `yaml:"theme" json:"theme"`
	ContactURL string `yaml:"contact_url" json:"contact_url"`
	// EditURL is where the content repository edits a file: the admin
	// page's "edit" actions append an article's source path to it
	// (https://github.com/acme/help/edit/main/content/). Empty: the path
	// alone is shown.
	EditURL    string `yaml:"edit_url" json:"edit_url"`
	BrandColor string `yaml:"brand_color" json:"brand_color"`
	// AllowHTML renders raw HTML found in Markdown. Off by default.
	AllowHTML bool         `yaml:"allow_html" json:"allow_html"`
	Widget    WidgetConfig `yaml:"widget" json:"widget"`
	// FAQ tunes the FAQ ranking; Tickets, ticket linking.
	FAQ     FAQConfig     `yaml:"faq" json:"faq"`
	Tickets TicketsConfig `yaml:"tickets" json:"tickets"`
	Check   CheckConfig   `yaml:"check" json:"check"`
	// Contact is where the contact form delivers.
	Contact ContactConfig `yaml:"contact" json:"contact"`
	// Links tunes where links in the content lead.
	Links LinksConfig `yaml:"links" json:"links"`
}

// LinksConfig tunes where links in the content lead.
type LinksConfig struct {
	// Root is the site the content came from, an http or https address
	// without trailing slash (https://learn.microsoft.com/en-us): a
	// root-absolute link (/powershell/…) that matches no page of the help
	// center leads to Root followed by the link as written, and is no
	// broken link. Empty: such links are broken links.
	Root string `yaml:"root" json:"root"`
}

// ContactConfig says where contact requests go: by e-mail to To (through
// the server's --smtp), and/or as signed JSON to Webhook. With neither,
// the contact form is not offered.
type ContactConfig struct {
	To      string `yaml:"to" json:"to"`
	Webhook string `yaml:"webhook" json:"webhook"`
}

// CheckConfig tunes the content checks (`guichet check`).
type CheckConfig struct {
	// IgnoreFields lists front-matter fields the team keeps on purpose
	// (ms.topic, Hugo's menu…): they raise no unknown-field warning. An
	// entry may be a pattern with * ("ms.*").
	IgnoreFields []string `yaml:"ignore_fields" json:"ignore_fields"`
}

// WidgetConfig configures the embeddable widget.
type WidgetConfig struct {
	// AllowedOrigins lists the host origins ("https://app.example.com"),
	// as NormalizeOrigin returns them, allowed to embed the widget and post
	// its events besides the help center's own; "*" means any. Empty: the
	// help center's own origin only.
	AllowedOrigins []string `yaml:"allowed_origins" json:"allowed_origins"`
	// Invalid is set when an entry of allowed_origins could not be read:
	// the list then fails closed, allowing no other origin (never "any").
	Invalid bool `yaml:"-" json:"-"`
}

// AnyOrigin reports whether every origin may embed the widget: only when
// the list says "*" and has no invalid entry.
func (w WidgetConfig) AnyOrigin() bool {
	return !w.Invalid && slices.Contains(w.AllowedOrigins, "*")
}

// Allows reports whether a host origin (as NormalizeOrigin returns it) may
// embed the widget; never when the list has an invalid entry.
func (w WidgetConfig) Allows(origin string) bool {
	return !w.Invalid && (w.AnyOrigin() || slices.Contains(w.AllowedOrigins, origin))
}

// NormalizeOrigin checks that s is a web origin, scheme://host[:port] with
// scheme http or https and nothing after (a trailing "/" is allowed), or
// "*", and returns it the way browsers serialise an origin: lower case,
// without the scheme's default port (:80 for http, :443 for https) and
// without a trailing slash. Host names must be ASCII (write an
// internationalised name in its xn-- form).
func NormalizeOrigin(s string) (string, error) {
	raw := strings.TrimSpace(s)
	if raw == "*" {
		return raw, nil
	}
	hint := "must look like https://app.example.com (scheme, host and optional port, nothing after)"
	if strings.ContainsAny(raw, "\\ \t\r\n") || !utf8.ValidString(raw) {
		return "", fmt.Errorf("origin %q %s", s, hint)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" || u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || (u.Path != "" && u.Path != "/") {
		return "", fmt.Errorf("origin %q %s", s, hint)
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return "", fmt.Errorf("origin %q %s: the scheme must be http or https", s, hint)
	}
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if host == "" {
		return "", fmt.Errorf("origin %q %s: the host is missing", s, hint)
	}
	if strings.HasSuffix(u.Host, ":") {
		return "", fmt.Errorf("origin %q has an empty port", s)
	}
	if strings.Contains(host, ":") {
		if net.ParseIP(host) == nil {
			return "", fmt.Errorf("origin %q has a bad IPv6 address", s)
		}
		host = "[" + host + "]"
	} else {
		for _, r := range host {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
				if r == '*' {
					return "", fmt.Errorf("origin %q: wildcards are not supported; list each origin, or write \"*\" alone for any", s)
				}
				return "", fmt.Errorf("origin %q has a bad host name (write an internationalised name in its xn-- form)", s)
			}
		}
	}
	if port != "" {
		n, err := strconv.ParseUint(port, 10, 16)
		if err != nil || n == 0 {
			return "", fmt.Errorf("origin %q has a bad port", s)
		}
		if scheme == "http" && n == 80 || scheme == "https" && n == 443 {
			port = ""
		} else {
			port = strconv.FormatUint(n, 10)
		}
	}
	if port != "" {
		return scheme + "://" + host + ":" + port, nil
	}
	return scheme + "://" + host, nil
}

// ValidColor reports whether s is a CSS hex colour, #rgb or #rrggbb.
func ValidColor(s string) bool {
	if len(s) != 4 && len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, r := range s[1:] {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
			return false
		}
	}
	return true
}

// DefaultTicketConfidence is the confidence from which a ticket is linked
// to the article search finds for it (tickets.min_confidence).
const DefaultTicketConfidence = 0.6

// FAQ values of the `faq` front-matter field.
const (
	FAQNone   = ""
	FAQTrue   = "true"
	FAQPinned = "pinned"
)

// Heading is one heading of an article body, used for the table of contents
// and for section-level search results.
type Heading struct {
	Level int    `json:"level"`
	ID    string `json:"id"` // anchor, unique within the article
	Text  string `json:"text"`
}

// Section is a block of an article's plain text under one heading; the first
// section (before any heading) has an empty Heading. Text holds one line per
// paragraph, list item, table cell or code line.
type Section struct {
	Heading Heading
	Text    string
	// Verbatim lists, in increasing order, the lines of Text (0-based,
	// separated by "\n") that are table cells or code rather than prose:
	// search snippets are taken from the other lines.
	Verbatim []int `json:",omitempty"`
}

// Article is one article in one locale. Translations share ID.
type Article struct {
	ID          string
	Locale      string
	Slug        string
	Title       string
	Description string // front matter, else first sentence of the body
	Tags        []string
	Keywords    []string
	Contexts    []string
	TicketTags  []string
	FAQ         string // FAQNone, FAQTrue or FAQPinned
	Weight      int
	Draft       bool
	PublishAt   time.Time // zero: no schedule
	Aliases     []string  // old URL paths that redirect here, each starting with "/"
	Updated     time.Time
	SearchTests []string
	// Extra keeps front-matter fields Guichet does not know.
	Extra map[string]any

	// SourcePath is the file's path relative to the content directory, with
	// forward slashes ("billing/refund.fr.md").
	SourcePath string
	// URL is the article's site path ("/billing/refund", "/fr/billing/refund").
	URL string
	// CategoryID is the ID of the top-level category the article belongs to.
	CategoryID string
	// SectionID is the ID of the folder holding the article: equal to
	// CategoryID for an article at the top of its category, else the nested
	// folder's ID ("office/outlook/calendar").
	SectionID string

	HTML     template.HTML // rendered body, safe to embed
	TOC      []Heading     // headings of level 2 and 3
	Headings []Heading     // all headings
	Sections []Section     // plain text split by heading, for search snippets
	Text     string        // plain text of the whole body
	// Files are the content files (images, attachments) the body
	// references, as paths relative to the content directory: the only
	// files the site serves from the content folder, under /_content/.
	Files []string
}

// Visible reports whether the article is public at time now. Drafts are
// visible only when drafts is true (dev mode).
func (a *Article) Visible(now time.Time, drafts bool) bool {
	if drafts {
		return true
	}
	if a.Draft {
		return false
	}
	return a.PublishAt.IsZero() || !a.PublishAt.After(now)
}

// Category is a content folder in one locale: a top-level category or a
// section nested inside one. Categories share ID across locales.
type Category struct {
	ID          string // folder path relative to the content directory ("billing", "billing/invoices")
	Locale      string
	Slug        string // URL segment
	Title       string // from _index.md, else derived from the folder name
	Description string
	Weight      int
	// Icon is the card's icon from front matter: a short text (an emoji),
	// or, when IconURL is set, the image file it names.
	Icon       string
	IconURL    string
	URL        string // "/billing/", "/fr/billing/invoices/"
	ParentID   string // "" for a top-level category
	SourcePath string // the _index.md used, "" when none
	HTML       template.HTML
	Files      []string // content files the description references (see Article.Files)
	// Lang is the locale Title and Description are written in: Locale
	// when the folder has an _index file of that locale giving a title
	// (the default locale's always does), else the default locale, whose
	// _index file (or folder name) the category shows.
	Lang string
}

// Redirect is one entry of redirects.yaml: a removed URL path that either
// moved (To set, answered with 301) or is gone (410).
type Redirect struct {
	From string `yaml:"from" json:"from"`
	To   string `yaml:"to" json:"to"`
}

// Severity of a content Problem.
type Severity string

// Problem severities.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Problem is one error or warning found while loading content, located by
// file (relative to the content directory), line and column (1-based, 0 if
// unknown).
type Problem struct {
	Severity Severity `json:"severity"`
	// Kind says what the problem is about (one of the Kind… constants), so
	// that reports can group and count problems of one kind.
	Kind   string `json:"kind,omitempty"`
	File   string `json:"file"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	// Field is the front-matter field or config key concerned; for
	// KindSyntax, the name of the other tool's construct (a shortcode).
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

// Problem kinds.
const (
	KindYAML         = "yaml"          // YAML that does not parse
	KindFrontMatter  = "front-matter"  // a missing title, a value of the wrong type
	KindUnknownField = "unknown-field" // a front-matter field Guichet does not use
	KindConfig       = "config"        // a bad value in guichet.yaml, synonyms.yaml
	KindTranslation  = "translation"   // interface strings a locale lacks, or a bad translation file
	KindTheme        = "theme"         // a theme file of the content folder that does not parse
	KindDuplicate    = "duplicate"     // two articles with one id or URL
	KindBrokenLink   = "broken-link"   // a link to a missing file or anchor
	KindImage        = "image"         // a missing image
	KindInclude      = "include"       // an include that is missing, outside the folder or a cycle
	KindSyntax       = "syntax"        // another tool's syntax Guichet leaves out of the page
	KindUnclosed     = "unclosed"      // another tool's block never closed, or its content not indented under it
	KindRedirect     = "redirect"      // a redirect loop, chain or dead end
	KindControlChars = "control-chars" // invisible characters removed from a file
	KindFile         = "file"          // a file that cannot be read or is ignored
	KindKept         = "kept"          // a broken article whose last good version is served
	KindSearchTest   = "search-test"   // a search_tests query that fails
)

// String formats the problem like a compiler message: file:line: severity: message.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		b.WriteString(":")
		b.WriteString(strconv.Itoa(p.Line))
		if p.Column > 0 {
			b.WriteString(":")
			b.WriteString(strconv.Itoa(p.Column))
		}
	}
	b.WriteString(": ")
	b.WriteString(string(p.Severity))
	b.WriteString(": ")
	b.WriteString(p.Message)
	return b.String()
}
