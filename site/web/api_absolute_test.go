package web_test

import (
	"encoding/json"
	"testing"
)

// TestAPIAbsoluteURLs: the articles API's url and translations, and the
// search and suggest results' url, are paths on the help center (as the
// README says), which a widget or app on another site cannot link to: a
// path there leads to that site. Each now has its absolute form under
// base_url beside it, the path kept for the clients written for it; the
// context and FAQ APIs, whose url was absolute already, have it too, so
// that a client reads absolute_url everywhere.
func TestAPIAbsoluteURLs(t *testing.T) {
	e := newEnv(t)
	w := e.do(t, "GET", "/api/v1/articles/billing%2Frefund?locale=en", nil)
	var a struct {
		URL                  string            `json:"url"`
		AbsoluteURL          string            `json:"absolute_url"`
		Translations         map[string]string `json:"translations"`
		AbsoluteTranslations map[string]string `json:"absolute_translations"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &a); err != nil || w.Code != 200 {
		t.Fatalf("%d %v: %s", w.Code, err, w.Body)
	}
	if a.URL != "/billing/refund" || a.Translations["fr"] != "/fr/billing/refund" {
		t.Errorf("url %q, translations %v: the paths clients read before", a.URL, a.Translations)
	}
	if a.AbsoluteURL != "https://help.acme.test/billing/refund" ||
		a.AbsoluteTranslations["fr"] != "https://help.acme.test/fr/billing/refund" || a.AbsoluteTranslations["en"] != "https://help.acme.test/billing/refund" {
		t.Errorf("absolute_url %q, absolute_translations %v: want them under base_url", a.AbsoluteURL, a.AbsoluteTranslations)
	}
	for _, ep := range []string{"search", "suggest"} {
		w := e.do(t, "GET", "/api/v1/"+ep+"?q=refund&locale=fr", nil)
		var r struct {
			Results []struct {
				URL         string `json:"url"`
				AbsoluteURL string `json:"absolute_url"`
			} `json:"results"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &r); err != nil || w.Code != 200 || len(r.Results) == 0 {
			t.Fatalf("%s: %d %v: %s", ep, w.Code, err, w.Body)
		}
		for _, h := range r.Results {
			if h.URL == "" || h.URL[0] != '/' || h.AbsoluteURL != "https://help.acme.test"+h.URL {
				t.Errorf("%s: url %q, absolute_url %q", ep, h.URL, h.AbsoluteURL)
			}
		}
	}
	for _, tc := range []struct{ target, list string }{
		{"/api/v1/context?url=/billing/x&locale=en", "articles"},
		{"/api/v1/faq?locale=en", "faq"},
	} {
		w := e.do(t, "GET", tc.target, nil)
		var r map[string]json.RawMessage
		var list []struct {
			URL         string `json:"url"`
			AbsoluteURL string `json:"absolute_url"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &r); err != nil || w.Code != 200 {
			t.Fatalf("%s: %d %v: %s", tc.target, w.Code, err, w.Body)
		}
		if err := json.Unmarshal(r[tc.list], &list); err != nil || len(list) == 0 {
			t.Fatalf("%s: %v: %s", tc.target, err, w.Body)
		}
		for _, a := range list {
			if a.AbsoluteURL == "" || a.AbsoluteURL != a.URL {
				t.Errorf("%s: url %q, absolute_url %q", tc.target, a.URL, a.AbsoluteURL)
			}
		}
	}
}
