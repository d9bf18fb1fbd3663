package publish_test

import (
	"context"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/publish"
	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/site/web"
	"github.com/guichet/guichet/static"
	"github.com/guichet/guichet/themes"
)

func write(t *testing.T, dir, name, body string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Insights is what the web server reads the insights through.
var _ web.Insights = publish.Insights{}

// fixture is a content folder, a data folder, a real web server and a
// publisher on them, with a clock that moves when told.
type fixture struct {
	dir, data string
	srv       *web.Server
	pub       *publish.Publisher
	clk       *clock
	start     func() // a new web server and publisher (restart)
	folders   *publish.Folders
}

func newFixture(t *testing.T, opts ...func(*publish.Options)) *fixture {
	t.Helper()
	base := t.TempDir()
	f := &fixture{dir: filepath.Join(base, "content"), data: filepath.Join(base, "data"), clk: &clock{t: time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)}}
	write(t, f.dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	db, err := sqlite.Open(context.Background(), filepath.Join(f.data, "guichet.db"))
	if err != nil {
		t.Fatal(err)
	}
	rec := sqlite.NewRecorder(db, sqlite.RecorderOptions{})
	t.Cleanup(func() { rec.Close(context.Background()); db.Close() })
	f.start = func() {
		t.Helper()
		theme, _ := fs.Sub(themes.FS, "default")
		var err error
		f.srv, err = web.New(web.Options{Theme: theme, Static: static.FS, Recorder: rec, Logger: quiet()})
		if err != nil {
			t.Fatal(err)
		}
		folders, err := publish.OpenFolders(f.dir, f.data)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { folders.Close() })
		f.folders = folders
		o := publish.Options{Content: folders.Content, Dir: f.dir, Data: f.data, Server: f.srv, Store: db,
			Logger: quiet(), Now: f.clk.Now, AfterFunc: f.clk.AfterFunc}
		for _, fn := range opts {
			fn(&o)
		}
		pub := publish.New(o)
		f.pub = pub
		t.Cleanup(func() { pub.Close() })
	}
	f.start()
	return f
}

// restart stops the publisher (which waits for its copies of the last
// good versions) and starts a new web server and publisher on the same
// content and data folders, with nothing published yet: a server
// restarted.
func (f *fixture) restart() {
	f.pub.Close()
	f.folders.Close()
	f.start()
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// title returns the title of the article at url being served, "" when
// none.
func (f *fixture) title(url string) string {
	v := f.srv.View()
	if v == nil {
		return ""
	}
	a, err := v.ArticleByURL(url)
	if err != nil {
		return ""
	}
	return a.Title
}

// clock is a test clock that moves only when told and runs the timers it
// passes.
type clock struct {
	mu     sync.Mutex
	t      time.Time
	timers []*timer
}

type timer struct {
	at   time.Time
	f    func()
	done bool
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) AfterFunc(d time.Duration, f func()) func() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	tm := &timer{at: c.t.Add(d), f: f}
	c.timers = append(c.timers, tm)
	return func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		was := !tm.done
		tm.done = true
		return was
	}
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	var due []func()
	for _, tm := range c.timers {
		if !tm.done && !tm.at.After(c.t) {
			tm.done = true
			due = append(due, tm.f)
		}
	}
	c.mu.Unlock()
	for _, f := range due {
		f()
	}
}

// TestPublishKeepsServing: a publication swaps in the new content; one
// whose content cannot load, or whose git pull fails, keeps the site as it
// was.
func TestPublishKeepsServing(t *testing.T) {
	f := newFixture(t, func(o *publish.Options) { o.GitPull = true })
	ctx := context.Background()
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}
	if got := f.title("/billing/refund"); got != "Refunds" {
		t.Fatalf("after start: %q", got)
	}
	write(t, f.dir, "billing/refund.md", "---\ntitle: Refunds, faster\n---\nThree days.\n")
	// The content folder is not a git checkout: the pull fails, nothing
	// changes.
	if err := f.pub.Publish(ctx, "api"); err == nil || !strings.Contains(err.Error(), "git pull --ff-only") {
		t.Errorf("pull outside a checkout: %v", err)
	}
	if got := f.title("/billing/refund"); got != "Refunds" {
		t.Errorf("a failed pull changed the site: %q", got)
	}
	// A schedule or watch publication does not pull.
	if err := f.pub.Publish(ctx, "watch"); err != nil {
		t.Fatal(err)
	}
	if got := f.title("/billing/refund"); got != "Refunds, faster" {
		t.Errorf("after publishing: %q", got)
	}
}

