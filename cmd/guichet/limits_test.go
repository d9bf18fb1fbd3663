package main

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/web/webtest"
)

// clock is a test clock that moves only when told, and fires the timers
// made with its AfterFunc when it passes their time.
type clock struct {
	mu     sync.Mutex
	t      time.Time
	timers []*fakeTimer
}

type fakeTimer struct {
	at   time.Time
	f    func()
	done bool
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

// AfterFunc runs f when the clock passes d from now.
func (c *clock) AfterFunc(d time.Duration, f func()) func() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	ft := &fakeTimer{at: c.t.Add(d), f: f}
	c.timers = append(c.timers, ft)
	return func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		stopped := !ft.done
		ft.done = true
		return stopped
	}
}

// Add moves the clock and runs the timers it passes.
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	var due []func()
	for _, ft := range c.timers {
		if !ft.done && !ft.at.After(c.t) {
			ft.done = true
			due = append(due, ft.f)
		}
	}
	c.mu.Unlock()
	for _, f := range due {
		f()
	}
}

// openMainAt opens the content folder dir like `serve` does, on the
// default limits, with a clock that moves only when the test says so.
func openMainAt(t *testing.T, dir string, clk *clock) *Main {
	t.Helper()
	m := &Main{Config: testConfig(dir, t.TempDir()), Now: clk.Now, AfterFunc: clk.AfterFunc,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close(context.Background()) })
	m.Publisher.Wait()
	return m
}

