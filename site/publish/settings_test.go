package publish_test

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/publish"
)

// TestBrokenEditsKeepServing: a broken guichet.yaml keeps the settings
// being served, a broken widget list keeps the previous list, and an
// article whose front matter breaks keeps its last good version while the
// rest of the content is published.
func TestBrokenEditsKeepServing(t *testing.T) {
	var logs lockedBuffer
	f := newFixture(t, func(o *publish.Options) { o.Logger = slog.New(slog.NewTextHandler(&logs, nil)) })
	ctx := context.Background()
	write(t, f.dir, "guichet.yaml", "title: Acme Help\nwidget:\n  allowed_origins: [\"https://app.acme.test\"]\n")
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}
	cfg := f.srv.View().Lib.Config
	if cfg.Title != "Acme Help" || !cfg.Widget.Allows("https://app.acme.test") {
		t.Fatalf("after start: %+v", cfg)
	}

	write(t, f.dir, "guichet.yaml", "title: [Acme\n  broken: yes\n")
	write(t, f.dir, "billing/new.md", "---\ntitle: New article\n---\nNew.\n")
	if err := f.pub.Publish(ctx, "watch"); err != nil {
		t.Fatal(err)
	}
	cfg = f.srv.View().Lib.Config
	if cfg.Title != "Acme Help" || !cfg.Widget.Allows("https://app.acme.test") {
		t.Errorf("a broken guichet.yaml changed the settings: %+v", cfg)
	}
	if got := f.title("/billing/new"); got != "New article" {
		t.Errorf("the rest of the content was not published: %q", got)
	}

	write(t, f.dir, "guichet.yaml", "title: Acme Help 2\nwidget:\n  allowed_origins: [\"https://app.acme.test/path\"]\n")
	if err := f.pub.Publish(ctx, "watch"); err != nil {
		t.Fatal(err)
	}
	// Any error in the file keeps every setting being served.
	cfg = f.srv.View().Lib.Config
	if cfg.Title != "Acme Help" {
		t.Errorf("a guichet.yaml with an error changed the title: %q", cfg.Title)
	}
	if cfg.Widget.Invalid || !cfg.Widget.Allows("https://app.acme.test") || cfg.Widget.AnyOrigin() {
		t.Errorf("a bad widget list replaced the one in force: %+v", cfg.Widget)
	}

	write(t, f.dir, "billing/refund.md", "---\ntitle: [Refunds\n---\nBroken.\n")
	if err := f.pub.Publish(ctx, "watch"); err != nil {
		t.Fatal(err)
	}
	if got := f.title("/billing/refund"); got != "Refunds" {
		t.Errorf("a broken article lost its last good version: %q", got)
	}
	if !f.srv.View().Lib.HasErrors() {
		t.Error("the broken article is not reported")
	}
	// The log, all an operator of a production server reads, says so too.
	// It is logged before or after the errors: it points at neither.
	if l := logs.take(); !strings.Contains(l, "billing/refund.md: warning: the last good version of this article is served until its errors are fixed") {
		t.Errorf("the log does not say the broken article's last good version is served:\n%s", l)
	}
}

// TestBadWidgetListAtStart: a server never starts on a widget list it
// cannot read; the error names the file.
func TestBadWidgetListAtStart(t *testing.T) {
	f := newFixture(t)
	write(t, f.dir, "guichet.yaml", "widget:\n  allowed_origins: [\"*.acme.test\"]\n")
	err := f.pub.Publish(context.Background(), "start")
	if err == nil || !strings.Contains(err.Error(), filepath.Join(f.dir, "guichet.yaml")) || !strings.Contains(err.Error(), "allowed_origins") {
		t.Fatalf("start on a bad widget list: %v", err)
	} else {
		t.Log(err)
	}
	if f.srv.View() != nil {
		t.Error("content was published on a bad widget list")
	}
	// A file that is not YAML at all: the error says what is wrong and
	// where, not that an entry of the list is invalid.
	write(t, f.dir, "guichet.yaml", "title: Acme help\nwidget:\n  allowed_origins: [\"https://app.acme.test\"\n")
	err = f.pub.Publish(context.Background(), "start")
	if err == nil || !strings.Contains(err.Error(), "guichet.yaml:") || strings.Contains(err.Error(), "invalid entry") {
		t.Fatalf("start on a guichet.yaml that does not parse: %v", err)
	}
	t.Log(err)
}

