package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/textnorm"
)

// TestGapsHelpNamesItsFormats: `guichet gaps -h` lists the formats gaps
// writes (csv among them, as the README says), not check's "text or json",
// and its sub-commands, which come first.
func TestGapsHelpNamesItsFormats(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"gaps", "-h"}, &out, &errb); code != 0 {
		t.Fatalf("gaps -h: exit %d: %s", code, errb.String())
	}
	if help := errb.String(); !strings.Contains(help, "output format: table, csv, json") || strings.Contains(help, "text or json") {
		t.Errorf("gaps -h does not name table, csv and json:\n%s", help)
	}
	if help := errb.String(); !strings.Contains(help, "guichet gaps mark|stub|merge|split") {
		t.Errorf("gaps -h does not name its sub-commands:\n%s", help)
	}
	// Each sub-command's help says what it takes besides its flags.
	for sub, want := range map[string]string{"mark": "Usage: guichet gaps mark ID new-article|product-fix|", "split": `Usage: guichet gaps split ID "QUERY"`, "merge": "Usage: guichet gaps merge INTO ID...", "stub": "Usage: guichet gaps stub ID..."} {
		var errb bytes.Buffer
		run(context.Background(), []string{"gaps", sub, "-h"}, io.Discard, &errb)
		if !strings.Contains(errb.String(), want) {
			t.Errorf("gaps %s -h does not start with %q:\n%s", sub, want, errb.String())
		}
	}
}

// gapsJSON runs `guichet gaps --format json` with args and returns the
// report.
func gapsJSON(t *testing.T, m *Main, dir string, args ...string) gaps.Report {
	t.Helper()
	var out, errb bytes.Buffer
	args = append([]string{"gaps", "--content", dir, "--data", m.Config.Data, "--format", "json"}, args...)
	if code := run(context.Background(), args, &out, &errb); code != 0 {
		t.Fatalf("gaps: exit %d: %s", code, errb.String())
	}
	var rep gaps.Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	return rep
}

func gapWith(rep gaps.Report, kind, query string) (gaps.Gap, bool) {
	for _, g := range rep.Gaps {
		if g.Kind != kind {
			continue
		}
		for _, v := range g.Variants {
			if v.Query == query {
				return g, true
			}
		}
	}
	return gaps.Gap{}, false
}

