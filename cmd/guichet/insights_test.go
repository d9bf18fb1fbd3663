package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// TestAdminTicketTopics: tickets whose subject is an article's title in
// forwarding and greeting noise link to it; the others make a topic on the
// admin page with the nearest article, which the team links by hand
// (through the real router, with the session and the form's token); the
// topic's tickets, stored and to come, then link to it. The page and the
// API count searches one way.
func TestAdminTicketTopics(t *testing.T) {
	dir := ticketContent(t)
	writeFile(t, dir, "hardware/scanners.md", "---\ntitle: Barcode scanners\n---\nPlug the barcode scanner in; it types the codes it reads.\n")
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: https://help.acme.test\nlocales: [en, fr]\nfaq:\n  size: 3\n")
	m := openMain(t, dir, false)
	ctx := context.Background()
	tok, _, _ := m.DB.CreateToken(ctx, site.ScopeTickets, "helpdesk")
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	day := time.Now().UTC().Add(-time.Hour).Format(time.RFC3339)
	post := func(id, subject string) string {
		t.Helper()
		body := fmt.Sprintf(`{"external_id":%q,"subject":%q,"created_at":%q}`, id, subject, day)
		w := serve(m, "POST", "/api/v1/tickets", body, "Content-Type", "application/json", "Authorization", "Bearer "+tok)
		if w.Code != 200 {
			t.Fatalf("post %s: %d %s", id, w.Code, w.Body)
		}
		var res struct {
			Results []struct{ Link site.TicketLink }
		}
		json.Unmarshal(w.Body.Bytes(), &res)
		return res.Results[0].Link.Method + ":" + res.Results[0].Link.ArticleID
	}
	// Titles inside a helpdesk's noise name their articles.
	for id, subject := range map[string]string{
		"n1": "Fwd: Help: Sync your Google Calendar? since yesterday, thanks",
		"n2": "RE: Bonjour - Export your bookings (urgent!!!) merci",
	} {
		if got := post(id, subject); !strings.HasPrefix(got, "title:") {
			t.Errorf("noisy subject %q: %s, want a link by title", subject, got)
		}
	}
	post("s1", "Fwd: Scanner beeps twice at checkout, thanks")
	post("s2", "scanner beeps twice at checkout!!")
	rep, err := m.Gaps.Report(ctx, gaps.Options{MinVisitors: 2})
	if err != nil {
		t.Fatal(err)
	}
	var topic gaps.Gap
	for _, g := range rep.Gaps {
		if g.Kind == gaps.UnlinkedTicket {
			topic = g
		}
	}
	if topic.Visitors != 2 || len(topic.Variants) != 1 || topic.Query != "Scanner beeps twice at checkout" || topic.Nearest != "hardware/scanners" || topic.NearestScore <= 0 {
		t.Fatalf("ticket topic %+v", topic)
	}

	// The admin page shows it with the nearest article, and a form to link it.
	lw := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
	session := strings.Split(lw.Header().Get("Set-Cookie"), ";")[0]
	page := mustGet(t, m, "/admin/", "Cookie", session)
	// The score with three decimals, as the API gives it and the README says.
	score := fmt.Sprintf("nearest: <code>hardware/scanners</code> (%.3f)", topic.NearestScore)
	for _, want := range []string{`id="gap-` + topic.ID + `"`, score, `action="/admin/link-topic"`, `value="hardware/scanners"`} {
		if !strings.Contains(page, want) {
			t.Errorf("admin page lacks %s", want)
		}
	}
	csrf := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindStringSubmatch(page)
	if csrf == nil {
		t.Fatal("no form token")
	}
	form := url.Values{"gap": {topic.ID}, "article": {"hardware/scanners"}}
	if w := serve(m, "POST", "/admin/link-topic", form.Encode(), "Cookie", session); w.Code != 403 {
		t.Errorf("link without the form token: %d", w.Code)
	}
	form.Set("csrf", csrf[1])
	if w := serve(m, "POST", "/admin/link-topic", form.Encode()); w.Code != 401 {
		t.Errorf("link without a session: %d", w.Code)
	}
	for _, bad := range []string{"nope/article", "sync/secret", "/sync/secret", "/nope/article"} { // unknown; a draft, by ID and by path
		form.Set("article", bad)
		if w := serve(m, "POST", "/admin/link-topic", form.Encode(), "Cookie", session); w.Code != 400 {
			t.Errorf("link to %s: %d", bad, w.Code)
		}
	}
	// The article's address on another site is not the article.
	form.Set("article", "https://shop.acme.test/hardware/scanners")
	if w := serve(m, "POST", "/admin/link-topic", form.Encode(), "Cookie", session); w.Code != 400 || !strings.Contains(w.Body.String(), "https://help.acme.test") {
		t.Errorf("link to another site's URL: %d %s", w.Code, w.Body)
	}
	form.Set("article", " /hardware/scanners ") // the article's path, as the team copies it from the site
	if w := serve(m, "POST", "/admin/link-topic", form.Encode(), "Cookie", session); w.Code != 303 {
		t.Fatalf("link: %d %s", w.Code, w.Body)
	}
	totals, _ := m.DB.TicketTotals(ctx, time.Time{}, time.Time{}, "")
	if totals[site.LinkManual] != 2 || totals[""] != 0 {
		t.Errorf("after linking the topic: %v", totals)
	}
	// A ticket of that topic to come links to the article by hand.
	if got := post("s3", "TR: scanner beeps twice at checkout"); got != "manual:hardware/scanners" {
		t.Errorf("a new ticket of the topic: %s", got)
	}
	rep, _ = m.Gaps.Report(ctx, gaps.Options{})
	for _, g := range rep.Gaps {
		if g.Kind == gaps.UnlinkedTicket {
			t.Errorf("the linked topic is still a gap: %+v", g)
		}
	}
	// The form posted again (a page left open): the topic is linked
	// already, said so, not "no gap".
	// Titled as a conflict, on the admin layout.
	adminErrorPage(t, serve(m, "POST", "/admin/link-topic", form.Encode(), "Cookie", session), 409, "Conflict", "linked by hand to hardware/scanners already")

	// Searches: the top searches and the gaps count visitors one way.
	for _, v := range []string{"a", "b", "c"} {
		m.Recorder.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "gift card", Normalized: "gift card", Locale: "en", Visitor: v, Time: time.Now()})
	}
	m.Recorder.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "gift card", Normalized: "gift card", Locale: "en", Visitor: "d", Results: 1, Hits: []string{"billing/refunds"}, Time: time.Now()})
	m.Recorder.RecordEvent(site.Event{Type: site.EventClick, SearchID: "", ArticleID: "billing/refunds", Visitor: "d", Time: time.Now()})
	m.Recorder.Flush(ctx)
	page = mustGet(t, m, "/admin/", "Cookie", session)
	rep, _ = m.Gaps.Report(ctx, gaps.Options{})
	gift := rep.Gaps[0]
	if gift.Query != "gift card" || gift.Visitors != 4 || gift.NoResultsVisitors != 3 || gift.NoClickVisitors != 1 {
		t.Errorf("gift card gap %+v", gift)
	}
	if !strings.Contains(page, `<tr><td>gift card</td><td>en</td><td>4</td><td>4</td><td>3</td><td>4 (<a href="#gap-`+gift.ID+`">gap</a>)</td></tr>`) {
		t.Errorf("top searches row for gift card missing or counted another way")
	}
	w := serve(m, "GET", "/api/v1/insights/gaps?format=csv&min_visitors=1", "", "Authorization", "Bearer "+admin)
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/csv") || !strings.Contains(w.Body.String(), gift.ID+",search,en,gift card,4,4,3,1,") {
		t.Errorf("CSV: %d %s\n%s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	// In any case, as locale and the booleans are read.
	if w := serve(m, "GET", "/api/v1/insights/gaps?format=CSV&since=30D&min_visitors=1", "", "Authorization", "Bearer "+admin); w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/csv") {
		t.Errorf("format=CSV&since=30D: %d %s", w.Code, w.Body)
	}
	if w := serve(m, "GET", "/api/v1/insights/gaps?format=xml", "", "Authorization", "Bearer "+admin); w.Code != 400 {
		t.Errorf("format=xml: %d", w.Code)
	}
	// A min_visitors out of range says the range: 1000001 was refused as
	// not "a positive number" (rv22a).
	for _, v := range []string{"0", "-1", "abc", "1000001", "99999999999999999999"} {
		w := serve(m, "GET", "/api/v1/insights/gaps?min_visitors="+v, "", "Authorization", "Bearer "+admin)
		if w.Code != 400 || !strings.Contains(w.Body.String(), "min_visitors must be a number from 1 to 1000000") {
			t.Errorf("min_visitors=%s: %d %s", v, w.Code, w.Body)
		}
	}
	// The period is the dashboard's: since=7d starts at midnight (UTC)
	// six days ago, not 168 hours ago; a locale not of the site is a 400.
	w = serve(m, "GET", "/api/v1/insights/gaps?since=7d", "", "Authorization", "Bearer "+admin)
	var week gaps.Report
	if err := json.Unmarshal(w.Body.Bytes(), &week); err != nil || w.Code != 200 {
		t.Fatalf("since=7d: %d %s", w.Code, w.Body)
	}
	if want := time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, -6); !week.Since.Equal(want) {
		t.Errorf("since=7d starts %s, want %s (the dashboard's first day)", week.Since, want)
	}
	// Its days and locale as the other insights say them.
	w = serve(m, "GET", "/api/v1/insights/gaps?since=7d&until="+time.Now().UTC().AddDate(0, 0, -1).Format(time.DateOnly)+"&locale=EN", "", "Authorization", "Bearer "+admin)
	var span struct{ From, To, Locale string }
	json.Unmarshal(w.Body.Bytes(), &span)
	if today := time.Now().UTC(); span.From != today.AddDate(0, 0, -6).Format(time.DateOnly) || span.To != today.AddDate(0, 0, -1).Format(time.DateOnly) || span.Locale != "en" {
		t.Errorf("since=7d&until=yesterday&locale=EN: from %q to %q locale %q; want the period's first and last days, en", span.From, span.To, span.Locale)
	}
	if w := serve(m, "GET", "/api/v1/insights/gaps?locale=xx", "", "Authorization", "Bearer "+admin); w.Code != 400 {
		t.Errorf("locale=xx: %d", w.Code)
	}

	// A hand link made by mistake is undone from the page: the topic's
	// tickets, stored and to come, are linked by search again (here: to
	// nothing), and the topic is a gap again, under its ID.
	undo := `action="/admin/unlink-topic"`
	if !strings.Contains(page, "Topics linked by hand") || !strings.Contains(page, `name="gap" value="`+topic.ID+`">`+"\n"+`<button type="submit" class="quiet">Undo the link of gap`) || !strings.Contains(page, undo) {
		t.Fatal("the admin page lists no hand link to undo")
	}
	if !strings.Contains(page, "<tr><td>Scanner beeps twice at checkout <span") {
		t.Error("the hand link's topic is not shown as the tickets wrote it")
	}
	form = url.Values{"csrf": {csrf[1]}, "gap": {"0000deadbeef"}}
	if w := serve(m, "POST", "/admin/unlink-topic", form.Encode(), "Cookie", session); w.Code != 404 {
		t.Errorf("undo a link never made: %d", w.Code)
	}
	form.Set("gap", " "+strings.ToUpper(topic.ID)+" ")
	if w := serve(m, "POST", "/admin/unlink-topic", form.Encode(), "Cookie", session); w.Code != 303 {
		t.Fatalf("undo the link: %d %s", w.Code, w.Body)
	}
	if totals, _ := m.DB.TicketTotals(ctx, time.Time{}, time.Time{}, ""); totals[site.LinkManual] != 0 || totals[""] != 3 {
		t.Errorf("after undoing the link: %v, want the topic's 3 tickets unlinked", totals)
	}
	if got := post("s4", "scanner beeps twice at checkout"); got == "manual:hardware/scanners" {
		t.Errorf("a new ticket of the topic still follows the undone link: %s", got)
	}
	rep, _ = m.Gaps.Report(ctx, gaps.Options{})
	back := false
	for _, g := range rep.Gaps {
		back = back || g.Kind == gaps.UnlinkedTicket && g.ID == topic.ID
	}
	if !back {
		t.Errorf("the topic is not a gap again under %s: %+v", topic.ID, rep.Gaps)
	}
	if page := mustGet(t, m, "/admin/", "Cookie", session); strings.Contains(page, undo) {
		t.Error("the undone link is still listed")
	}
}

