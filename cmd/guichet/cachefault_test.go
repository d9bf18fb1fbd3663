package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/guichet/guichet/site/datadir"
)

// TestCacheCutShortAnswers500: after a restart the articles' rendered text
// is read from the mapped render cache files; one cut short in place while
// the server runs (which the README warns against) makes the pages it held
// answer 500, and the server goes on serving, rather than the process
// ending on the memory fault.
func TestCacheCutShortAnswers500(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the render cache is read, not mapped, on Windows")
	}
	content, data := t.TempDir(), t.TempDir()
	for i := range 6 {
		p := filepath.Join(content, "help", fmt.Sprintf("topic-%d.md", i))
		os.MkdirAll(filepath.Dir(p), 0o755)
		body := fmt.Sprintf("---\ntitle: Topic %d\n---\nHow topic %d works, at some length so that the page is not empty.\n\n## Steps\n\nOne, two, three.\n", i, i)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	open := func() *Main {
		t.Helper()
		m := &Main{Config: testConfig(content, data), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
		if err := m.Open(context.Background()); err != nil {
			t.Fatal(err)
		}
		m.Publisher.Wait() // nothing in the background reads the articles any more
		return m
	}
	open().Close(context.Background())
	m := open() // a restart: the shards are mapped
	defer m.Close(context.Background())
	shards, _ := filepath.Glob(filepath.Join(datadir.RenderCache(data), "render-*.gob"))
	if len(shards) == 0 {
		t.Fatal("no render cache shard written")
	}
	for _, f := range shards {
		if err := os.Truncate(f, 0); err != nil {
			t.Fatal(err)
		}
	}
	faulted := 0
	for i := range 6 {
		w := serve(m, "GET", fmt.Sprintf("/help/topic-%d", i), "")
		switch w.Code {
		case http.StatusInternalServerError:
			faulted++
		case http.StatusOK: // a page whose text was already in memory
		default:
			t.Errorf("topic %d after its cache file was cut short: %d, want 500", i, w.Code)
		}
	}
	if faulted == 0 {
		t.Error("no page read the cut-short cache files: the restart did not serve from the mapped render cache")
	}
	if w := serve(m, "GET", "/healthz", ""); w.Code != http.StatusOK {
		t.Errorf("/healthz after the faults: %d", w.Code)
	}
}