// TestGapsReport records what visitors, the helpdesk and the widget do the
// way the site does, and reads the one gap report like the team would:
// from the command line (table, CSV, JSON), triaging and drafting every
// kind of gap it lists, then publishing content that answers a gap.
func TestGapsReport(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "synonyms.yaml", "en:\n  - [bike, bicycle, velo]\n")
	writeFile(t, dir, "travel/luggage.md", "---\ntitle: Luggage on the train\n---\nSuitcases go on the racks above your seat.\n")
	m := openMain(t, dir, false)
	ctx := context.Background()
	now := time.Now().UTC()
	rec := func(q, visitor string, results int, hits ...string) {
		m.Recorder.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: q, Normalized: textnorm.Key(q), Locale: "en",
			Source: site.SourceWidget, Context: "checkout", Visitor: visitor, Results: results, Hits: hits, Time: now.Add(-time.Hour)})
	}
	rec("bike on train", "v1", 0)
	rec("Bicycle train", "v2", 0)
	rec("take my bikes", "v3", 0)
	rec("velo train", "v4", 0)
	for i := 0; i < 50; i++ {
		rec("velo train", "v4", 0) // the same visitor again: still one
	}
	rec("bikes on trains", "v5", 2, "travel/luggage") // found something nobody took: the same gap
	rec("luggage", "v9", 1, "travel/luggage")
	rec("luggage", "v10", 1, "travel/luggage")
	rec("luggage", "v7", 1, "travel/luggage") // v7 read the article it returned: satisfied
	m.Recorder.RecordEvent(site.Event{Type: site.EventView, ArticleID: "travel/luggage", Locale: "en", Visitor: "v7", Time: now.Add(-50 * time.Minute)})
	rec("=HYPERLINK(\"http://x\") <script>alert(1)</script>", "v6", 0)
	rec("=HYPERLINK(\"http://x\") <script>alert(1)</script>", "v8", 0)
	m.Recorder.RecordOpen(site.WidgetOpen{Locale: "en", Path: "/orders/8412/edit", Visitor: "v1", Time: now.Add(-time.Hour)})
	m.Recorder.RecordOpen(site.WidgetOpen{Locale: "en", Path: "/orders/77/edit", Visitor: "v2", Time: now.Add(-time.Hour)})
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := m.DB.WriteTickets(ctx, []site.StoredTicket{
		{Ticket: site.Ticket{ExternalID: "t1", Subject: "Fwd: Printer jammed, thanks", Locale: "en", Source: "zendesk", CreatedAt: now.Add(-time.Hour)}, Topic: "Printer jammed", Key: "k"},
		{Ticket: site.Ticket{ExternalID: "t2", Subject: "printer jammed!!", Locale: "en", Source: "zendesk", CreatedAt: now.Add(-time.Hour)}, Topic: "printer jammed!", Key: "k"},
	}); err != nil {
		t.Fatal(err)
	}

	rep := gapsJSON(t, m, dir)
	bike, ok := gapWith(rep, gaps.KindSearch, "velo train")
	if !ok || bike.Visitors != 5 || len(bike.Variants) != 5 || bike.Query != "velo train" || bike.Sources["widget"] != 55 ||
		bike.Contexts["checkout"] != 55 || bike.NoResultsVisitors != 4 || bike.NoClickVisitors != 1 || bike.NoResults != 54 || bike.NoClick != 1 {
		t.Errorf("bike gap %+v", bike)
	}
	if g, ok := gapWith(rep, gaps.KindSearch, "luggage"); !ok || g.Visitors != 2 || g.NoClickVisitors != 2 {
		t.Errorf("no-click gap (the visitor who read the article is satisfied) %+v", g)
	}
	printer, ok := gapWith(rep, gaps.UnlinkedTicket, "Printer jammed")
	if !ok || printer.Visitors != 2 || len(printer.Variants) != 1 {
		t.Errorf("unlinked tickets %+v", printer)
	}
	var screen gaps.Gap
	for _, g := range rep.Gaps {
		if g.Kind == gaps.NoHelp {
			screen = g
		}
	}
	if screen.Key != "/orders/*/edit" || screen.Visitors != 2 {
		t.Errorf("screen with no help %+v", screen)
	}
	if len(rep.Gaps) != 5 || rep.Searches != 59 || rep.Tickets != 2 || rep.Openings != 2 {
		t.Errorf("report: %d gaps, %d searches, %d tickets, %d openings", len(rep.Gaps), rep.Searches, rep.Tickets, rep.Openings)
	}
	// The same period gives the same gaps, IDs and counts in the API.
	admin, _, err := m.DB.CreateToken(ctx, site.ScopeAdmin, "test")
	if err != nil {
		t.Fatal(err)
	}
	w := serve(m, "GET", "/api/v1/insights/gaps?since=30d", "", "Authorization", "Bearer "+admin)
	var api gaps.Report
	if err := json.Unmarshal(w.Body.Bytes(), &api); err != nil || w.Code != 200 {
		t.Fatalf("API: %d %s", w.Code, w.Body)
	}
	if len(api.Gaps) != len(rep.Gaps) {
		t.Fatalf("API lists %d gaps, the command line %d", len(api.Gaps), len(rep.Gaps))
	}
	for i := range api.Gaps {
		a, c := api.Gaps[i], rep.Gaps[i]
		if a.ID != c.ID || a.Visitors != c.Visitors || a.Searches != c.Searches || a.Query != c.Query {
			t.Errorf("API %s %q (%d visitors) vs command line %s %q (%d)", a.ID, a.Query, a.Visitors, c.ID, c.Query, c.Visitors)
		}
	}

	var out, errb bytes.Buffer
	if code := run(ctx, []string{"gaps", "--content", dir, "--data", m.Config.Data, "--format", "csv"}, &out, io.Discard); code != 0 {
		t.Fatal("csv failed")
	}
	csvText := out.String()
	if !strings.HasPrefix(csvText, strings.Join(gaps.CSVHeader, ",")+"\n") || !strings.Contains(csvText, `"'=HYPERLINK(""http://x"") <script>alert(1)</script>"`) {
		t.Errorf("csv (a query that a spreadsheet would run as a formula must start with '):\n%s", csvText)
	}
	out.Reset()
	run(ctx, []string{"gaps", "--content", dir, "--data", m.Config.Data}, &out, io.Discard)
	if !strings.Contains(out.String(), "5 gaps from 59 failed searches, 2 unlinked tickets and 2 widget openings") || !strings.Contains(out.String(), "velo train") ||
		!strings.Contains(out.String(), "search (4 no results, 1 no click)") {
		t.Errorf("table:\n%s", out.String())
	}
	// SOURCES: where the tickets came from, as the README's example shows.
	if row := regexp.MustCompile(`(?m)^` + printer.ID + ` .*$`).FindString(out.String()); !strings.Contains(row, "unlinked_ticket") || !strings.HasSuffix(row, "  zendesk:2") {
		t.Errorf("ticket row %q, want its source zendesk:2", row)
	}

	// Every ID listed can be triaged: searches, tickets and screens. The
	// flags may come before the sub-command as after it.
	// An ID and a status as pasted (spaces, capitals, "_") are reported
	// as the report writes them.
	for _, c := range []struct{ id, typed, status string }{{bike.ID, "new-article", "new-article"}, {printer.ID, "Product_Fix", "product-fix"}, {screen.ID, "new-article", "new-article"}} {
		out.Reset()
		args := []string{"gaps", "mark", c.id, c.typed, "--note", "from the test", "--content", dir, "--data", m.Config.Data}
		if c.id == printer.ID {
			args = []string{"gaps", "--content", dir, "--data", m.Config.Data, "mark", " " + strings.ToUpper(c.id) + " ", c.typed, "--note", "from the test"}
		}
		if code := run(ctx, args, &out, &errb); code != 0 || !strings.Contains(out.String(), "gap "+c.id+" (") || !strings.Contains(out.String(), "marked "+c.status+"\n") {
			t.Fatalf("mark %s: exit %d %s %s", c.id, code, out.String(), errb.String())
		}
	}
	// A status changed without --note keeps the team's note; --note ""
	// takes it away.
	noteOf := func() string {
		t.Helper()
		rep, err := m.Gaps.Report(ctx, gaps.Options{MinVisitors: 1, KeepIgnored: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range rep.Gaps {
			if g.ID == screen.ID {
				return g.Status + ": " + g.Note
			}
		}
		return "no gap " + screen.ID
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"fixed"}, "fixed: from the test"},
		{[]string{"new-article", "--note", ""}, "new_article: "},
		{[]string{"new-article", "--note", "from the test"}, "new_article: from the test"},
	} {
		if code := run(ctx, append([]string{"gaps", "mark", screen.ID, "--content", dir, "--data", m.Config.Data}, c.args...), io.Discard, &errb); code != 0 {
			t.Fatalf("mark %v: %s", c.args, errb.String())
		}
		if got := noteOf(); got != c.want {
			t.Errorf("mark %v: %q, want %q", c.args, got, c.want)
		}
	}
	// A status that is not one is a usage error (exit 2) naming those
	// there are, said before any gap is looked up: with an ID that does
	// not exist, and with no events database at all.
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"nope", "ignored", "--data", m.Config.Data}, 1, "nope"},
		{[]string{bike.ID, "answered", "--data", m.Config.Data}, 2, "new-article, product-fix, fixed, ignored or undecided"},
		{[]string{bike.ID, "done", "--data", m.Config.Data}, 2, `status "done"`},
		{[]string{"nope", "badstatus", "--data", m.Config.Data}, 2, `status "badstatus": want new-article, product-fix, fixed, ignored or undecided`},
		{[]string{"abc", "badstatus", "--data", t.TempDir()}, 2, `status "badstatus": want new-article`},
	} {
		bad := c.args
		var msg bytes.Buffer
		if code := run(ctx, append([]string{"gaps", "mark"}, append(bad, "--content", dir)...), io.Discard, &msg); code != c.code || !strings.Contains(msg.String(), c.want) {
			t.Errorf("mark %v: exit %d, want %d; %q, want %q", bad, code, c.code, msg.String(), c.want)
		}
		// A person reads the message, not the API's error code.
		if line := msg.String(); !strings.HasPrefix(line, "guichet: ") || strings.Contains(line, site.ENOTFOUND+":") || strings.Contains(line, site.EINVALID+":") {
			t.Errorf("mark %v says %q, want the message without its code", bad, line)
		}
	}
	// Every ID listed can be drafted.
	luggage, _ := gapWith(rep, gaps.KindSearch, "luggage")
	for _, id := range []string{luggage.ID, printer.ID, screen.ID} {
		out.Reset()
		if code := run(ctx, []string{"gaps", "stub", id, "--content", dir, "--data", m.Config.Data}, &out, &errb); code != 0 {
			t.Fatalf("stub %s: %s", id, errb.String())
		}
	}
	draft, err := os.ReadFile(filepath.Join(dir, "drafts", "luggage.md"))
	if err != nil || !strings.Contains(string(draft), "title: \"Luggage\"\ndraft: true\nkeywords:\n  - \"luggage\"") {
		t.Errorf("draft %s, %v", draft, err)
	}
	if d, err := os.ReadFile(filepath.Join(dir, "drafts", "help-orders-edit.md")); err != nil || !strings.Contains(string(d), "contexts:\n  - \"/orders/*/edit\"") {
		t.Errorf("screen draft %s, %v", d, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "drafts", "printer-jammed.md")); err != nil {
		t.Errorf("ticket topic draft: %v", err)
	}
	if code := run(ctx, []string{"gaps", "stub", luggage.ID, "--content", dir, "--data", m.Config.Data}, io.Discard, io.Discard); code != 1 {
		t.Error("stub overwrote an existing draft")
	}
	// --stub drafts every open gap listed that wants one: not the product fix.
	out.Reset()
	errb.Reset()
	if code := run(ctx, []string{"gaps", "--stub", "--content", dir, "--data", m.Config.Data}, &out, &errb); code != 0 {
		t.Fatalf("--stub: %s", errb.String())
	}
	if !strings.Contains(out.String(), "drafts/velo-train.md") || !strings.Contains(errb.String(), "luggage.md") || strings.Contains(out.String()+errb.String(), "printer") {
		t.Errorf("--stub: %s / %s", out.String(), errb.String())
	}
	// A folder out of the content folder writes nothing, and says so with
	// its exit status as gaps stub does.
	if code := run(ctx, []string{"gaps", "--stub", "--folder", "../x", "--content", dir, "--data", m.Config.Data}, io.Discard, io.Discard); code != 1 {
		t.Errorf("--stub --folder ../x: exit %d, want 1", code)
	}

	// A draft about bikes answers nothing; publishing it does, and the
	// team's decision stays apart from the answer.
	os.RemoveAll(filepath.Join(dir, "drafts"))
	writeFile(t, dir, "travel/bikes.md", "---\ntitle: Bikes on trains\ndraft: true\nkeywords: [velo train, take my bikes]\n---\nFold your bicycle and take it on board.\n")
	reload := func() {
		t.Helper()
		if err := m.Reload(ctx); err != nil {
			t.Fatal(err)
		}
		m.Publisher.Wait()
	}
	reload()
	if g, _ := gapWith(gapsJSON(t, m, dir), gaps.KindSearch, "velo train"); g.AnsweredAt != nil {
		t.Errorf("a draft answered the gap: %+v", g)
	}
	writeFile(t, dir, "travel/bikes.md", "---\ntitle: Bikes on trains\nkeywords: [velo train, take my bikes]\n---\nFold your bicycle and take it on board.\n")
	reload()
	g, _ := gapWith(gapsJSON(t, m, dir), gaps.KindSearch, "velo train")
	if g.ID != bike.ID || g.AnsweredAt == nil || g.AnsweredBy != "travel/bikes" || g.Status != gaps.StatusNewArticle ||
		g.Note != "from the test" || g.Before != 5 || g.After != 0 {
		t.Errorf("after publishing: %+v", g)
	}
	// A later change that no longer answers it: open again.
	writeFile(t, dir, "travel/bikes.md", "---\ntitle: Dogs on trains\n---\nSmall dogs travel free in a basket.\n")
	reload()
	if g, _ := gapWith(gapsJSON(t, m, dir), gaps.KindSearch, "velo train"); g.AnsweredAt != nil || g.AnsweredBy != "" || g.Status != gaps.StatusNewArticle {
		t.Errorf("not answered any more, still: %+v", g)
	}
	for _, bad := range [][]string{{"--since", "yesterday"}, {"--format", "xml"}, {"--min-visitors", "0"}} {
		if code := run(ctx, append([]string{"gaps", "--content", dir, "--data", m.Config.Data}, bad...), io.Discard, io.Discard); code != 2 {
			t.Errorf("%v: exit %d, want 2 (a usage error)", bad, code)
		}
	}
}

