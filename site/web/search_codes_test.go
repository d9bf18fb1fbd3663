package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/web/webtest"
)

// TestSearchCodeNoArticleHolds: on a help center whose only article about
// an error code is the one about E12, a search naming a code no article
// holds ("error E99", "error 1234") is answered with related articles,
// not with the E12 article as its answer: the API says weak, the page
// heads them as related. The code the content has, and an order number,
// are answered as before.
func TestSearchCodeNoArticleHolds(t *testing.T) {
	e, _ := newEnvFS(t, map[string]string{
		"guichet.yaml":        "title: Thermo Help\nlocales: [en]\ncontact_url: mailto:help@thermo.test\n",
		"thermostat/e12.md":   "---\ntitle: Error E12 on the thermostat\n---\nThe thermostat shows E12 when its sensor is unplugged. Plug it back in.\n",
		"billing/refund.md":   "---\ntitle: Get a refund for an order\n---\nSend us the order number and we refund the order within 14 days.\n",
		"heating/schedule.md": "---\ntitle: Set a heating schedule\n---\nOpen the app, choose Schedule and add the hours you want heating.\n",
	})
	for _, tt := range []struct {
		query, first string
		weak         bool
	}{
		{"error E99", "/thermostat/e12", true},
		{"error E42", "/thermostat/e12", true},
		{"error 1234", "/thermostat/e12", true},
		{"error E12", "/thermostat/e12", false},
		{"refund order 4821", "/billing/refund", false},
	} {
		target := "/api/v1/search?q=" + url.QueryEscape(tt.query)
		r := e.searchJSON(t, target)
		if r.Weak != tt.weak || len(r.Results) == 0 || r.Results[0].URL != tt.first {
			t.Errorf("%s: weak %v, results %v; want weak %v, %s first", target, r.Weak, r.Results, tt.weak, tt.first)
		}
		if w := e.do(t, "GET", target, nil); !tt.weak && strings.Contains(w.Body.String(), `"weak"`) {
			t.Errorf("%s: weak key for an answered query: %s", target, w.Body)
		}
		d := webtest.Parse(t, e.page(t, "/search?q="+url.QueryEscape(tt.query)))
		want := map[bool]string{true: "Articles related to “" + tt.query + "”", false: "Search results for “" + tt.query + "”"}[tt.weak]
		if got := d.Text("h1"); got != want {
			t.Errorf("/search?q=%s: h1 %q, want %q", tt.query, got, want)
		}
	}
}
