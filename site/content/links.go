package content

import (
	"html"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/guichet/guichet/site"
)

// linkResolver answers the questions the renderer asks about other content
// files. Paths are cleaned and relative to the content root.
type linkResolver interface {
	// article returns the site URL of the Markdown file at p as seen from
	// locale (its translation when there is one) and the SourcePath of the
	// article the URL belongs to (for anchor checks; "" for a category).
	article(p, locale string) (urlPath, target string, err error)
	// asset reports whether a file exists at p.
	asset(p string) bool
	// nearAsset suggests the file a link to the missing file p may have
	// meant (": did you mean …?"), or "".
	nearAsset(p string) string
	// imageSize returns the width and height of the image at p, if known.
	imageSize(p string) (w, h int, ok bool)
	// read returns the content of the file at p (includes).
	read(p string) ([]byte, error)
	// title returns the title of the article or category at URL path u
	// in locale, "" when none.
	title(u, locale string) string
	// home returns the URL of the home page in locale.
	home(locale string) string
	// markdown reports whether a Markdown file exists at p, published or not.
	markdown(p string) bool
	// page returns the URL of the article or category at URL path u
	// (with or without its trailing slash), or of the article Docusaurus
	// serves there by its slug, and the SourcePath of the article ("" for
	// a category); ok is false when there is none.
	page(u string) (urlPath, target string, ok bool)
	// hasHome reports whether the top of the content folder holds another
	// tool's home page (a Docusaurus doc with `slug: /`, index.md…).
	hasHome() bool
	// linksRoot is guichet.yaml's links.root: the site a root-absolute
	// link that matches no page here leads to; "" for none.
	linksRoot() string
	// served reports whether the site answers at URL u (a path, maybe
	// with a query and fragment): a page of its own (/search, /contact,
	// a home page, feeds), an article, a category, a content file, or an
	// alias or redirect, then followed to where it ends (final); gone
	// when it ends at a page redirects.yaml removed.
	served(u string) (final string, gone, ok bool)
}

// isImage reports whether p names an image type served from the content
// folder.
func isImage(p string) bool { return site.IsImage(p) }

// linkDest returns the href to render for a link written as dest.
func (d *doc) linkDest(n ast.Node, dest string) string {
	if dangerousURL(dest, false) || refusedScheme(dest) {
		// The sanitiser would drop it silently: say so at its line.
		d.warnf(site.KindBrokenLink, d.destAt(n),
			"link %q is shown as its text: only http, https, mailto, tel and relative links are kept; write the address with one of these, or as code (`%s`) to show it", dest, dest)
		return ""
	}
	if frag, ok := strings.CutPrefix(dest, "#"); ok && frag != "" && !strings.EqualFold(frag, "top") && !strings.HasPrefix(frag, "tab/") && d.in.links != nil {
		// A place of this page: checked once the page has its headings
		// (not #top, the top of any page for browsers, nor DocFX's tab
		// headings, `# [Windows](#tab/windows)`).
		line := d.destAt(n)
		d.out.anchors = append(d.out.anchors, anchorRef{File: d.in.File, Line: line.line, Column: line.col, Dest: dest, Anchor: frag})
		return dest
	}
	if d.in.links == nil || !isRelative(dest) {
		return dest
	}
	p, query, frag := splitURL(dest)
	if pageLink(p) || otherRootPage(p) {
		return d.pageDest(n, dest, p, query, frag)
	}
	if !isMarkdown(p) {
		// A picture (a full-size screenshot) or an attachment is published.
		return d.attachmentDest(n, dest, p)
	}
	line := d.destAt(n)
	target, ok := d.resolvePath(p)
	if !ok {
		d.errorf(site.KindBrokenLink, line, "broken link %q: it points outside the content folder", dest)
		return "" // refused: its text, never a path outside the folder
	}
	u, article, err := d.in.links.article(target, d.in.Locale)
	if err != nil {
		return d.brokenLink(line, "broken link %q: %v", dest, err)
	}
	if frag != "" && article != "" {
		d.out.anchors = append(d.out.anchors, anchorRef{File: d.in.File, Line: line.line, Column: line.col, Dest: dest, Target: article, Anchor: frag})
	}
	return withQueryFragment(u, query, frag)
}

// brokenLink records a broken link's error at line and returns the href
// it gets: none, so readers see the link's text and no address that
// answers 404 (a Hugo ref no article answers is shown so too).
func (d *doc) brokenLink(line srcPos, format string, args ...any) string {
	d.errorf(site.KindBrokenLink, line, format+"; until it is fixed, the page shows its text without a link", args...)
	return ""
}

