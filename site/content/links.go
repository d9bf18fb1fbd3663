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
	// imageSize returns the width and height of the image at p, if known.
	imageSize(p string) (w, h int, ok bool)
	// read returns the content of the file at p (includes).
	read(p string) ([]byte, error)
	// title returns the title of the article or category at URL path u
	// in locale, "" when none.
	title(u, locale string) string
}

// isImage reports whether p names an image type served from the content
// folder.
func isImage(p string) bool { return site.IsImage(p) }

// linkDest returns the href to render for a link written as dest.
func (d *doc) linkDest(n ast.Node, dest string) string {
	if dangerousURL(dest, false) {
		return ""
	}
	if d.in.links == nil || !isRelative(dest) {
		return dest
	}
	p, query, frag := splitURL(dest)
	if !isMarkdown(p) {
		// A picture (a full-size screenshot) or an attachment is published.
		return d.attachmentDest(n, dest, p)
	}
	line := d.nodeLine(n)
	target, ok := d.resolvePath(p)
	if !ok {
		d.errorf(site.KindBrokenLink, line, "broken link %q: it points outside the content folder", dest)
		return dest
	}
	u, article, err := d.in.links.article(target, d.in.Locale)
	if err != nil {
		d.errorf(site.KindBrokenLink, line, "broken link %q: %v", dest, err)
		return dest
	}
	if frag != "" && article != "" {
		d.out.anchors = append(d.out.anchors, anchorRef{File: d.in.File, Line: line, Dest: dest, Target: article, Anchor: frag})
	}
	if query != "" {
		u += "?" + query
	}
	if frag != "" {
		u += "#" + frag
	}
	return u
}

// imageDest returns the src to render for an image written as dest.
func (d *doc) imageDest(n ast.Node, dest string) string {
	if dangerousURL(dest, true) {
		return ""
	}
	if d.in.links == nil || !isRelative(dest) {
		return dest
	}
	p, _, _ := splitURL(dest)
	line := d.nodeLine(n)
	target, ok := d.resolvePath(p)
	if !ok {
		d.errorf(site.KindImage, line, "image %q points outside the content folder", dest)
		return dest
	}
	if !isImage(p) {
		if !strings.HasPrefix(p, "/") {
			d.out.Problems = append(d.out.Problems, warningAt(site.KindImage, d.in.File, line, "",
				"image %q is not a picture Guichet serves (PNG, JPEG, GIF, SVG, WebP or AVIF): it is left as written and shows as broken", dest))
		}
		return dest
	}
	if !d.in.links.asset(target) {
		d.errorf(site.KindImage, line, "image %q not found (looked for %s)", dest, target)
	} else {
		d.out.Files = append(d.out.Files, target)
	}
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
		d.errorf(site.KindBrokenLink, d.nodeLine(n), "link %q points outside the content folder", dest)
		return dest
	}
	if !d.in.links.asset(target) {
		d.errorf(attachmentKind(p), d.nodeLine(n), "broken link %q: no file %s", dest, target)
		return dest
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
func splitURL(dest string) (p, query, frag string) {
	if i := strings.IndexByte(dest, '#'); i >= 0 {
		dest, frag = dest[:i], dest[i+1:]
	}
	if i := strings.IndexByte(dest, '?'); i >= 0 {
		dest, query = dest[:i], dest[i+1:]
	}
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
