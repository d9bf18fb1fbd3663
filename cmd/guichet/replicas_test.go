package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/guichet/guichet/site/postgres"
	"github.com/guichet/guichet/site/postgres/pgtest"
	"github.com/guichet/guichet/site/store"
)

// replica starts `guichet serve` on the PostgreSQL database at dbURL with
// a data folder of its own, as one replica behind a load balancer, and
// returns the process and its base URL.
func replica(t *testing.T, content, dbURL string) (*exec.Cmd, string) {
	t.Helper()
	cmd, stdout, _ := guichetProcess(t, "serve", "--content", content, "--data", t.TempDir(), "--database", dbURL, "--addr", "127.0.0.1:0")
	return cmd, servedURL(t, stdout)
}

// call sends a request with optional headers (name, value…) and returns
// the status and body; a failed connection is status 0.
func call(method, target, body string, hdr ...string) (int, string) {
	req, err := http.NewRequest(method, target, strings.NewReader(body))
	if err != nil {
		return 0, err.Error()
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	client := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if c := resp.Header.Get("Set-Cookie"); c != "" {
		return resp.StatusCode, strings.Split(c, ";")[0]
	}
	return resp.StatusCode, string(b)
}

// cliToken makes a token with the command line on the database at dbURL.
func cliToken(t *testing.T, dbURL, scope string) string {
	t.Helper()
	var out, errb strings.Builder
	if code := run(context.Background(), []string{"token", "create", "--scope", scope, "--database", dbURL, "--data", t.TempDir()}, &out, &errb); code != 0 {
		t.Fatalf("token create: %s", errb.String())
	}
	return strings.TrimSpace(out.String())
}

// TestReplicasShareOnePostgres runs two `guichet serve` processes on one
// PostgreSQL database, as two machines behind a load balancer: a token
// made by the command line works on both, an admin session started on one
// is valid on the other, a ticket posted to one moves the FAQ of the other
// (LISTEN/NOTIFY, well within the 10 s poll), and failed searches on both
// count in the same gap.
func TestReplicasShareOnePostgres(t *testing.T) {
	dbURL := pgtest.DSN(t)
	dir := ticketContent(t)
	admin := cliToken(t, dbURL, "admin")
	tickets := cliToken(t, dbURL, "tickets")
	_, a := replica(t, dir, dbURL)
	_, b := replica(t, dir, dbURL)

	// An admin session started on A is valid on B, and signing out on B
	// ends it on A.
	code, cookie := call("POST", a+"/admin/login", "token="+url.QueryEscape(admin), "Content-Type", "application/x-www-form-urlencoded")
	if code != 303 || !strings.HasPrefix(cookie, "guichet_") && !strings.Contains(cookie, "=") {
		t.Fatalf("sign-in on A: %d %q", code, cookie)
	}
	if code, body := call("GET", b+"/admin/", "", "Cookie", cookie); code != 200 || strings.Contains(body, `name="token"`) {
		t.Errorf("the session started on A is not known on B: %d", code)
	}
	for _, base := range []string{a, b} {
		if code, _ := call("GET", base+"/api/v1/insights/gaps", "", "Authorization", "Bearer "+admin); code != 200 {
			t.Errorf("%s: the token made by the command line: %d", base, code)
		}
	}

	// A ticket posted to A reaches B's FAQ.
	if strings.Contains(get2(t, b+"/api/v1/faq"), `"id":"sync/exports"`) {
		t.Fatal("sync/exports is in the FAQ before any ticket")
	}
	var batch []string
	for i := range 4 {
		batch = append(batch, fmt.Sprintf(`{"external_id":"r-%d","subject":"Export my bookings","tags":["export"],"created_at":%q}`, i, time.Now().UTC().Add(-time.Hour).Format(time.RFC3339)))
	}
	posted := time.Now()
	if code, body := call("POST", a+"/api/v1/tickets", "["+strings.Join(batch, ",")+"]", "Content-Type", "application/json", "Authorization", "Bearer "+tickets); code != 200 {
		t.Fatalf("post tickets to A: %d %s", code, body)
	}
	if !waitFor(5*time.Second, func() bool { return strings.Contains(get2(t, b+"/api/v1/faq"), `"id":"sync/exports"`) }) {
		t.Fatalf("B's FAQ did not follow the tickets posted to A within 5 s: %s", get2(t, b+"/api/v1/faq"))
	}
	t.Logf("replica catch-up for a ticket: %s", time.Since(posted).Round(time.Millisecond))

	// Three visitors search on A, three on B, for something no article
	// covers: one gap of six searches, on either replica's report.
	for i := range 6 {
		base := []string{a, b}[i%2]
		if code, _ := call("GET", base+"/api/v1/search?q="+url.QueryEscape("teleport my invoices to mars"), "", "X-Forwarded-For", fmt.Sprintf("198.51.100.%d", i+1)); code != 200 {
			t.Fatalf("search on %s: %d", base, code)
		}
	}
	gapSearches := func(base string) int {
		_, body := call("GET", base+"/api/v1/insights/gaps", "", "Authorization", "Bearer "+admin)
		var rep struct {
			Gaps []struct {
				Query    string `json:"query"`
				Searches int    `json:"searches"`
				Visitors int    `json:"visitors"`
			} `json:"gaps"`
		}
		json.Unmarshal([]byte(body), &rep)
		for _, g := range rep.Gaps {
			if strings.Contains(g.Query, "teleport") {
				return g.Searches
			}
		}
		return 0
	}
	if !waitFor(10*time.Second, func() bool { return gapSearches(a) == 6 && gapSearches(b) == 6 }) {
		t.Errorf("searches on two replicas: gap of %d searches on A, %d on B, want 6", gapSearches(a), gapSearches(b))
	}
}

// get2 fetches url and returns its body, "" when it cannot.
func get2(t *testing.T, url string) string {
	t.Helper()
	_, body := call("GET", url, "")
	return body
}

// TestReplicaKilledMidWrite posts tickets to two replicas in turn and
// kills one with SIGKILL in the middle: every ticket either replica
// acknowledged is in the database, and the survivor keeps taking them.
func TestReplicaKilledMidWrite(t *testing.T) {
	dbURL := pgtest.DSN(t)
	dir := ticketContent(t)
	tok := cliToken(t, dbURL, "tickets")
	cmdA, a := replica(t, dir, dbURL)
	_, b := replica(t, dir, dbURL)

	var mu sync.Mutex
	var acked []string
	var wg sync.WaitGroup
	stop := make(chan struct{})
	// Four clients post small batches as fast as they can, alternating
	// replicas; a failed post (the killed replica) is not acknowledged.
	for c := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				base := []string{a, b}[(c+i)%2]
				id := fmt.Sprintf("k-%d-%d", c, i)
				body := fmt.Sprintf(`{"external_id":%q,"subject":"Refund request %d","created_at":%q}`, id, i, time.Now().UTC().Format(time.RFC3339))
				if code, _ := call("POST", base+"/api/v1/tickets", body, "Content-Type", "application/json", "Authorization", "Bearer "+tok); code == 200 {
					mu.Lock()
					acked = append(acked, id)
					mu.Unlock()
				}
			}
		}()
	}
	count := func() int { mu.Lock(); defer mu.Unlock(); return len(acked) }
	if !waitFor(30*time.Second, func() bool { return count() >= 40 }) {
		t.Fatalf("only %d tickets acknowledged", count())
	}
	if err := cmdA.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmdA.Wait()
	killedAt := count()
	if !waitFor(30*time.Second, func() bool { return count() >= killedAt+40 }) {
		t.Errorf("the surviving replica stopped taking tickets: %d after the kill", count()-killedAt)
	}
	close(stop)
	wg.Wait()

	db, err := postgres.Open(context.Background(), dbURL, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stored, err := db.ExistingTickets(context.Background(), acked)
	if err != nil {
		t.Fatal(err)
	}
	var lost []string
	for _, id := range acked {
		if _, ok := stored[id]; !ok {
			lost = append(lost, id)
		}
	}
	if len(lost) > 0 {
		t.Errorf("%d of %d acknowledged tickets lost: %v", len(lost), len(acked), lost)
	}
	t.Logf("%d tickets acknowledged (%d before the kill), none lost", len(acked), killedAt)
}

