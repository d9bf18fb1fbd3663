package main

import (
	"bytes"
	"database/sql"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/guichet/guichet/site/postgres/pgtest"
	"github.com/guichet/guichet/site/testrun"
)

// TestMain lets the test binary stand in for the guichet binary: with
// GUICHET_TEST_MAIN=1 it runs main, so tests can start a real process,
// signal it and read its exit code.
func TestMain(m *testing.M) {
	if os.Getenv("GUICHET_TEST_MAIN") == "1" {
		main()
		return
	}
	os.Exit(pgtest.Main(m)) // runs the tests, then stops the PostgreSQL they started
}

// guichetProcess starts `guichet args…` as a separate process.
func guichetProcess(t *testing.T, args ...string) (*exec.Cmd, *syncBuffer, *syncBuffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "GUICHET_TEST_MAIN=1")
	var stdout, stderr syncBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	return cmd, &stdout, &stderr
}

// waitExit waits for cmd to end and returns its exit code, failing the
// test when it runs longer than limit.
func waitExit(t *testing.T, cmd *exec.Cmd, limit time.Duration) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
		return cmd.ProcessState.ExitCode()
	case <-time.After(limit):
		cmd.Process.Kill()
		<-done
		t.Fatalf("the process did not end within %s", limit)
		return -1
	}
}

// mountTmpfs mounts a fresh tmpfs of size (like "4m") with extra options
// at dir, for the tests of full and read-only disks. It needs the right to
// mount (root); it skips otherwise, except under CI=true where it fails.
func mountTmpfs(t *testing.T, dir, opts string) {
	t.Helper()
	var sudo []string
	if os.Geteuid() != 0 {
		sudo = []string{"sudo", "-n"}
	}
	run := func(args ...string) ([]byte, error) {
		args = append(sudo, args...)
		return exec.Command(args[0], args[1:]...).CombinedOutput()
	}
	if out, err := run("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("mount tmpfs (CI runs as root or with sudo): %v %s", err, out)
		}
		t.Skipf("cannot mount a tmpfs here (needs root or sudo): %v %s", err, out)
	}
	t.Cleanup(func() { run("umount", "-l", dir) })
}

// TestStartOnBrokenDisk: a read-only or full data folder is one clear error
// and exit code 1 within seconds, before anything is built.
func TestStartOnBrokenDisk(t *testing.T) {
	content := t.TempDir()
	writeFile(t, content, "guichet.yaml", "title: Acme\n")
	// 60 articles of 60 KB: the index needs more than the full disk has.
	para := strings.Repeat("Refunds arrive on the card used for the order within five working days. ", 800)
	for i := range 60 {
		writeFile(t, content, fmt.Sprintf("billing/article-%02d.md", i), fmt.Sprintf("---\ntitle: Article %d\n---\n%s\n", i, para))
	}
	for _, c := range []struct {
		name, opts, want string
	}{
		{"read-only", "ro,size=1m", "read-only"},
		{"full", "size=1m", "MB free"},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := t.TempDir()
			mountTmpfs(t, data, c.opts)
			start := time.Now()
			cmd, _, stderr := guichetProcess(t, "serve", "--content", content, "--data", data, "--addr", "127.0.0.1:0")
			code := waitExit(t, cmd, 20*time.Second)
			if code != 1 || !strings.Contains(stderr.String(), c.want) || !strings.Contains(stderr.String(), data) {
				t.Errorf("exit %d after %s, stderr:\n%s", code, time.Since(start).Round(time.Millisecond), stderr)
			}
			if strings.Contains(stderr.String(), "panic") || strings.Contains(stderr.String(), "goroutine") {
				t.Errorf("a panic instead of an error:\n%s", stderr)
			}
		})
	}
}

