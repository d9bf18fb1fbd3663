package site_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
)

// TestRunSearchTests runs articles' search_tests against a real index: a
// query that finds its article in the top 3 passes; one that does not is an
// error naming the file, the query and what came instead; the tests of an
// article not published are skipped with a warning.
func TestRunSearchTests(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	art := func(id, title, text string, tests ...string) *site.Article {
		return &site.Article{ID: id, Locale: "en", Slug: id, Title: title, URL: "/billing/" + id,
			CategoryID: "billing", SectionID: "billing", SourcePath: "billing/" + id + ".md", Text: text,
			Sections: []site.Section{{Text: text}}, SearchTests: tests}
	}
	refund := art("refund", "Get a refund", "Refunds: your money back on your card in five days.", "refund", "money back")
	card := art("card", "Change your card", "Replace the card you pay with.", "change card")
	invoice := art("invoice", "Download an invoice", "Invoices are PDF files.", "invoice pdf", "delete my account")
	draft := art("new-plans", "New plans", "Plans coming soon.", "new plans")
	draft.Draft = true
	later := art("prices", "Prices", "Prices change.", "prices")
	later.PublishAt = now.Add(time.Hour)
	lib := &site.Library{
		Config:     site.Config{DefaultLocale: "en"},
		Categories: []*site.Category{{ID: "billing", Locale: "en", Title: "Billing", URL: "/billing/"}},
		Articles:   []*site.Article{card, draft, invoice, later, refund},
		Hash:       "searchtests",
	}
	v := site.NewView(lib, now, false)
	idx, err := search.Build(context.Background(), v, "")
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()

	probs, ran, err := site.RunSearchTests(context.Background(), v, idx)
	if err != nil {
		t.Fatal(err)
	}
	if ran != 5 {
		t.Errorf("ran %d tests, want 5 (those of the published articles)", ran)
	}
	var got []string
	for _, p := range probs {
		if p.Kind != site.KindSearchTest || p.Field != "search_tests" {
			t.Errorf("problem %+v: want kind search-test, field search_tests", p)
		}
		got = append(got, p.String())
	}
	want := []string{
		"billing/new-plans.md: warning: search tests skipped: the article is not published",
		`billing/invoice.md: error: search test "delete my account": the article is not in the top 3 (got no results)`,
		"billing/prices.md: warning: search tests skipped",
	}
	if len(got) != len(want) {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("problem %d = %q, want %q", i, got[i], w)
		}
	}

	// In drafts mode every article's tests run.
	d := site.NewView(lib, now, true)
	dIdx, err := search.Build(context.Background(), d, "")
	if err != nil {
		t.Fatal(err)
	}
	defer dIdx.Close()
	if probs, ran, err := site.RunSearchTests(context.Background(), d, dIdx); err != nil || ran != 7 || len(probs) != 1 {
		t.Errorf("drafts mode: ran %d, problems %v, %v; want 7 run and the one failure", ran, probs, err)
	}

	// A query that finds other articles names them in rank order.
	card.SearchTests = []string{"invoice"}
	probs, _, err = site.RunSearchTests(context.Background(), v, idx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range probs {
		if p.File == "billing/card.md" {
			found = strings.Contains(p.Message, `search test "invoice"`) && strings.Contains(p.Message, "(got 1. invoice")
			if !found {
				t.Errorf("failure message %q does not list what was found", p.Message)
			}
		}
	}
	if !found {
		t.Errorf("no failure for card's test: %v", probs)
	}

	// A cancelled context stops the run with an error naming the test.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := site.RunSearchTests(ctx, v, idx); err == nil || !strings.Contains(err.Error(), "search test") {
		t.Errorf("cancelled: %v", err)
	}
}
