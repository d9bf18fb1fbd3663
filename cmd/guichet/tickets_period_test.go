package main

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/web/webtest"
)

// TestTicketsPerArticleInPeriod: the admin page's tickets per article
// kept their fixed 7, 30 and 90 days whatever period the dashboard
// showed, so a lead who picked "last 7 days" or a month long past read
// numbers of another period than every other section's: a column counts
// the period's, and the CSV export carries it.
func TestTicketsPerArticleInPeriod(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Parcel Help\n")
	writeFile(t, dir, "shipping/lost.md", "---\ntitle: A parcel is lost\n---\nClaim a lost parcel after ten days.\n")
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	m := openMainAt(t, dir, &clock{t: now})
	ctx := context.Background()
	tok, _, _ := m.DB.CreateToken(ctx, site.ScopeTickets, "helpdesk")
	for i, ago := range []int{3, 20, 200} {
		at := now.AddDate(0, 0, -ago)
		w := serve(m, "POST", "/api/v1/tickets", fmt.Sprintf(`{"external_id":"t%d","subject":"Parcel lost","article":"shipping/lost","created_at":%q}`, i, at.Format(time.RFC3339)),
			"Content-Type", "application/json", "Authorization", "Bearer "+tok)
		if w.Code != 200 {
			t.Fatalf("ticket: %d %s", w.Code, w.Body)
		}
	}
	if err := m.Tickets.Refresh(ctx); err != nil { // the ranking's loop does this within seconds
		t.Fatal(err)
	}
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	w := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
	session := strings.Split(w.Header().Get("Set-Cookie"), ";")[0]
	for _, c := range []struct{ query, want string }{
		{"since=7d", "1"},
		{"since=30d", "2"},
		{"since=custom&from=2026-05-01&until=2026-05-31", "1"}, // 200 days ago: only in this period
	} {
		doc := webtest.Parse(t, serve(m, "GET", "/admin/?"+c.query, "", "Cookie", session).Body.String())
		if cells := doc.Texts(`#tickets td`); len(cells) < 2 || cells[1] != c.want {
			t.Errorf("%s: the row %q, want %s in this period", c.query, cells, c.want)
		}
		csv := serve(m, "GET", "/admin/export/tickets.csv?"+c.query, "", "Cookie", session).Body.String()
		if !strings.Contains(csv, "tickets_in_period") || !strings.Contains(csv, "shipping/lost,en,A parcel is lost,shipping/lost.md,"+c.want+",") {
			t.Errorf("%s: csv\n%s", c.query, csv)
		}
	}
}

// TestTicketsPerArticlePeriodFirst: a month long past listed its
// articles after every article with tickets in the last 90 days, by
// their recent count (and beyond the page's 50 rows on a large help
// center), so the lead who picked that month read rows of zeros first
// (a newcomer, rv21j): the period's articles come first.
func TestTicketsPerArticlePeriodFirst(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Pet Help\n")
	writeFile(t, dir, "rede/clinicas.md", "---\ntitle: Find a clinic\n---\nThe clinics of the network.\n")
	writeFile(t, dir, "plano/cancelar.md", "---\ntitle: Cancel the plan\n---\nCancel from the app.\n")
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	m := openMainAt(t, dir, &clock{t: now})
	ctx := context.Background()
	tok, _, _ := m.DB.CreateToken(ctx, site.ScopeTickets, "helpdesk")
	for i, tk := range []struct {
		article string
		ago     int
	}{{"plano/cancelar", 1}, {"plano/cancelar", 2}, {"rede/clinicas", 145}} {
		at := now.AddDate(0, 0, -tk.ago)
		w := serve(m, "POST", "/api/v1/tickets", fmt.Sprintf(`{"external_id":"t%d","subject":"Question","article":%q,"created_at":%q}`, i, tk.article, at.Format(time.RFC3339)),
			"Content-Type", "application/json", "Authorization", "Bearer "+tok)
		if w.Code != 200 {
			t.Fatalf("ticket: %d %s", w.Code, w.Body)
		}
	}
	if err := m.Tickets.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	w := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
	session := strings.Split(w.Header().Get("Set-Cookie"), ";")[0]
	doc := webtest.Parse(t, serve(m, "GET", "/admin/?since=custom&from=2026-07-01&to=2026-07-31", "", "Cookie", session).Body.String())
	if cells := doc.Texts(`#tickets td`); len(cells) < 2 || !strings.Contains(cells[0], "Find a clinic") || cells[1] != "1" {
		t.Errorf("July: first row %q, want Find a clinic with 1 ticket in this period", cells)
	}
	csv := serve(m, "GET", "/admin/export/tickets.csv?since=custom&from=2026-07-01&to=2026-07-31", "", "Cookie", session).Body.String()
	if lines := strings.Split(csv, "\n"); len(lines) < 2 || !strings.HasPrefix(lines[1], "rede/clinicas,") {
		t.Errorf("July csv:\n%s", csv)
	}
}