// TestGapsLocaleAsWritten: the team asks for a locale's gaps the way the
// content folder spells it (pt-br, Hugo's) or an app does (pt_BR); the
// events hold pt-BR, and the report must not come back silently empty.
func TestGapsLocaleAsWritten(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "default_locale: en\nlocales: [en, pt-br]\n")
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Get a refund\n---\nAsk within 30 days.\n")
	writeFile(t, dir, "billing/refund.pt-br.md", "---\ntitle: Pedir um reembolso\n---\nPeça em até 30 dias.\n")
	m := openMain(t, dir, false)
	ctx := context.Background()
	now := time.Now().UTC()
	for _, v := range []string{"v1", "v2", "v3"} {
		m.Recorder.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "cancelar assinatura", Normalized: textnorm.Key("cancelar assinatura"),
			Locale: "pt-BR", Source: site.SourceSite, Visitor: v, Time: now.Add(-time.Hour)})
	}
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	// pt_PT too: its readers get the pt-BR version, on the site and in
	// the insights alike (one reading of a locale, i18n.Resolve).
	for _, loc := range []string{"pt-BR", "pt-br", "PT_br", "pt_PT"} {
		if _, ok := gapWith(gapsJSON(t, m, dir, "--locale", loc), gaps.KindSearch, "cancelar assinatura"); !ok {
			t.Errorf("guichet gaps --locale %s: the pt-BR gap is missing", loc)
		}
	}
	admin, _, err := m.DB.CreateToken(ctx, site.ScopeAdmin, "test")
	if err != nil {
		t.Fatal(err)
	}
	w := serve(m, "GET", "/api/v1/insights/gaps?locale=pt-PT", "", "Authorization", "Bearer "+admin)
	var api gaps.Report
	if err := json.Unmarshal(w.Body.Bytes(), &api); err != nil || w.Code != 200 {
		t.Fatalf("API: %d %s", w.Code, w.Body)
	}
	if _, ok := gapWith(api, gaps.KindSearch, "cancelar assinatura"); !ok {
		t.Errorf("insights API with locale=pt-PT: the pt-BR gap is missing: %s", w.Body)
	}
	var errb bytes.Buffer
	if code := run(ctx, []string{"gaps", "--content", dir, "--data", m.Config.Data, "--locale", "pt-braz"}, io.Discard, &errb); code == 0 || !strings.Contains(errb.String(), "pt-braz") {
		t.Errorf("--locale pt-braz: exit %d %q, want an error naming it", code, errb.String())
	}
	// A real locale the site lacks is refused as the API refuses it (400),
	// not an empty report that reads "no gaps".
	w = serve(m, "GET", "/api/v1/insights/gaps?locale=de", "", "Authorization", "Bearer "+admin)
	if w.Code != 400 || !strings.Contains(w.Body.String(), "not a locale of this help center") {
		t.Errorf("API with locale=de: %d %s, want 400", w.Code, w.Body)
	}
	for _, args := range [][]string{{"gaps", "--locale", "de"}, {"gaps", "--locale", "FR", "--format", "json"}} {
		var out bytes.Buffer
		errb.Reset()
		args = append(args, "--content", dir, "--data", m.Config.Data)
		if code := run(ctx, args, &out, &errb); code != 2 || !strings.Contains(errb.String(), "not a locale of this help center") || out.Len() != 0 {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want exit 2 (a usage error) saying the locale is not the site's", args, code, errb.String(), out.String())
		}
	}
}

