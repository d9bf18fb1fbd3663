package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// TestGapsShownFirst: searches made through the real router whose
// results nobody opened say, in every form of the gap report, which
// article they showed first: the JSON of the command line and of the API
// (shown_first), the table's status, the CSV, the admin page under the
// query (its title, linked) and a draft's comment. A search that found
// nothing showed nothing.
func TestGapsShownFirst(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "travel/luggage.md", "---\ntitle: Luggage on the train\n---\nSuitcases go on the racks above your seat.\n")
	writeFile(t, dir, "travel/seats.md", "---\ntitle: Choose your seat\n---\nPick a window or an aisle seat on the train.\n")
	m := openMain(t, dir, false)
	ctx := context.Background()
	search := func(addr, q string) []string {
		t.Helper()
		w := from(m, addr, "GET", "/api/v1/search?q="+url.QueryEscape(q), "")
		var res struct{ Results []struct{ ID string } }
		if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &res) != nil {
			t.Fatalf("search %q: %d %s", q, w.Code, w.Body)
		}
		var hits []string
		for _, r := range res.Results {
			hits = append(hits, r.ID)
		}
		return hits
	}
	// Three people search for their suitcases, one of them twice; none
	// opens the luggage article the search shows first.
	for _, addr := range []string{"10.0.0.1:1", "10.0.0.2:1", "10.0.0.3:1", "10.0.0.1:1"} {
		if hits := search(addr, "suitcases"); len(hits) == 0 || hits[0] != "travel/luggage" {
			t.Fatalf("suitcases found %q, want travel/luggage first", hits)
		}
	}
	// Two find nothing: no article shown.
	for _, addr := range []string{"10.0.0.4:1", "10.0.0.5:1"} {
		if hits := search(addr, "qwxz zzyv"); len(hits) != 0 {
			t.Fatalf("qwxz zzyv found %q", hits)
		}
	}
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	want := []gaps.Found{{Article: "travel/luggage", Visitors: 3}}
	check := func(from string, rep gaps.Report) gaps.Gap {
		t.Helper()
		bags, ok := gapWith(rep, gaps.KindSearch, "suitcases")
		if !ok || !slices.Equal(bags.ShownFirst, want) {
			t.Errorf("%s: suitcases gap shown first %+v, want %+v", from, bags.ShownFirst, want)
		}
		if g, ok := gapWith(rep, gaps.KindSearch, "qwxz zzyv"); !ok || g.ShownFirst != nil {
			t.Errorf("%s: no-results gap shown first %+v, want none", from, g.ShownFirst)
		}
		return bags
	}
	bags := check("gaps --format json", gapsJSON(t, m, dir))

	admin, _, err := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	if err != nil {
		t.Fatal(err)
	}
	w := serve(m, "GET", "/api/v1/insights/gaps?since=30d", "", "Authorization", "Bearer "+admin)
	var api gaps.Report
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &api) != nil {
		t.Fatalf("API: %d %s", w.Code, w.Body)
	}
	check("API", api)
	if !strings.Contains(w.Body.String(), `"shown_first":[{"article":"travel/luggage","visitors":3}]`) {
		t.Errorf("API JSON without shown_first: %s", w.Body)
	}

	var out, errb bytes.Buffer
	if code := run(ctx, []string{"gaps", "--content", dir, "--data", m.Config.Data}, &out, &errb); code != 0 {
		t.Fatalf("gaps: %s", errb.String())
	}
	if row := regexp.MustCompile(`(?m)^` + bags.ID + ` .*$`).FindString(out.String()); !strings.Contains(row, "undecided; shown first: travel/luggage:3") {
		t.Errorf("table row %q, want its status to say what it showed first", row)
	}
	out.Reset()
	if code := run(ctx, []string{"gaps", "--content", dir, "--data", m.Config.Data, "--format", "csv"}, &out, &errb); code != 0 {
		t.Fatalf("gaps csv: %s", errb.String())
	}
	rows, err := csv.NewReader(strings.NewReader(out.String())).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("csv: %v %s", err, out.String())
	}
	col := slices.Index(rows[0], "shown_first")
	shown := map[string]string{}
	for _, r := range rows[1:] {
		if col >= 0 {
			shown[r[slices.Index(rows[0], "query")]] = r[col]
		}
	}
	if shown["suitcases"] != "travel/luggage:3" || shown["qwxz zzyv"] != "" {
		t.Errorf("csv shown_first %v, want suitcases travel/luggage:3 and nothing for the search that found nothing", shown)
	}

	lw := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
	session := strings.Split(lw.Header().Get("Set-Cookie"), ";")[0]
	w = serve(m, "GET", "/admin/?since=30d", "", "Cookie", session)
	if page := w.Body.String(); w.Code != 200 || strings.Count(page, `Shown first, not opened: <a href="/travel/luggage">Luggage on the train</a> (3 people)`) != 1 {
		t.Errorf("admin page: %d, want the suitcases gap (only) to say its searches showed the luggage article first", w.Code)
	}

	out.Reset()
	if code := run(ctx, []string{"gaps", "stub", bags.ID, "--content", dir, "--data", m.Config.Data}, &out, &errb); code != 0 {
		t.Fatalf("stub: %s", errb.String())
	}
	draft, err := os.ReadFile(filepath.Join(dir, "drafts", "suitcases.md"))
	if err != nil || !strings.Contains(string(draft), "3 of them were shown travel/luggage first and did not open it") {
		t.Errorf("draft %s, %v", draft, err)
	}
}
