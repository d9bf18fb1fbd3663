package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
)

// blob is a response body prepared once: raw bytes, a strong ETag, its
// content type, and gzipped bytes computed on first use.
type blob struct {
	ctype  string
	body   []byte
	etag   string
	gzOnce sync.Once
	gz     []byte // nil when gzip does not pay off
	// lazy renders a page on its first request (hotpages.go); such a
	// blob has no body of its own: ready returns the rendered one.
	lazy *lazyPage
}

// newBlob hashes body; compression waits for the first request that
// accepts gzip, so building thousands of pages stays cheap.
func newBlob(ctype string, body []byte) *blob {
	sum := sha256.Sum256(body)
	return &blob{ctype: ctype, body: body, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
}

// gzipped returns the compressed body, or nil when not worth it.
func (b *blob) gzipped() []byte {
	b.gzOnce.Do(func() {
		if len(b.body) < 512 || !compressible(b.ctype) {
			return
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(b.body)
		zw.Close()
		if buf.Len() < len(b.body) {
			b.gz = buf.Bytes()
		}
	})
	return b.gz
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "javascript") ||
		strings.Contains(ctype, "json") || strings.Contains(ctype, "xml") || strings.Contains(ctype, "svg")
}

// write answers the request with the blob: 304 when the ETag matches, gzip
// when accepted. cacheControl is set as given.
func (b *blob) write(w http.ResponseWriter, r *http.Request, status int, cacheControl string) {
	h := w.Header()
	h.Set("Content-Type", b.ctype)
	h.Set("ETag", b.etag)
	h.Set("Vary", "Accept-Encoding")
	if cacheControl != "" {
		h.Set("Cache-Control", cacheControl)
	}
	if status == http.StatusOK && etagMatch(r.Header.Get("If-None-Match"), b.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	var body []byte
	if acceptsGzip(r) {
		if gz := b.gzipped(); gz != nil {
			h.Set("Content-Encoding", "gzip")
			body = gz
		}
	}
	if body == nil {
		body = b.plain()
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

func etagMatch(header, etag string) bool {
	if header == "" {
		return false
	}
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		t = strings.TrimPrefix(t, "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

func acceptsGzip(r *http.Request) bool {
	return acceptsEncoding(r.Header.Get("Accept-Encoding"), "gzip")
}

// acceptsEncoding reads an Accept-Encoding header (RFC 9110 §12.5.3) and
// reports whether coding is acceptable: listed, or covered by "*", with a
// quality above 0 ("gzip;q=0.5" is acceptable, "gzip;q=0" and "*;q=0" are
// not). Codings compare without case; a quality that does not parse counts
// as 1.
func acceptsEncoding(header, coding string) bool {
	named, star := -1.0, -1.0
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		name = strings.TrimSpace(name)
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && f >= 0 && f <= 1 {
					q = f
				}
			}
		}
		switch {
		case strings.EqualFold(name, coding):
			named = q
		case name == "*":
			star = q
		}
	}
	if named >= 0 {
		return named > 0
	}
	return star > 0
}

// assetSet is the site's static files, each served under a fingerprinted
// URL ("/static/js/app.3f2a1b9c.js") cached immutable, and under its plain
// name with a short cache for the widget loader and old links.
type assetSet struct {
	urls      map[string]string // logical name → fingerprinted URL
	byPath    map[string]*blob  // URL path → blob
	immutable map[string]bool   // fingerprinted URL paths
}

// loadAssets reads every file of static (logical name = its path) and the
// theme's assets/ folder (logical name = path inside assets/). extraCSS is
// appended to the theme's style.css.
func loadAssets(static, theme fs.FS, extraCSS string) (*assetSet, error) {
	set := &assetSet{urls: map[string]string{}, byPath: map[string]*blob{}, immutable: map[string]bool{}}
	add := func(fsys fs.FS, root string) error {
		return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || strings.HasSuffix(p, ".go") || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			body, err := fs.ReadFile(fsys, p)
			if err != nil {
				return fmt.Errorf("read asset %s: %w", p, err)
			}
			name := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
			if name == "style.css" && extraCSS != "" {
				body = append(append(body, '\n'), extraCSS...)
			}
			set.add(name, body)
			return nil
		})
	}
	if static != nil {
		if err := add(static, "."); err != nil {
			return nil, fmt.Errorf("load static assets: %w", err)
		}
	}
	if theme != nil {
		if _, err := fs.Stat(theme, "assets"); err == nil {
			if err := add(theme, "assets"); err != nil {
				return nil, fmt.Errorf("load theme assets: %w", err)
			}
		}
	}
	return set, nil
}

func (s *assetSet) add(name string, body []byte) {
	ext := path.Ext(name)
	ctype := mime.TypeByExtension(ext)
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if ext == ".js" {
		ctype = "text/javascript; charset=utf-8"
	}
	b := newBlob(ctype, body)
	sum := sha256.Sum256(body)
	fp := "/static/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
	s.urls[name] = fp
	s.byPath[fp] = b
	s.immutable[fp] = true
	s.byPath["/static/"+name] = b
}

// url returns the fingerprinted URL of a logical asset name; an unknown
// name returns the plain path so a missing asset shows up as a 404, not a
// template error.
func (s *assetSet) url(name string) string {
	if u, ok := s.urls[name]; ok {
		return u
	}
	return "/static/" + name
}

// serve answers GET /static/… requests.
func (s *assetSet) serve(w http.ResponseWriter, r *http.Request) bool {
	b, ok := s.byPath[r.URL.Path]
	if !ok {
		return false
	}
	cc := "public, max-age=300"
	if s.immutable[r.URL.Path] {
		cc = "public, max-age=31536000, immutable"
	}
	b.write(w, r, http.StatusOK, cc)
	return true
}
