package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// TestWhatSatisfiesASearch sends what visitors do through the real router
// and reads the gap report and the dashboard's figures back through the
// insights API: a search counts as having found an answer only when its
// visitor took one of its results — a click on one of them, or a vote on or
// a reading of an article it returned. A vote or a reading of an unrelated
// article within the visit, or a click naming the search but another
// article (an app listing popular articles under "no results"), leaves the
// search failed, in the gap report and in the figures alike.
func TestWhatSatisfiesASearch(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "shipping/track.md", "---\ntitle: Track a parcel\n---\nEnter the tracking number on the parcel page to follow your parcel.\n")
	writeFile(t, dir, "account/password.md", "---\ntitle: Reset your password\n---\nChoose Forgot password on the sign-in page.\n")
	clk := &clock{t: time.Date(2026, 11, 19, 9, 0, 0, 0, time.UTC)}
	m := openMainAt(t, dir, clk)
	ctx := context.Background()
	search := func(addr, q string) (id string, hits []string) {
		t.Helper()
		w := from(m, addr, "GET", "/api/v1/search?q="+url.QueryEscape(q), "")
		var res struct {
			SearchID string `json:"search_id"`
			Results  []struct{ ID string }
		}
		if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &res) != nil {
			t.Fatalf("search %q: %d %s", q, w.Code, w.Body)
		}
		for _, r := range res.Results {
			hits = append(hits, r.ID)
		}
		return res.SearchID, hits
	}
	send := func(addr, body string) {
		t.Helper()
		if w := from(m, addr, "POST", "/api/v1/events", body, "Content-Type", "application/json"); w.Code != 202 {
			t.Fatalf("event %s: %d %s", body, w.Code, w.Body)
		}
	}
	// Tracking: a click on its result, a reading of it: found an answer.
	id, hits := search("10.0.0.1:1", "track my parcel")
	if len(hits) != 1 || hits[0] != "shipping/track" {
		t.Fatalf("track my parcel found %q", hits)
	}
	send("10.0.0.1:1", `{"type":"click","search_id":"`+id+`","article_id":"shipping/track","position":1,"locale":"en"}`)
	search("10.0.0.2:1", "track my parcel")
	send("10.0.0.2:1", `{"type":"view","article_id":"shipping/track","locale":"en"}`)
	// The same search, then a "No" and a "Yes" on the password article,
	// then a reading of it: nothing it returned, still failed.
	search("10.0.0.3:1", "track my parcel")
	send("10.0.0.3:1", `{"type":"vote","article_id":"account/password","helpful":false,"locale":"en"}`)
	search("10.0.0.4:1", "track my parcel")
	send("10.0.0.4:1", `{"type":"vote","article_id":"account/password","helpful":true,"locale":"en"}`)
	send("10.0.0.4:1", `{"type":"view","article_id":"account/password","locale":"en"}`)
	// A search that finds nothing, and a click naming it on an article
	// offered instead; then a search with a result, and a click naming it
	// on another article: both failed.
	for _, addr := range []string{"10.0.0.5:1", "10.0.0.6:1"} {
		id, hits := search(addr, "qwxz zzyv")
		if len(hits) != 0 {
			t.Fatalf("qwxz zzyv found %q", hits)
		}
		send(addr, `{"type":"click","search_id":"`+id+`","article_id":"account/password","position":1,"locale":"en"}`)
	}
	id, _ = search("10.0.0.7:1", "track my parcel")
	send("10.0.0.7:1", `{"type":"click","search_id":"`+id+`","article_id":"account/password","position":1,"locale":"en"}`)
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	admin, _, err := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	if err != nil {
		t.Fatal(err)
	}
	bearer := []string{"Authorization", "Bearer " + admin}
	w := serve(m, "GET", "/api/v1/insights/gaps?since=7d&min_visitors=1", "", bearer...)
	var rep gaps.Report
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &rep) != nil {
		t.Fatalf("gaps: %d %s", w.Code, w.Body)
	}
	got := map[string][2]int{} // query: visitors, searches with no results
	for _, g := range rep.Gaps {
		got[g.Query] = [2]int{g.Visitors, g.NoResults}
	}
	want := map[string][2]int{"track my parcel": {3, 0}, "qwxz zzyv": {2, 2}}
	if len(got) != len(want) || got["track my parcel"] != want["track my parcel"] || got["qwxz zzyv"] != want["qwxz zzyv"] {
		t.Errorf("gaps (visitors, no results) %v, want %v", got, want)
	}
	// What they opened instead: the password article, by both visitors of
	// the no-result search (a click on it offered instead) and by two of
	// the three of the tracking search (a "Yes" vote, a click; the "No"
	// vote is no find).
	for _, g := range rep.Gaps {
		if want := []gaps.Found{{Article: "account/password", Visitors: 2}}; !slices.Equal(g.FoundInstead, want) {
			t.Errorf("gap %q: found instead %+v, want %+v", g.Query, g.FoundInstead, want)
		}
	}
	// The admin page's export (which also reads the satisfied searches,
	// for its top searches) lists the same gaps: it used to list the
	// no-result search a foreign click had marked satisfied, which the API
	// and the command line left out.
	lw := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
	session := strings.Split(lw.Header().Get("Set-Cookie"), ";")[0]
	w = serve(m, "GET", "/admin/export/gaps.csv?since=7d", "", "Cookie", session)
	rows, err := csv.NewReader(strings.NewReader(w.Body.String())).ReadAll()
	if w.Code != 200 || err != nil {
		t.Fatalf("gaps.csv: %d %v %s", w.Code, err, w.Body)
	}
	// Each row with its people and searches of each kind, as the table
	// and the admin page count them (query, visitors, no_results
	// searches, no_click searches, no_results_visitors, no_click_visitors).
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	var listed []string
	for _, r := range rows[1:] {
		var cells []string
		for _, name := range []string{"query", "visitors", "no_results", "no_click", "no_results_visitors", "no_click_visitors", "found_instead"} {
			if i, ok := col[name]; ok {
				cells = append(cells, r[i])
			}
		}
		listed = append(listed, strings.Join(cells, " "))
	}
	slices.Sort(listed)
	if want := []string{"qwxz zzyv 2 2 0 2 0 account/password:2", "track my parcel 3 0 3 0 3 account/password:2"}; !slices.Equal(listed, want) {
		t.Errorf("admin gaps.csv lists %q, want %q", listed, want)
	}
	// The admin page says where they went, and the to-do list asks to add
	// their words to that article rather than to write one.
	w = serve(m, "GET", "/admin/?since=7d", "", "Cookie", session)
	if page := w.Body.String(); w.Code != 200 || strings.Count(page, `Opened next instead: <a href="/account/password">`) != 2 {
		t.Errorf("admin page: %d, want each gap to say its visitors opened account/password next", w.Code)
	}
	w = serve(m, "GET", "/api/v1/insights/todo?since=7d", "", bearer...)
	var todo struct {
		Tasks []struct {
			Kind, Action, Why string
			ArticleID         string `json:"article_id"`
		}
	}
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &todo) != nil {
		t.Fatalf("todo: %d %s", w.Code, w.Body)
	}
	for _, task := range todo.Tasks {
		if task.Kind == "gap" && (task.Action != "keywords" || task.ArticleID != "account/password" || !strings.Contains(task.Why, "2 of them opened account/password next")) {
			t.Errorf("to-do task %+v, want: add the words to account/password", task)
		}
	}
	w = serve(m, "GET", "/api/v1/insights/summary?since=7d", "", bearer...)
	var sum struct {
		Searches         int `json:"searches"`
		NoResultSearches int `json:"no_result_searches"`
		ClickedSearches  int `json:"clicked_searches"`
		NoClickSearches  int `json:"no_click_searches"`
	}
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &sum) != nil {
		t.Fatalf("summary: %d %s", w.Code, w.Body)
	}
	if sum.Searches != 7 || sum.NoResultSearches != 2 || sum.ClickedSearches != 2 || sum.NoClickSearches != 3 {
		t.Errorf("figures %+v, want 7 searches: 2 with no result, 2 that found an answer, 3 with results nobody took", sum)
	}
}

