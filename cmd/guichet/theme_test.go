package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/web/webtest"
	"github.com/guichet/guichet/themes"
)

// embeddedThemeFile is a file of the default theme, as the binary has it.
func embeddedThemeFile(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(themes.FS, "default/"+name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// withFooter is the default footer saying text instead of "Powered by
// Guichet", as a writer following the README would write it.
func withFooter(t *testing.T, text string) string {
	t.Helper()
	footer := embeddedThemeFile(t, "templates/footer.html")
	const powered = `<p class="powered"{{with .TLang.footer}} lang="{{.}}"{{end}}>{{.T.footer}}</p>`
	if !strings.Contains(footer, powered) {
		t.Fatalf("the default footer has no %s to replace", powered)
	}
	return strings.Replace(footer, powered, `<p class="powered">`+text+`</p>`, 1)
}

// startServe runs `guichet serve args…` on a free port in this process, as
// a user would, and returns its base URL and what it logs.
func startServe(t *testing.T, args ...string) (string, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	outR, outW := io.Pipe()
	logs := &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), outW, logs)
		outW.Close()
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			t.Error("serve did not stop")
		}
	})
	line, err := bufio.NewReader(outR).ReadString('\n')
	if err != nil {
		t.Fatalf("no startup line: %v\n%s", err, logs)
	}
	go io.Copy(io.Discard, outR)
	base := strings.TrimSuffix(regexp.MustCompile(`http://\S+/`).FindString(line), "/")
	if base == "" {
		t.Fatalf("startup line without URL: %q", line)
	}
	return base, logs
}

