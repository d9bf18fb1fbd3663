package web_test

import (
	"context"
	"errors"
	"io/fs"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/site/web"
	"github.com/guichet/guichet/static"
	"github.com/guichet/guichet/themes"
)

// TestReadyAndHealth: /readyz says 503 until the first content is
// published, then 200 with the content's hash; /healthz says whether the
// store answers.
func TestReadyAndHealth(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "guichet.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rec := sqlite.NewRecorder(db, sqlite.RecorderOptions{})
	defer rec.Close(ctx)
	var broken error
	theme, _ := fs.Sub(themes.FS, "default")
	srv, err := web.New(web.Options{Theme: theme, Static: static.FS, Recorder: rec, Version: "v9.9.9",
		Health: func(ctx context.Context) error {
			if broken != nil {
				return broken
			}
			return db.Ping(ctx)
		}})
	if err != nil {
		t.Fatal(err)
	}
	get := func(path string) (int, string) {
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		return w.Code, w.Body.String()
	}
	if code, body := get("/readyz"); code != 503 || !strings.Contains(body, `"status":"loading"`) {
		t.Errorf("/readyz before publication: %d %s", code, body)
	}
	if code, body := get("/healthz"); code != 200 || !strings.Contains(body, `"version":"v9.9.9"`) {
		t.Errorf("/healthz before publication: %d %s", code, body)
	}
	lib, err := content.Load(ctx, fixture, content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	view := site.NewView(lib, time.Now(), false)
	idx, err := search.Build(ctx, view, "")
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if _, err := srv.Publish(view, idx); err != nil {
		t.Fatal(err)
	}
	if code, body := get("/readyz"); code != 200 || !strings.Contains(body, lib.Hash) {
		t.Errorf("/readyz after publication: %d %s", code, body)
	}
	// Uptime monitors and load balancers often probe with HEAD: the
	// probes answer it as GET (net/http leaves the body out), not with
	// the 404 page.
	for _, path := range []string{"/healthz", "/readyz", "/metrics"} {
		w := httptest.NewRecorder()
		r := httptest.NewRequest("HEAD", path, nil)
		r.RemoteAddr = "127.0.0.1:1234"
		srv.ServeHTTP(w, r)
		if w.Code != 200 {
			t.Errorf("HEAD %s: %d", path, w.Code)
		}
	}
	broken = errors.New("connection refused")
	if code, body := get("/healthz"); code != 503 || !strings.Contains(body, "connection refused") {
		t.Errorf("/healthz with the store down: %d %s", code, body)
	}
}
