package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/web/webtest"
)

// TestDashboardNothingToDeflect: a help center whose visitors searched and
// read, and none contacted support, was shown "Deflection 100.0%", as if
// every visit had been kept from a contact; with no contact recorded there
// was nothing to deflect. Deflection is "–" on the page (card and entry
// points), null in the summary API and empty in its CSV, for the period
// and locale read; a locale whose visitors contacted support still has
// its figure, and so has the whole site.
//
// The line above the tickets per article counted every ticket ever
// stored whatever the period and locale picked, where the Tickets figure
// counts those of the period: it now counts those too.
func TestDashboardNothingToDeflect(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Parcel Help\nlocales: [en, fr]\ncontact_url: https://parcel.example/contact\n")
	writeFile(t, dir, "shipping/track.md", "---\ntitle: Track a parcel\n---\nEnter the tracking number on the parcel page to follow your parcel.\n")
	writeFile(t, dir, "shipping/track.fr.md", "---\ntitle: Suivre un colis\n---\nSaisissez le numéro de suivi du colis.\n")
	day := time.Date(2026, 11, 19, 9, 0, 0, 0, time.UTC)
	clk := &clock{t: day.AddDate(0, 0, -60)}
	m := openMainAt(t, dir, clk)
	ctx := context.Background()
	send := func(addr, body string) {
		t.Helper()
		if w := from(m, addr, "POST", "/api/v1/events", body, "Content-Type", "application/json"); w.Code != 202 {
			t.Fatalf("event %s: %d %s", body, w.Code, w.Body)
		}
	}
	tok, _, _ := m.DB.CreateToken(ctx, site.ScopeTickets, "helpdesk")
	ticket := func(id, subject, locale string, at time.Time) {
		t.Helper()
		body := fmt.Sprintf(`{"external_id":%q,"subject":%q,"locale":%q,"article":"shipping/track","created_at":%q}`, id, subject, locale, at.Format(time.RFC3339))
		if w := serve(m, "POST", "/api/v1/tickets", body, "Content-Type", "application/json", "Authorization", "Bearer "+tok); w.Code != 200 {
			t.Fatalf("ticket %s: %d %s", id, w.Code, w.Body)
		}
	}
	// Two months before: a ticket, outside every period read.
	ticket("old-1", "Where is my parcel", "en", clk.t)
	clk.t = day
	// English: two visitors search and read; nobody contacts support.
	for _, addr := range []string{"10.0.0.1:1", "10.0.0.2:1"} {
		if w := from(m, addr, "GET", "/api/v1/search?source=site&q=track+parcel", ""); w.Code != 200 {
			t.Fatalf("search: %d", w.Code)
		}
		send(addr, `{"type":"view","article_id":"shipping/track","locale":"en","source":"site"}`)
	}
	// French: one reads, then contacts support; another only reads.
	send("10.0.0.3:1", `{"type":"view","article_id":"shipping/track","locale":"fr","source":"site"}`)
	send("10.0.0.3:1", `{"type":"contact","path":"/fr/shipping/track","article_id":"shipping/track","locale":"fr","source":"site"}`)
	send("10.0.0.4:1", `{"type":"view","article_id":"shipping/track","locale":"fr","source":"site"}`)
	ticket("en-1", "Parcel stuck", "en", day)
	ticket("fr-1", "Colis bloqué", "fr", day)
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	clk.t = day.Add(2 * time.Hour)
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	bearer := []string{"Authorization", "Bearer " + admin}
	w := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
	session := strings.Split(w.Header().Get("Set-Cookie"), ";")[0]

	for _, c := range []struct {
		locale     string
		deflection string // as the page shows it
		json       string // the summary's "deflection"
		csv        string // the summary CSV's
		tickets    string
	}{
		{"en", "–", "null", "", "1 ticket created in this period in en: 1 linked by the helpdesk"},
		{"fr", "50.0%", "0.5", "0.5000", "1 ticket created in this period in fr: 1 linked by the helpdesk"},
		{"", "75.0%", "0.75", "0.7500", "2 tickets created in this period: 2 linked by the helpdesk"},
	} {
		q := "since=7d&locale=" + c.locale
		w := serve(m, "GET", "/api/v1/insights/summary?"+q, "", bearer...)
		var sum struct {
			SelfServiceVisits int                          `json:"self_service_visits"`
			Contacts          int                          `json:"contacts"`
			Deflection        json.RawMessage              `json:"deflection"`
			EntryPoints       []map[string]json.RawMessage `json:"entry_points"`
		}
		if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &sum) != nil {
			t.Fatalf("summary %s: %d %s", q, w.Code, w.Body)
		}
		if string(sum.Deflection) != c.json {
			t.Errorf("locale %q: %d self-service visits, %d contacts: deflection %s in the API, want %s", c.locale, sum.SelfServiceVisits, sum.Contacts, sum.Deflection, c.json)
		}
		for _, e := range sum.EntryPoints {
			if string(e["deflection"]) != c.json {
				t.Errorf("locale %q: entry point %s deflection %s, want %s", c.locale, e["source"], e["deflection"], c.json)
			}
		}
		w = serve(m, "GET", "/api/v1/insights/summary?format=csv&"+q, "", bearer...)
		rows := strings.Split(strings.TrimSpace(w.Body.String()), "\n")
		if len(rows) != 8 || !strings.HasSuffix(rows[0], ",deflection") {
			t.Fatalf("summary CSV %s:\n%s", q, w.Body)
		}
		// The day of the visits: deflection is the last column.
		for _, r := range rows[1:] {
			if cell := r[strings.LastIndex(r, ",")+1:]; strings.HasPrefix(r, "2026-11-19,") && cell != c.csv {
				t.Errorf("locale %q: deflection %q in the CSV on 2026-11-19, want %q", c.locale, cell, c.csv)
			}
		}
		w = serve(m, "GET", "/admin/?"+q, "", "Cookie", session)
		doc := webtest.Parse(t, w.Body.String())
		if w.Code != 200 {
			t.Fatalf("admin %s: %d", q, w.Code)
		}
		if got := doc.Text(`[data-figure="deflection"] .card-value`); got != c.deflection {
			t.Errorf("locale %q: deflection card %q, want %q", c.locale, got, c.deflection)
		}
		rows = nil
		for _, tr := range doc.All("#deflection tbody tr") {
			var last *html.Node
			for td := tr.FirstChild; td != nil; td = td.NextSibling {
				if td.Type == html.ElementNode && td.Data == "td" {
					last = td
				}
			}
			rows = append(rows, webtest.Text(last))
		}
		if len(rows) == 0 {
			t.Errorf("locale %q: no entry point listed", c.locale)
		}
		for _, cell := range rows {
			if cell != c.deflection {
				t.Errorf("locale %q: deflection of an entry point %q, want %q", c.locale, cell, c.deflection)
			}
		}
		if got := doc.Text("#tickets p.meta"); !strings.HasPrefix(got, c.tickets) {
			t.Errorf("locale %q: tickets line %q, want it to start %q", c.locale, got, c.tickets)
		}
	}
}