// TestBaseURL: the --base-url flag wins, then guichet.yaml's base_url,
// then the URL the server listens on.
func TestBaseURL(t *testing.T) {
	for _, c := range []struct {
		name, yaml, flag, listen, want string
	}{
		{"flag", "base_url: https://help.acme.test\n", "https://support.acme.test", "http://127.0.0.1:8080", "https://support.acme.test"},
		{"config", "base_url: https://help.acme.test\n", "", "http://127.0.0.1:8080", "https://help.acme.test"},
		{"listen", "title: X\n", "", "http://127.0.0.1:8080", "http://127.0.0.1:8080"},
		{"default", "title: X\n", "", "", "http://localhost:8080"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t, func(o *publish.Options) { o.BaseURL, o.ListenURL = c.flag, c.listen })
			write(t, f.dir, "guichet.yaml", c.yaml)
			if err := f.pub.Publish(context.Background(), "start"); err != nil {
				t.Fatal(err)
			}
			if got := f.srv.View().Lib.Config.BaseURL; got != c.want {
				t.Errorf("base URL %q, want %q", got, c.want)
			}
		})
	}
}

// TestPublishOnSignal: SIGHUP publishes the content again, and Ask
// publishes now or in the background.
func TestPublishOnSignal(t *testing.T) {
	f := newFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	if err := f.pub.Ask(ctx, "start", true); err != nil {
		t.Fatal(err)
	}
	write(t, f.dir, "billing/signal.md", "---\ntitle: After a signal\n---\nNew.\n")
	sig := make(chan os.Signal)
	done := make(chan struct{})
	go func() { f.pub.PublishOn(ctx, sig, "watch"); close(done) }()
	sig <- syscall.SIGHUP
	sig <- syscall.SIGHUP // received once the first was handled
	cancel()
	<-done
	f.pub.Wait()
	if got := f.title("/billing/signal"); got != "After a signal" {
		t.Errorf("after SIGHUP: %q", got)
	}

	write(t, f.dir, "billing/asked.md", "---\ntitle: Asked\n---\nNew.\n")
	if err := f.pub.Ask(context.Background(), "watch", false); err != nil {
		t.Fatal(err)
	}
	f.pub.Wait()
	if got := f.title("/billing/asked"); got != "Asked" {
		t.Errorf("after Ask in the background: %q", got)
	}
	// Asked to wait, a failed publication returns its error.
	if err := os.RemoveAll(f.dir); err != nil {
		t.Fatal(err)
	}
	if err := f.pub.Ask(context.Background(), "watch", true); err == nil {
		t.Error("publishing a removed content folder succeeded")
	}
	if got := f.title("/billing/asked"); got != "Asked" {
		t.Errorf("a failed publication changed the site: %q", got)
	}
}