// TestBrokenConfigKept: a guichet.yaml that no longer parses leaves the
// settings being served in force, and is listed as kept, as an article
// served at its last good version is (the webhook's "kept" said [] while
// the old settings served).
func TestBrokenConfigKept(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	write(t, f.dir, "guichet.yaml", "title: Herd Help\nlocales: [en, fr]\n")
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}
	kept := func() []string {
		var files []string
		for _, p := range f.srv.View().Lib.Problems {
			if p.Kind == site.KindKept {
				files = append(files, p.File)
			}
		}
		return files
	}
	if got := kept(); len(got) != 0 {
		t.Fatalf("kept %v at start", got)
	}
	write(t, f.dir, "guichet.yaml", "title: Herd Help\nlocales: [en, fr\n")
	if err := f.pub.Publish(ctx, "api"); err != nil {
		t.Fatal(err)
	}
	if got := f.srv.View().Lib.Config.Title; got != "Herd Help" {
		t.Errorf("title %q, want the one served before", got)
	}
	if got := kept(); len(got) != 1 || got[0] != "guichet.yaml" {
		t.Errorf("kept %v, want [guichet.yaml]", got)
	}
	write(t, f.dir, "guichet.yaml", "title: Herd Help\nlocales: [en, fr]\n")
	if err := f.pub.Publish(ctx, "api"); err != nil {
		t.Fatal(err)
	}
	if got := kept(); len(got) != 0 {
		t.Errorf("kept %v once fixed", got)
	}
}

// TestSoonMergesRequests: publications asked while one runs are merged
// into one more.
func TestSoonMergesRequests(t *testing.T) {
	f := newFixture(t)
	if err := f.pub.Publish(context.Background(), "start"); err != nil {
		t.Fatal(err)
	}
	for range 20 {
		f.pub.Soon("api")
	}
	f.pub.Wait()
	write(t, f.dir, "billing/new.md", "---\ntitle: New\n---\nNew.\n")
	f.pub.Soon("api")
	f.pub.Wait()
	if got := f.title("/billing/new"); got != "New" {
		t.Errorf("the last request was not published: %q", got)
	}
}

// TestScheduledPublication: an article whose publish_at comes goes live by
// itself, at its time and not before.
func TestScheduledPublication(t *testing.T) {
	f := newFixture(t)
	write(t, f.dir, "billing/soon.md", "---\ntitle: Soon\npublish_at: 2026-12-01T10:00:00Z\n---\nSoon.\n")
	if err := f.pub.Publish(context.Background(), "start"); err != nil {
		t.Fatal(err)
	}
	f.clk.Add(119 * time.Minute)
	f.pub.Wait()
	if got := f.title("/billing/soon"); got != "" {
		t.Errorf("before its time: %q", got)
	}
	f.clk.Add(2 * time.Minute)
	f.pub.Wait()
	if got := f.title("/billing/soon"); got != "Soon" {
		t.Errorf("after its time: %q", got)
	}
}

