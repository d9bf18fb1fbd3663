package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// servedURL waits for the server's address in its output.
func servedURL(t *testing.T, stdout *syncBuffer) string {
	t.Helper()
	waitServing(t, stdout)
	m := regexp.MustCompile(`http://[^ \n]+/`).FindString(stdout.String())
	if m == "" {
		t.Fatalf("no URL in %q", stdout)
	}
	return strings.TrimSuffix(m, "/")
}

// get fetches url and returns the status and body.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestPublishBySignal edits an article under a running server and sends
// SIGHUP: the new text is served, the process lives on, and the access log
// is JSON lines without query strings.
func TestPublishBySignal(t *testing.T) {
	dir, data := t.TempDir(), t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	cmd, stdout, stderr := guichetProcess(t, "serve", "--content", dir, "--data", data, "--addr", "127.0.0.1:0", "--log-format", "json")
	base := servedURL(t, stdout)
	if code, body := get(t, base+"/billing/refund"); code != 200 || !strings.Contains(body, "five days") {
		t.Fatalf("before: %d", code)
	}
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in three days.\n")
	// Without a signal, outside --dev and --watch, nothing changes.
	if _, body := get(t, base+"/billing/refund"); !strings.Contains(body, "five days") {
		t.Fatal("content changed without being published")
	}
	if err := cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	if !waitFor(20*time.Second, func() bool { _, body := get(t, base+"/billing/refund"); return strings.Contains(body, "three days") }) {
		t.Fatalf("SIGHUP did not publish the edit; stderr:\n%s", stderr)
	}
	get(t, base+"/search?q=secret+question")
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := waitExit(t, cmd, shutdownGrace); code != 0 {
		t.Fatalf("exit %d", code)
	}
	var requests, reloads int
	for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line is not JSON: %q", line)
		}
		if rec["msg"] == "request" {
			requests++
			if p, _ := rec["path"].(string); strings.Contains(p, "?") || strings.Contains(line, "secret") {
				t.Errorf("the access log holds a query string: %s", line)
			}
			// Milliseconds, as people read them (slog writes a Duration
			// in nanoseconds in JSON).
			if ms, ok := rec["duration_ms"].(float64); rec["status"] == nil || !ok || ms <= 0 || ms > 60000 || rec["route"] == nil {
				t.Errorf("access log line lacks status, duration or route: %s", line)
			}
		}
		if rec["msg"] == "content published" {
			reloads++
		}
	}
	if requests < 4 || reloads != 2 {
		t.Errorf("%d request lines and %d publications logged, want at least 4 and 2", requests, reloads)
	}
}

// TestPublishByAPI: POST /api/v1/reload with a publish token (header,
// GitLab header or query parameter) publishes the content; other tokens
// are refused; a broken edit keeps the site serving.
func TestPublishByAPI(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back.\n")
	m := openMain(t, dir, false)
	ctx := context.Background()
	publish, _, err := m.DB.CreateToken(ctx, site.ScopePublish, "git host")
	if err != nil {
		t.Fatal(err)
	}
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "lead")
	for _, hdr := range [][]string{{}, {"Authorization", "Bearer " + admin}, {"Authorization", "Bearer gch_wrong"}} {
		if w := serve(m, "POST", "/api/v1/reload", "", hdr...); w.Code != 401 {
			t.Errorf("reload with %v: %d", hdr, w.Code)
		}
	}
	for i, c := range []struct{ target, hdr, value string }{
		{"/api/v1/reload?wait=1", "Authorization", "Bearer " + publish},
		{"/api/v1/reload?wait=1", "X-Gitlab-Token", publish},
		{"/api/v1/reload?wait=1&token=" + publish, "", ""},
	} {
		name := []string{"first", "second", "third"}[i]
		writeFile(t, dir, "billing/"+name+".md", "---\ntitle: The "+name+" article\n---\nNew.\n")
		w := serve(m, "POST", c.target, "", c.hdr, c.value)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `"status":"published"`) {
			t.Fatalf("%s: %d %s", c.target, w.Code, w.Body)
		}
		if got := status(m, "/billing/"+name); got != 200 {
			t.Errorf("after %s: /billing/%s %d", c.hdr, name, got)
		}
	}
	// A wait the webhook misspelt is a 400 naming it, not a silent 202.
	if w := serve(m, "POST", "/api/v1/reload?wait=yes", "", "Authorization", "Bearer "+publish); w.Code != 400 || !strings.Contains(w.Body.String(), "wait must be") {
		t.Errorf("reload?wait=yes: %d %s", w.Code, w.Body)
	}
	// Without wait: 202 at once, published soon after.
	writeFile(t, dir, "billing/later.md", "---\ntitle: Later\n---\nNew.\n")
	if w := serve(m, "POST", "/api/v1/reload", "", "Authorization", "Bearer "+publish); w.Code != 202 {
		t.Fatalf("reload: %d", w.Code)
	}
	if !waitFor(10*time.Second, func() bool { return status(m, "/billing/later") == 200 }) {
		t.Error("the background publication did not happen")
	}
	// The content's hash is in /healthz, for deploy scripts to check.
	w := serve(m, "GET", "/healthz", "")
	var h struct{ Status, Version, Content, Database string }
	if err := json.Unmarshal(w.Body.Bytes(), &h); err != nil || w.Code != 200 || h.Status != "ok" || h.Content == "" || h.Version == "" || h.Database != "ok" {
		t.Errorf("/healthz: %d %s", w.Code, w.Body)
	}
	// /metrics counts the publications by trigger and result (the
	// background one is counted just after it is served).
	var body string
	waitFor(5*time.Second, func() bool {
		body = from(m, "127.0.0.1:1", "GET", "/metrics", "").Body.String()
		return strings.Contains(body, `trigger="api"} 4`)
	})
	for _, want := range []string{`guichet_content_reloads_total{result="ok",trigger="api"} 4`, `guichet_content_reloads_total{result="ok",trigger="start"} 1`,
		`guichet_http_requests_total{code="401",route="/api/v1/reload"} 3`, `guichet_http_request_duration_seconds_bucket{route="/*"`,
		`guichet_events_written_total`, `guichet_event_write_errors_total 0`, `guichet_content_problems{severity="error"} 0`,
		`guichet_content_info{revision="` + h.Content + `"} 1`, `guichet_content_published_timestamp_seconds 1.`} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	// A database that stops answering makes /healthz say so.
	m.DB.Close()
	if w := serve(m, "GET", "/healthz", ""); w.Code != 503 || !strings.Contains(w.Body.String(), `"database":"unavailable"`) {
		t.Errorf("/healthz with the database closed: %d %s", w.Code, w.Body)
	}
}

