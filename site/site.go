// Package site holds Guichet's domain: the help center's content model
// (articles, categories, the immutable Library snapshot), the small interfaces
// that adapters implement (search, events) and coded errors. It imports only
// the standard library; adapters live in sub-packages and in search/.
package site

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Config is the site configuration read from guichet.yaml in the content
// directory. Zero values are replaced by defaults in content.Load.
type Config struct {
	Title         string   `yaml:"title" json:"title"`
	Description   string   `yaml:"description" json:"description"`
	BaseURL       string   `yaml:"base_url" json:"base_url"`
	DefaultLocale string   `yaml:"default_locale" json:"default_locale"`
	Locales       []string `yaml:"locales" json:"locales"`
	Theme         string   `yaml:"theme" json:"theme"`
	ContactURL    string   `yaml:"contact_url" json:"contact_url"`
	BrandColor    string   `yaml:"brand_color" json:"brand_color"`
	// AllowHTML renders raw HTML found in Markdown. Off by default.
	AllowHTML bool         `yaml:"allow_html" json:"allow_html"`
	Widget    WidgetConfig `yaml:"widget" json:"widget"`
	// FAQ tunes the FAQ ranking; Tickets, ticket linking.
	FAQ     FAQConfig     `yaml:"faq" json:"faq"`
	Tickets TicketsConfig `yaml:"tickets" json:"tickets"`
}

// WidgetConfig configures the embeddable widget.
type WidgetConfig struct {
	// AllowedOrigins lists the host origins ("https://app.example.com")
	// allowed to embed the widget and post its events; empty, or "*",
	// means any.
	AllowedOrigins []string `yaml:"allowed_origins" json:"allowed_origins"`
}

// AnyOrigin reports whether every origin may embed the widget.
func (w WidgetConfig) AnyOrigin() bool {
	return len(w.AllowedOrigins) == 0 || slices.Contains(w.AllowedOrigins, "*")
}

// Allows reports whether a host origin (as NormalizeOrigin returns it) may
// embed the widget.
func (w WidgetConfig) Allows(origin string) bool {
	return w.AnyOrigin() || slices.Contains(w.AllowedOrigins, origin)
}

// NormalizeOrigin checks that s is a web origin, scheme://host[:port] with
// scheme http or https and nothing after, or "*", and returns it lower-cased
// without a trailing slash.
func NormalizeOrigin(s string) (string, error) {
	o := strings.ToLower(strings.TrimRight(strings.TrimSpace(s), "/"))
	if o == "*" {
		return o, nil
	}
	scheme, rest, ok := strings.Cut(o, "://")
	if !ok || scheme != "http" && scheme != "https" || rest == "" || strings.ContainsAny(rest, "/?#@ \t") {
		return "", fmt.Errorf("origin %q must look like https://app.example.com (scheme, host and optional port, no path)", s)
	}
	host := rest
	if h, port, found := strings.Cut(rest, ":"); found && !strings.HasPrefix(rest, "[") {
		if _, err := strconv.ParseUint(port, 10, 16); err != nil || h == "" {
			return "", fmt.Errorf("origin %q has a bad port", s)
		}
		host = h
	}
	for _, r := range host {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.' || r == '[' || r == ']' || r == ':') {
			return "", fmt.Errorf("origin %q has a bad host name", s)
		}
	}
	return o, nil
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
	URL         string // "/billing/", "/fr/billing/invoices/"
	ParentID    string // "" for a top-level category
	SourcePath  string // the _index.md used, "" when none
	HTML        template.HTML
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
// file (relative to the content directory) and line (1-based, 0 if unknown).
type Problem struct {
	Severity Severity `json:"severity"`
	File     string   `json:"file"`
	Line     int      `json:"line,omitempty"`
	Field    string   `json:"field,omitempty"`
	Message  string   `json:"message"`
}

// String formats the problem like a compiler message: file:line: severity: message.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		b.WriteString(":")
		b.WriteString(strconv.Itoa(p.Line))
	}
	b.WriteString(": ")
	b.WriteString(string(p.Severity))
	b.WriteString(": ")
	b.WriteString(p.Message)
	return b.String()
}
