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

// TestFAQAPIListsWhatThePageShows: /es/faq completes the Spanish
// questions with the default locale's not translated (labelled with their
// language), and GET /api/v1/faq?locale=es listed only the Spanish ones:
// the page showed five questions, the API four (rv21j). Both list the
// same, in the same order, each entry with its locale.
func TestFAQAPIListsWhatThePageShows(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Pet Help\ndefault_locale: pt-BR\nlocales: [pt-BR, es]\n")
	writeFile(t, dir, "claims/refund.md", "---\ntitle: Como pedir reembolso\nfaq: true\nweight: 1\n---\nEnvie a nota fiscal.\n")
	writeFile(t, dir, "claims/refund.es.md", "---\ntitle: Cómo pedir un reembolso\nfaq: true\nweight: 1\n---\nEnvía la factura.\n")
	writeFile(t, dir, "pay/boleto.md", "---\ntitle: Como pagar com boleto\nfaq: true\nweight: 2\n---\nGere o boleto no app.\n")
	m := openMainAt(t, dir, &clock{t: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)})
	doc := webtest.Parse(t, mustGet(t, m, "/es/faq"))
	var page []string
	for _, h := range doc.Texts("main h2") {
		page = append(page, strings.TrimSpace(h))
	}
	var api struct {
		FAQ []struct{ Title, Locale string }
	}
	if err := json.Unmarshal([]byte(mustGet(t, m, "/api/v1/faq?locale=es")), &api); err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, e := range api.FAQ {
		listed = append(listed, e.Title+" ("+e.Locale+")")
	}
	if want := []string{"Cómo pedir un reembolso (es)", "Como pagar com boleto (pt-BR)"}; strings.Join(listed, "|") != strings.Join(want, "|") {
		t.Errorf("API lists %q, want %q (the page shows %q)", listed, want, page)
	}
}

// TestFAQCountsTicketsOnUntranslatedArticles: on an Italian help center
// with an English locale, English tickets linked to an article written in
// Italian only (by hand, by search or by the helpdesk: the English
// readers are shown that article) counted in no FAQ: the Italian one
// ranks Italian tickets, the English one English articles, so the
// question English customers asked most was on neither (rv23a). The
// admin page's tickets per article named it by its ID, without its title
// or file. It now ranks in the English FAQ by its English tickets, listed
// once, and the admin page names it.
func TestFAQCountsTicketsOnUntranslatedArticles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Cassetta\ndefault_locale: it\nlocales: [it, en]\n")
	writeFile(t, dir, "ordini/saltare.md", "---\ntitle: Come salto una settimana?\n---\nDal calendario, salta la settimana.\n")
	writeFile(t, dir, "abbonamento/disdire.md", "---\ntitle: Come disdico?\nfaq: true\n---\nDal profilo.\n")
	writeFile(t, dir, "abbonamento/disdire.en.md", "---\ntitle: How do I cancel?\n---\nFrom your profile.\n")
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	m := openMainAt(t, dir, &clock{t: now})
	ctx := context.Background()
	tok, _, _ := m.DB.CreateToken(ctx, site.ScopeTickets, "helpdesk")
	for i := range 3 {
		w := serve(m, "POST", "/api/v1/tickets", fmt.Sprintf(`{"external_id":"t%d","subject":"Pause deliveries for the summer","locale":"en","article":"ordini/saltare","created_at":%q}`, i, now.Add(-time.Hour).Format(time.RFC3339)),
			"Content-Type", "application/json", "Authorization", "Bearer "+tok)
		if w.Code != 200 {
			t.Fatalf("ticket: %d %s", w.Code, w.Body)
		}
	}
	if err := m.Tickets.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	var api struct {
		FAQ []struct {
			ID, Locale    string
			Tickets       int
			TicketsLocale string `json:"tickets_locale"`
		}
	}
	if err := json.Unmarshal([]byte(mustGet(t, m, "/api/v1/faq?locale=en")), &api); err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, e := range api.FAQ {
		listed = append(listed, fmt.Sprintf("%s/%s:%d %s", e.ID, e.Locale, e.Tickets, e.TicketsLocale))
	}
	// Each entry says whose tickets it counts: the Italian article's
	// are English customers'.
	if want := []string{"ordini/saltare/it:3 en", "abbonamento/disdire/en:0 en"}; strings.Join(listed, ", ") != strings.Join(want, ", ") {
		t.Errorf("English FAQ lists %q, want %q", listed, want)
	}
	var page []string
	for _, h := range webtest.Parse(t, mustGet(t, m, "/en/faq")).Texts("main h2") {
		page = append(page, strings.TrimSpace(h))
	}
	if want := []string{"Come salto una settimana? Italiano", "How do I cancel?"}; strings.Join(page, "|") != strings.Join(want, "|") {
		t.Errorf("the English FAQ page shows %q, want %q", page, want)
	}
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	w := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
	session := strings.Split(w.Header().Get("Set-Cookie"), ";")[0]
	if csv := serve(m, "GET", "/admin/export/tickets.csv?since=7d", "", "Cookie", session).Body.String(); !strings.Contains(csv, "ordini/saltare,en,Come salto una settimana?,ordini/saltare.md,3,") {
		t.Errorf("tickets.csv does not name the article:\n%s", csv)
	}
}