// from sends one request as the client at addr.
func from(m *Main, addr, method, target, body string, hdr ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	req.RemoteAddr = addr
	if method == "POST" && body != "" && !strings.HasPrefix(body, "{") {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	m.Server.ServeHTTP(w, req)
	return w
}

// TestRecordingBudget floods the search endpoints from one client: every
// search is answered, only the budget is recorded, event posts beyond it
// get 429, and another client is not affected.
func TestRecordingBudget(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	clk := &clock{t: time.Now()}
	m := openMainAt(t, dir, clk)
	ctx := context.Background()
	const flooder = "203.0.113.9:5000"
	for i := 0; i < 60; i++ {
		target := []string{"/api/v1/search?q=refund", "/api/v1/suggest?q=ref", "/search?q=refund"}[i%3]
		if w := from(m, flooder, "GET", target, ""); w.Code != 200 {
			t.Fatalf("search %d (%s) over the recording budget: %d, want an answer", i, target, w.Code)
		}
	}
	w := from(m, flooder, "POST", "/api/v1/events", `{"type":"click","article_id":"billing/refund"}`)
	if w.Code != 429 || w.Header().Get("Retry-After") == "" {
		t.Errorf("event over the budget: %d %s", w.Code, w.Body)
	}
	if w := from(m, "198.51.100.4:1", "GET", "/api/v1/search?q=refund", ""); w.Code != 200 {
		t.Fatalf("another client: %d", w.Code)
	}
	m.Recorder.Flush(ctx)
	got, err := m.DB.RecentSearches(ctx, 1000)
	if err != nil {
		t.Fatal(err)
	}
	// Burst 30 from the flooder (the clock does not move), 1 from the other.
	if len(got) != 31 {
		t.Errorf("%d searches recorded, want 31 (the flooder's burst of 30 and one other)", len(got))
	}
	// The budget refills with time: 10 a second.
	clk.Add(time.Second)
	if w := from(m, flooder, "POST", "/api/v1/events", `{"type":"click","article_id":"billing/refund"}`); w.Code != 202 {
		t.Errorf("event after a second: %d", w.Code)
	}
}

// TestProtectionLimit: any request beyond the protection limit gets 429,
// per client, IPv6 clients by /64; health checks are not limited.
func TestProtectionLimit(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	clk := &clock{t: time.Now()}
	m := openMainAt(t, dir, clk)
	codes := map[int]int{}
	for i := 0; i < 150; i++ {
		// Addresses of one /64 are one client.
		addr := "[2001:db8:7:7::" + strings.Repeat("1", 1+i%4) + "]:443"
		codes[from(m, addr, "GET", []string{"/", "/billing/refund", "/api/v1/faq"}[i%3], "").Code]++
	}
	if codes[200] != 100 || codes[429] != 50 {
		t.Errorf("150 requests from one /64: %v, want 100 answered (the burst) and 50 refused", codes)
	}
	w := from(m, "[2001:db8:7:7::2]:443", "GET", "/api/v1/search?q=refund", "")
	if w.Code != 429 || !strings.Contains(w.Body.String(), `"code":"rate_limited"`) || w.Header().Get("Retry-After") == "" {
		t.Errorf("API over the limit: %d %s", w.Code, w.Body)
	}
	if w := from(m, "[2001:db8:7:8::1]:443", "GET", "/", ""); w.Code != 200 {
		t.Errorf("another /64: %d", w.Code)
	}
	if w := from(m, "[2001:db8:7:7::2]:443", "GET", "/healthz", ""); w.Code != 200 {
		t.Errorf("health check limited: %d", w.Code)
	}
	clk.Add(time.Second)
	if w := from(m, "[2001:db8:7:7::2]:443", "GET", "/", ""); w.Code != 200 {
		t.Errorf("a second later: %d", w.Code)
	}
}

// TestAuthLimit: ten failed authentications in a minute lock a client out
// of every authenticated endpoint for a minute, even with a good token;
// visitor traffic never counts toward it, and other clients are not
// affected.
func TestAuthLimit(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	clk := &clock{t: time.Now()}
	m := openMainAt(t, dir, clk)
	admin, _, err := m.DB.CreateToken(context.Background(), site.ScopeAdmin, "lead")
	if err != nil {
		t.Fatal(err)
	}
	tickets, _, _ := m.DB.CreateToken(context.Background(), site.ScopeTickets, "helpdesk")
	const guesser = "203.0.113.50:1"
	// Heavy visitor traffic first: the authentication budget is untouched.
	for i := 0; i < 90; i++ {
		from(m, guesser, "GET", "/api/v1/search?q=refund", "")
	}
	clk.Add(3 * time.Second)
	if w := from(m, guesser, "GET", "/api/v1/insights/gaps", "", "Authorization", "Bearer "+admin); w.Code != 200 {
		t.Fatalf("good token after visitor traffic: %d %s", w.Code, w.Body)
	}
	// Nine wrong guesses on three endpoints: still allowed to try.
	for i := 0; i < 9; i++ {
		var w *httptest.ResponseRecorder
		switch i % 3 {
		case 0:
			w = from(m, guesser, "GET", "/api/v1/insights/gaps", "", "Authorization", "Bearer gch_guess")
		case 1:
			w = from(m, guesser, "POST", "/api/v1/tickets", `{"external_id":"1","subject":"x"}`, "Authorization", "Bearer gch_guess", "Content-Type", "application/json")
		default:
			w = from(m, guesser, "POST", "/admin/login", "token=gch_guess")
		}
		if w.Code != 401 {
			t.Fatalf("guess %d: %d", i, w.Code)
		}
	}
	if w := from(m, guesser, "GET", "/api/v1/insights/gaps", "", "Authorization", "Bearer "+admin); w.Code != 200 {
		t.Fatalf("good token after 9 failures: %d", w.Code)
	}
	from(m, guesser, "POST", "/api/v1/tickets", `[]`, "Authorization", "Bearer "+admin, "Content-Type", "application/json") // wrong scope: the 10th failure
	for _, c := range []struct{ method, target, body, auth string }{
		{"GET", "/api/v1/insights/gaps", "", "Bearer " + admin},
		{"POST", "/api/v1/tickets", `{"external_id":"1","subject":"x"}`, "Bearer " + tickets},
		{"POST", "/admin/login", "token=" + url.QueryEscape(admin), ""},
	} {
		w := from(m, guesser, c.method, c.target, c.body, "Authorization", c.auth, "Content-Type", map[bool]string{true: "application/json", false: "application/x-www-form-urlencoded"}[strings.HasPrefix(c.body, "{")])
		if w.Code != 429 || w.Header().Get("Set-Cookie") != "" {
			t.Errorf("locked-out client, good credentials, %s %s: %d", c.method, c.target, w.Code)
		}
	}
	if w := from(m, "198.51.100.7:1", "GET", "/api/v1/insights/gaps", "", "Authorization", "Bearer "+admin); w.Code != 200 {
		t.Errorf("another client: %d", w.Code)
	}
	if w := from(m, guesser, "GET", "/api/v1/search?q=refund", ""); w.Code != 200 {
		t.Errorf("the locked-out client's visitor traffic: %d", w.Code)
	}
	clk.Add(61 * time.Second)
	if w := from(m, guesser, "GET", "/api/v1/insights/gaps", "", "Authorization", "Bearer "+admin); w.Code != 200 {
		t.Errorf("a minute later: %d", w.Code)
	}
	// The limits and what they refused are in /metrics (from loopback only).
	w := from(m, "127.0.0.1:9", "GET", "/metrics", "")
	body := w.Body.String()
	for _, want := range []string{`guichet_rate_limited_total{limit="auth"} 3`, `guichet_auth_failures_total 10`, `guichet_limit_rate{limit="record"} 10`, `guichet_limit_burst{limit="request"} 100`} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if w := from(m, "203.0.113.60:1", "GET", "/metrics", ""); w.Code != 404 {
		t.Errorf("/metrics from the internet: %d", w.Code)
	}
}

// TestVotesCountOncePerVisitor: one visitor's many votes on an article in a
// day count once (the last stands), and a vote posted from another site's
// form is refused.
func TestVotesCountOncePerVisitor(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/plans.md", "---\ntitle: Plans\n---\nThree plans.\n")
	clk := &clock{t: time.Now()}
	m := openMainAt(t, dir, clk)
	ctx := context.Background()
	for i := 0; i < 25; i++ {
		if w := from(m, "203.0.113.77:1", "POST", "/api/v1/events", `{"type":"vote","article_id":"billing/plans","helpful":false,"reason":"inaccurate"}`); w.Code != 202 {
			t.Fatalf("vote %d: %d", i, w.Code)
		}
	}
	from(m, "203.0.113.77:1", "POST", "/api/v1/events", `{"type":"vote","article_id":"billing/plans","helpful":true}`)
	from(m, "198.51.100.2:1", "POST", "/api/v1/events", `{"type":"vote","article_id":"billing/plans","helpful":false}`)
	m.Recorder.Flush(ctx)
	fb, err := m.DB.NotHelpful(ctx, time.Now().Add(-time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(fb) != 1 || fb[0].Yes+fb[0].No != 2 || fb[0].No != 1 {
		t.Errorf("votes counted %+v, want 2 (one per visitor, the last one standing: 1 yes, 1 no)", fb)
	}
	// The no-JavaScript form refuses another site's post.
	form := "article=billing/plans&helpful=no&step=final&reason=inaccurate"
	if w := from(m, "198.51.100.3:1", "POST", "/feedback", form, "Origin", "https://evil.example"); w.Code != 403 {
		t.Errorf("cross-site vote with Origin: %d", w.Code)
	}
	if w := from(m, "198.51.100.3:1", "POST", "/feedback", form, "Sec-Fetch-Site", "cross-site"); w.Code != 403 {
		t.Errorf("cross-site vote with Sec-Fetch-Site: %d", w.Code)
	}
	if w := from(m, "198.51.100.3:1", "POST", "/feedback", form, "Origin", "http://example.com"); w.Code != 200 {
		t.Errorf("same-site vote: %d %s", w.Code, w.Body)
	}
}

// TestGarbledForwardedFor: a client whose address a trusted proxy forwards
// garbled is not taken for the proxy: /metrics stays closed to it and it
// does not share the proxy's own limits.
func TestGarbledForwardedFor(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back.\n")
	m := openMainAt(t, dir, &clock{t: time.Now()})
	if w := from(m, "127.0.0.1:5", "GET", "/metrics", ""); w.Code != 200 {
		t.Fatalf("/metrics from the proxy itself: %d", w.Code)
	}
	for _, xff := range []string{"not-an-ip", "203.0.113.9, garbage", "999.1.1.1"} {
		if w := from(m, "127.0.0.1:5", "GET", "/metrics", "", "X-Forwarded-For", xff); w.Code != 404 {
			t.Errorf("/metrics with X-Forwarded-For %q: %d", xff, w.Code)
		}
	}
	if w := from(m, "127.0.0.1:5", "GET", "/metrics", "", "X-Forwarded-For", "198.51.100.20"); w.Code != 404 {
		t.Errorf("/metrics for a public client behind the proxy: %d", w.Code)
	}
}

// TestTooManyRequestsPage: a client over a limit is told so, not that its
// request was bad: pages answer 429 headed "Too many requests" in the
// page's language with when to try again, the API its JSON error, and
// every 429 carries Retry-After, the vote form's too (the recording budget
// set none).
func TestTooManyRequestsPage(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Parcel Help\nlocales: [en, fr]\n")
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	writeFile(t, dir, "billing/refund.fr.md", "---\ntitle: Remboursements\n---\nRemboursé en cinq jours.\n")
	clk := &clock{t: time.Now()}
	m := openMainAt(t, dir, clk)
	const flooder = "203.0.113.50:1"
	for i := 0; i < 100; i++ { // the protection limit's burst
		if w := from(m, flooder, "GET", "/billing/refund", ""); w.Code != 200 {
			t.Fatalf("request %d: %d", i, w.Code)
		}
	}
	for _, c := range []struct{ path, heading, text string }{
		{"/search?q=refund", "Too many requests", "Please wait a second, then try again."},
		{"/fr/billing/refund", "Trop de requêtes", "Veuillez patienter 1 seconde, puis réessayer."},
	} {
		w := from(m, flooder, "GET", c.path, "")
		doc := webtest.Parse(t, w.Body.String())
		if w.Code != 429 || w.Header().Get("Retry-After") != "1" || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
			t.Errorf("%s over the limit: %d, Retry-After %q, %q", c.path, w.Code, w.Header().Get("Retry-After"), w.Header().Get("Content-Type"))
		}
		if got := doc.Text("h1"); got != c.heading {
			t.Errorf("%s: heading %q, want %q", c.path, got, c.heading)
		}
		if got := doc.Text(".error-page p"); !strings.HasSuffix(got, c.text) {
			t.Errorf("%s: text %q, want it to end %q", c.path, got, c.text)
		}
		if got := doc.Text("title"); got != c.heading+" – Parcel Help" {
			t.Errorf("%s: title %q", c.path, got)
		}
	}
	w := from(m, flooder, "GET", "/api/v1/search?q=refund", "")
	if w.Code != 429 || w.Header().Get("Retry-After") != "1" || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") ||
		!strings.Contains(w.Body.String(), `"code":"rate_limited"`) {
		t.Errorf("API over the limit: %d %q %s", w.Code, w.Header().Get("Retry-After"), w.Body)
	}

	// The recording budget (burst 30), spent by events, then the form.
	const voter = "198.51.100.60:1"
	for i := 0; i < 30; i++ {
		from(m, voter, "POST", "/api/v1/events", `{"type":"view","article_id":"billing/refund"}`)
	}
	w = from(m, voter, "POST", "/feedback", "article=billing/refund&locale=en&helpful=yes", "Origin", "http://example.com")
	if got := webtest.Parse(t, w.Body.String()).Text("h1"); w.Code != 429 || w.Header().Get("Retry-After") != "1" || got != "Too many requests" {
		t.Errorf("vote over the recording budget: %d, Retry-After %q, heading %q", w.Code, w.Header().Get("Retry-After"), got)
	}
}
