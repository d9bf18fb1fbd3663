package main

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site/postgres/pgtest"
)

// TestContactRecoversWithPostgres: a contact request lost while
// PostgreSQL was down left /healthz at "contact":"failing" (503) after
// PostgreSQL came back, until the next contact request was stored, which
// may be days on a quiet site; events already recovered at the first
// check that found the database answering. A request lost because the
// database could not be reached clears the same way; the customer was
// told to send it again.
func TestContactRecoversWithPostgres(t *testing.T) {
	pg := pgtest.Own(t)
	ctx := context.Background()
	dir := contactSite(t, "http://127.0.0.1:9/hook")
	m := &Main{Config: testConfig(dir, t.TempDir(), func(c *Config) { c.Database, c.WebhookSecret = pg.URL("postgres"), hookSecret }),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer m.Close(ctx)
	m.Publisher.Wait()
	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	w := serve(m, "POST", "/api/v1/contact", `{"subject":"Refund not received","description":"I asked a week ago.","email":"ana@example.com"}`,
		"Content-Type", "application/json", "Origin", "https://help.acme.test")
	if w.Code != 503 || !strings.Contains(w.Body.String(), "could not be saved") {
		t.Fatalf("contact with PostgreSQL stopped: %d %s", w.Code, w.Body)
	}
	if w := serve(m, "GET", "/healthz", ""); w.Code != 503 || !strings.Contains(w.Body.String(), `"contact":"failing"`) {
		t.Errorf("/healthz with the request lost: %d %s", w.Code, w.Body)
	}
	if err := pg.Start(); err != nil {
		t.Fatal(err)
	}
	var last string
	if !waitFor(20*time.Second, func() bool {
		w := serve(m, "GET", "/healthz", "")
		last = w.Body.String()
		return w.Code == 200
	}) {
		t.Errorf("/healthz with PostgreSQL back, nothing posted since: %s", last)
	}
	if strings.Contains(last, "contact") {
		t.Errorf("/healthz still names the contact requests: %s", last)
	}
	req := httptest.NewRequest("GET", "/metrics", nil)
	req.RemoteAddr = "127.0.0.1:4321" // /metrics answers this machine
	mw := httptest.NewRecorder()
	m.Server.ServeHTTP(mw, req)
	if !strings.Contains(mw.Body.String(), "guichet_contact_failing 0") {
		t.Errorf("/metrics: %d %s", mw.Code, grepLines(mw.Body.String(), "guichet_contact_failing"))
	}
}