// TestBrokenSynonymsAndRedirectsKeepServing: a synonyms.yaml or
// redirects.yaml that no longer parses (a typo merged and published by the
// webhook) keeps the synonyms and redirects being served, as a broken
// guichet.yaml keeps its settings, and says so as a kept file; before,
// every old URL answered 404 and every synonym was gone, with "kept": [].
func TestBrokenSynonymsAndRedirectsKeepServing(t *testing.T) {
	var logs lockedBuffer
	f := newFixture(t, func(o *publish.Options) { o.Logger = slog.New(slog.NewTextHandler(&logs, nil)) })
	ctx := context.Background()
	write(t, f.dir, "synonyms.yaml", "en:\n  - [refund, money back]\n")
	write(t, f.dir, "redirects.yaml", "- from: /billing/old-refunds\n  to: /billing/refund\n")
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}
	lib := f.srv.View().Lib
	if len(lib.Redirects) != 1 || len(lib.Synonyms["en"]) != 1 {
		t.Fatalf("after start: redirects %v, synonyms %v", lib.Redirects, lib.Synonyms)
	}

	write(t, f.dir, "synonyms.yaml", "en:\n  - [refund, money back\n")
	write(t, f.dir, "redirects.yaml", "- from: /billing/old-refunds\n  to: [/billing/refund\n")
	if err := f.pub.Publish(ctx, "api"); err != nil {
		t.Fatal(err)
	}
	lib = f.srv.View().Lib
	if len(lib.Redirects) != 1 || lib.Redirects[0].From != "/billing/old-refunds" {
		t.Errorf("a redirects.yaml that does not parse dropped the redirects served: %v", lib.Redirects)
	}
	if len(lib.Synonyms["en"]) != 1 {
		t.Errorf("a synonyms.yaml that does not parse dropped the synonyms served: %v", lib.Synonyms)
	}
	kept := map[string]bool{}
	for _, pr := range lib.Problems {
		if pr.Kind == site.KindKept {
			kept[pr.File] = true
		}
	}
	if !kept["synonyms.yaml"] || !kept["redirects.yaml"] || !lib.HasErrors() {
		t.Errorf("kept %v, errors %v: want both files kept and their errors reported", kept, lib.HasErrors())
	}
	if l := logs.take(); !strings.Contains(l, "redirects.yaml: warning: the redirects being served stay in force until its errors are fixed") {
		t.Errorf("the log does not say the redirects served stay:\n%s", l)
	}

	// Emptied or removed on purpose: nothing is kept.
	write(t, f.dir, "synonyms.yaml", "en: []\n")
	os.Remove(filepath.Join(f.dir, "redirects.yaml"))
	if err := f.pub.Publish(ctx, "api"); err != nil {
		t.Fatal(err)
	}
	lib = f.srv.View().Lib
	if len(lib.Redirects) != 0 || len(lib.Synonyms["en"]) != 0 {
		t.Errorf("files emptied or removed kept their old rules: redirects %v, synonyms %v", lib.Redirects, lib.Synonyms)
	}
}

// TestBrokenStringsKeepServing: an i18n/<locale>.yaml of the content that
// no longer parses kept none of its strings (a site in a language the
// theme lacks turned English), with "kept": [] and yaml's own words
// without a line ("yaml: line 2: found unexpected end of stream"); the
// strings being served now stay, listed as kept, and the error says where
// and what in plain words, as the other site files' do.
func TestBrokenStringsKeepServing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	write(t, f.dir, "i18n/en.yaml", "helpful_q: Did this answer your question?\n")
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}
	if got := f.srv.View().Lib.Strings["en"]["helpful_q"]["other"]; got != "Did this answer your question?" {
		t.Fatalf("after start: %q", got)
	}
	write(t, f.dir, "i18n/en.yaml", "helpful_q: \"Did this answer\nsearch_btn: Go\n")
	if err := f.pub.Publish(ctx, "api"); err != nil {
		t.Fatal(err)
	}
	lib := f.srv.View().Lib
	if got := lib.Strings["en"]["helpful_q"]["other"]; got != "Did this answer your question?" {
		t.Errorf("an i18n file that does not parse dropped the strings served: %q", got)
	}
	var kept, located bool
	for _, pr := range lib.Problems {
		if pr.File != "i18n/en.yaml" {
			continue
		}
		kept = kept || pr.Kind == site.KindKept
		located = located || pr.Severity == site.SeverityError && pr.Line > 0
	}
	if !kept || !located {
		t.Errorf("kept %v, error with its line %v: %+v", kept, located, lib.Problems)
	}
}

