package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/check"
	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/site/tickets"
)

// corpusDir is the real help corpus beside the repository.
const corpusDir = "../../../shared/corpora/officedocs-support"

// needCorpus skips when the corpus is absent, except in CI where it must be.
func needCorpus(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("corpus missing in CI: %v", err)
		}
		tb.Skipf("corpus not available: %v", err)
	}
}

// TestServeEndToEnd runs `guichet serve` on the sample content as a user
// would, searches, and stops it with a cancelled context (SIGINT), checking
// that the search was flushed to the database on shutdown.
func TestServeEndToEnd(t *testing.T) {
	data := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outR, outW := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--content", "../../content", "--data", data, "--addr", "127.0.0.1:0"}, outW, io.Discard)
		outW.Close()
	}()
	line, err := bufio.NewReader(outR).ReadString('\n')
	if err != nil {
		t.Fatalf("no startup line: %v", err)
	}
	go io.Copy(io.Discard, outR)
	base := regexp.MustCompile(`http://\S+/`).FindString(line)
	if base == "" {
		t.Fatalf("startup line without URL: %q", line)
	}
	get := func(p string) (int, string) {
		resp, err := http.Get(strings.TrimSuffix(base, "/") + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get("/"); code != 200 || !strings.Contains(body, "<h1>") {
		t.Fatalf("home: %d", code)
	}
	if code, body := get("/fr/"); code != 200 || !strings.Contains(body, `lang="fr"`) {
		t.Fatalf("French home: %d", code)
	}
	code, body := get("/api/v1/search?q=refund&source=api")
	if code != 200 || !strings.Contains(body, `"results":[{`) {
		t.Fatalf("search: %d %s", code, body)
	}
	cancel()
	select {
	case c := <-done:
		if c != 0 {
			t.Fatalf("serve exited with %d", c)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop on cancel")
	}
	db := openDB(t, filepath.Join(data, "guichet.db"))
	n, err := db.CountSearches(context.Background())
	if err != nil || n != 1 {
		t.Fatalf("searches recorded after shutdown: %d, %v", n, err)
	}
}

func TestCheck(t *testing.T) {
	broken := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(broken, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("billing/ok.md", "---\ntitle: Fine\nauthor: someone\n---\nSee [missing](nope.md).\n")
	write("billing/bad.md", "---\ntitle: Bad\nweight: heavy\n---\nBody\n")
	tested := t.TempDir()
	writeFile(t, tested, "billing/refund.md", "---\ntitle: How do I get a refund?\nsearch_tests: [\"money back\", \"refund\", \"quantum teleportation\"]\nkeywords: [money back]\n---\nRefunds take five days.\n")
	writeFile(t, tested, "billing/invoices.md", "---\ntitle: Download invoices\n---\nInvoices are PDF files.\n")
	writeFile(t, tested, "billing/draft.md", "---\ntitle: Draft\ndraft: true\nsearch_tests: [draft]\n---\nNot yet.\n")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr string
	}{
		{"sample content is clean", []string{"check", "--content", "../../content"}, 0, []string{"0 errors"}, ""},
		{"broken content fails", []string{"check", "--content", broken, "--verbose"}, 1,
			[]string{"billing/bad.md:3: error:", "weight", "billing/ok.md:5:15: error:", "nope.md", "billing/ok.md:3: warning:", "author"}, ""},
		{"summary by kind", []string{"check", "--content", broken}, 1,
			[]string{"Errors\n  broken links: 1 problem\n    ", "billing/ok.md:5:15: broken link \"nope.md\"",
				"front matter values: 1 problem\n    ", "billing/bad.md:3: field `weight` must be a whole number",
				"Warnings\n  unknown field `author`: 1 file\n    ", "ignore_fields: [author]", "1 article, 0 search tests, 2 errors, 1 warning"}, ""},
		{"failing search test", []string{"check", "--content", tested, "--verbose"}, 1,
			[]string{`billing/refund.md: error: search test "quantum teleportation": the article is not in the top 3`,
				"billing/draft.md: warning: search tests skipped", "3 search tests, 1 error"}, ""},
		{"missing folder", []string{"check", "--content", filepath.Join(broken, "nope")}, 1, nil, "not found: run guichet from the folder that holds it, or give its path with --content DIR"},
		{"bad format", []string{"check", "--format", "xml"}, 2, nil, "--format"},
		{"unknown command", []string{"frobnicate"}, 2, nil, "unknown command"},
		{"port without host", []string{"serve", "--addr", "19702", "--data", t.TempDir()}, 2, nil, `--addr "19702": a port without its host: give --addr 127.0.0.1:19702 (this machine only) or 0.0.0.0:19702 (every interface)`},
		{"URL as address", []string{"serve", "--addr", "http://localhost:19702", "--data", t.TempDir()}, 2, nil, "a URL, not HOST:PORT: give --addr localhost:19702 (a public URL goes in --base-url)"},
		{"mistyped command", []string{"chek"}, 2, nil, `unknown command "chek"; did you mean "check"?`},
		{"mistyped flag", []string{"check", "--contnet", "x"}, 2, nil, "unknown flag --contnet: did you mean --content? (see guichet check -h for its flags)"},
		{"serve without content", []string{"serve", "--addr", "127.0.0.1:0", "--content", filepath.Join(broken, "nope"), "--data", t.TempDir()}, 1, nil, "not found: run guichet from the folder that holds it, or give its path with --content DIR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), tt.args, &out, &errb)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out.String(), errb.String())
			}
			for _, s := range tt.stdout {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, out.String())
				}
			}
			if !strings.Contains(errb.String(), tt.stderr) {
				t.Errorf("stderr lacks %q: %s", tt.stderr, errb.String())
			}
		})
	}
	var out bytes.Buffer
	if code := run(context.Background(), []string{"check", "--content", broken, "--format", "json"}, &out, io.Discard); code != 1 {
		t.Fatalf("json check exit %d", code)
	}
	var rep check.Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || rep.Errors < 2 || rep.Warnings < 1 {
		t.Fatalf("json report %+v, %v", rep, err)
	}
}

