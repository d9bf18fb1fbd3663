package sqlite

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

func TestSessions(t *testing.T) {
	db := openTest(t)
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	ctx := context.Background()
	_, admin, err := db.CreateToken(ctx, site.ScopeAdmin, "lead")
	if err != nil {
		t.Fatal(err)
	}
	_, other, err := db.CreateToken(ctx, site.ScopeAdmin, "ops")
	if err != nil {
		t.Fatal(err)
	}
	secret, err := db.StartSession(ctx, admin.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	kept, err := db.StartSession(ctx, other.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if id, err := db.Session(ctx, secret); err != nil || id != admin.ID {
		t.Fatalf("live session: %q, %v", id, err)
	}
	unauthorized := func(what, secret string) {
		t.Helper()
		if id, err := db.Session(ctx, secret); site.ErrorCode(err) != site.EUNAUTHORIZED {
			t.Errorf("%s: session accepted (%q, %v)", what, id, err)
		}
	}
	unauthorized("empty", "")
	unauthorized("unknown", secret+"x")

	// What a stolen copy of the database holds is not a cookie.
	var stored []string
	rows, err := db.reader.Query(`SELECT hash || '|' || token_id FROM admin_sessions`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		rows.Scan(&s)
		stored = append(stored, s)
	}
	rows.Close()
	if len(stored) != 2 {
		t.Fatalf("stored sessions %v", stored)
	}
	for _, s := range stored {
		if s == secret || len(s) > 0 && s[:64] == secret {
			t.Fatal("the session secret is stored in clear")
		}
		unauthorized("stored hash", s[:64])
	}

	// Expiry.
	now = now.Add(time.Hour)
	unauthorized("expired", secret)
	now = now.Add(-time.Minute)

	// Sign-out ends one session only.
	if err := db.EndSession(ctx, secret); err != nil {
		t.Fatal(err)
	}
	unauthorized("ended", secret)
	if _, err := db.Session(ctx, kept); err != nil {
		t.Errorf("another session ended too: %v", err)
	}
	if err := db.EndSession(ctx, "never-existed"); err != nil {
		t.Errorf("ending an unknown session: %v", err)
	}

	// Revoking the token ends its sessions at once.
	if err := db.RevokeToken(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	unauthorized("revoked token", kept)
	var left int
	db.reader.QueryRow(`SELECT count(*) FROM admin_sessions`).Scan(&left)
	if left != 0 {
		t.Errorf("%d sessions left after sign-out and revocation", left)
	}

	// A token of another scope never holds an admin session.
	_, tickets, err := db.CreateToken(ctx, site.ScopeTickets, "helpdesk")
	if err != nil {
		t.Fatal(err)
	}
	s, err := db.StartSession(ctx, tickets.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	unauthorized("tickets token", s)
}

// TestVisitorKeys: a key per day, the same on every call that day, and
// only today's and yesterday's kept, so a copy of the database cannot undo
// older visitor hashes.
func TestVisitorKeys(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	days := []string{"2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"}
	keys := map[string][]byte{}
	for _, d := range days {
		k, err := db.VisitorKey(ctx, d)
		if err != nil || len(k) != 32 {
			t.Fatalf("%s: %v", d, err)
		}
		again, _ := db.VisitorKey(ctx, d)
		if string(again) != string(k) {
			t.Errorf("%s: the key changed within the day", d)
		}
		for other, ok := range keys {
			if string(ok) == string(k) {
				t.Errorf("%s and %s share a key", d, other)
			}
		}
		keys[d] = k
	}
	var names []string
	rows, _ := db.reader.Query(`SELECT name FROM secrets WHERE name LIKE 'visitor-hash%' ORDER BY name`)
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	if strings.Join(names, " ") != "visitor-hash:2026-11-29 visitor-hash:2026-11-30" {
		t.Errorf("keys kept: %v", names)
	}
}