// TestFAQOffersTranslationsOfTheDefaultLocalesTopQuestions: on a German
// help center with an English locale, where the tickets are German, the
// English FAQ (its page, the API, the home page's top questions) listed
// the German articles not translated and none of the top questions
// translated into English: "Abo kündigen" in German, but not "Turn on
// holiday mode", the English version of the question German customers
// asked most (rv23f). The default locale's FAQ now completes the
// locale's in its rank, each question in the locale when translated.
func TestFAQOffersTranslationsOfTheDefaultLocalesTopQuestions(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Wärmewerk\ndefault_locale: de\nlocales: [de, en]\n")
	writeFile(t, dir, "heizung/urlaubsmodus.md", "---\ntitle: Urlaubsmodus einschalten\n---\nIm Urlaubsmodus hält das Thermostat eine niedrige Temperatur.\n")
	writeFile(t, dir, "heizung/urlaubsmodus.en.md", "---\ntitle: Turn on holiday mode\n---\nIn holiday mode the thermostat keeps a low temperature.\n")
	writeFile(t, dir, "konto/abo-kuendigen.md", "---\ntitle: Abo kündigen\n---\nGehen Sie auf Konto, dann Abo.\n")
	writeFile(t, dir, "konto/passwort.md", "---\ntitle: Passwort zurücksetzen\n---\nTippen Sie auf Passwort vergessen.\n")
	writeFile(t, dir, "konto/passwort.en.md", "---\ntitle: Reset your password\ndraft: true\n---\nTap Forgot password.\n")
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	m := openMainAt(t, dir, &clock{t: now})
	ctx := context.Background()
	tok, _, _ := m.DB.CreateToken(ctx, site.ScopeTickets, "helpdesk")
	for i, art := range []string{"heizung/urlaubsmodus", "heizung/urlaubsmodus", "heizung/urlaubsmodus", "konto/abo-kuendigen", "konto/passwort", "konto/passwort"} {
		w := serve(m, "POST", "/api/v1/tickets", fmt.Sprintf(`{"external_id":"t%d","subject":"Frage","locale":"de","article":%q,"created_at":%q}`, i, art, now.Add(-time.Hour).Format(time.RFC3339)),
			"Content-Type", "application/json", "Authorization", "Bearer "+tok)
		if w.Code != 200 {
			t.Fatalf("ticket: %d %s", w.Code, w.Body)
		}
	}
	if err := m.Tickets.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	var api struct {
		FAQ []struct {
			ID, Locale    string
			Tickets       int
			TicketsLocale string `json:"tickets_locale"`
		}
	}
	if err := json.Unmarshal([]byte(mustGet(t, m, "/api/v1/faq?locale=en")), &api); err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, e := range api.FAQ {
		listed = append(listed, fmt.Sprintf("%s/%s:%d %s", e.ID, e.Locale, e.Tickets, e.TicketsLocale))
	}
	// The password article's translation is a draft: readers get the
	// German. The counts are German customers' tickets, which rank the
	// default locale's FAQ, and say so: an English FAQ's "2 tickets" on
	// a German-only article read as English customers' (the entry's
	// locale is the article's, as in TestFAQCountsTicketsOnUntranslatedArticles).
	if want := []string{"heizung/urlaubsmodus/en:3 de", "konto/passwort/de:2 de", "konto/abo-kuendigen/de:1 de"}; strings.Join(listed, ", ") != strings.Join(want, ", ") {
		t.Errorf("English FAQ lists %q, want %q", listed, want)
	}
	var page []string
	for _, h := range webtest.Parse(t, mustGet(t, m, "/en/faq")).Texts("main h2") {
		page = append(page, strings.TrimSpace(h))
	}
	if want := []string{"Turn on holiday mode", "Passwort zurücksetzen Deutsch", "Abo kündigen Deutsch"}; strings.Join(page, "|") != strings.Join(want, "|") {
		t.Errorf("the English FAQ page shows %q, want %q", page, want)
	}
	if home := mustGet(t, m, "/en/"); !strings.Contains(home, "Turn on holiday mode") {
		t.Errorf("the English home page's top questions leave out the top question, translated")
	}
}