func TestEnvAndFlags(t *testing.T) {
	t.Setenv("GUICHET_ADDR", "127.0.0.1:9999")
	t.Setenv("GUICHET_DEV", "true")
	cfg := defaultConfig()
	fs, err := newFlagSet(context.Background(), "serve", &cfg, io.Discard, "addr", "dev", "data")
	if err != nil {
		t.Fatal(err)
	}
	if err := fs.Parse([]string{"--data", "/tmp/x"}); err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != "127.0.0.1:9999" || !cfg.Dev || cfg.Data != "/tmp/x" {
		t.Errorf("config %+v", cfg)
	}
	cfg = defaultConfig()
	fs, _ = newFlagSet(context.Background(), "serve", &cfg, io.Discard, "addr")
	fs.Parse([]string{"--addr", "127.0.0.1:7000"})
	if cfg.Addr != "127.0.0.1:7000" {
		t.Errorf("flag did not win over environment: %s", cfg.Addr)
	}
	t.Setenv("GUICHET_DEV", "maybe")
	if _, err := newFlagSet(context.Background(), "serve", &cfg, io.Discard, "dev"); err == nil || !strings.Contains(err.Error(), "GUICHET_DEV") {
		t.Errorf("bad boolean env accepted: %v", err)
	}
}

// TestDevAndWatchAreOneOrTheOther: `serve --watch` with GUICHET_DEV left
// set (or --dev too) was silently --dev: drafts and scheduled articles
// served where the operator asked for the live site's publishing. It is
// refused (a usage error), naming both as the operator set them: the
// variable, and the flag.
func TestDevAndWatchAreOneOrTheOther(t *testing.T) {
	t.Setenv("GUICHET_DEV", "true")
	var stderr bytes.Buffer
	code := run(context.Background(), []string{"serve", "--watch", "--content", "content", "--data", t.TempDir(), "--addr", "127.0.0.1:0"}, io.Discard, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), "GUICHET_DEV and --watch are one or the other") {
		t.Errorf("serve --watch with GUICHET_DEV: exit %d, %q", code, stderr.String())
	}
}