// TestWatchPublishes: with --watch, a saved file is published without a
// signal, drafts stay hidden.
func TestWatchPublishes(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back.\n")
	m := openMain(t, dir, false)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := m.Publisher.Watcher([]string{dir}) // takes the folder's state now
	go w.Run(ctx)
	writeFile(t, dir, "billing/new.md", "---\ntitle: New\n---\nNew.\n")
	writeFile(t, dir, "billing/draft.md", "---\ntitle: Draft\ndraft: true\n---\nNot yet.\n")
	if !waitFor(10*time.Second, func() bool { return status(m, "/billing/new") == 200 }) {
		t.Fatal("--watch did not publish the new article")
	}
	if got := status(m, "/billing/draft"); got != 404 {
		t.Errorf("--watch shows a draft: %d", got)
	}
}

// TestGitPull: with --git-pull, a publication asked by the git host first
// pulls the merged change into the content folder.
func TestGitPull(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	origin, dir := t.TempDir(), t.TempDir()
	git := func(in string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", in, "-c", "user.name=Writer", "-c", "user.email=w@example.com"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	git(origin, "init", "-q", "-b", "main")
	writeFile(t, origin, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back.\n")
	git(origin, "add", ".")
	git(origin, "commit", "-q", "-m", "first")
	os.Remove(dir)
	if out, err := exec.Command("git", "clone", "-q", origin, dir).CombinedOutput(); err != nil {
		t.Fatalf("clone: %v %s", err, out)
	}
	m := &Main{Config: testConfig(dir, t.TempDir(), func(c *Config) { c.GitPull = true }), Logger: discard()}
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close(context.Background())
	publish, _, _ := m.DB.CreateToken(context.Background(), site.ScopePublish, "")
	writeFile(t, origin, "billing/merged.md", "---\ntitle: Merged in a pull request\n---\nNew.\n")
	git(origin, "add", ".")
	git(origin, "commit", "-q", "-m", "merged")
	if w := serve(m, "POST", "/api/v1/reload?wait=1", "", "Authorization", "Bearer "+publish); w.Code != 200 {
		t.Fatalf("reload: %d %s", w.Code, w.Body)
	}
	if got := status(m, "/billing/merged"); got != 200 {
		t.Errorf("the merged article after a pull: %d", got)
	}
	// A merged article that breaks is named in the answer: the webhook's
	// log says what to fix while the last good version serves.
	writeFile(t, origin, "billing/merged.md", "---\ntitle: [broken\n---\nNew.\n")
	git(origin, "commit", "-q", "-am", "broken")
	w := serve(m, "POST", "/api/v1/reload?wait=1", "", "Authorization", "Bearer "+publish)
	var answer struct {
		Status string
		Errors []site.Problem
		Kept   []string
	}
	if err := json.Unmarshal(w.Body.Bytes(), &answer); err != nil || w.Code != 200 || len(answer.Errors) == 0 || answer.Errors[0].File != "billing/merged.md" || answer.Errors[0].Line == 0 ||
		!slices.Equal(answer.Kept, []string{"billing/merged.md"}) {
		t.Errorf("reload with a broken article: %d %s", w.Code, w.Body)
	}
	if got := status(m, "/billing/merged"); got != 200 {
		t.Errorf("the broken article's last good version: %d", got)
	}
	git(origin, "revert", "--no-edit", "HEAD")
	if w := serve(m, "POST", "/api/v1/reload?wait=1", "", "Authorization", "Bearer "+publish); w.Code != 200 || !strings.Contains(w.Body.String(), `"errors":[],"kept":[]`) {
		t.Errorf("reload once fixed: %d %s", w.Code, w.Body)
	}

	// A pull that fails tells the webhook why and what to do, not
	// "Internal error.": here an edit made in the content folder.
	writeFile(t, origin, "billing/merged.md", "---\ntitle: Merged, edited\n---\nNew.\n")
	git(origin, "commit", "-q", "-am", "edited")
	writeFile(t, dir, "billing/merged.md", "---\ntitle: Edited on the server\n---\nNew.\n")
	w = serve(m, "POST", "/api/v1/reload?wait=1", "", "Authorization", "Bearer "+publish)
	if w.Code != 409 || !strings.Contains(w.Body.String(), "would be overwritten") || !strings.Contains(w.Body.String(), "stash") {
		t.Errorf("a pull over local changes: %d %s", w.Code, w.Body)
	}
	// And why, for a program: the body's reason (only words said it).
	var refused struct {
		Error  struct{ Code, Message string }
		Reason string
	}
	if err := json.Unmarshal(w.Body.Bytes(), &refused); err != nil || refused.Reason != "local_changes" || refused.Error.Code != "conflict" || !strings.Contains(refused.Error.Message, "would be overwritten") {
		t.Errorf("a pull over local changes: %s, want reason local_changes beside the error", w.Body)
	}
	// A publication that fails after the pull says why too.
	git(dir, "checkout", "-q", "--", ".")
	index := filepath.Join(m.Config.Data, "index")
	if err := os.RemoveAll(index); err != nil {
		t.Fatal(err)
	}
	writeFile(t, m.Config.Data, "index", "not a folder")
	w = serve(m, "POST", "/api/v1/reload?wait=1", "", "Authorization", "Bearer "+publish)
	if w.Code != 500 || !strings.Contains(w.Body.String(), "build search index") || !strings.Contains(w.Body.String(), "keeps serving") {
		t.Errorf("a publication that fails: %d %s", w.Code, w.Body)
	}
	if got := status(m, "/billing/merged"); got != 200 {
		t.Errorf("the site after a failed publication: %d", got)
	}
}

// TestBusyPortAndData: a busy address fails at once, before the content
// loads, saying what to do; a second server on the same data folder is
// refused.
func TestBusyPortAndData(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var out, errb strings.Builder
	start := time.Now()
	code := run(context.Background(), []string{"serve", "--content", "/nonexistent-content", "--data", t.TempDir(), "--addr", ln.Addr().String()}, &out, &errb)
	if code != 1 || !strings.Contains(errb.String(), ln.Addr().String()) || !strings.Contains(errb.String(), "--addr") {
		t.Errorf("busy port: exit %d after %s: %s", code, time.Since(start), errb.String())
	}

	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back.\n")
	m := openMain(t, dir, false)
	second := &Main{Config: testConfig(dir, m.Config.Data), Logger: discard()}
	err = second.Open(context.Background())
	second.Close(context.Background())
	if err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("second server on one data folder: %v", err)
	}
}

// TestVersion: the version comes from the build information.
func TestVersion(t *testing.T) {
	var out, errb strings.Builder
	if code := run(context.Background(), []string{"version"}, &out, &errb); code != 0 {
		t.Fatal(errb.String())
	}
	v := strings.TrimSpace(out.String())
	if !strings.HasPrefix(v, "guichet ") || v == "guichet" || strings.Contains(v, "dev\n") {
		t.Errorf("version %q", v)
	}
	if got := versionString(); !strings.Contains(v, got) {
		t.Errorf("version prints %q, healthz reports %q", v, got)
	}
}

// discard is a logger that writes nothing.
func discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// TestBanner: serve says where everything is, with one URL everywhere: the
// printed one is the canonical base when none is configured.
func TestBanner(t *testing.T) {
	dir, data := t.TempDir(), t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back.\n")
	cmd, stdout, _ := guichetProcess(t, "serve", "--content", dir, "--data", data, "--addr", "127.0.0.1:0")
	base := servedURL(t, stdout)
	out := stdout.String()
	for _, want := range []string{base + "/admin/", "token create --scope admin --data " + data, "backup FILE --data " + data, base + "/widget/demo", data, dir, "--dev"} {
		if !strings.Contains(out, want) {
			t.Errorf("the banner lacks %q:\n%s", want, out)
		}
	}
	if !strings.HasPrefix(base, "http://localhost:") {
		t.Errorf("printed URL %s: want localhost for a loopback address", base)
	}
	_, home := get(t, base+"/")
	if !strings.Contains(home, `<link rel="canonical" href="`+base+`/">`) {
		t.Errorf("canonical link of the home page is not the printed URL %s", base)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	waitExit(t, cmd, shutdownGrace)
}