// TestAdminLinkTopicAsVisitorsPasteIt: the admin page's link form takes
// the article's address in every form the site leads to the article from
// (other letter case, /docs/, the default locale's prefix, .md, a
// locale's prefix where the article is not translated), with its host,
// a trailing slash or a query string; a category or another host's
// address is still refused.
func TestAdminLinkTopicAsVisitorsPasteIt(t *testing.T) {
	dir := ticketContent(t)
	writeFile(t, dir, "hardware/scanners.md", "---\ntitle: Barcode scanners\n---\nPlug the barcode scanner in; it types the codes it reads.\n")
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: https://help.acme.test\nlocales: [en, fr]\n")
	m := openMain(t, dir, false)
	ctx := context.Background()
	tok, _, _ := m.DB.CreateToken(ctx, site.ScopeTickets, "helpdesk")
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	day := time.Now().UTC().Add(-time.Hour).Format(time.RFC3339)
	for _, id := range []string{"s1", "s2"} {
		body := fmt.Sprintf(`{"external_id":%q,"subject":"Scanner beeps twice at checkout","created_at":%q}`, id, day)
		if w := serve(m, "POST", "/api/v1/tickets", body, "Content-Type", "application/json", "Authorization", "Bearer "+tok); w.Code != 200 {
			t.Fatalf("post %s: %d %s", id, w.Code, w.Body)
		}
	}
	rep, err := m.Gaps.Report(ctx, gaps.Options{MinVisitors: 2})
	if err != nil {
		t.Fatal(err)
	}
	var topic string
	for _, g := range rep.Gaps {
		if g.Kind == gaps.UnlinkedTicket {
			topic = g.ID
		}
	}
	if topic == "" {
		t.Fatalf("no ticket topic: %+v", rep.Gaps)
	}
	lw := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
	session := strings.Split(lw.Header().Get("Set-Cookie"), ";")[0]
	csrf := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindStringSubmatch(mustGet(t, m, "/admin/", "Cookie", session))
	if csrf == nil {
		t.Fatal("no form token")
	}
	link := func(ref string) int {
		form := url.Values{"csrf": {csrf[1]}, "gap": {topic}, "article": {ref}}
		return serve(m, "POST", "/admin/link-topic", form.Encode(), "Cookie", session).Code
	}
	for _, ref := range []string{
		"https://help.acme.test/Hardware/Scanners",
		"https://help.acme.test/docs/hardware/scanners",
		"https://help.acme.test/en/hardware/scanners/",
		"/hardware/scanners.md",
		"https://help.acme.test/fr/hardware/scanners?utm_source=mail",
		"HTTPS://HELP.ACME.TEST/FR/Hardware/Scanners/",
	} {
		if w := serve(m, "GET", mustPath(t, ref), ""); w.Code/100 != 3 {
			t.Fatalf("the site does not lead %s to the article: %d", ref, w.Code)
		}
		if code := link(ref); code != 303 {
			t.Errorf("link to %s: %d, want 303 (the site leads there)", ref, code)
			continue
		}
		if totals, _ := m.DB.TicketTotals(ctx, time.Time{}, time.Time{}, ""); totals[site.LinkManual] != 2 {
			t.Errorf("link to %s: %v, want the topic's 2 tickets linked by hand", ref, totals)
		}
		form := url.Values{"csrf": {csrf[1]}, "gap": {topic}}
		if w := serve(m, "POST", "/admin/unlink-topic", form.Encode(), "Cookie", session); w.Code != 303 {
			t.Fatalf("undo the link to %s: %d %s", ref, w.Code, w.Body)
		}
	}
	for _, ref := range []string{"https://help.acme.test/Hardware/", "https://shop.acme.test/Hardware/Scanners", "/Nope/Scanners"} {
		if code := link(ref); code != 400 {
			t.Errorf("link to %s: %d, want 400", ref, code)
		}
	}
}

// mustPath returns the path and query of ref, a path or a URL.
func mustPath(t *testing.T, ref string) string {
	t.Helper()
	u, err := url.Parse(ref)
	if err != nil {
		t.Fatal(err)
	}
	return u.RequestURI()
}