// openCorpus loads the real corpus through Main like `serve` does.
func openCorpus(tb testing.TB, data string) *Main {
	tb.Helper()
	// One client reads every page: no protection limit in the way.
	m := &Main{Config: testConfig(corpusDir, data, func(c *Config) { c.RequestRate, c.RequestBurst = 1e6, 1e6 }),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Open(context.Background()); err != nil {
		tb.Fatal(err)
	}
	return m
}

// TestCorpusServes loads the 2,448-article corpus written for another tool:
// every article is reachable and searchable.
func TestCorpusServes(t *testing.T) {
	needCorpus(t)
	// Reads the corpus, writes only its own folder: beside the other
	// corpus test, after the sequential tests (the package's longest two).
	t.Parallel()
	m := openCorpus(t, t.TempDir())
	defer m.Close(context.Background())
	v := m.Server.View()
	articles := v.ByLocale[v.Lib.Config.DefaultLocale]
	if len(articles) != 2448 {
		t.Fatalf("%d articles published, want 2448", len(articles))
	}
	for _, p := range v.Lib.Problems {
		if p.Severity == site.SeverityError && strings.Contains(p.Message, "skipped") {
			t.Errorf("article skipped: %s", p)
		}
	}
	for i, a := range articles {
		w := httptest.NewRecorder()
		m.Server.ServeHTTP(w, httptest.NewRequest("GET", (&url.URL{Path: a.URL}).EscapedPath(), nil))
		if w.Code != 200 {
			t.Fatalf("%s (%s): status %d", a.URL, a.SourcePath, w.Code)
		}
		if i%97 == 0 {
			w := httptest.NewRecorder()
			m.Server.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/search?limit=50&q="+urlQuery(a.Title), nil))
			if !strings.Contains(w.Body.String(), `"id":"`+a.ID+`"`) {
				t.Errorf("searching the title %q does not find %s", a.Title, a.ID)
			}
		}
	}
}

func urlQuery(s string) string {
	r := strings.NewReplacer(" ", "+", "&", "%26", "#", "%23", "?", "%3F", "%", "%25", "+", "%2B")
	if len(s) > 200 {
		s = s[:200]
	}
	return r.Replace(s)
}

func openDB(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// testConfig is the default configuration on a content and a data folder,
// listening on a free port, changed by each of opts.
func testConfig(content, data string, opts ...func(*Config)) Config {
	c := defaultConfig()
	c.Content, c.Data, c.Addr = content, data, "127.0.0.1:0"
	for _, o := range opts {
		o(&c)
	}
	return c
}

// TestUsageEnvironmentClaim: the usage says which flags take a GUICHET_*
// variable the way each -h does. Some have none (gaps --since,
// tickets import --timezone: GUICHET_SINCE is ignored), so it may not say
// every flag has one.
func TestUsageEnvironmentClaim(t *testing.T) {
	for _, args := range [][]string{{"gaps", "-h"}, {"tickets", "import", "-h"}} {
		var out, errb strings.Builder
		run(context.Background(), args, &out, &errb)
		without := 0
		for _, l := range strings.Split(out.String()+errb.String(), "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), "-") {
				without++
			}
			if strings.Contains(l, "(env GUICHET_") {
				without--
			}
		}
		if without == 0 {
			t.Fatalf("%v: every flag names a variable; this test needs one without", args)
		}
	}
	if strings.Contains(usage, "Every flag can also be set") {
		t.Errorf("the usage says every flag takes a GUICHET_* variable; gaps --since and tickets import --timezone do not:\n%s", usage)
	}
}

// TestTicketsImportHelpNamesEveryFormat: -h lists every --format the
// import takes, Intercom's JSON export included, which it accepts.
func TestTicketsImportHelpNamesEveryFormat(t *testing.T) {
	var out, errb strings.Builder
	run(context.Background(), []string{"tickets", "import", "-h"}, &out, &errb)
	help := out.String() + errb.String()
	for _, f := range append(tickets.Formats(), tickets.FormatIntercom) {
		if !strings.Contains(help, f) {
			t.Errorf("tickets import -h does not name the format %q:\n%s", f, help)
		}
	}
}
