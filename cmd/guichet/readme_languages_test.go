package main

import (
	"encoding/json"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/web/webtest"
)

// TestREADMELanguageExamples: the examples of the README's "Languages"
// paragraph hold on the sample content a newcomer serves, through the
// API and the French results page; each query the test checks is one the
// README names, so the README cannot quote an example the sample content
// does not answer (it once quoted a "Get a refund" and a kiosk article the
// sample has not).
func TestREADMELanguageExamples(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := openMain(t, "../../content", false)
	type result struct{ ID, Title, Locale string }
	api := func(action, query string) (res struct {
		Locale     string
		DidYouMean string `json:"did_you_mean"`
		Results    []result
	}) {
		t.Helper()
		body := mustGet(t, m, "/api/v1/"+action+"?locale=fr&q="+url.QueryEscape(query))
		if err := json.Unmarshal([]byte(body), &res); err != nil {
			t.Fatal(err)
		}
		return res
	}
	titles := func(rs []result) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Locale+" "+r.Title)
		}
		return out
	}
	for _, tt := range []struct {
		action, query, dym string
		first              []string // the first results, in order
		absent             string   // a title the results must not have
	}{
		{"search", "webhooks", "", []string{"en Receive events with webhooks", "fr Forfaits et tarifs"}, ""},
		{"suggest", "webhook", "", []string{"en Receive events with webhooks", "fr Forfaits et tarifs"}, ""},
		{"suggest", "webhooks", "", []string{"en Receive events with webhooks", "fr Forfaits et tarifs"}, ""},
		{"search", "zapier", "", []string{"en Connect Relais to other apps with Zapier"}, ""},
		{"suggest", "refun", "", []string{"fr Comment rembourser un client ?", "en Can I get a refund on my Relais subscription?"}, "Rappels par e-mail et SMS"},
		{"suggest", "refuz", "", []string{"fr Rappels par e-mail et SMS"}, ""},
		{"search", "zapeir", "zapier", []string{"en Connect Relais to other apps with Zapier"}, ""},
		{"search", "card", "", []string{"en Set up online payments"}, ""},
		{"search", "crte", "carte", nil, ""},
	} {
		if !strings.Contains(string(readme), `"`+tt.query+`"`) {
			t.Errorf("README does not name %q: update this test with the README's examples", tt.query)
		}
		res := api(tt.action, tt.query)
		got := titles(res.Results)
		if res.DidYouMean != tt.dym || len(got) < len(tt.first) || strings.Join(got[:len(tt.first)], "|") != strings.Join(tt.first, "|") {
			t.Errorf("%s %q on the French site: %q, did you mean %q; want %q first, did you mean %q",
				tt.action, tt.query, got, res.DidYouMean, tt.first, tt.dym)
		}
		for _, r := range res.Results {
			if tt.absent != "" && r.Title == tt.absent {
				t.Errorf("%s %q on the French site suggests %q", tt.action, tt.query, r.Title)
			}
		}
	}
	if res := api("search", "zapeir"); res.Locale != "en" {
		t.Errorf("zapeir on the French site answered in %q, want the default locale", res.Locale)
	}
	if res := api("search", "card"); res.DidYouMean != "" || len(res.Results) == 0 || res.Results[0].Locale != "en" {
		t.Errorf("card on the French site: %+v, want English articles, not carte", res)
	}
	if !strings.Contains(mustGet(t, m, "/fr/search?q=crte"), "Rechercher plutôt") {
		t.Error("/fr/search?q=crte does not say it was corrected")
	}

	// The pages say what the README quotes.
	for _, tt := range []struct{ path, sel, want string }{
		{"/fr/search?q=webhooks", "li.result .result-meta", "English · Integrations & API"},
		{"/fr/search?q=zapier", "p.note", "Aucun résultat dans votre langue ; voici les résultats en anglais."},
		{"/fr/search?q=zapeir", "p.did-you-mean", "Résultats pour zapier. Rechercher plutôt zapeir."},
		{"/search?q=zapeir", "p.did-you-mean", "Showing results for zapier. Search instead for zapeir."},
	} {
		d := webtest.Parse(t, mustGet(t, m, tt.path))
		if got := d.Text(tt.sel); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s: %s says %q, want %q", tt.path, tt.sel, got, tt.want)
		}
		quoted := strings.TrimSuffix(strings.NewReplacer("zapier.", "**zapier**.").Replace(tt.want), ".")
		if !strings.Contains(strings.Join(strings.Fields(string(readme)), " "), quoted) {
			t.Errorf("README does not quote %q", quoted)
		}
	}
}
