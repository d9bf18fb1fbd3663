package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

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
