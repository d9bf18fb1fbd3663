package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestExitCodesAndSources: a usage error (an unknown flag, a missing or
// extra argument, a value that is not valid, from a flag or a GUICHET_*
// variable) exits 2 and a failure while running exits 1, as the README
// says (some usage errors exited 1, others 2); and a bad value the
// operator set in the environment is named by its variable, not by a
// flag never typed (GUICHET_ADDR=:http said "--addr").
func TestExitCodesAndSources(t *testing.T) {
	data := t.TempDir()
	for _, tt := range []struct {
		name string
		env  map[string]string
		args []string
		code int
		want string // in stderr
		not  string // not in stderr
	}{
		{"unknown flag", nil, []string{"check", "--contnet", "x"}, 2, "unknown flag --contnet", ""},
		{"extra argument", nil, []string{"serve", "extra", "--data", data}, 2, `unexpected argument "extra"`, ""},
		{"missing argument", nil, []string{"backup", "--data", data}, 2, "usage: guichet backup FILE", ""},
		{"bad flag value", nil, []string{"check", "--format", "xml"}, 2, `--format "xml"`, ""},
		{"port name", nil, []string{"serve", "--addr", ":http", "--data", data}, 2, `--addr ":http": a service name, not a port number: give --addr :80`, ""},
		{"bad environment address", map[string]string{"GUICHET_ADDR": ":http"}, []string{"serve", "--data", data}, 2,
			`GUICHET_ADDR ":http": a service name, not a port number: give GUICHET_ADDR=:80`, "--addr"},
		{"bad environment log format", map[string]string{"GUICHET_LOG_FORMAT": "xml"}, []string{"serve", "--data", data}, 2, `GUICHET_LOG_FORMAT "xml": want text or json`, "--log-format"},
		{"bad environment retention", map[string]string{"GUICHET_RETENTION_DAYS": "0"}, []string{"serve", "--data", data}, 2, "GUICHET_RETENTION_DAYS must be from 1", "--retention-days"},
		{"environment set, flag given", map[string]string{"GUICHET_ADDR": "127.0.0.1:8080"}, []string{"serve", "--addr", "x:http", "--data", data}, 2, `--addr "x:http"`, "GUICHET_ADDR"},
		// A typed flag's error is about flags to type: the one it is a
		// typo of is a flag, the variable for it set or not.
		{"typo of a flag set by a variable", map[string]string{"GUICHET_DATA": data}, []string{"backup", "--dta", "x"}, 2, "did you mean --data?", "GUICHET_DATA"},
		// So is a synopsis: the flags it shows are flags to type.
		{"missing argument, data set by a variable", map[string]string{"GUICHET_DATA": data}, []string{"backup"}, 2, "usage: guichet backup FILE [--data DIR", "GUICHET_DATA"},
		{"bad environment number", map[string]string{"GUICHET_RECORD_RATE": "abc"}, []string{"serve", "--data", data}, 2, `environment GUICHET_RECORD_RATE: "abc": want a number`, ""},
		{"bad flag number", nil, []string{"serve", "--retention-days=abc", "--data", data}, 2, `--retention-days "abc": want a whole number`, "-retention-days:"},
		{"bad flag number of a sub-command", nil, []string{"gaps", "mark", "g1", "fixed", "--retention-days", "x", "--data", data}, 2, `--retention-days "x": want a whole number`, " -retention-days"},
		{"flag without its value", nil, []string{"gaps", "--data", data, "--since"}, 2, `--since needs a value`, " -since"},
		// GUICHET_FORMAT is check's and gaps' --format: tickets import's
		// own --format never reads it, and is named as the flag.
		{"variable of another command", map[string]string{"GUICHET_FORMAT": "json"}, []string{"tickets", "import", headerless(t), "--content", "../../content", "--data", data}, 1,
			"name the format with --format", "GUICHET_FORMAT"},
		{"variable of another command, flag given", map[string]string{"GUICHET_FORMAT": "json"}, []string{"tickets", "import", ticketsFile(t), "--format=bogus", "--data", data}, 2,
			`unknown format "bogus"`, "GUICHET_FORMAT"},
		{"unknown tickets format", nil, []string{"tickets", "import", ticketsFile(t), "--format", "bogus", "--data", data}, 2, `unknown format "bogus"`, ""},
		{"unknown time zone", nil, []string{"tickets", "import", ticketsFile(t), "--timezone", "Nowhere", "--data", data}, 2, `--timezone "Nowhere"`, ""},
		{"unknown date order", nil, []string{"tickets", "import", ticketsFile(t), "--date-order", "ymd", "--data", data}, 2, `date order "ymd"`, ""},
		{"missing tickets file", nil, []string{"tickets", "import", filepath.Join(data, "nope.csv"), "--content", "../../content", "--data", data}, 1, "open tickets file", ""},
		{"version with an argument", nil, []string{"version", "--bogus"}, 2, `unexpected argument "--bogus"`, ""},
		// --database checked as serve checks it, by every command that
		// takes it: a usage error (2), named as it was set, before any file.
		{"bad database, token", nil, []string{"token", "list", "--database", "mysql://x"}, 2, `--database "mysql://x": want a postgres://`, ""},
		{"bad database, backup", map[string]string{"GUICHET_DATABASE": "postgres://u:s@cret@db/g"}, []string{"backup", filepath.Join(data, "b.db")}, 2, `GUICHET_DATABASE "postgres://u:xxxxx@db/g": the user name or password holds an @`, "cret"},
		{"bad database parameter", nil, []string{"token", "list", "--database", "postgres://u:zqsecret@127.0.0.1:5432/g?sslmode=disable&connect_timeout=abc"}, 2, `invalid connect_timeout`, "zqsecret"},
		{"bad database sslmode", nil, []string{"token", "list", "--database", "postgres://u:zqsecret@127.0.0.1:5432/g?sslmode=bogus"}, 2, `sslmode is invalid`, "zqsecret"},
		{"bad database, tickets", nil, []string{"tickets", "import", filepath.Join(data, "nope.csv"), "--database", "mysql://x"}, 2, `--database "mysql://x"`, "open tickets file"},
		{"bad database, gaps", nil, []string{"gaps", "mark", "abc", "fixed", "--database", "mysql://x"}, 2, `--database "mysql://x"`, ""},
		// A CA file the URL names that cannot be read is, as a missing
		// content folder or tickets file, a failure while running (1),
		// named by its path; the URL itself is valid.
		{"missing CA file", nil, []string{"token", "list", "--database", "postgres://u:zqsecret@127.0.0.1:5432/g?sslmode=verify-full&sslrootcert=" + filepath.Join(data, "ca.pem")}, 1,
			"--database's sslrootcert " + filepath.Join(data, "ca.pem") + " cannot be read: no such file or directory", "zqsecret"},
		{"CA file without a certificate", map[string]string{"GUICHET_DATABASE": "postgres://u:zqsecret@127.0.0.1:5432/g?sslmode=verify-ca&sslrootcert=" + notPEM(t)}, []string{"token", "list"}, 1,
			notPEM(t) + " holds no PEM certificate", "zqsecret"},
		{"missing content folder", nil, []string{"check", "--content", filepath.Join(data, "nope")}, 1, "not found", ""},
		{"content errors", nil, []string{"check", "--content", brokenContent(t)}, 1, "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			var errb bytes.Buffer
			code := run(context.Background(), tt.args, io.Discard, &errb)
			if code != tt.code || !strings.Contains(errb.String(), tt.want) || tt.not != "" && strings.Contains(errb.String(), tt.not) {
				t.Errorf("exit %d, want %d; stderr %q, want %q without %q", code, tt.code, errb.String(), tt.want, tt.not)
			}
		})
	}
}

