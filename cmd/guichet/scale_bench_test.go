package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// scaleContent is the content folder of the scale benchmarks, from
// GUICHET_BENCH_CONTENT (e.g. go run ./cmd/gencontent -n 10000 -out /tmp/c10k);
// they skip without it.
func scaleContent(b *testing.B) string {
	dir := os.Getenv("GUICHET_BENCH_CONTENT")
	if dir == "" {
		b.Skip("GUICHET_BENCH_CONTENT not set")
	}
	return dir
}

// openScale opens the server; with GUICHET_BENCH_LOG set, its log (each
// publication's load, index and total times) goes to stderr.
func openScale(b *testing.B, content, data string) *Main {
	var w io.Writer = io.Discard
	if os.Getenv("GUICHET_BENCH_LOG") != "" {
		w = os.Stderr
	}
	m := &Main{Config: testConfig(content, data), Logger: slog.New(slog.NewTextHandler(w, nil))}
	if err := m.Open(context.Background()); err != nil {
		b.Fatal(err)
	}
	return m
}

// BenchmarkScaleColdStart opens the server on a fresh data folder.
func BenchmarkScaleColdStart(b *testing.B) {
	content := scaleContent(b)
	for i := 0; i < b.N; i++ {
		data := b.TempDir()
		m := openScale(b, content, data)
		b.StopTimer()
		m.Close(context.Background())
		os.RemoveAll(data)
		b.StartTimer()
	}
}

// BenchmarkScaleRestart opens the server again on the data folder of a
// first start, content unchanged.
func BenchmarkScaleRestart(b *testing.B) {
	content := scaleContent(b)
	data := b.TempDir()
	openScale(b, content, data).Close(context.Background())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := openScale(b, content, data)
		b.StopTimer()
		m.Close(context.Background())
		b.StartTimer()
	}
}

// BenchmarkScaleEdit edits the body of one article of a served copy of the
// content and times the publication until the article page serves the new
// text (what a SIGHUP, the reload API or --watch does after a commit that
// touches one file).
func BenchmarkScaleEdit(b *testing.B) {
	src := scaleContent(b)
	content := b.TempDir()
	if err := os.CopyFS(content, os.DirFS(src)); err != nil {
		b.Fatal(err)
	}
	// A content folder is older than the server started on it: files
	// written or changed in the last seconds before a load are read
	// again by the next one (content.Memo).
	old := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, old, old)
	})
	if err != nil {
		b.Fatal(err)
	}
	// Their status changed just now (copied, times set): wait until it
	// is older than the two seconds a load reads such files again in.
	time.Sleep(2500 * time.Millisecond)
	data := b.TempDir()
	m := openScale(b, content, data)
	defer m.Close(context.Background())
	// The middle article of the default locale, so that nothing about
	// its place is special.
	v := m.Server.View()
	list := v.ByLocale[v.Lib.Config.DefaultLocale]
	a := list[len(list)/2]
	file := filepath.Join(content, filepath.FromSlash(a.SourcePath))
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		marker := fmt.Sprintf("zqxedit%04d", i)
		body := append(slices.Clip(orig), "\nThe "+marker+" setting was added in this edit.\n"...)
		if err := os.WriteFile(file, body, 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := m.Reload(context.Background()); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		w := serve(m, "GET", a.URL, "")
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), marker) {
			b.Fatalf("GET %s after the edit: %d, new text served: %t", a.URL, w.Code, strings.Contains(w.Body.String(), marker))
		}
		w = serve(m, "GET", "/api/v1/search?q="+marker, "")
		if !strings.Contains(w.Body.String(), a.URL) {
			b.Fatalf("search %s after the edit does not find %s: %s", marker, a.URL, w.Body.String())
		}
		b.StartTimer()
	}
	b.StopTimer()
	// What the served site keeps after the edits, the previous
	// publications' garbage collected (a replaced index is closed, and
	// its publication let go, 5 s after the swap).
	m.Publisher.Wait()
	time.Sleep(6 * time.Second)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "live-heap-MB")
}
