package web

import (
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/labstack/echo/v4"
)

// static serves fingerprinted assets.
func (s *Server) static(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	if st.assets.serve(c.Response(), c.Request()) {
		return nil
	}
	return site.Errorf(site.ENOTFOUND, "no asset at %s", c.Request().URL.Path)
}

// contentFile serves the images and attachments that visible articles
// reference (site.View.Published), and nothing else from the content
// folder: not the Markdown sources, not a file no article links to, not
// what a symbolic link outside the folder points to (the folder is read
// through an os.Root).
func (s *Server) contentFile(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	name := strings.TrimPrefix(c.Request().URL.Path, "/_content/")
	ext := strings.ToLower(path.Ext(name))
	if s.opts.Content == nil || !fs.ValidPath(name) || !st.view.Published(name) ||
		!site.IsImage(name) && !site.IsAttachment(name) {
		return site.Errorf(site.ENOTFOUND, "no file at %s", c.Request().URL.Path)
	}
	f, err := s.opts.Content.Open(name)
	if err != nil {
		return site.Errorf(site.ENOTFOUND, "no file at %s", c.Request().URL.Path)
	}
	defer f.Close()
	info, err := f.Stat()
	rs, seekable := f.(io.ReadSeeker)
	if err != nil || !info.Mode().IsRegular() || !seekable {
		return site.Errorf(site.ENOTFOUND, "no file at %s", c.Request().URL.Path)
	}
	ctype := mime.TypeByExtension(ext)
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if ext == ".svg" {
		// An SVG can hold script: serve it so browsers never run it.
		c.Response().Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
	}
	if !site.IsImage(name) {
		c.Response().Header().Set("Content-Disposition", "attachment; filename=\""+strings.ReplaceAll(path.Base(name), `"`, "")+"\"")
		c.Response().Header().Set("Content-Security-Policy", "default-src 'none'; sandbox")
	}
	// Streamed from disk, never read whole into memory: ranges (for video
	// and resumed downloads), Last-Modified and a validator from its size
	// and time, so a 300 MB attachment costs no more memory than a
	// thumbnail. Compression is the proxy's job (Caddy's encode).
	h := c.Response().Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "public, max-age=3600")
	h.Set("ETag", fmt.Sprintf(`"%x-%x"`, info.Size(), info.ModTime().UnixNano()))
	http.ServeContent(c.Response(), c.Request(), "", info.ModTime(), rs)
	return nil
}