// TestPostgresOutage stops PostgreSQL under a replica serving searches:
// /healthz answers 503 and guichet_database_up drops to 0 while it is
// down, searches are still answered, and once PostgreSQL is back the
// replica recovers without a restart and writes the searches it queued.
func TestPostgresOutage(t *testing.T) {
	pg := pgtest.Own(t)
	dbURL := pg.URL("postgres")
	dir := ticketContent(t)
	admin := cliToken(t, dbURL, "admin")
	// In JSON, as a log collector reads it: the store's own warnings too.
	_, stdout, stderr := guichetProcess(t, "serve", "--content", dir, "--data", t.TempDir(), "--database", dbURL, "--addr", "127.0.0.1:0", "--log-format", "json")
	a := servedURL(t, stdout)
	if code, _ := call("GET", a+"/healthz", ""); code != 200 {
		t.Fatalf("healthz before: %d", code)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	var mu sync.Mutex
	answered, failed := 0, 0
	wg.Add(1)
	go func() { // load: a visitor searching all along
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			// A visitor each: under the per-client recording budget.
			code, _ := call("GET", a+"/api/v1/search?q="+url.QueryEscape(fmt.Sprintf("calendar sync %d", i)), "",
				"X-Forwarded-For", fmt.Sprintf("198.51.%d.%d", i/250, i%250+1))
			mu.Lock()
			if code == 200 {
				answered++
			} else {
				failed++
			}
			mu.Unlock()
		}
	}()
	time.Sleep(500 * time.Millisecond)
	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	if !waitFor(15*time.Second, func() bool { code, _ := call("GET", a+"/healthz", ""); return code == 503 }) {
		t.Error("/healthz did not answer 503 with PostgreSQL stopped")
	}
	if _, body := call("GET", a+"/metrics", ""); !strings.Contains(body, "guichet_database_up 0") {
		t.Errorf("metrics do not show the outage: %s", grepLines(body, "guichet_database"))
	}
	// What needs the database says it is unavailable, not that the token
	// is wrong.
	if code, body := call("GET", a+"/api/v1/insights/gaps", "", "Authorization", "Bearer "+admin); code != 503 {
		t.Errorf("insights with PostgreSQL stopped: %d %s", code, body)
	}
	time.Sleep(2 * time.Second)
	if err := pg.Start(); err != nil {
		t.Fatal(err)
	}
	restarted := time.Now()
	if !waitFor(20*time.Second, func() bool { code, _ := call("GET", a+"/healthz", ""); return code == 200 }) {
		t.Fatal("the replica did not recover after PostgreSQL came back")
	}
	t.Logf("healthy again %s after PostgreSQL restarted", time.Since(restarted).Round(time.Millisecond))
	time.Sleep(500 * time.Millisecond)
	close(stop)
	wg.Wait()
	_, body := call("GET", a+"/metrics", "")
	if !strings.Contains(body, "guichet_database_up 1") || !strings.Contains(body, "guichet_events_dropped_total 0") {
		t.Errorf("metrics after recovery: %s\n%s", grepLines(body, "guichet_database"), grepLines(body, "guichet_events"))
	}
	if !strings.Contains(stderr.String(), "listen for ticket changes") {
		t.Error("the lost LISTEN connection was not logged")
	}
	for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		if !json.Valid([]byte(line)) {
			t.Errorf("with --log-format json, a line that is not JSON: %s", line)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if failed > 0 {
		t.Errorf("%d searches failed while PostgreSQL was down (answered %d): search does not need the database", failed, answered)
	}
	// The searches queued during the outage (under the recorder's 30 s
	// retry) reach the database.
	db, err := postgres.Open(context.Background(), dbURL, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if !waitFor(10*time.Second, func() bool { n, _ := db.CountSearches(context.Background()); return n >= answered }) {
		n, _ := db.CountSearches(context.Background())
		t.Errorf("%d searches answered, %d stored after the outage", answered, n)
	}
}

// grepLines returns the lines of s containing sub.
func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestCommandsOnPostgres: every command that opens the store takes
// --database (or GUICHET_DATABASE); backup and restore say to use pg_dump
// and pg_restore; the password never shows; a URL of another kind is a
// clear error.
func TestCommandsOnPostgres(t *testing.T) {
	plain := pgtest.DSN(t)
	// The test server trusts local connections: the password is there to
	// be hidden, not checked.
	dbURL := strings.Replace(plain, "postgres@", "postgres:s3cr3t-pw@", 1)
	dir := ticketContent(t)
	cli := func(args ...string) (int, string, string) {
		var out, errb strings.Builder
		code := run(context.Background(), args, &out, &errb)
		if strings.Contains(out.String()+errb.String(), "s3cr3t-pw") {
			t.Errorf("%v printed the database password: %s%s", args, out.String(), errb.String())
		}
		return code, out.String(), errb.String()
	}
	if code, _, errs := cli("token", "create", "--scope", "admin", "--name", "lead", "--database", dbURL); code != 0 {
		t.Fatalf("token create: %s", errs)
	}
	t.Setenv("GUICHET_DATABASE", dbURL)
	if code, out, errs := cli("token", "list"); code != 0 || !strings.Contains(out, "lead") {
		t.Errorf("token list from GUICHET_DATABASE: %d %s %s", code, out, errs)
	}
	file := filepath.Join(t.TempDir(), "export.csv")
	os.WriteFile(file, []byte("external_id,subject,created_at\nc-1,Export my bookings,2026-11-29T10:00:00Z\n"), 0o644)
	code, out, errs := cli("tickets", "import", file, "--content", dir, "--json")
	var sum struct{ Summary struct{ Created int } }
	if json.Unmarshal([]byte(out), &sum); code != 0 || sum.Summary.Created != 1 {
		t.Errorf("tickets import: %d %s %s", code, out, errs)
	}
	if code, _, errs := cli("gaps", "--content", dir, "--format", "json"); code != 0 {
		t.Errorf("gaps: %d %s", code, errs)
	}
	// The commands to copy name the database as given (sslmode and the
	// other parameters kept), the password left to fill in, as restore's.
	redacted := "'" + strings.Replace(dbURL, "s3cr3t-pw", "xxxxx", 1) + "'"
	if code, _, errs := cli("backup", filepath.Join(t.TempDir(), "b.dump")); code == 0 || !strings.Contains(errs, "(umask 077; pg_dump") ||
		strings.Count(errs, redacted) != 2 || !strings.Contains(redacted, "sslmode=") {
		t.Errorf("backup on PostgreSQL: %d %s\nwant pg_dump and pg_restore on %s", code, errs, redacted)
	}
	if code, _, errs := cli("restore", file); code == 0 || !strings.Contains(errs, "pg_restore") || !strings.Contains(errs, redacted+" "+file) || strings.Contains(errs, "FILE") {
		t.Errorf("restore on PostgreSQL: %d %s", code, errs)
	}
	t.Setenv("GUICHET_DATABASE", "")
	if code, _, errs := cli("token", "list", "--database", "mysql://root:s3cr3t-pw@db/guichet"); code == 0 || !strings.Contains(errs, "--database") {
		t.Errorf("a MySQL URL: %d %s", code, errs)
	}
	db, err := postgres.Open(context.Background(), plain, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got, _ := db.ExistingTickets(context.Background(), []string{"c-1"}); len(got) != 1 {
		t.Error("the imported ticket is not in PostgreSQL")
	}
}

// TestReplicaBanner: a replica's banner tells how to make a token and back
// up for its PostgreSQL database, not for a SQLite file in its data folder
// (the --data it printed made a token no replica knew), and never shows
// the database password.
func TestReplicaBanner(t *testing.T) {
	dbURL := pgtest.DSN(t)
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	dir := ticketContent(t)
	cmd, stdout, _ := guichetProcess(t, "serve", "--content", dir, "--data", t.TempDir(), "--database", dbURL, "--addr", "127.0.0.1:0")
	servedURL(t, stdout)
	out := stdout.String()
	for _, want := range []string{"token create --scope admin --database '" + store.Redact(dbURL) + "'", "events in PostgreSQL", "pg_dump"} {
		if !strings.Contains(out, want) {
			t.Errorf("the replica's banner lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "--scope admin --data ") || strings.Contains(out, "backup FILE") {
		t.Errorf("the replica's banner sends commands to a SQLite file:\n%s", out)
	}
	if pw, ok := u.User.Password(); ok && pw != "" && strings.Contains(out, pw) {
		t.Errorf("the banner shows the database password:\n%s", out)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	waitExit(t, cmd, shutdownGrace)
}