// ticketsFile is a tickets export of one row.
func ticketsFile(t *testing.T) string {
	p := filepath.Join(t.TempDir(), "t.csv")
	if err := os.WriteFile(p, []byte("external_id,subject,created_at\n1,Refund,2026-11-02\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// notPEM is a file that holds no certificate, the same path at each call
// of a test.
func notPEM(t *testing.T) string {
	p := filepath.Join(os.TempDir(), "guichet-"+strings.ReplaceAll(t.Name(), "/", "-")+".pem")
	if err := os.WriteFile(p, []byte("not a certificate\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(p) })
	return p
}

// headerless is a tickets export whose header is of no known format.
func headerless(t *testing.T) string {
	p := filepath.Join(t.TempDir(), "t.csv")
	if err := os.WriteFile(p, []byte("a,b\n1,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// brokenContent is a content folder with one error.
func brokenContent(t *testing.T) string {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "billing"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "billing", "bad.md"), []byte("---\ntitle: Bad\nweight: heavy\n---\nBody\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestMetricsFromTheStart: /metrics answered 503 while the content
// loaded; it is served from the start, guichet_content_loading saying
// whether the first content is still loading (1) or served (0), beside
// the server's own metrics once it is.
func TestMetricsFromTheStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outR, outW := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--content", "../../content", "--data", t.TempDir(), "--addr", "127.0.0.1:19451"}, outW, io.Discard)
		outW.Close()
	}()
	get := func() (int, string) {
		res, err := http.Get("http://127.0.0.1:19451/metrics")
		if err != nil {
			return 0, err.Error()
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	// While it loads (when this is quick enough to see it).
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if code, body := get(); code != 0 {
			if code != 200 || !strings.Contains(body, "guichet_content_loading") {
				t.Errorf("/metrics at start: %d %.200s", code, body)
			}
			break
		}
	}
	sc := bufio.NewScanner(outR)
	for sc.Scan() && !strings.HasPrefix(sc.Text(), "Stop with") {
	}
	go io.Copy(io.Discard, outR)
	if code, body := get(); code != 200 || !strings.Contains(body, "guichet_content_loading 0") || !strings.Contains(body, "guichet_content_reloads_total") {
		t.Errorf("/metrics once served: %d %.300s", code, body)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// TestFailedPublicationLoggedOnce: a publication asked by the API with
// ?wait=1 that failed was logged twice at ERROR, by the publisher
// ("publish content", with its trigger) and again by the HTTP error
// handler ("request failed"), for one failure: it is logged once, and the
// webhook is still told why.
func TestFailedPublicationLoggedOnce(t *testing.T) {
	var logged syncBuffer
	m := &Main{Config: testConfig("../../content", t.TempDir()), Logger: slog.New(slog.NewTextHandler(&logged, nil))}
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close(context.Background()) })
	m.Publisher.Wait()
	secret, _, err := m.DB.CreateToken(context.Background(), "publish", "git host")
	if err != nil {
		t.Fatal(err)
	}
	// The next search index cannot be made: a file where its folder is.
	index := filepath.Join(m.Config.Data, "index")
	if err := os.RemoveAll(index); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(index, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("POST", "/api/v1/reload?wait=1", nil)
	req.Header.Set("Authorization", "Bearer "+secret)
	w := httptest.NewRecorder()
	m.Server.ServeHTTP(w, req)
	if w.Code < 500 || !strings.Contains(w.Body.String(), "the publication failed") {
		t.Fatalf("reload: %d %s", w.Code, w.Body)
	}
	if n := strings.Count(logged.String(), "level=ERROR"); n != 1 {
		t.Errorf("one failed publication, %d ERROR lines:\n%s", n, logged.String())
	}
}

// TestBannerFirst: the start's "content published" line was printed
// before the banner, so the address and the data folder came after a log
// line; the banner comes first, the lines logged while the content loaded
// right after it.
func TestBannerFirst(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out syncBuffer // stdout and stderr, as a terminal shows them
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--content", "../../content", "--data", t.TempDir(), "--addr", "127.0.0.1:19452"}, &out, &out)
	}()
	if !waitFor(30*time.Second, func() bool { return strings.Contains(out.String(), "content published") }) {
		t.Fatalf("no content published:\n%s", out.String())
	}
	cancel()
	<-done
	got := out.String()
	if !strings.HasPrefix(got, "Guichet is serving the help center at http://localhost:19452/") || strings.Index(got, "Stop with Ctrl-C.") > strings.Index(got, "content published") {
		t.Errorf("the banner is not first:\n%s", got)
	}
}

// TestSMTPOnLoopbackWarned: `guichet serve --smtp …` without a public URL
// on a server listening on 127.0.0.1 sent e-mails whose links opened
// localhost, and nothing said so at start: one WARN line names --smtp
// and --base-url.
func TestSMTPOnLoopbackWarned(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back.\n")
	var logs bytes.Buffer
	m := &Main{Config: testConfig(dir, t.TempDir(), func(c *Config) { c.SMTP, c.MailFrom = "smtp://127.0.0.1:2525", "help@acme.test" }),
		Logger: slog.New(slog.NewTextHandler(&logs, nil)), ListenURL: "http://localhost:8080"}
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close(context.Background())
	if n := strings.Count(logs.String(), "level=WARN msg=\"--smtp is set but the public URL is http://localhost:8080"); n != 1 || !strings.Contains(logs.String(), "set --base-url") {
		t.Errorf("%d warnings naming --smtp and the loopback public URL:\n%s", n, logs.String())
	}
}
