package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// TestTicketsPerArticleCountsThemAll: the heading of "Tickets per
// article" said (50) on a help center with 53 articles with tickets: it
// counted the rows shown, which stop at 50. It counts the articles with
// tickets and says that the top 50 are shown.
func TestTicketsPerArticleCountsThemAll(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\n")
	var batch []string
	now := time.Now().UTC().Add(-time.Hour).Format(time.RFC3339)
	for i := range 53 {
		writeFile(t, dir, fmt.Sprintf("topics/topic-%02d.md", i), fmt.Sprintf("---\ntitle: Topic number %d\n---\nAbout topic %d.\n", i, i))
		batch = append(batch, fmt.Sprintf(`{"external_id":"t-%d","subject":"Question %d","article":"topics/topic-%02d","created_at":%q}`, i, i, i, now))
	}
	m := openMain(t, dir, false)
	ctx := context.Background()
	tok, _, _ := m.DB.CreateToken(ctx, site.ScopeTickets, "helpdesk")
	if w := serve(m, "POST", "/api/v1/tickets", `{"tickets":[`+strings.Join(batch, ",")+`]}`, "Content-Type", "application/json", "Authorization", "Bearer "+tok); w.Code != 200 {
		t.Fatalf("tickets: %d %s", w.Code, w.Body)
	}
	if err := m.Tickets.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	page := serve(m, "GET", "/admin/", "", "Cookie", signIn(t, m, admin)).Body.String()
	if !strings.Contains(page, `Tickets per article <span class="meta">(53, top 50 shown)</span>`) {
		i := strings.Index(page, "Tickets per article")
		t.Errorf("the tickets heading does not count the 53 articles with tickets: %.120s", page[max(i, 0):])
	}
	if !strings.Contains(page, "The first 50 of 53: the export has them all.") {
		t.Error("the tickets table does not say the export has them all")
	}
}

// TestSinceLastUpdateUnderADay: "Since last update" counted whole days:
// an article updated 20 hours ago and one updated minutes ago both read
// "in the 1 day since" (or 20 hours ago, the day before, "2 days"). Under
// a day it says how long ago, in hours (minutes under an hour); older
// updates keep their date and days.
func TestSinceLastUpdateUnderADay(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\n")
	now := time.Now().UTC()
	var batch []string
	for i, ago := range []time.Duration{20 * time.Hour, 10 * time.Minute, 5 * 24 * time.Hour} {
		writeFile(t, dir, fmt.Sprintf("topics/topic-%d.md", i), fmt.Sprintf("---\ntitle: Topic number %d\nupdated: %s\n---\nAbout topic %d.\n", i, now.Add(-ago).Format(time.RFC3339), i))
		batch = append(batch, fmt.Sprintf(`{"external_id":"t-%d","subject":"Question %d","article":"topics/topic-%d","created_at":%q}`, i, i, i, now.Add(-ago-time.Hour).Format(time.RFC3339)))
	}
	m := openMain(t, dir, false)
	ctx := context.Background()
	tok, _, _ := m.DB.CreateToken(ctx, site.ScopeTickets, "helpdesk")
	if w := serve(m, "POST", "/api/v1/tickets", `{"tickets":[`+strings.Join(batch, ",")+`]}`, "Content-Type", "application/json", "Authorization", "Bearer "+tok); w.Code != 200 {
		t.Fatalf("tickets: %d %s", w.Code, w.Body)
	}
	if err := m.Tickets.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	page := serve(m, "GET", "/admin/", "", "Cookie", signIn(t, m, admin)).Body.String()
	for _, want := range []string{
		"updated 20 hours ago: ",
		"updated 10 minutes ago: ",
		"updated " + now.Add(-5*24*time.Hour).Format(time.DateOnly) + ": ",
	} {
		if !strings.Contains(page, want) {
			i := strings.Index(page, `id="tickets"`)
			t.Errorf("no %q in the tickets table: %.2000s", want, page[max(i, 0):])
		}
	}
}

// TestSinceLastUpdateFromItsTime: "Since last update" read daily counts,
// so a ticket of the morning counted as one since an update of the
// afternoon ("updated 3 hours ago: 0 in the 30 days before, 2 since",
// one of them before the update). Tickets have times: the update's day
// is split at the update's, on the page and in its export.
func TestSinceLastUpdateFromItsTime(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\n")
	now := time.Now().UTC()
	day := now.Truncate(24 * time.Hour)
	if now.Sub(day) < 10*time.Minute { // the first minutes of a day: yesterday's
		day = day.Add(-24 * time.Hour)
	}
	third := now.Sub(day) / 3
	updated := day.Add(2 * third)
	// The morning's ticket, before the update; one since.
	writeFile(t, dir, "topics/printer.md", "---\ntitle: Printer setup\nupdated: "+updated.Format(time.RFC3339)+"\n---\nPlug it in.\n")
	batch := fmt.Sprintf(`{"external_id":"t-1","subject":"Printer","article":"topics/printer","created_at":%q},{"external_id":"t-2","subject":"Printer again","article":"topics/printer","created_at":%q}`,
		day.Add(third).Format(time.RFC3339), updated.Add(third/2).Format(time.RFC3339))
	m := openMain(t, dir, false)
	ctx := context.Background()
	tok, _, _ := m.DB.CreateToken(ctx, site.ScopeTickets, "helpdesk")
	if w := serve(m, "POST", "/api/v1/tickets", `{"tickets":[`+batch+`]}`, "Content-Type", "application/json", "Authorization", "Bearer "+tok); w.Code != 200 {
		t.Fatalf("tickets: %d %s", w.Code, w.Body)
	}
	if err := m.Tickets.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	cookie := signIn(t, m, admin)
	page := serve(m, "GET", "/admin/", "", "Cookie", cookie).Body.String()
	if !strings.Contains(page, ": 1 in the 30 days before, 1 ") {
		i := strings.Index(page, `id="tickets"`)
		t.Errorf("the ticket before the update is not counted before it: %.1500s", page[max(i, 0):])
	}
	csv := serve(m, "GET", "/admin/export/tickets.csv", "", "Cookie", cookie).Body.String()
	if !strings.Contains(csv, updated.Format(time.DateOnly)+",1,1,") {
		t.Errorf("the export does not split the update's day:\n%s", csv)
	}
}