// TestGapsUntil: the admin page and the insights API take a custom period
// with its last day (until); the command line reads it the same way, so
// that the team gets the same gaps, IDs and counts for it everywhere.
func TestGapsUntil(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "default_locale: en\n")
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Get a refund\n---\nAsk within 30 days.\n")
	m := openMain(t, dir, false)
	ctx := context.Background()
	today := time.Now().UTC().Truncate(24 * time.Hour)
	record := func(q string, at time.Time, visitors ...string) {
		for _, v := range visitors {
			m.Recorder.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: q, Normalized: textnorm.Key(q),
				Locale: "en", Source: site.SourceSite, Visitor: v, Time: at})
		}
	}
	record("heat pump", today.Add(-4*24*time.Hour+time.Hour), "v1", "v2", "v3")
	record("humidity sensor", today.Add(time.Minute), "v4", "v5")
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	until := today.Add(-2 * 24 * time.Hour).Format(time.DateOnly)
	rep := gapsJSON(t, m, dir, "--since", "7d", "--until", until)
	if _, ok := gapWith(rep, gaps.KindSearch, "humidity sensor"); ok {
		t.Errorf("--until %s lists a gap searched today only: %+v", until, rep.Gaps)
	}
	g, ok := gapWith(rep, gaps.KindSearch, "heat pump")
	if !ok || g.Visitors != 3 {
		t.Fatalf("--until %s: the heat pump gap is missing or miscounted: %+v", until, rep.Gaps)
	}
	admin, _, err := m.DB.CreateToken(ctx, site.ScopeAdmin, "test")
	if err != nil {
		t.Fatal(err)
	}
	w := serve(m, "GET", "/api/v1/insights/gaps?since=7d&until="+until, "", "Authorization", "Bearer "+admin)
	var api gaps.Report
	if err := json.Unmarshal(w.Body.Bytes(), &api); err != nil || w.Code != 200 {
		t.Fatalf("API: %d %s", w.Code, w.Body)
	}
	if len(api.Gaps) != len(rep.Gaps) || len(api.Gaps) != 1 || api.Gaps[0].ID != g.ID || api.Gaps[0].Visitors != g.Visitors {
		t.Errorf("command line %+v, API %+v", rep.Gaps, api.Gaps)
	}
	for _, bad := range []string{"7d", "2026-02-30", today.Add(-30 * 24 * time.Hour).Format(time.DateOnly)} {
		if code := run(ctx, []string{"gaps", "--content", dir, "--data", m.Config.Data, "--since", "7d", "--until", bad}, io.Discard, io.Discard); code != 2 {
			t.Errorf("--until %s: exit %d, want 2 (a usage error)", bad, code)
		}
	}
}
