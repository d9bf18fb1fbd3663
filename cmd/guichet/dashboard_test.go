package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/web/webtest"
)

// TestDashboard sends what visitors do through the real router — searches,
// readings, votes, contacts, widget openings, tickets — on a help center
// of its own, then reads the figures back through the summary and articles
// APIs (JSON and CSV), the admin page and its exports: the figures agree
// with what was sent, before and after the day is rolled up into daily
// totals.
func TestDashboard(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Parcel Help\nlocales: [en, fr]\ncontact_url: https://parcel.example/contact\nedit_url: https://git.example/parcel/help/edit/main/\n")
	writeFile(t, dir, "shipping/track.md", "---\ntitle: Track a parcel\nupdated: 2026-11-18\n---\nEnter the tracking number on the parcel page to follow your parcel.\n")
	writeFile(t, dir, "shipping/lost.md", "---\ntitle: A parcel is lost\n---\nWhen a parcel does not arrive within ten days, claim a lost parcel.\n")
	writeFile(t, dir, "shipping/track.fr.md", "---\ntitle: Suivre un colis\n---\nSaisissez le numéro de suivi.\n")
	day := time.Date(2026, 11, 19, 9, 0, 0, 0, time.UTC)
	clk := &clock{t: day.AddDate(0, 0, -10)}
	m := openMainAt(t, dir, clk)
	ctx := context.Background()
	send := func(addr, body string) {
		t.Helper()
		if w := from(m, addr, "POST", "/api/v1/events", body, "Content-Type", "application/json"); w.Code != 202 {
			t.Fatalf("event %s: %d %s", body, w.Code, w.Body)
		}
	}
	search := func(addr, q string) {
		t.Helper()
		if w := from(m, addr, "GET", "/api/v1/search?source=site&q="+url.QueryEscape(q), ""); w.Code != 200 {
			t.Fatalf("search %q: %d", q, w.Code)
		}
	}
	// Ten days before: one search, in the period before a 7-day period.
	search("10.0.0.9:1", "track parcel")
	clk.t = day
	// a: searches, reads the result: found an answer, no contact.
	search("10.0.0.1:1", "track parcel")
	send("10.0.0.1:1", `{"type":"view","article_id":"shipping/track","locale":"en","source":"site"}`)
	// b: a search that finds nothing, then reads, rates and contacts.
	search("10.0.0.2:1", "qwxz")
	send("10.0.0.2:1", `{"type":"view","article_id":"shipping/lost","locale":"en","source":"site"}`)
	send("10.0.0.2:1", `{"type":"vote","article_id":"shipping/lost","locale":"en","helpful":false,"reason":"inaccurate","comment":"The claim form is gone","source":"site"}`)
	send("10.0.0.2:1", `{"type":"contact","path":"/shipping/lost","article_id":"shipping/lost","locale":"en","source":"site"}`)
	// c: reads and rates the same article, the same comment in other case and spacing.
	send("10.0.0.3:1", `{"type":"view","article_id":"shipping/lost","locale":"en","source":"site"}`)
	send("10.0.0.3:1", `{"type":"vote","article_id":"shipping/lost","locale":"en","helpful":false,"comment":"the claim  form is GONE","source":"site"}`)
	// d: the widget on a screen whose context key is markup.
	send("10.0.0.4:1", `{"type":"open","context":"<svg onload=alert(1)>","path":"/orders/8841","locale":"en","source":"widget"}`)
	send("10.0.0.4:1", `{"type":"view","article_id":"shipping/track","locale":"en","context":"<svg onload=alert(1)>","path":"/orders/8841","source":"widget"}`)
	// e: straight to the contact form, in French.
	send("10.0.0.5:1", `{"type":"contact","path":"/fr/","context":"","locale":"fr","source":"site"}`)
	tok, _, _ := m.DB.CreateToken(ctx, site.ScopeTickets, "helpdesk")
	w := serve(m, "POST", "/api/v1/tickets", fmt.Sprintf(`{"external_id":"t1","subject":"Parcel lost since two weeks","article":"shipping/lost","created_at":%q}`, day.Format(time.RFC3339)),
		"Content-Type", "application/json", "Authorization", "Bearer "+tok)
	if w.Code != 200 {
		t.Fatalf("ticket: %d %s", w.Code, w.Body)
	}
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	clk.t = day.Add(3 * 24 * time.Hour) // the figures are read three days later
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	bearer := []string{"Authorization", "Bearer " + admin}

	type figures struct {
		Searches, NoResultSearches, NoClickSearches, ClickedSearches, Views, HelpfulVotes, NotHelpfulVotes, Contacts, WidgetOpens, Tickets int
		Visits, SelfServiceVisits, DeflectedVisits                                                                                         int
		Deflection, NoResultRate, HelpfulShare                                                                                             *float64
	}
	var sum struct {
		Since, From, To, Locale string
		figures
		Previous figures
		Series   map[string][]struct {
			Day   string
			Value *float64
		}
		EntryPoints []struct {
			Source, Screen                             string
			Visits, SelfServiceVisits, DeflectedVisits int
		} `json:"entry_points"`
	}
	summary := func(query string) string {
		t.Helper()
		w := serve(m, "GET", "/api/v1/insights/summary?"+query, "", bearer...)
		if w.Code != 200 {
			t.Fatalf("summary %s: %d %s", query, w.Code, w.Body)
		}
		return w.Body.String()
	}
	body := summary("since=7d")
	if err := json.Unmarshal([]byte(snake(body)), &sum); err != nil {
		t.Fatal(err)
	}
	want := figures{Searches: 2, NoResultSearches: 1, ClickedSearches: 1, Views: 4, NotHelpfulVotes: 2, Contacts: 2, WidgetOpens: 1, Tickets: 1,
		Visits: 5, SelfServiceVisits: 4, DeflectedVisits: 3}
	got := sum.figures
	got.Deflection, got.NoResultRate, got.HelpfulShare = nil, nil, nil
	if got != want {
		t.Errorf("summary figures\n got %+v\nwant %+v", got, want)
	}
	if sum.Deflection == nil || *sum.Deflection != 0.75 || sum.NoResultRate == nil || *sum.NoResultRate != 0.5 || sum.HelpfulShare == nil || *sum.HelpfulShare != 0 {
		t.Errorf("rates: deflection %v, no-result %v, helpful %v", sum.Deflection, sum.NoResultRate, sum.HelpfulShare)
	}
	if sum.Previous.Searches != 1 || sum.From != "2026-11-16" || sum.To != "2026-11-22" || sum.Since != "7d" {
		t.Errorf("previous period %d searches, period %s..%s since %s", sum.Previous.Searches, sum.From, sum.To, sum.Since)
	}
	if v := sum.Series["views"]; len(v) != 7 || v[3].Day != "2026-11-19" || v[3].Value == nil || *v[3].Value != 4 || *v[0].Value != 0 {
		t.Errorf("views series %+v", v)
	}
	if len(sum.EntryPoints) != 2 || sum.EntryPoints[0].Source != "site" || sum.EntryPoints[0].Visits != 4 || sum.EntryPoints[0].DeflectedVisits != 2 ||
		sum.EntryPoints[1].Screen != "<svg onload=alert(1)>" || sum.EntryPoints[1].DeflectedVisits != 1 {
		t.Errorf("entry points %+v", sum.EntryPoints)
	}
	// The locale filter: French has only e's contact.
	var fr struct{ Searches, Contacts, Visits int }
	json.Unmarshal([]byte(summary("since=30d&locale=fr")), &fr)
	if fr.Searches != 0 || fr.Contacts != 1 || fr.Visits != 1 {
		t.Errorf("fr summary %+v", fr)
	}
	for _, bad := range []string{"since=0d", "since=soon", "locale=xx", "since=7d&until=nope", "format=xml"} {
		if w := serve(m, "GET", "/api/v1/insights/summary?"+bad, "", bearer...); w.Code != 400 || !strings.Contains(w.Body.String(), `"error"`) {
			t.Errorf("summary?%s: %d %s", bad, w.Code, w.Body)
		}
	}
	// CSV: a header, one row per day.
	w = serve(m, "GET", "/api/v1/insights/summary?since=7d&format=csv", "", bearer...)
	rows := strings.Split(strings.TrimSpace(w.Body.String()), "\n")
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/csv") || len(rows) != 8 ||
		!strings.HasPrefix(rows[0], "day,searches,no_result_searches,") || !strings.HasPrefix(rows[4], "2026-11-19,2,1,0,1,0.5000,") {
		t.Errorf("summary CSV: %d %q\n%s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}

	// Articles: most read first, with votes, tickets and contacts after reading.
	w = serve(m, "GET", "/api/v1/insights/articles?since=7d", "", bearer...)
	var arts struct {
		Articles []struct {
			ID, Title                                                          string
			Views, Readers, Helpful, NotHelpful, Tickets, ContactsAfterReading int
			HelpfulShare                                                       *float64
		}
	}
	json.Unmarshal([]byte(snake(w.Body.String())), &arts)
	if w.Code != 200 || len(arts.Articles) != 2 {
		t.Fatalf("articles: %d %s", w.Code, w.Body)
	}
	lost, track := arts.Articles[0], arts.Articles[1]
	if lost.ID != "shipping/lost" || lost.Title != "A parcel is lost" || lost.Views != 2 || lost.Readers != 2 || lost.NotHelpful != 2 || lost.Tickets != 1 ||
		lost.ContactsAfterReading != 1 || lost.HelpfulShare == nil || *lost.HelpfulShare != 0 {
		t.Errorf("lost: %+v", lost)
	}
	if track.ID != "shipping/track" || track.Views != 2 || track.ContactsAfterReading != 0 || track.HelpfulShare != nil {
		t.Errorf("track: %+v", track)
	}
	w = serve(m, "GET", "/api/v1/insights/articles?since=7d&format=csv", "", bearer...)
	if w.Code != 200 || !strings.HasPrefix(w.Body.String(), "id,locale,title,url,source,updated,views,helpful,not_helpful,helpful_share,tickets,contacts_after_reading,readers\n") ||
		!strings.Contains(w.Body.String(), "shipping/lost,en,A parcel is lost,/shipping/lost,shipping/lost.md,") {
		t.Errorf("articles CSV: %d\n%s", w.Code, w.Body)
	}
	for _, path := range []string{"/api/v1/insights/summary", "/api/v1/insights/articles", "/api/v1/insights/todo"} {
		if w := serve(m, "GET", path, ""); w.Code != 401 {
			t.Errorf("%s without a token: %d", path, w.Code)
		}
		if w := serve(m, "GET", path, "", "Authorization", "Bearer "+tok); w.Code != 401 {
			t.Errorf("%s with a tickets token: %d", path, w.Code)
		}
	}

	// The admin page: its own layout, the figures, the to-do list, charts
	// with their tables, grouped comments, everything escaped.
	w = serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
	session := strings.Split(w.Header().Get("Set-Cookie"), ";")[0]
	w = serve(m, "GET", "/admin/?since=7d", "", "Cookie", session)
	page := w.Body.String()
	doc := webtest.Parse(t, page)
	if w.Code != 200 || len(page) > 1<<20 {
		t.Fatalf("admin page: %d, %d bytes", w.Code, len(page))
	}
	if doc.Count("form.search-form") != 0 || doc.Count("footer.site-footer") != 0 {
		t.Error("the admin page shows the public search box or footer")
	}
	if got := doc.Text(`[data-figure="searches"] .card-value`); got != "2" {
		t.Errorf("searches card %q", got)
	}
	if got := doc.Text(`[data-figure="deflection"] .card-value`); got != "75.0%" {
		t.Errorf("deflection card %q", got)
	}
	if got := doc.Text(`[data-figure="searches"] .card-change`); !strings.Contains(got, "+100%") {
		t.Errorf("searches change %q, want +100%% on the period before", got)
	}
	if n := doc.Count("figure.chart svg[role=img] title"); n < 5 {
		t.Errorf("%d charts with a title, want 5", n)
	}
	if n := doc.Count("figure.chart details table tbody tr"); n != 5*7 {
		t.Errorf("%d rows in the charts' tables, want 35", n)
	}
	if doc.Count("#chart-searches rect.bar") != 7 || doc.Count("#chart-searches polyline.line") != 1 {
		t.Error("the searches chart has no bars or no no-result line")
	}
	// The charts in words, for screen readers and on hover, count in
	// English: one ticket, one self-service visit, two votes.
	for sel, want := range map[string]string{
		"#chart-tickets desc":    "1 ticket from 2026-11-16 to 2026-11-22, at most 1 a day; 1 day with article edits marked.",
		"#chart-views desc":      "4 views from 2026-11-16 to 2026-11-22, at most 4 a day.",
		"#chart-helpful desc":    "2 votes from 2026-11-16 to 2026-11-22, at most 2 a day; helpful share 0.0% over the period (1 day had any).",
		"#chart-deflection desc": "4 self-service visits from 2026-11-16 to 2026-11-22, at most 4 a day; deflection 75.0% over the period (1 day had any).",
	} {
		if got := doc.Text(sel); !strings.HasPrefix(got, want) {
			t.Errorf("%s: %q, want %q", sel, got, want)
		}
	}
	for _, bar := range doc.Texts("#chart-tickets rect.bar title") {
		if strings.HasPrefix(bar, "2026-11-19: ") && bar != "2026-11-19: 1 ticket" {
			t.Errorf("ticket bar %q, want 1 ticket", bar)
		}
	}
	// The rest of the page counts in English too: one ticket stored, the
	// widget opened once ("1 tickets stored", "opened 1 times" before).
	for sel, want := range map[string]string{
		"#tickets":      "1 ticket created in this period: 1 linked by the helpdesk",
		"#screens":      "The widget opened 1 time in this period; 1 time on a screen no article's contexts fit.",
		"#contact":      "0 subjects typed, 0 opened a suggested article, 0 deflected (opened one and sent nothing), 0 requests sent.",
		".task .people": "2 people",
	} {
		if got := doc.Text(sel); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q in it", sel, got, want)
		}
	}
	if !strings.Contains(doc.Text(".task"), "A parcel is lost") || doc.Count(`.task a[href="https://git.example/parcel/help/edit/main/shipping/lost.md"]`) != 1 {
		t.Errorf("to-do list: %q", doc.Text(".todo"))
	}
	if got := doc.Text("#helpful td q"); got != "The claim form is gone" || !strings.Contains(doc.Text("#helpful"), "×2") {
		t.Errorf("comments not grouped: %q / %q", got, doc.Text("#helpful"))
	}
	if strings.Contains(page, "<svg onload") || !strings.Contains(page, "&lt;svg onload=alert(1)&gt;") {
		t.Error("a context key typed by a host app is not escaped on the admin page")
	}
	// French only: no searches, e's contact.
	doc = webtest.Parse(t, serve(m, "GET", "/admin/?since=custom&from=2026-11-01&until=2026-11-30&locale=fr", "", "Cookie", session).Body.String())
	if got := doc.Text(`[data-figure="contacts"] .card-value`); got != "1" || doc.Text(`[data-figure="searches"] .card-value`) != "0" {
		t.Errorf("French contacts %q", got)
	}
	// The widget opened once, in English: the French page's screens
	// section counts no opening, as its figure does.
	if got := doc.Text("#screens"); !strings.Contains(got, "The widget opened 0 times in this period; 0 times on a screen") {
		t.Errorf("French screens with no help: %q", got)
	}
	if doc.Attr(`#p-since option[selected]`, "value") != "custom" || doc.Attr("#p-from", "value") != "2026-11-01" || doc.Attr(`#p-locale option[selected]`, "value") != "fr" {
		t.Error("the period form does not show the period asked")
	}
	if doc.Count(`#figures .notice`) != 0 {
		t.Errorf("a period with a contact says nothing was recorded: %q", doc.Text(`#figures .notice`))
	}
	// A period before anything was recorded says so, and compares with
	// nothing: its zeros are no data (a newcomer, rv19i).
	doc = webtest.Parse(t, serve(m, "GET", "/admin/?since=custom&from=2025-01-01&until=2025-01-31", "", "Cookie", session).Body.String())
	if got := doc.Text(`#figures .notice`); !strings.Contains(got, "Nothing was recorded in this period") || !strings.Contains(got, "nor in the period before") {
		t.Errorf("an empty period: notice %q", got)
	}
	if got := doc.Text(`[data-figure="searches"] .card-change`); got != "nothing to compare" {
		t.Errorf("an empty period's searches card: %q, want nothing to compare", got)
	}

	// Exports from the page, with the session only.
	w = serve(m, "GET", "/admin/export/todo.csv?since=7d", "", "Cookie", session)
	if w.Code != 200 || !strings.HasPrefix(w.Body.String(), "rank,kind,people,title,why,action,target,") || !strings.Contains(w.Body.String(), "A parcel is lost") {
		t.Errorf("to-do export: %d\n%s", w.Code, w.Body)
	}
	w = serve(m, "GET", "/admin/export/comments.csv?since=7d", "", "Cookie", session)
	if !strings.Contains(w.Body.String(), "shipping/lost,en,The claim form is gone,2,") {
		t.Errorf("comments export:\n%s", w.Body)
	}
	for _, f := range []string{"summary", "entry-points", "articles", "gaps", "top-searches", "tickets"} {
		if w := serve(m, "GET", "/admin/export/"+f+".csv?since=7d", "", "Cookie", session); w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/csv") || !strings.Contains(w.Body.String(), "\n") {
			t.Errorf("%s export: %d %q", f, w.Code, w.Header().Get("Content-Type"))
		}
		if w := serve(m, "GET", "/admin/export/"+f+".csv", ""); w.Code != 401 {
			t.Errorf("%s export without a session: %d", f, w.Code)
		}
	}
	if w := serve(m, "GET", "/admin/export/secrets.csv", "", "Cookie", session); w.Code != 404 {
		t.Errorf("unknown export: %d", w.Code)
	}

	// Rolled up into daily totals, then the raw events pruned: the same figures.
	if n, err := m.DB.RollUp(ctx, clk.Now()); err != nil || n < 3 {
		t.Fatalf("roll up: %d days, %v", n, err)
	}
	if got := summary("since=7d"); got != body {
		t.Errorf("after the roll-up the summary changed:\n%s\n%s", body, got)
	}
	if _, err := m.DB.Prune(ctx, clk.Now()); err != nil {
		t.Fatal(err)
	}
	if got := summary("since=7d"); got != body {
		t.Errorf("after pruning the raw events the summary changed:\n%s\n%s", body, got)
	}
}

// snake turns the JSON keys the tests read into Go field names: the
// structs above are decoded by case-insensitive match, so only keys with
// underscores need it.
func snake(s string) string {
	for _, k := range []string{"no_result_searches", "no_click_searches", "clicked_searches", "helpful_votes", "not_helpful_votes",
		"widget_opens", "self_service_visits", "deflected_visits", "no_result_rate", "helpful_share", "not_helpful", "contacts_after_reading"} {
		s = strings.ReplaceAll(s, `"`+k+`"`, `"`+strings.ReplaceAll(k, "_", "")+`"`)
	}
	return s
}