// pageLink reports whether link path p names a page without its file
// name extension: `issue-card`, `../reports/export`, `../reports/`, `..`,
// `/getting-started/install`, as sites built by Docusaurus, DocFX, MkDocs
// or Hugo link them.
func pageLink(p string) bool {
	if p == "" || p == "/" {
		return false
	}
	base := path.Base(p)
	return path.Ext(p) == "" || strings.HasSuffix(p, "/") || base == "." || base == ".."
}

// otherRootPage reports whether root-absolute link path p names a page
// although its last segment holds a dot, since it names no file Guichet
// publishes (Markdown, an image, an attachment): Microsoft Docs'
// `/previous-versions/…/bb457125(v=technet.10)`,
// `/office/vba/api/Outlook.MailItem`, `/purview/prepare-tls-1.2-in-office-365`
// or another site's `/answers/topics/exchange.html`. It is resolved as a
// page: here, else at links.root, else a broken link.
func otherRootPage(p string) bool {
	return strings.HasPrefix(p, "/") && path.Ext(p) != "" && !isMarkdown(p) && !isImage(p) && !site.IsAttachment(p)
}

// pageDest returns the href of a relative link to a page written without
// its extension: the article of that Markdown file (.md, then .mdx), the
// category of that folder, else the article or category at the URL the
// browser would open from this page (a slug, Hugo's URLs ending in "/"). A
// file without extension is left as written; anything else is a broken
// link.
func (d *doc) pageDest(n ast.Node, dest, p, query, frag string) string {
	if strings.HasPrefix(p, "/") {
		return d.rootPageDest(n, dest, p, query, frag)
	}
	line := d.destAt(n)
	if path.Join(path.Dir(d.in.File), p) == "." {
		// The top of the content folder: the home page.
		return withQueryFragment(d.in.links.home(d.in.Locale), query, frag)
	}
	target, ok := d.resolvePath(strings.TrimSuffix(p, "/"))
	if !ok {
		d.errorf(site.KindBrokenLink, line, "broken link %q: it points outside the content folder", dest)
		return "" // refused: its text, never a path outside the folder
	}
	if d.in.links.asset(target) {
		return dest
	}
	if v, ok := d.fileDest(line, dest, target, query, frag); ok {
		return v
	}
	// The URL the browser would open from this page, then from this
	// page's URL with a trailing slash (Hugo writes links for those).
	u, article, found, tried := "", "", false, ""
	if self, _, err := d.in.links.article(d.in.File, d.in.Locale); err == nil {
		base := self
		if !strings.HasSuffix(base, "/") {
			base = path.Dir(base) + "/"
		}
		tried = path.Join(base, p)
		if u, article, found = d.in.links.page(tried); !found && !strings.HasSuffix(self, "/") {
			u, article, found = d.in.links.page(path.Join(self, p))
		}
	}
	if !found {
		msg := "no article " + target + ".md"
		if tried != "" {
			msg += " and no page " + tried
		}
		// The file's name as the link goes, so that the suggestion
		// leads where the link meant to (../guides/nope/ → ../guides/nope.md).
		like := strings.TrimSuffix(p, "/")
		if b := path.Base(like); b == "." || b == ".." {
			like = path.Base(target)
		}
		return d.brokenLink(line, "broken link %q: %s: link to the article's Markdown file, like [text](%s.md)", dest, msg, like)
	}
	return d.pageAnchor(line, dest, u, article, query, frag)
}

// fileDest returns the href of a link to target, a path from the top of
// the content folder without extension: the article of its Markdown file
// (.md, then .mdx; its translation on a translated page) or the category
// of that folder; ok is false when there is neither. A Markdown file that
// is no article is a broken link (ok, dest).
func (d *doc) fileDest(line srcPos, dest, target, query, frag string) (string, bool) {
	for _, ext := range []string{".md", ".mdx"} {
		if d.in.links.markdown(target + ext) {
			v, article, err := d.in.links.article(target+ext, d.in.Locale)
			if err != nil {
				return d.brokenLink(line, "broken link %q: %v", dest, err), true
			}
			return d.pageAnchor(line, dest, v, article, query, frag), true
		}
	}
	if cu, a, err := d.in.links.article(path.Join(target, indexName+".md"), d.in.Locale); err == nil && a == "" {
		return withQueryFragment(cu, query, frag), true
	}
	return "", false
}