// TestSearchPagesAreOneSearch: a visitor who finds the answer on page 2 of
// the site's search found an answer. The pages of one query carry its
// search_id, so the click on page 2 (position 11) satisfies the search
// recorded with page 1, and going back to page 1 counts no other search.
func TestSearchPagesAreOneSearch(t *testing.T) {
	dir := t.TempDir()
	for i := 1; i <= 14; i++ {
		writeFile(t, dir, fmt.Sprintf("printers/model-%02d.md", i), fmt.Sprintf("---\ntitle: Printer model %d\n---\nThe printer model %d prints in colour.\n", i, i))
	}
	clk := &clock{t: time.Date(2026, 11, 19, 9, 0, 0, 0, time.UTC)}
	m := openMainAt(t, dir, clk)
	ctx := context.Background()
	attr := func(body, name string) []string {
		var out []string
		for _, m := range regexp.MustCompile(name+`="([^"]*)"`).FindAllStringSubmatch(body, -1) {
			out = append(out, html.UnescapeString(m[1]))
		}
		return out
	}
	w := from(m, "10.0.0.1:1", "GET", "/search?q=printer+model", "")
	next := attr(w.Body.String(), `rel="next" href`)
	ids := attr(w.Body.String(), "data-search-id")
	if w.Code != 200 || len(next) != 1 || len(ids) != 1 {
		t.Fatalf("page 1: %d, next %q, search ids %q", w.Code, next, ids)
	}
	w = from(m, "10.0.0.1:1", "GET", next[0], "")
	body := w.Body.String()
	articles, pos, ids2 := attr(body, "data-article"), attr(body, "data-pos"), attr(body, "data-search-id")
	if w.Code != 200 || len(articles) == 0 || pos[0] != "11" || len(ids2) != 1 {
		t.Fatalf("page 2 (%s): %d, articles %q at %q", next[0], w.Code, articles, pos)
	}
	if ids2[0] != ids[0] {
		t.Errorf("page 2 carries search id %q, page 1 %q: a click on page 2 names no recorded search", ids2[0], ids[0])
	}
	prev := attr(body, `rel="prev" href`)
	if len(prev) != 1 {
		t.Fatalf("page 2 has no previous page link")
	}
	if w := from(m, "10.0.0.1:1", "GET", prev[0], ""); w.Code != 200 {
		t.Fatalf("back to page 1: %d", w.Code)
	}
	ev := fmt.Sprintf(`{"type":"click","search_id":%q,"article_id":%q,"position":11,"locale":"en","source":"site"}`, ids2[0], articles[0])
	if w := from(m, "10.0.0.1:1", "POST", "/api/v1/events", ev, "Content-Type", "application/json"); w.Code != 202 {
		t.Fatalf("click: %d %s", w.Code, w.Body)
	}
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if n, err := m.DB.CountSearches(ctx); err != nil || n != 1 {
		t.Errorf("searches recorded: %d %v, want 1 (the pages of one query are one search)", n, err)
	}
	admin, _, err := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	if err != nil {
		t.Fatal(err)
	}
	w = serve(m, "GET", "/api/v1/insights/gaps?since=7d&min_visitors=1", "", "Authorization", "Bearer "+admin)
	var rep gaps.Report
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &rep) != nil {
		t.Fatalf("gaps: %d %s", w.Code, w.Body)
	}
	if len(rep.Gaps) != 0 {
		t.Errorf("the search answered on page 2 is a gap: %+v", rep.Gaps)
	}
}