// httpGet returns the status and body of base+path.
func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// TestDevReloadsContentTheme edits the content folder's theme/ under
// `guichet serve --dev`: a changed footer (templates/footer.html) and stylesheet are served
// without a restart; a broken footer shows the writer where the error is
// on every page and in the log while the articles still publish; fixed,
// the site comes back; removed, the embedded file serves again.
func TestDevReloadsContentTheme(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Pedal Help\n")
	writeFile(t, dir, "riding/unlock.md", "---\ntitle: Unlock a bike\n---\nScan the code on the handlebar.\n")
	writeFile(t, dir, "theme/templates/footer.html", withFooter(t, "Pedal Ltd, 1 Quay Street"))
	css := embeddedThemeFile(t, "assets/style.css")
	writeFile(t, dir, "theme/assets/style.css", css+"\n.site-footer { border-top: 4px solid #123456; }\n")
	base, logs := startServe(t, "--dev", "--content", dir, "--data", t.TempDir())

	page := func() (int, *webtest.Doc) {
		code, body := httpGet(t, base+"/riding/unlock")
		return code, webtest.Parse(t, body)
	}
	footer := func() string { _, d := page(); return d.Text("footer p.powered") }
	stylesheet := func() string {
		_, d := page()
		_, body := httpGet(t, base+d.Attr(`link[rel=stylesheet]`, "href"))
		return body
	}
	// Polls cond until it holds or the deadline passes: the watcher looks
	// every half second.
	eventually := func(what string, cond func() bool) {
		t.Helper()
		if !waitFor(10*time.Second, cond) {
			t.Fatalf("%s: not served within 10 s\nlog:\n%s", what, logs)
		}
	}
	if got := footer(); got != "Pedal Ltd, 1 Quay Street" {
		t.Fatalf("footer of the content's theme at start: %q", got)
	}
	if !strings.Contains(stylesheet(), "#123456") {
		t.Fatal("the content's stylesheet is not the one served")
	}

	// Saved edits are served without a restart.
	writeFile(t, dir, "theme/templates/footer.html", withFooter(t, "Pedal Ltd, 2 Quay Street"))
	eventually("the edited footer", func() bool { return footer() == "Pedal Ltd, 2 Quay Street" })
	writeFile(t, dir, "theme/assets/style.css", css+"\n.site-footer { border-top: 4px solid #654321; }\n")
	eventually("the edited stylesheet", func() bool { return strings.Contains(stylesheet(), "#654321") })

	// A footer that does not parse: every page shows the file, the line
	// and the lines around it to the writer, the log says it, and a new
	// article is still published (found by search).
	broken := strings.Replace(withFooter(t, "Pedal Ltd, 3 Quay Street"), `<p class="powered">`, `{{if .ContactURL}<p class="powered">`, 1)
	writeFile(t, dir, "theme/templates/footer.html", broken)
	line := 0
	for i, l := range strings.Split(broken, "\n") {
		if strings.Contains(l, "{{if .ContactURL}<p") {
			line = i + 1
		}
	}
	writeFile(t, dir, "riding/brakes.md", "---\ntitle: Brakes feel soft\n---\nReport soft brakes from the bike's page.\n")
	eventually("the theme error panel", func() bool {
		_, d := page()
		return d.Text("h1") == "theme/templates/footer.html has an error"
	})
	code, d := page()
	if code != 200 && code != 500 {
		t.Errorf("page while the theme is broken: status %d", code)
	}
	if want := "theme/templates/footer.html:" + strconv.Itoa(line); !strings.Contains(d.Text(".error-panel"), want) {
		t.Errorf("the panel does not name %s: %q", want, d.Text(".error-panel"))
	}
	if got := d.Text(".error-source .error-line"); !strings.Contains(got, "{{if .ContactURL}<p") {
		t.Errorf("the panel's marked line is %q", got)
	}
	if d.Attr("script[src]", "src") == "" {
		t.Error("the panel has no reload script: fixing the file would not reload the page")
	}
	eventually("the log line naming the file", func() bool {
		return strings.Contains(logs.String(), "theme/templates/footer.html:"+strconv.Itoa(line)) && strings.Contains(logs.String(), "last good theme")
	})
	eventually("an article saved while the theme is broken", func() bool {
		_, body := httpGet(t, base+"/api/v1/search?q=brakes")
		return strings.Contains(body, `"riding/brakes"`)
	})

	// Fixed: the site comes back with the new footer.
	writeFile(t, dir, "theme/templates/footer.html", withFooter(t, "Pedal Ltd, 3 Quay Street"))
	eventually("the fixed footer", func() bool { return footer() == "Pedal Ltd, 3 Quay Street" })

	// Removed: the embedded file serves again, the stylesheet still the
	// content's.
	if err := os.Remove(filepath.Join(dir, "theme/templates/footer.html")); err != nil {
		t.Fatal(err)
	}
	eventually("the embedded footer", func() bool { return footer() == "Powered by Guichet" })
	if !strings.Contains(stylesheet(), "#654321") {
		t.Error("removing the footer also dropped the content's stylesheet")
	}
	if err := os.RemoveAll(filepath.Join(dir, "theme")); err != nil {
		t.Fatal(err)
	}
	eventually("the embedded stylesheet", func() bool { return !strings.Contains(stylesheet(), "#654321") })
}

