package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/store"
)

// writeFile writes body to dir/name, creating folders.
func writeFile(t *testing.T, dir, name, body string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// serve sends one request to the server: a form body for POST unless a
// Content-Type is given, and the headers as name, value pairs.
func serve(m *Main, method, target, body string, hdr ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if method == "POST" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	m.Server.ServeHTTP(w, req)
	return w
}

func status(m *Main, path string) int {
	w := httptest.NewRecorder()
	m.Server.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
	return w.Code
}

// waitFor polls cond for up to d.
func waitFor(d time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if cond() {
			return true
		}
		time.Sleep(50 * time.Millisecond)
	}
	return cond()
}

func openMain(t *testing.T, contentDir string, dev bool) *Main {
	t.Helper()
	m := &Main{Config: testConfig(contentDir, t.TempDir(), func(c *Config) { c.Dev = dev }),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close(context.Background()) })
	// The background work of the first publication (answered gaps,
	// relinking) runs on an empty database, not on what the test records.
	m.Publisher.Wait()
	return m
}

// TestScheduledArticleGoesLive publishes an article when its publish_at
// passes, without a restart.
func TestScheduledArticleGoesLive(t *testing.T) {
	dir := t.TempDir()
	clk := &clock{t: time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)}
	writeFile(t, dir, "billing/now.md", "---\ntitle: Available now\n---\nHello.\n")
	writeFile(t, dir, "billing/soon.md", "---\ntitle: Coming soon\npublish_at: 2026-12-01T09:00:00Z\n---\nSoon.\n")
	m := openMainAt(t, dir, clk)
	clk.Add(59 * time.Minute)
	if got := status(m, "/billing/soon"); got != 404 {
		t.Fatalf("scheduled article before its time: %d", got)
	}
	clk.Add(2 * time.Minute) // its time passes: the timer publishes
	m.Publisher.Wait()
	if got := status(m, "/billing/soon"); got != 200 {
		t.Fatalf("scheduled article after its time: %d", got)
	}
}

// TestDevReloadsOnChange edits the content folder under `serve --dev` and
// sees the change served without a restart.
func TestDevReloadsOnChange(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nHello.\n")
	m := openMain(t, dir, true)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := m.Publisher.Watcher([]string{dir}) // takes the folder's state now
	go w.Run(ctx)
	if got := status(m, "/billing/new"); got != 404 {
		t.Fatalf("before: %d", got)
	}
	writeFile(t, dir, "billing/new.md", "---\ntitle: Brand new\ndraft: true\n---\nA draft, visible in dev mode.\n")
	if !waitFor(5*time.Second, func() bool { return status(m, "/billing/new") == 200 }) {
		t.Fatal("new draft not served after the change")
	}
}

// TestPopularityBreaksTies records clicks on the second of two equally good
// answers and expects it first once click counts are refreshed.
func TestPopularityBreaksTies(t *testing.T) {
	dir := t.TempDir()
	body := "---\ntitle: Export your data\n---\nDownload a CSV export of your bookings.\n"
	writeFile(t, dir, "account/export.md", body)
	writeFile(t, dir, "booking/export.md", body)
	m := openMain(t, dir, false)
	first := func() string {
		w := httptest.NewRecorder()
		m.Server.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/search?q=export+data", nil))
		var res struct {
			Results []struct{ ID string } `json:"results"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil || len(res.Results) < 2 {
			t.Fatalf("search: %s", w.Body)
		}
		return res.Results[0].ID
	}
	loser := "booking/export"
	if first() == loser {
		loser = "account/export"
	}
	for i := 0; i < 5; i++ {
		m.Recorder.RecordEvent(site.Event{Type: site.EventClick, ArticleID: loser, Locale: "en"})
	}
	if err := m.Recorder.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := m.Publisher.RefreshPopularity(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := first(); got != loser {
		t.Errorf("after clicks, first result is %s, want %s", got, loser)
	}
}

// TestRetention deletes raw events past the retention period.
func TestRetention(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nHello.\n")
	m := openMain(t, dir, false)
	m.Publisher.Wait() // the check of answered gaps after the first publication reads the config
	m.Config.RetentionDays = 30
	m.Recorder.RecordSearch(site.SearchEvent{ID: "0123456789abcdef0123456789abcdef", Query: "old", Time: time.Now().Add(-40 * 24 * time.Hour)})
	m.Recorder.RecordSearch(site.SearchEvent{ID: "1123456789abcdef0123456789abcdef", Query: "new", Time: time.Now()})
	m.Recorder.Flush(context.Background())
	// The daily retention job prunes at once when it starts.
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { store.PruneEvery(ctx, m.DB, time.Hour, 30*24*time.Hour, nil, discard()); close(done) }()
	if !waitFor(10*time.Second, func() bool { got, _ := m.DB.RecentSearches(context.Background(), 10); return len(got) == 1 }) {
		t.Error("the retention job did not prune at start")
	}
	cancel()
	<-done
	got, _ := m.DB.RecentSearches(context.Background(), 10)
	if len(got) != 1 || got[0].Query != "new" {
		t.Errorf("searches after pruning: %+v", got)
	}
}

// mustGet GETs path (headers as name, value pairs) and returns its body,
// failing the test unless the status is 200: a test that reads a page
// never passes on an error page.
func mustGet(t *testing.T, m *Main, path string, hdr ...string) string {
	t.Helper()
	w := serve(m, "GET", path, "", hdr...)
	if w.Code != 200 {
		t.Fatalf("GET %s: status %d, want 200", path, w.Code)
	}
	return w.Body.String()
}