// TestAdminContactRequestsOfTheLocale: the admin page listed the contact
// requests of the period and locale picked among the latest 50 of all:
// with 50 English requests since, the French one sent before was not
// listed under French ("Contact requests (0)" beside "1 request sent").
// The requests are read for the period and locale.
func TestAdminContactRequestsOfTheLocale(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Parcel Help\nlocales: [en, fr]\n")
	writeFile(t, dir, "shipping/track.md", "---\ntitle: Track a parcel\n---\nEnter the tracking number on the parcel page.\n")
	day := time.Date(2026, 11, 19, 9, 0, 0, 0, time.UTC)
	clk := &clock{t: day}
	m := openMainAt(t, dir, clk)
	ctx := context.Background()
	save := func(id, subject, locale string, at time.Time) {
		t.Helper()
		if err := m.DB.SaveContact(ctx, site.ContactRequest{ID: id, Subject: subject, Locale: locale, CreatedAt: at}, nil); err != nil {
			t.Fatal(err)
		}
	}
	save("fr-1", "Colis bloqué en douane", "fr", day)
	for i := range 50 {
		save(fmt.Sprintf("en-%d", i), "Parcel stuck", "en", day.Add(time.Duration(i+1)*time.Minute))
	}
	clk.t = day.Add(2 * time.Hour)
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	w := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
	session := strings.Split(w.Header().Get("Set-Cookie"), ";")[0]
	w = serve(m, "GET", "/admin/?since=7d&locale=fr", "", "Cookie", session)
	doc := webtest.Parse(t, w.Body.String())
	if w.Code != 200 {
		t.Fatalf("admin: %d", w.Code)
	}
	if got := doc.Text("#contact summary"); got != "Contact requests (1)" {
		t.Errorf("French contact requests heading %q, want 1", got)
	}
	if !strings.Contains(doc.Text("#contact table"), "Colis bloqué en douane") {
		t.Errorf("the French request is not listed:\n%s", doc.Text("#contact"))
	}
}