// TestWatcher publishes a change made after the watcher was made.
func TestWatcher(t *testing.T) {
	f := newFixture(t)
	if err := f.pub.Publish(context.Background(), "start"); err != nil {
		t.Fatal(err)
	}
	w := f.pub.Watcher([]string{f.dir})
	write(t, f.dir, "billing/watched.md", "---\ntitle: Watched\n---\nNew.\n")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { w.Run(ctx); close(done) }()
	deadline := time.Now().Add(10 * time.Second)
	for f.title("/billing/watched") != "Watched" {
		if time.Now().After(deadline) {
			t.Fatal("the change was not published")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	<-done
}

// TestOpenFolders refuses what would expose or corrupt data.
func TestOpenFolders(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "content")
	write(t, dir, "billing/a.md", "---\ntitle: A\n---\nA.\n")
	write(t, base, "file.txt", "not a folder")
	for _, c := range []struct{ dir, data, want string }{
		{filepath.Join(base, "missing"), filepath.Join(base, "d1"), "content folder"},
		{filepath.Join(base, "file.txt"), filepath.Join(base, "d2"), "is a file, not a folder"},
		{dir, filepath.Join(dir, "data"), "inside the content folder"},
	} {
		if _, err := publish.OpenFolders(c.dir, c.data); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("OpenFolders(%s, %s): %v, want %q", c.dir, c.data, err, c.want)
		}
	}
	ok, err := publish.OpenFolders(dir, filepath.Join(base, "data"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := publish.OpenFolders(dir, filepath.Join(base, "data")); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("a second opening of one data folder: %v", err)
	}
	if err := ok.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestOpenFoldersRemovesLeftovers: the temporary files a server killed
// while writing its render cache or readings (kill -9, a power cut) left
// behind are removed by the next server to take the data folder, in every
// build's cache folder; the cache itself and anything else are kept. They
// stayed forever: the cache folder is removed only when the build changes.
func TestOpenFoldersRemovesLeftovers(t *testing.T) {
	base := t.TempDir()
	dir, data := filepath.Join(base, "content"), filepath.Join(base, "data")
	write(t, dir, "billing/a.md", "---\ntitle: A\n---\nA.\n")
	leftovers := []string{"cache/0123456789abcdef/.render-3162974462.tmp", "cache/0123456789abcdef/.readings.bin-123.tmp", ".guichet-probe-42"}
	kept := []string{"cache/0123456789abcdef/render-00.gob", "cache/0123456789abcdef/readings.bin", "guichet.db", "notes.tmp"}
	for _, name := range append(leftovers, kept...) {
		write(t, data, name, "x")
	}
	f, err := publish.OpenFolders(dir, data)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, name := range leftovers {
		if _, err := os.Stat(filepath.Join(data, name)); err == nil {
			t.Errorf("%s left over", name)
		}
	}
	for _, name := range kept {
		if _, err := os.Stat(filepath.Join(data, name)); err != nil {
			t.Errorf("%s removed: %v", name, err)
		}
	}
}

// TestLoad loads and indexes a folder for the commands.
func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back.\n")
	write(t, dir, "billing/draft.md", "---\ntitle: Draft\ndraft: true\n---\nLater.\n")
	v, idx, err := publish.Load(context.Background(), dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if len(v.ByLocale["en"]) != 1 {
		t.Errorf("published articles %d, want 1", len(v.ByLocale["en"]))
	}
	res, err := idx.Search(context.Background(), site.SearchRequest{Query: "refund", Locale: "en", Limit: 3})
	if err != nil || len(res.Hits) != 1 {
		t.Errorf("search: %v %v", res, err)
	}
	if _, _, err := publish.Load(context.Background(), filepath.Join(dir, "missing"), time.Now()); err == nil {
		t.Error("a missing folder loaded")
	}
}

// TestPublishStoppedIsNoError: a publication cancelled by a stop (SIGTERM
// while the content loads: serve cancels the context) is no failure of
// the content: it was logged as an ERROR "publish content … context
// canceled" and counted as a failed publication, which alerts read.
func TestPublishStoppedIsNoError(t *testing.T) {
	var log strings.Builder
	f := newFixture(t, func(o *publish.Options) { o.Logger = slog.New(slog.NewTextHandler(&log, nil)) })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := f.pub.Publish(ctx, "start"); err == nil {
		t.Fatal("a publication cancelled before it began succeeded")
	}
	if strings.Contains(log.String(), "level=ERROR") {
		t.Errorf("a cancelled publication logged an error: %s", log.String())
	}
}