// TestBrokenThemeKeepsLastGood: outside dev mode, a theme file that does
// not parse or does not render keeps the last good theme in force while
// the content is still published, and the log names the file and line; a
// server does not start on a broken theme, saying where it is.
func TestBrokenThemeKeepsLastGood(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "riding/unlock.md", "---\ntitle: Unlock a bike\n---\nScan the code.\n")
	writeFile(t, dir, "theme/templates/footer.html", withFooter(t, "Pedal Ltd"))
	var logs bytes.Buffer
	m := &Main{Config: testConfig(dir, t.TempDir()), Logger: slog.New(slog.NewTextHandler(&logs, nil))}
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close(context.Background()) })
	for _, tc := range []struct{ name, layout, want string }{
		{"does not parse", strings.Replace(withFooter(t, "Pedal GmbH"), "</footer>", "{{end}}</footer>", 1), "unexpected {{end}}"},
		{"does not render", strings.Replace(withFooter(t, "Pedal GmbH"), "</footer>", "{{.T.no_such_string}}</footer>", 1), `no_such_string`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			logs.Reset()
			writeFile(t, dir, "theme/templates/footer.html", tc.layout)
			writeFile(t, dir, "riding/brakes-"+strings.ReplaceAll(tc.name, " ", "-")+".md", "---\ntitle: Brakes\n---\nSoft brakes.\n")
			if err := m.Reload(context.Background()); err != nil {
				t.Fatalf("the content was not published: %v", err)
			}
			if got := webtest.Parse(t, mustGet(t, m, "/riding/unlock")).Text("footer p.powered"); got != "Pedal Ltd" {
				t.Errorf("footer: %q, want the last good theme's", got)
			}
			if status(m, "/riding/brakes-"+strings.ReplaceAll(tc.name, " ", "-")) != 200 {
				t.Error("the article saved with the broken theme is not served")
			}
			p := m.Server.ThemeProblem()
			if p == nil || p.File != "theme/templates/footer.html" || p.Line == 0 || !strings.Contains(p.Message, tc.want) {
				t.Fatalf("theme problem: %+v", p)
			}
			if !strings.Contains(logs.String(), "theme/templates/footer.html:"+strconv.Itoa(p.Line)) {
				t.Errorf("the log does not name the file and line:\n%s", logs.String())
			}
			// The team sees it on the admin page with the content's errors.
			admin, _, err := m.DB.CreateToken(context.Background(), site.ScopeAdmin, "theme")
			if err != nil {
				t.Fatal(err)
			}
			login := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
			cookies := (&http.Response{Header: login.Header()}).Cookies()
			if login.Code != 303 || len(cookies) == 0 {
				t.Fatalf("login: %d", login.Code)
			}
			errs := webtest.Parse(t, mustGet(t, m, "/admin/", "Cookie", cookies[0].Name+"="+cookies[0].Value)).Text("#content-errors")
			if !strings.Contains(errs, "theme/templates/footer.html:"+strconv.Itoa(p.Line)) || !strings.Contains(errs, "last good theme") {
				t.Errorf("admin page's content errors: %q", errs)
			}
		})
	}
	writeFile(t, dir, "theme/templates/footer.html", withFooter(t, "Pedal GmbH"))
	if err := m.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := webtest.Parse(t, mustGet(t, m, "/riding/unlock")).Text("footer p.powered"); got != "Pedal GmbH" || m.Server.ThemeProblem() != nil {
		t.Errorf("fixed: footer %q, problem %+v", got, m.Server.ThemeProblem())
	}

	// A server does not start on a broken theme: the error names the file.
	writeFile(t, dir, "theme/templates/footer.html", "{{define \"footer\"}}{{if}}{{end}}")
	m2 := &Main{Config: testConfig(dir, t.TempDir()), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	err := m2.Open(context.Background())
	m2.Close(context.Background())
	if err == nil || !strings.Contains(err.Error(), "theme/templates/footer.html:1") {
		t.Errorf("start on a broken theme: %v", err)
	}
}

// TestDevStartsOnBrokenTheme: `serve --dev` starts on a broken theme file
// and shows the writer where it is, rather than refusing to start.
func TestDevStartsOnBrokenTheme(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "riding/unlock.md", "---\ntitle: Unlock a bike\n---\nScan the code.\n")
	writeFile(t, dir, "theme/templates/footer.html", "{{define \"footer\"}}<footer>\n{{with .ContactURL}}\n</footer>{{end}}\n")
	m := openMain(t, dir, true)
	d := webtest.Parse(t, mustGet(t, m, "/riding/unlock"))
	if got := d.Text(".error-panel code"); got != "theme/templates/footer.html:4" {
		t.Errorf("panel names %q", got)
	}
	if !strings.Contains(d.Text(".error-panel"), "without its {{end}}") {
		t.Errorf("panel does not say what is wrong: %q", d.Text(".error-panel"))
	}
}
