package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

func TestTokens(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	secret, tok, err := db.CreateToken(ctx, site.ScopeAdmin, "ops")
	if err != nil {
		t.Fatal(err)
	}
	if id, err := db.Authenticate(ctx, secret, site.ScopeAdmin); err != nil || id != tok.ID {
		t.Fatalf("authenticate: %s, %v", id, err)
	}
	for _, c := range []struct{ secret, scope string }{{secret, site.ScopeTickets}, {secret + "x", site.ScopeAdmin}, {"", site.ScopeAdmin}} {
		if _, err := db.Authenticate(ctx, c.secret, c.scope); site.ErrorCode(err) != site.EUNAUTHORIZED {
			t.Errorf("%q %s: %v", c.secret, c.scope, err)
		}
	}
	var stored int
	db.reader.QueryRow(`SELECT count(*) FROM tokens WHERE hash = ? OR name = ?`, secret, secret).Scan(&stored)
	if stored != 0 {
		t.Error("the token secret is stored in clear")
	}
	if err := db.RevokeToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Authenticate(ctx, secret, site.ScopeAdmin); site.ErrorCode(err) != site.EUNAUTHORIZED {
		t.Errorf("revoked token accepted: %v", err)
	}
	if err := db.RevokeToken(ctx, "nope"); site.ErrorCode(err) != site.ENOTFOUND {
		t.Errorf("revoke unknown: %v", err)
	}
	if _, _, err := db.CreateToken(ctx, "root", ""); site.ErrorCode(err) != site.EINVALID {
		t.Errorf("bad scope: %v", err)
	}
	list, _ := db.Tokens(ctx)
	if len(list) != 1 || list[0].RevokedAt == nil || list[0].Name != "ops" {
		t.Errorf("tokens %+v", list)
	}
}

func TestInsights(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{})
	yes, no := true, false
	for _, v := range []string{"a", "b", "b"} {
		r.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "Refund", Locale: "en", Visitor: v})
	}
	r.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "export", Locale: "en", Visitor: "a", Results: 2})
	r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "x", Locale: "en", Helpful: &no, Reason: "inaccurate", Comment: "wrong fee"})
	r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "x", Locale: "en", Helpful: &yes})
	r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "y", Locale: "en", Helpful: &no, Reason: "broken_link"})
	r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "z", Locale: "en", Helpful: &yes})
	flush(t, r)
	ctx := context.Background()
	nh, err := db.NotHelpful(ctx, time.Now().Add(-time.Hour), 10)
	if err != nil || len(nh) != 2 || nh[0].ArticleID != "y" || nh[1].ArticleID != "x" || nh[1].Reasons["inaccurate"] != 1 || nh[1].Comments[0] != "wrong fee" || nh[1].ShareNo() != 0.5 {
		t.Errorf("not helpful %+v, %v", nh, err)
	}
}
