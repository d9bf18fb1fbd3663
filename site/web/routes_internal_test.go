package web

import (
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/static"
	"github.com/guichet/guichet/themes"
)

// TestRoutesReserveTheirSegments: every first URL segment the routes
// table answers under (with a trailing slash, where a category would be)
// is one content cannot take (site.ReservedSegment), so no category is
// hidden by a page of the site. The routes without a trailing slash
// (search, faq, feeds, sitemaps) share the URL space with content and are
// listed here on purpose.
func TestRoutesReserveTheirSegments(t *testing.T) {
	theme, _ := fs.Sub(themes.FS, "default")
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "guichet.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rec := sqlite.NewRecorder(db, sqlite.RecorderOptions{})
	defer rec.Close(context.Background())
	s, err := New(Options{Theme: theme, Static: static.FS, Dev: true, Recorder: rec, Auth: db, VisitorKeys: db.VisitorKey})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	shared := map[string]bool{"search": true, "faq": true, "feed.:format": true, "sitemap.xml": true,
		"sitemap-:n": true, "robots.txt": true, "feedback": true, "contact": true, "subscribe": true}
	seen := 0
	for _, r := range s.echo.Routes() {
		seg, _, _ := strings.Cut(strings.TrimPrefix(r.Path, "/"), "/")
		if seg == "" || strings.HasPrefix(seg, ":") || strings.HasPrefix(seg, "*") || shared[seg] {
			continue
		}
		seen++
		if !site.ReservedSegment(seg) {
			t.Errorf("route %s %s: segment %q is not site.ReservedSegment, so a category could be hidden by it", r.Method, r.Path, seg)
		}
	}
	if seen < 10 {
		t.Errorf("only %d routes checked: the table was not read", seen)
	}
}