// TestSIGTERMDuringBackgroundWork stops a server with SIGTERM right after
// it started on a database whose answered-gap pass is long: the pass is
// cancelled and the process ends cleanly within the grace period.
func TestSIGTERMDuringBackgroundWork(t *testing.T) {
	content, data := t.TempDir(), t.TempDir()
	writeFile(t, content, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	// A pass of about a minute (the race detector slows the pass as much
	// as the writing of the database, so a tenth does).
	n := 200000
	if testrun.Race {
		n = 20000
	}
	seedFailedSearches(t, data, n)
	cmd, stdout, stderr := guichetProcess(t, "serve", "--content", content, "--data", data, "--addr", "127.0.0.1:0")
	waitServing(t, stdout)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := waitExit(t, cmd, shutdownGrace); code != 0 {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	// The log says the stop is done, after "shutting down" (it said
	// nothing more; a newcomer, rv19j).
	if !strings.Contains(stderr.String(), "msg=stopped") {
		t.Errorf("no closing log line after the stop:\n%s", stderr)
	}
}

// waitServing waits until the server printed its whole banner.
func waitServing(t *testing.T, stdout *syncBuffer) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(stdout.String(), "Stop with Ctrl-C") { // the whole banner is out
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the server did not start: %s", stdout)
}

// seedFailedSearches writes n failed searches in n/4 distinct topics from
// many visitors into the events database of data, as weeks of traffic
// would (one SQL statement: the recorder would take a minute).
func seedFailedSearches(t *testing.T, data string, n int) {
	t.Helper()
	db := openDB(t, filepath.Join(data, "guichet.db"))
	db.Close()
	raw, err := sql.Open("sqlite", filepath.Join(data, "guichet.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	now := time.Now().UnixMilli()
	if _, err := raw.Exec(`
		INSERT INTO searches (id, query, normalized, locale, results, source, context, path, visitor, created_at, updated_at)
		WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
		SELECT printf('%032x', i), 'wombat' || (i % ?) || ' export', 'wombat' || (i % ?) || ' export', 'en', 0, 'site', '', '',
		       'v' || (i % 7919), ? - i * 1000, ? - i * 1000
		FROM n`, n, n/4, n/4, now, now); err != nil {
		t.Fatal(err)
	}
}

// syncBuffer is a bytes.Buffer safe to read while a process writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestSIGTERMWhileLoading: a stop asked while the content loads is a clean
// stop (exit 0), not a failure.
func TestSIGTERMWhileLoading(t *testing.T) {
	content, data := t.TempDir(), t.TempDir()
	para := strings.Repeat("Refunds arrive on the card used for the order within five working days. ", 200)
	for i := range 3000 {
		writeFile(t, content, fmt.Sprintf("billing/article-%04d.md", i), fmt.Sprintf("---\ntitle: Article %d\n---\n%s\n", i, para))
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd, _, stderr := guichetProcess(t, "serve", "--content", content, "--data", data, "--addr", addr)
	// The address is taken before the content loads: /readyz says so.
	if !waitFor(20*time.Second, func() bool {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == 503
	}) {
		t.Fatal("/readyz never answered 503 while the content loaded")
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if code := waitExit(t, cmd, shutdownGrace); code != 0 || !strings.Contains(stderr.String(), "stopped before the content was published") {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
}

// TestStartOnDataOfAnotherUser: a data folder that holds a database or a
// folder this user cannot write (guichet run once as root, the folder
// given back to the service's user without -R) is one clear error naming
// the file, its owner and the chown to run; it used to start, answer
// /healthz "ok" and drop every event ("attempt to write a readonly
// database"), or fail its next publication.
func TestStartOnDataOfAnotherUser(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("running the server as another user needs root")
	}
	const service = 65534 // nobody
	base := t.TempDir()
	for _, d := range []string{filepath.Dir(base), base} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// The test binary, where that user can run it.
	exe := filepath.Join(base, "guichet")
	bin, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(exe, bin, 0o755); err != nil {
		t.Fatal(err)
	}
	content := filepath.Join(base, "content")
	writeFile(t, content, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back.\n")
	for _, c := range []struct {
		name, rootOwned, readOnly string
		want                      []string
	}{
		{"database", "guichet.db", "", []string{"belongs to root", "chown -R"}},
		{"index", "index", "", []string{"belongs to root", "chown -R"}},
		// The service's own file, made read-only (chmod 0444): chown would
		// not help.
		{"read-only database", "", "guichet.db", []string{"is read-only", "chmod u+w"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := filepath.Join(base, "data-"+c.name)
			openDB(t, filepath.Join(data, "guichet.db")).Close() // made by root
			if err := os.MkdirAll(filepath.Join(data, "index"), 0o755); err != nil {
				t.Fatal(err)
			}
			filepath.Walk(data, func(p string, _ os.FileInfo, err error) error {
				if err == nil && (c.rootOwned == "" || p != filepath.Join(data, c.rootOwned)) {
					err = os.Chown(p, service, service)
				}
				return err
			})
			if c.readOnly != "" {
				os.Chmod(filepath.Join(data, c.readOnly), 0o444)
			}
			cmd := exec.Command(exe, "serve", "--content", content, "--data", data, "--addr", "127.0.0.1:0")
			cmd.Env = append(os.Environ(), "GUICHET_TEST_MAIN=1")
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: service, Gid: service}}
			var stdout, stderr syncBuffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				if cmd.ProcessState == nil {
					cmd.Process.Kill()
					cmd.Wait()
				}
			})
			code := waitExit(t, cmd, 20*time.Second)
			msg := stderr.String()
			for _, w := range append([]string{filepath.Join(data, c.rootOwned+c.readOnly), data}, c.want...) {
				if !strings.Contains(msg, w) {
					t.Errorf("the error lacks %q:\n%s", w, msg)
				}
			}
			if code != 1 {
				t.Errorf("exit %d, stderr:\n%s\nstdout:\n%s", code, msg, stdout.String())
			}
		})
	}
}

// TestDiskFullWhileServing: when the data folder's disk fills up under a
// running server, visitors still get pages and search, and /healthz
// (503, "events":"failing", the file and "disk is full") and /metrics
// (guichet_events_failing 1) say that events are being lost, where
// /healthz answered "ok" and only a counter moved; once there is room
// again, the next events are stored and both say so.
func TestDiskFullWhileServing(t *testing.T) {
	content, data := t.TempDir(), t.TempDir()
	writeFile(t, content, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	mountTmpfs(t, data, "size=24m")
	cmd, stdout, stderr := guichetProcess(t, "serve", "--content", content, "--data", data, "--addr", "127.0.0.1:0")
	base := servedURL(t, stdout)
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		waitExit(t, cmd, shutdownGrace)
	}()
	// Fill the disk.
	filler, err := os.Create(filepath.Join(data, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	for chunk := make([]byte, 1<<20); err == nil; {
		_, err = filler.Write(chunk)
	}
	filler.Close()
	send := func() {
		t.Helper()
		resp, err := http.Post(base+"/api/v1/events", "application/json",
			strings.NewReader(`{"type":"vote","article_id":"billing/refund","helpful":true,"locale":"en"}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if code, _ := get(t, base+"/api/v1/search?q=money+back+nothing+"+fmt.Sprint(time.Now().UnixNano())); code != 200 {
			t.Errorf("search on a full disk: %d", code)
		}
	}
	var code int
	var body string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		send()
		if code, body = get(t, base+"/healthz"); code == 503 {
			break
		}
	}
	for _, w := range []string{`"events":"failing"`, "disk is full", filepath.Join(data, "guichet.db")} {
		if code != 503 || !strings.Contains(body, w) {
			t.Errorf("/healthz on a full disk lacks %q: %d %s", w, code, body)
		}
	}
	if c, b := get(t, base+"/billing/refund"); c != 200 || !strings.Contains(b, "five days") {
		t.Errorf("an article on a full disk: %d", c)
	}
	if _, m := get(t, base+"/metrics"); !strings.Contains(m, "guichet_events_failing 1") {
		t.Errorf("/metrics on a full disk lacks guichet_events_failing 1")
	}
	// A publication on the full disk keeps the site and says what to do.
	writeFile(t, content, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in three days.\n")
	if err := cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	if !waitFor(10*time.Second, func() bool { return strings.Contains(stderr.String(), `msg="publish content"`) }) {
		t.Errorf("no publication error on a full disk:\n%s", stderr)
	} else if line := regexp.MustCompile(`.*msg="publish content".*`).FindString(stderr.String()); !strings.Contains(line, "data folder "+data+" is full: free some space") {
		t.Errorf("the publication error on a full disk does not say what to do:\n%s", stderr)
	}
	if _, b := get(t, base+"/billing/refund"); !strings.Contains(b, "five days") {
		t.Errorf("a failed publication changed the site")
	}
	// Room again: the next events are stored.
	if err := os.Remove(filepath.Join(data, "filler")); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		send()
		if code, body = get(t, base+"/healthz"); code == 200 {
			break
		}
	}
	if code != 200 || !strings.Contains(body, `"events":"ok"`) {
		t.Errorf("/healthz once there is room: %d %s\nstderr:\n%s", code, body, stderr)
	}
	if _, m := get(t, base+"/metrics"); !strings.Contains(m, "guichet_events_failing 0") {
		t.Errorf("/metrics once there is room lacks guichet_events_failing 0")
	}
}
