package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestTicketsInALanguageTheSiteLacks: a ticket whose language the site
// has no locale for ("ja" on an English and French site) was taken in
// the default locale without a word: linked, grouped and counted as
// English, its words read by English analysis. The import and the API
// say so: which tickets, which language, and where they are counted.
func TestTicketsInALanguageTheSiteLacks(t *testing.T) {
	dir := ticketContent(t) // English and French
	data := t.TempDir()
	file := filepath.Join(t.TempDir(), "tickets.csv")
	csv := "id,subject,created_at,locale\n" +
		"1,Refund for my order,2026-11-01,en\n" +
		"2,返金してください,2026-11-02,ja\n" +
		"3,払い戻し,2026-11-02,Japanese\n" +
		"4,Remboursement,2026-11-03,fr-CA\n" +
		"5,환불,2026-11-03,ko\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb strings.Builder
	if code := run(context.Background(), []string{"tickets", "import", file, "--content", dir, "--data", data}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if want := "3 tickets in a language the site has no locale for (ja 2, ko 1): taken as en, the default"; !strings.Contains(out.String(), want) {
		t.Errorf("the summary does not say which tickets are in a language the site lacks, want %q:\n%s", want, out.String())
	}
	out.Reset()
	if code := run(context.Background(), []string{"tickets", "import", file, "--content", dir, "--data", data, "--json"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var got struct {
		Summary struct {
			Unsupported map[string]int `json:"unsupported_languages"`
			As          string         `json:"unsupported_counted_as"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out.String()), &got); err != nil || got.Summary.Unsupported["ja"] != 2 || got.Summary.Unsupported["ko"] != 1 || got.Summary.As != "en" {
		t.Errorf("JSON summary %+v (%v): %s", got, err, out.String())
	}
	// The API says it of each ticket.
	m := openMain(t, dir, false)
	tok, _, _ := m.DB.CreateToken(context.Background(), site.ScopeTickets, "helpdesk")
	w := serve(m, "POST", "/api/v1/tickets", `{"tickets":[{"external_id":"a","subject":"返金","locale":"ja","created_at":"2026-11-02T10:00:00Z"},{"external_id":"b","subject":"Remboursement","locale":"fr","created_at":"2026-11-02T10:00:00Z"}]}`,
		"Content-Type", "application/json", "Authorization", "Bearer "+tok)
	var res struct {
		Results []struct {
			ID          string `json:"external_id"`
			Unsupported string `json:"unsupported_language"`
			Locale      string `json:"locale"`
		} `json:"results"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil || len(res.Results) != 2 ||
		res.Results[0].Unsupported != "ja" || res.Results[0].Locale != "en" || res.Results[1].Unsupported != "" || res.Results[1].Locale != "fr" {
		t.Errorf("API %d: %s", w.Code, w.Body)
	}
}