// TestSiteFilesSurviveRestart: a server restarted (an upgrade, a reboot)
// on a redirects.yaml, synonyms.yaml, i18n file or guichet.yaml that
// stopped parsing while it was down served no redirects (every old URL a
// 404), no synonyms, the theme's strings and, for guichet.yaml, did not
// start at all. Their last good versions, kept in the data folder as the
// articles' are, are served now, listed as kept, with the errors; a file
// fixed is served as fixed, and a file removed brings nothing back.
func TestSiteFilesSurviveRestart(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	write(t, f.dir, "guichet.yaml", "title: Acme help\nwidget:\n  allowed_origins: [\"https://app.acme.test\"]\n")
	write(t, f.dir, "synonyms.yaml", "en:\n  - [refund, money back]\n")
	write(t, f.dir, "redirects.yaml", "- from: /billing/old-refunds\n  to: /billing/refund\n")
	write(t, f.dir, "i18n/en.yaml", "helpful_q: Did this answer your question?\n")
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}

	// Broken while the server was down.
	f.pub.Close()
	write(t, f.dir, "guichet.yaml", "title: Acme help\nwidget:\n  allowed_origins: [\"https://app.acme.test\"\n")
	write(t, f.dir, "synonyms.yaml", "en:\n  - [refund, money back\n")
	write(t, f.dir, "redirects.yaml", "- from: /billing/old-refunds\n  to: [/billing/refund\n")
	write(t, f.dir, "i18n/en.yaml", "helpful_q: \"Did this answer\nsearch_btn: Go\n")
	f.restart()
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatalf("restart on broken site files with last good copies: %v", err)
	}
	lib := f.srv.View().Lib
	if len(lib.Redirects) != 1 || lib.Redirects[0].From != "/billing/old-refunds" {
		t.Errorf("restart on a broken redirects.yaml: redirects %v, want the last good one", lib.Redirects)
	}
	if len(lib.Synonyms["en"]) != 1 {
		t.Errorf("restart on a broken synonyms.yaml: synonyms %v, want the last good ones", lib.Synonyms)
	}
	if got := lib.Strings["en"]["helpful_q"]["other"]; got != "Did this answer your question?" {
		t.Errorf("restart on a broken i18n/en.yaml: helpful_q %q, want the last good one", got)
	}
	if lib.Config.Title != "Acme help" || len(lib.Config.Widget.AllowedOrigins) != 1 {
		t.Errorf("restart on a broken guichet.yaml: title %q, widget origins %v, want the last good settings", lib.Config.Title, lib.Config.Widget.AllowedOrigins)
	}
	kept, erred := map[string]bool{}, map[string]bool{}
	for _, pr := range lib.Problems {
		if pr.Kind == site.KindKept {
			kept[pr.File] = true
		}
		if pr.Severity == site.SeverityError {
			erred[pr.File] = true
		}
	}
	for _, name := range []string{"guichet.yaml", "synonyms.yaml", "redirects.yaml", "i18n/en.yaml"} {
		if !kept[name] || !erred[name] {
			t.Errorf("%s: kept %v, its errors reported %v: want both", name, kept[name], erred[name])
		}
	}

	// Fixed, and one removed, while down again: the fix is served, and
	// the removed file's old rules do not come back.
	f.pub.Close()
	write(t, f.dir, "guichet.yaml", "title: Acme support\nwidget:\n  allowed_origins: [\"https://app.acme.test\"]\n")
	write(t, f.dir, "synonyms.yaml", "en:\n  - [refund, reimbursement]\n  - [invoice, bill]\n")
	os.Remove(filepath.Join(f.dir, "redirects.yaml"))
	f.restart()
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}
	lib = f.srv.View().Lib
	if lib.Config.Title != "Acme support" || len(lib.Synonyms["en"]) != 2 || len(lib.Redirects) != 0 {
		t.Errorf("after the fixes: title %q, synonyms %v, redirects %v", lib.Config.Title, lib.Synonyms, lib.Redirects)
	}
	// An invalid entry in a guichet.yaml that parses: the last good list
	// too.
	f.pub.Close()
	write(t, f.dir, "guichet.yaml", "title: Acme support\nwidget:\n  allowed_origins: [\"https://*.acme.test\"]\n")
	f.restart()
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatalf("restart on an invalid widget entry with a last good copy: %v", err)
	}
	if got := f.srv.View().Lib.Config.Widget.AllowedOrigins; len(got) != 1 || got[0] != "https://app.acme.test" {
		t.Errorf("restart on an invalid widget entry: origins %v, want the last good list", got)
	}
	// An error that leaves the rest of the file served (a logo that is
	// not there): the file as it is, as a running server serves it.
	f.pub.Close()
	write(t, f.dir, "guichet.yaml", "title: Acme care\nlogo: missing.png\nwidget:\n  allowed_origins: [\"https://app.acme.test\"]\n")
	f.restart()
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}
	if got := f.srv.View().Lib.Config.Title; got != "Acme care" {
		t.Errorf("restart on a guichet.yaml naming a missing logo: title %q, want the file's own", got)
	}
	f.pub.Close()
	write(t, f.dir, "redirects.yaml", "- from: [\n")
	f.restart()
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}
	if red := f.srv.View().Lib.Redirects; len(red) != 0 {
		t.Errorf("a redirects.yaml removed, then written broken: the old redirects came back: %v", red)
	}
}