// rootPageDest returns the href of a root-absolute link without
// extension, `/getting-started/install` as Docusaurus and MkDocs sites
// write them: the article of that Markdown file from the top of the
// content folder (.md, then .mdx; its translation on a translated page),
// the category of that folder, else what the site serves at that URL (an
// article's URL, a page of the site such as /search or /contact, an
// alias or a redirect, followed), else the same without its first
// segment, which Docusaurus' docs carry (`/docs/…`; /docs/ alone is the
// docs' home, Guichet's home page when the folder has one). The site's
// endpoints (/api/, /admin/…) are left as written; anything else leads to
// the site links.root names, or without it is a broken link that names
// the Markdown file to link to (its Field is links.root, the setting
// that would send it to the site the content came from).
func (d *doc) rootPageDest(n ast.Node, dest, p, query, frag string) string {
	first, rest, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	if site.ReservedSegment(first) {
		return dest
	}
	line := d.destAt(n)
	target, ok := d.resolvePath(strings.TrimSuffix(p, "/"))
	if !ok {
		d.errorf(site.KindBrokenLink, line, "broken link %q: it points outside the content folder", dest)
		return "" // refused: its text, never a path outside the folder
	}
	lookup := func(target, u string) (string, bool) {
		if v, ok := d.fileDest(line, dest, target, query, frag); ok {
			return v, true
		}
		if v, article, ok := d.in.links.page(u); ok {
			return d.pageAnchor(line, dest, v, article, query, frag), true
		}
		return "", false
	}
	if v, ok := lookup(target, p); ok {
		return v
	}
	if final, gone, ok := d.in.links.served(withQueryFragment(p, query, frag)); ok {
		if gone {
			return d.brokenLink(line, "broken link %q: the page was removed (redirects.yaml): link to the article that replaces it", dest)
		}
		return final
	}
	if rest != "" {
		if v, ok := lookup(path.Clean(rest), "/"+rest); ok {
			return v
		}
	} else if first == "docs" && d.in.links.hasHome() {
		// Docusaurus' docs home (/docs/), the doc with `slug: /` or the
		// index.md at the top: Guichet's home page.
		return withQueryFragment(d.in.links.home(d.in.Locale), query, frag)
	}
	if root := d.in.links.linksRoot(); root != "" {
		// A page of the site the content came from.
		return root + dest
	}
	like := target
	if first == "docs" && rest != "" {
		like = path.Clean(rest) // Docusaurus' /docs/ names no folder here
	}
	rel := relativePath(path.Dir(d.in.File), like+".md")
	d.problem(site.SeverityError, site.KindBrokenLink, line, "links.root",
		"broken link %q: no article or page of this site there: link the article's Markdown file, like [text](%s), or write the other site's address in full (https://…)",
		dest, rel)
	return dest
}

// pageAnchor returns the href of a link to the page at URL u, noting its
// fragment for the check of anchors when the page is an article.
func (d *doc) pageAnchor(line srcPos, dest, u, article, query, frag string) string {
	if frag != "" && article != "" {
		d.out.anchors = append(d.out.anchors, anchorRef{File: d.in.File, Line: line.line, Column: line.col, Dest: dest, Target: article, Anchor: frag})
	}
	return withQueryFragment(u, query, frag)
}

// relativePath is the relative link from folder dir to file p, both
// relative to the content root: "../billing/refund.md".
func relativePath(dir, p string) string {
	if dir == "." {
		return p
	}
	from, to := strings.Split(dir, "/"), strings.Split(p, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	up := strings.Repeat("../", len(from)-i)
	return up + strings.Join(to[i:], "/")
}

// withQueryFragment appends a link's query and fragment to URL path u.
func withQueryFragment(u, query, frag string) string {
	if query != "" {
		u += "?" + query
	}
	if frag != "" {
		u += "#" + frag
	}
	return u
}

// imageDest returns the src to render for an image written as dest; ""
// when the image is shown as its alt text (refused, or not in the content
// folder).
func (d *doc) imageDest(n ast.Node, dest string) string {
	if dangerousURL(dest, true) {
		return ""
	}
	if d.in.links == nil || !isRelative(dest) {
		return dest
	}
	p, _, _ := splitURL(dest)
	line := d.destAt(n)
	target, ok := d.resolvePath(p)
	if !ok {
		d.errorf(site.KindImage, line, "image %q points outside the content folder", dest)
		return "" // refused: its text, never a path outside the folder
	}
	if !isImage(p) {
		if !strings.HasPrefix(p, "/") {
			d.warnf(site.KindImage, line,
				"image %q is not a picture Guichet serves (PNG, JPEG, GIF, SVG, WebP or AVIF): it is left as written and shows as broken", dest)
		}
		return dest
	}
	if !d.in.links.asset(target) {
		// Its alt text, never a broken picture: the image is shown as
		// the text that describes it until the file is added.
		d.errorf(site.KindImage, line, "image %q not found (looked for %s)%s; until it is added, the page shows its alt text", dest, target, d.in.links.nearAsset(target))
		return ""
	}
	d.out.Files = append(d.out.Files, target)
	if w, h, ok := d.in.links.imageSize(target); ok {
		n.SetAttributeString("width", []byte(strconv.Itoa(w)))
		n.SetAttributeString("height", []byte(strconv.Itoa(h)))
	}
	return assetURL(target)
}

// attachmentDest returns the href of a relative link to a file that is not
// an article: an image or an attachment (see IsAttachment) found in the
// content folder is published under /_content/; anything else is left as
// written.
func (d *doc) attachmentDest(n ast.Node, dest, p string) string {
	if !isImage(p) && !site.IsAttachment(p) {
		return dest
	}
	target, ok := d.resolvePath(p)
	if !ok {
		d.errorf(site.KindBrokenLink, d.destAt(n), "link %q points outside the content folder", dest)
		return "" // refused: its text, never a path outside the folder
	}
	if !d.in.links.asset(target) {
		// Its text (a lightbox's picture), never an address that answers 404.
		d.errorf(attachmentKind(p), d.destAt(n), "broken link %q: no file %s%s; until it is fixed, the page shows its text without a link", dest, target, d.in.links.nearAsset(target))
		return ""
	}
	d.out.Files = append(d.out.Files, target)
	return assetURL(target)
}

// assetURL is the URL where the web server serves content file p.
func assetURL(p string) string {
	return (&url.URL{Path: "/_content/" + p}).EscapedPath()
}

// resolvePath turns a link path into a cleaned path relative to the content
// root; false when it climbs out of the root.
func (d *doc) resolvePath(p string) (string, bool) {
	if rest, ok := strings.CutPrefix(p, "/_content/"); ok {
		// Where the site serves the content's files: a link copied from a page.
		p = "/" + rest
	}
	if strings.HasPrefix(p, "/") {
		p = path.Clean(p[1:])
	} else {
		p = path.Join(path.Dir(d.in.File), p)
	}
	if p == ".." || strings.HasPrefix(p, "../") || p == "." || p == "" {
		return "", false
	}
	return p, true
}

// isRelative reports whether dest is a path into the content folder: no
// scheme, not protocol-relative, not a bare fragment. A root-absolute path
// counts only when it names a file (it is rewritten only for .md and images).
func isRelative(dest string) bool {
	if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "//") || strings.HasPrefix(dest, "?") {
		return false
	}
	return scheme(dest) == ""
}

