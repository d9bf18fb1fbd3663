package content

import (
	"net/url"
	"regexp"

	"github.com/microcosm-cc/bluemonday"
)

// rasterDataURI matches the payload of a data: URL holding a base64 raster
// image.
var rasterDataURI = regexp.MustCompile(`^image/(png|gif|jpeg|webp|avif);base64,[A-Za-z0-9+/]+=*$`)

// contentID matches the ids content may give its elements: letters,
// digits and _:.- , and never in the theme's namespace (ThemeIDPrefix,
// "g-"), so raw HTML cannot take over an id the page already uses (the
// title, the search box, the feedback form) any more than a heading can.
// No length bound: a bounded repeat of these classes ({0,199}) made a
// 15 MB program that took 45 ms to compile at every start.
var contentID = regexp.MustCompile(`^(?:g|g[\p{L}\p{N}_:.][\p{L}\p{N}_:.-]*|(?:[^\P{L}g]|[\p{N}_:.-])[\p{L}\p{N}_:.-]*)$`)

// attrText matches the value of a text attribute (alt, title, aria-label):
// anything but control characters.
var attrText = regexp.MustCompile(`^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$`)

// newSanitizer is the one HTML policy applied to everything rendered from
// content, raw HTML included (allow_html): the elements and attributes
// Guichet's renderer and a writer's formatting need, and nothing that runs
// or styles: no script, event handler, style attribute or element, iframe,
// object, form, srcdoc; URLs only http, https, mailto, tel, relative ones
// and data: for raster images (bluemonday parses each URL after decoding
// entities, so no encoding of "javascript:" passes). Heading attributes are
// limited to id and class, so a writer's {style=…} never reaches the page.
func newSanitizer() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(true)
	p.AllowURLSchemes("http", "https", "mailto", "tel")
	// data: only for raster images, like Markdown images (dangerousURL).
	p.AllowURLSchemeWithCustomPolicy("data", func(u *url.URL) bool {
		return u.RawQuery == "" && u.Fragment == "" && rasterDataURI.MatchString(u.Opaque)
	})

	p.AllowElements(
		"p", "br", "hr", "blockquote", "pre", "code", "span", "div", "em", "strong", "b", "i", "u", "s",
		"del", "ins", "mark", "small", "sub", "sup", "kbd", "samp", "var", "dfn", "q", "cite", "wbr",
		"ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption", "details", "summary", "aside", "section",
		"table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
		"h1", "h2", "h3", "h4", "h5", "h6",
	)
	// Attributes any element may carry; the theme's CSS classes and ids
	// are namespaced so that content cannot take them over.
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^[A-Za-z0-9_ -]{1,200}$`)).Globally()
	p.AllowAttrs("id").Matching(contentID).Globally()
	// Text attributes take any text but control characters: the policy
	// escapes them when it writes the element back, so no value can close
	// the attribute. bluemonday.Paragraph, used before, dropped an alt
	// text with "@", ":", ";", "?", "&", quotes or a typographic
	// apostrophe (l’écran) altogether, leaving the image without alt.
	p.AllowAttrs("title").Matching(attrText).Globally()
	p.AllowAttrs("lang").Matching(regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)).Globally()
	p.AllowAttrs("dir").Matching(bluemonday.Direction).Globally()
	p.AllowAttrs("role").Matching(regexp.MustCompile(`^(note|doc-noteref|doc-endnotes|doc-backlink|doc-footnote|presentation|img|group|region|tab|tablist|tabpanel)$`)).Globally()
	p.AllowAttrs("aria-label").Matching(attrText).Globally()
	p.AllowAttrs("aria-hidden").Matching(regexp.MustCompile(`^(true|false)$`)).Globally()
	// Code blocks and tables scroll sideways and must be reachable by
	// keyboard.
	p.AllowAttrs("tabindex").Matching(regexp.MustCompile(`^0$`)).OnElements("pre", "table", "div")

	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("name").Matching(regexp.MustCompile(`^[\p{L}\p{N}_:.-]{1,200}$`)).OnElements("a")
	p.AllowAttrs("src").OnElements("img")
	p.AllowAttrs("alt").Matching(attrText).OnElements("img")
	p.AllowAttrs("width", "height").Matching(bluemonday.NumberOrPercent).OnElements("img", "col", "colgroup")
	p.AllowAttrs("loading").Matching(regexp.MustCompile(`^(lazy|eager)$`)).OnElements("img")
	p.AllowAttrs("decoding").Matching(regexp.MustCompile(`^(async|sync|auto)$`)).OnElements("img")
	p.AllowAttrs("start", "reversed").OnElements("ol")
	p.AllowAttrs("value").Matching(bluemonday.Integer).OnElements("li")
	p.AllowAttrs("colspan", "rowspan").Matching(bluemonday.Integer).OnElements("td", "th")
	p.AllowAttrs("scope").Matching(regexp.MustCompile(`^(row|col|rowgroup|colgroup)$`)).OnElements("th")
	p.AllowAttrs("span").Matching(bluemonday.Integer).OnElements("col", "colgroup")
	p.AllowAttrs("open").OnElements("details")
	p.AllowAttrs("datetime").Matching(bluemonday.ISO8601).OnElements("del", "ins")
	// Task lists: read-only checkboxes.
	p.AllowAttrs("type").Matching(regexp.MustCompile(`^checkbox$`)).OnElements("input")
	p.AllowAttrs("checked", "disabled").OnElements("input")
	return p
}