// TestBrokenSettingsLoggedOnce: a guichet.yaml broken by an edit was
// logged three times, an ERROR line without its file's line ("see the
// content errors"), the error itself as a warning, and the kept warning;
// it is one ERROR line, with the file, the line and the error.
func TestBrokenSettingsLoggedOnce(t *testing.T) {
	var logs lockedBuffer
	f := newFixture(t, func(o *publish.Options) { o.Logger = slog.New(slog.NewTextHandler(&logs, nil)) })
	ctx := context.Background()
	write(t, f.dir, "guichet.yaml", "title: Acme Help\n")
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}
	logs.take()
	write(t, f.dir, "guichet.yaml", "title: Acme Help\ndescription: [Help\n")
	if err := f.pub.Publish(ctx, "signal"); err != nil {
		t.Fatal(err)
	}
	l := logs.take()
	n := 0
	for _, line := range strings.Split(l, "\n") {
		if strings.Contains(line, "guichet.yaml") {
			n++
		}
	}
	if n != 1 || !strings.Contains(l, "level=ERROR") || !strings.Contains(l, "guichet.yaml:2:") {
		t.Errorf("a broken guichet.yaml, logged %d times, want once at ERROR with its line:\n%s", n, l)
	}
}

// TestNothingKeptWhenNothingWasServed: a synonyms.yaml or redirects.yaml
// broken since the first start was listed as kept, "the synonyms being
// served stay in force", at every reload and restart, though none were
// ever served (a newcomer, rv24z): kept only what was served.
func TestNothingKeptWhenNothingWasServed(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	write(t, f.dir, "synonyms.yaml", "en:\n  - [refund, money back\n")
	write(t, f.dir, "redirects.yaml", "- from: /billing/old-refunds\n  to: [/billing/refund\n")
	write(t, f.dir, "billing/broken.md", "---\ntitle: [oops\n---\nBroken.\n")
	check := func(when string) {
		t.Helper()
		for _, pr := range f.srv.View().Lib.Problems {
			if pr.Kind == site.KindKept && (pr.File == "synonyms.yaml" || pr.File == "redirects.yaml") {
				t.Errorf("%s: %s listed as kept, with nothing served from it: %s", when, pr.File, pr.Message)
			}
		}
	}
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}
	check("start")
	if err := f.pub.Publish(ctx, "api"); err != nil {
		t.Fatal(err)
	}
	check("reload")
	f.restart()
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}
	check("restart")
}

// TestLastGoodRemovesEmptiedFolders: the copies of files deleted from the
// content went, but their folders stayed in the data folder: an empty
// lastgood/i18n/ after the i18n files were deleted, an empty category
// folder after the category was. A folder emptied is removed with its
// last copy; the others stay.
func TestLastGoodRemovesEmptiedFolders(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	write(t, f.dir, "i18n/en.yaml", "helpful_q: Did this answer your question?\n")
	write(t, f.dir, "old/deep/gone.md", "---\ntitle: Gone soon\n---\nBody.\n")
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}
	f.pub.Close() // waits for the copies
	lastgood := filepath.Join(f.data, "lastgood")
	for _, name := range []string{"i18n/en.yaml", "old/deep/gone.md", "billing/refund.md"} {
		if _, err := os.Stat(filepath.Join(lastgood, name)); err != nil {
			t.Fatalf("no last good copy of %s: %v", name, err)
		}
	}
	os.RemoveAll(filepath.Join(f.dir, "i18n"))
	os.RemoveAll(filepath.Join(f.dir, "old"))
	f.restart()
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}
	f.pub.Close()
	for _, gone := range []string{"i18n", "old"} {
		if _, err := os.Stat(filepath.Join(lastgood, gone)); !os.IsNotExist(err) {
			t.Errorf("lastgood/%s/ stays after its files were deleted from the content (%v)", gone, err)
		}
	}
	if _, err := os.Stat(filepath.Join(lastgood, "billing", "refund.md")); err != nil {
		t.Errorf("the copy of an article still there went: %v", err)
	}
}
