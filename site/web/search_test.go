package web_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// searchJSON is the part of the search API's answer these tests read.
type searchJSON struct {
	Query       string `json:"query"`
	Locale      string `json:"locale"`
	Total       int    `json:"total"`
	DidYouMean  string `json:"did_you_mean"`
	CommonWords bool   `json:"common_words"`
	Weak        bool   `json:"weak"`
	Results     []struct {
		ID, URL, Locale, Snippet string
	} `json:"results"`
}

func (e *env) searchJSON(t *testing.T, target string) searchJSON {
	t.Helper()
	w := e.do(t, "GET", target, nil)
	if w.Code != 200 {
		t.Fatalf("%s: status %d: %s", target, w.Code, w.Body)
	}
	var r searchJSON
	if err := json.Unmarshal(w.Body.Bytes(), &r); err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	return r
}

// TestCorrectionLabelled checks "did you mean" end to end: the corrected
// query is what ran, the API says so in did_you_mean next to the query as
// typed, the page labels it "Showing results for … Search instead for …",
// and the link searches the words as typed.
func TestCorrectionLabelled(t *testing.T) {
	e := newEnv(t)
	r := e.searchJSON(t, "/api/v1/search?q=refnud+fees")
	if r.Query != "refnud fees" || r.DidYouMean != "refund fees" {
		t.Errorf("query %q, did_you_mean %q; want the typed query and refund fees", r.Query, r.DidYouMean)
	}
	if len(r.Results) == 0 || r.Results[0].ID != "billing/refund" {
		t.Fatalf("results %+v, want billing/refund first", r.Results)
	}
	if !strings.Contains(r.Results[0].Snippet, `<mark class="correction">`) {
		t.Errorf("snippet %q does not mark the correction", r.Results[0].Snippet)
	}
	// As typed: no correction, and "refnud" is in no article.
	v := e.searchJSON(t, "/api/v1/search?q=refnud&verbatim=1")
	if v.DidYouMean != "" || v.Total != 0 {
		t.Errorf("verbatim: did_you_mean %q, total %d; want none", v.DidYouMean, v.Total)
	}
	// A correct query has no did_you_mean key at all.
	if w := e.do(t, "GET", "/api/v1/search?q=refund", nil); strings.Contains(w.Body.String(), "did_you_mean") {
		t.Errorf("did_you_mean for a correct query: %s", w.Body)
	}
	if w := e.do(t, "GET", "/api/v1/search?q=refund&verbatim=yes", nil); w.Code != 400 || !strings.Contains(w.Body.String(), "verbatim") {
		t.Errorf("verbatim=yes: status %d %s, want 400 naming verbatim", w.Code, w.Body)
	}

	body := e.do(t, "GET", "/search?q=refnud", nil).Body.String()
	for _, want := range []string{
		"Search results for “refund”",
		`Showing results for <a href="/search?q=refund"><strong>refund</strong></a>.`,
		`Search instead for <a href="/search?q=refnud&amp;verbatim=1" class="verbatim">refnud</a>.`,
		`href="/billing/refund"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	body = e.do(t, "GET", "/search?q=refnud&verbatim=1", nil).Body.String()
	if !strings.Contains(body, "No articles match “refnud”") || strings.Contains(body, "Showing results for") {
		t.Error("verbatim page does not search the words as typed")
	}
	body = e.do(t, "GET", "/fr/search?q=remboursemnt", nil).Body.String()
	if !strings.Contains(body, "Résultats pour") || !strings.Contains(body, "Rechercher plutôt") {
		t.Error("French page lacks the correction labels")
	}
}

// TestStopWordsOnly checks that search and autocomplete agree on queries
// made only of stop words: both answer from the phrase in titles, or both
// have nothing and the page says the words are too common.
func TestStopWordsOnly(t *testing.T) {
	e := newEnv(t)
	s := e.searchJSON(t, "/api/v1/search?q=how+do")
	g := e.searchJSON(t, "/api/v1/suggest?q=how+do")
	if len(s.Results) == 0 || s.Results[0].ID != "billing/refund" || !s.CommonWords {
		t.Errorf("search \"how do\": %+v common %t, want billing/refund", s.Results, s.CommonWords)
	}
	if len(g.Results) == 0 || g.Results[0].ID != "billing/refund" {
		t.Errorf("suggest \"how do\": %+v, want billing/refund", g.Results)
	}
	s = e.searchJSON(t, "/api/v1/search?q=what+about")
	g = e.searchJSON(t, "/api/v1/suggest?q=what+about")
	if s.Total != 0 || g.Total != 0 || !s.CommonWords {
		t.Errorf("\"what about\": search %d, suggest %d, common %t; want nothing from both", s.Total, g.Total, s.CommonWords)
	}
	body := e.do(t, "GET", "/search?q=what+about", nil).Body.String()
	if !strings.Contains(body, "“what about” has only very common words") || strings.Contains(body, "No articles match") {
		t.Error("page does not say the words are too common")
	}
}

// TestOtherLanguageLabelled checks that a weak answer in French is
// completed by a better English article, labelled with its language.
func TestOtherLanguageLabelled(t *testing.T) {
	e := newEnv(t)
	r := e.searchJSON(t, "/api/v1/search?q=remboursement+pdf&locale=fr")
	var en, fr bool
	for _, h := range r.Results {
		en = en || h.ID == "billing/invoices" && h.Locale == "en"
		fr = fr || h.ID == "billing/refund" && h.Locale == "fr"
	}
	if !en || !fr || r.Locale != "fr" {
		t.Fatalf("results %+v (locale %s), want the English invoices article mixed with the French refund one", r.Results, r.Locale)
	}
	body := e.do(t, "GET", "/fr/search?q=remboursement+pdf", nil).Body.String()
	if !strings.Contains(body, `<li class="result" lang="en">`) || !strings.Contains(body, `<span class="lang">English</span>`) {
		t.Error("the English result is not labelled with its language")
	}
}

// TestEveryCorrectionLabelled: results found through the corrections of
// several words, each in other articles, are labelled with every one of
// them, the whole query as read: "refnud pasword" said only the first
// result's correction.
func TestEveryCorrectionLabelled(t *testing.T) {
	e := newEnv(t)
	r := e.searchJSON(t, "/api/v1/search?q=refnud+pasword")
	if r.DidYouMean != "refund password" {
		t.Errorf("did_you_mean %q, want refund password (results %+v)", r.DidYouMean, r.Results)
	}
	body := e.do(t, "GET", "/search?q=refnud+pasword", nil).Body.String()
	for _, want := range []string{
		`Showing results for <a href="/search?q=refund&#43;password"><strong>refund password</strong></a>.`,
		`Search instead for <a href="/search?q=refnud&#43;pasword&amp;verbatim=1" class="verbatim">refnud pasword</a>.`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}
