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

// TestContactFormDeflects: with the help center's own contact form, the
// request sent is the visit's contact, not the form opened. A visitor who
// types a subject, opens a suggestion and sends nothing was deflected; one
// who sends a request was not; the footer's link to the form records no
// contact of its own, and a "contact" event an app still posts for its
// own link to the form (or a widget script cached from before) is no
// contact either.
func TestContactFormDeflects(t *testing.T) {
	ctx := context.Background()
	smtpSink := startSink(t, "127.0.0.1:0")
	clk := &clock{t: time.Date(2026, 11, 19, 9, 0, 0, 0, time.UTC)}
	m := openContactMain(t, contactSite(t, "http://127.0.0.1:1/unused"), t.TempDir(), smtpSink.addr, clk)

	home := webtest.Parse(t, from(m, "10.0.0.9:1", "GET", "/", "").Body.String())
	if home.Attr(`footer a[data-contact]`, "href") != "/contact" || home.Count(`footer a[data-contact][data-events]`) != 0 {
		t.Errorf("footer's contact link: href %q, %d with data-events; want /contact recording nothing (the request is the contact)",
			home.Attr(`footer a[data-contact]`, "href"), home.Count(`footer a[data-contact][data-events]`))
	}

	// a: the form's suggestions for a subject, one opened, nothing sent.
	page := webtest.Parse(t, from(m, "10.0.0.1:1", "GET", "/contact?subject=refund", "").Body.String())
	sid := page.Attr(`.contact-suggestions ol.results`, "data-search-id")
	if sid == "" {
		t.Fatalf("no suggestions for refund: %s", page.Text(`.contact-page`))
	}
	click := fmt.Sprintf(`{"type":"click","search_id":%q,"article_id":"billing/refund","position":1,"locale":"en","source":"contact"}`, sid)
	if w := from(m, "10.0.0.1:1", "POST", "/api/v1/events", click, "Content-Type", "application/json"); w.Code/100 != 2 {
		t.Fatalf("click: %d %s", w.Code, w.Body)
	}
	// b: a search on the site, then a request through the form.
	from(m, "10.0.0.2:1", "GET", "/api/v1/search?source=site&q=password", "")
	form := url.Values{"subject": {"Password link never comes"}, "description": {"Tried three times."}, "email": {"ana@example.com"}, "locale": {"en"}}.Encode()
	if w := from(m, "10.0.0.2:1", "POST", "/contact", form, "Sec-Fetch-Site", "same-origin"); w.Code != 200 {
		t.Fatalf("request: %d %.300s", w.Code, w.Body)
	}
	// c: a search on the site, then an app's "Contact support" link to the
	// form, posted as a contact event: the form opened, nothing sent.
	from(m, "10.0.0.3:1", "GET", "/api/v1/search?source=site&q=password", "")
	opened := `{"type":"contact","path":"/settings","locale":"en","source":"site"}`
	if w := from(m, "10.0.0.3:1", "POST", "/api/v1/events", opened, "Content-Type", "application/json"); w.Code != 202 {
		t.Fatalf("contact event: %d %s", w.Code, w.Body)
	}
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	w := serve(m, "GET", "/api/v1/insights/summary?since=7d", "", "Authorization", "Bearer "+admin)
	var sum struct {
		Contacts          int      `json:"contacts"`
		Visits            int      `json:"visits"`
		SelfServiceVisits int      `json:"self_service_visits"`
		DeflectedVisits   int      `json:"deflected_visits"`
		Deflection        *float64 `json:"deflection"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &sum); err != nil {
		t.Fatalf("summary: %v %s", err, w.Body)
	}
	if sum.Contacts != 1 || sum.Visits != 3 || sum.SelfServiceVisits != 3 || sum.DeflectedVisits != 2 || sum.Deflection == nil || *sum.Deflection != 2.0/3 {
		d := -1.0
		if sum.Deflection != nil {
			d = *sum.Deflection
		}
		t.Errorf("summary %+v (deflection %v); want 1 contact (b's request), 3 visits, all self-service, a and c deflected", sum, d)
	}
	// The page states the same definition.
	adminPage := webtest.Parse(t, serve(m, "GET", "/admin/", "", "Cookie", signIn(t, m, admin)).Body.String())
	for _, c := range []struct{ sel, want string }{
		{`#how-deflection`, "opening the help center's own contact form is no contact"},
		{`#how`, "Requests sent through the help center's contact form"},
		{`#how`, "Tickets created in the period, linked to an article or not: imported from the helpdesk, posted to the tickets API, or sent through"},
	} {
		if got := adminPage.Text(c.sel); !strings.Contains(got, c.want) {
			t.Errorf("admin page %s: %q; want it to say %q", c.sel, got, c.want)
		}
	}
}