// splitURL splits dest into its unescaped path, raw query and fragment.
// A backslash in the path, as written on Windows
// (`media\setup\step-1.png`, `..\security\mfa.md`), separates folders
// as a slash does, as browsers read it in a page's relative links and
// DocFX in the links, images and includes it checks; "%5C" stays a
// character of the name.
func splitURL(dest string) (p, query, frag string) {
	if i := strings.IndexByte(dest, '#'); i >= 0 {
		dest, frag = dest[:i], dest[i+1:]
	}
	if i := strings.IndexByte(dest, '?'); i >= 0 {
		dest, query = dest[:i], dest[i+1:]
	}
	dest = strings.ReplaceAll(dest, `\`, "/")
	if u, err := url.PathUnescape(dest); err == nil {
		dest = u
	}
	return dest, query, frag
}

// scheme returns the lower-cased URL scheme of dest, ignoring the ASCII
// whitespace and control characters browsers ignore; "" when none.
func scheme(dest string) string {
	var b strings.Builder
	for i := 0; i < len(dest); i++ {
		c := dest[i]
		switch {
		case c <= ' ':
			continue
		case c == ':':
			return b.String()
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c >= 'a' && c <= 'z', b.Len() > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
			b.WriteByte(c)
		default:
			return ""
		}
	}
	return ""
}

// refusedScheme reports whether link dest names a scheme the sanitising
// policy refuses (ftp:, sms:, an app's own quillnote:, a Windows path
// C:\…), which would leave the link as its text.
func refusedScheme(dest string) bool {
	if strings.IndexByte(dest, '&') >= 0 {
		dest = html.UnescapeString(dest)
	}
	switch scheme(dest) {
	case "", "http", "https", "mailto", "tel":
		return false
	}
	return true
}

// dangerousURL reports whether dest uses a scheme that can run code:
// javascript:, vbscript:, file:, and data: except raster images (only for
// image sources).
func dangerousURL(dest string, image bool) bool {
	// The HTML renderer resolves entities ("javascript&#58;"), so check
	// what the browser will see.
	if strings.IndexByte(dest, '&') >= 0 {
		dest = html.UnescapeString(dest)
	}
	switch scheme(dest) {
	case "javascript", "vbscript", "file":
		return true
	case "data":
		if !image {
			return true
		}
		rest := strings.ToLower(strings.TrimSpace(dest))
		rest = rest[strings.IndexByte(rest, ':')+1:]
		for _, t := range []string{"image/png", "image/gif", "image/jpeg", "image/webp", "image/avif"} {
			if strings.HasPrefix(rest, t) {
				return false
			}
		}
		return true
	}
	return false
}

// attachmentKind is the kind of a missing linked file: an image or a
// broken link.
func attachmentKind(p string) string {
	if isImage(p) {
		return site.KindImage
	}
	return site.KindBrokenLink
}
