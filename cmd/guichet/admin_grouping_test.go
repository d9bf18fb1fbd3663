package main

import (
	"bytes"
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/web/webtest"
)

// TestAdminMergeAndSplit: on the admin page, through the real router with
// the session and the form's token, the team merges two gaps the words
// kept apart and moves a phrasing out of a gap two visitors' two
// questions made; the page shows the corrected gaps, and the command line
// reports the same.
func TestAdminMergeAndSplit(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	m := openMain(t, dir, false)
	ctx := context.Background()
	now := time.Now().UTC()
	search := func(q, visitor string, ago time.Duration) {
		m.Recorder.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: q, Locale: "en", Source: "site", Visitor: visitor, Time: now.Add(-ago)})
	}
	search("tip the driver", "a", 3*time.Hour)
	search("tip the driver", "b", 2*time.Hour)
	search("gratuity for staff", "c", 3*time.Hour)
	search("gratuity for staff", "d", 2*time.Hour)
	for _, v := range []string{"x", "y"} {
		search("pay with bitcoin", v, 50*time.Minute)
		search("printer jammed", v, 49*time.Minute)
	}
	m.Recorder.Flush(ctx)
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	session := signIn(t, m, admin)
	page := func() string {
		t.Helper()
		w := serve(m, "GET", "/admin/", "", "Cookie", session)
		if w.Code != 200 {
			t.Fatalf("admin page: %d", w.Code)
		}
		return w.Body.String()
	}
	gapOf := func(query string) gaps.Gap {
		t.Helper()
		rep, err := m.Gaps.Report(ctx, gaps.Options{MinVisitors: 2})
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range rep.Gaps {
			for _, v := range g.Variants {
				if v.Query == query {
					return g
				}
			}
		}
		t.Fatalf("no gap lists %q", query)
		return gaps.Gap{}
	}
	tip, grat, both := gapOf("tip the driver"), gapOf("gratuity for staff"), gapOf("printer jammed")
	if tip.ID == grat.ID || both.ID != gapOf("pay with bitcoin").ID {
		t.Fatalf("before: tip %s, gratuity %s, bitcoin and printer %s", tip.ID, grat.ID, both.ID)
	}
	p := page()
	for _, want := range []string{`action="/admin/merge"`, `list="gaps-search"`, `<option value="` + tip.ID + `">tip the driver (en)</option>`,
		`action="/admin/split"`, `<option>printer jammed</option>`, `(gap <code>` + both.ID + `</code>)`} {
		if !strings.Contains(p, want) {
			t.Errorf("admin page lacks %s", want)
		}
	}
	csrf := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindStringSubmatch(p)[1]

	merge := url.Values{"csrf": {csrf}, "gap": {grat.ID}, "into": {tip.ID}}
	for _, tc := range []struct {
		name string
		form url.Values
		hdr  []string
		code int
		says string // what the page tells the team
	}{
		{"no session", merge, nil, 401, ""},
		{"no form token", url.Values{"gap": {grat.ID}, "into": {tip.ID}}, []string{"Cookie", session}, 403, ""},
		{"another site", merge, []string{"Cookie", session, "Origin", "https://evil.example"}, 403, ""},
		// A mistyped ID: the page says which, not "page not found".
		{"unknown gap", url.Values{"csrf": {csrf}, "gap": {grat.ID}, "into": {"000000000000"}}, []string{"Cookie", session}, 404, "No gap 000000000000 in the records"},
		// A text pasted as the ID is cut in the message, not echoed whole.
		{"long text", url.Values{"csrf": {csrf}, "gap": {grat.ID}, "into": {strings.Repeat("gratuity ", 200)}}, []string{"Cookie", session}, 404, "No gap gratuity gratuity gratuity gratuity gra… in the records"},
		{"no gap named", url.Values{"csrf": {csrf}, "gap": {grat.ID}, "into": {" "}}, []string{"Cookie", session}, 400, "Name the gap"},
		{"into itself", url.Values{"csrf": {csrf}, "gap": {grat.ID}, "into": {grat.ID}}, []string{"Cookie", session}, 400, "is the gap to merge into"},
		// Bytes that are not text are refused by name, never echoed into
		// the page.
		{"invalid UTF-8", url.Values{"csrf": {csrf}, "gap": {grat.ID}, "into": {"\xff\xfe"}}, []string{"Cookie", session}, 400, "into is not valid UTF-8"},
	} {
		w := serve(m, "POST", "/admin/merge", tc.form.Encode(), tc.hdr...)
		if w.Code != tc.code {
			t.Errorf("merge, %s: %d, want %d", tc.name, w.Code, tc.code)
		}
		if tc.says == "" {
			continue
		}
		if !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
			t.Errorf("merge, %s: the error is not a page: %s", tc.name, w.Header().Get("Content-Type"))
		}
		if b := w.Body.String(); !strings.Contains(b, tc.says) || strings.Contains(b, "Page not found") {
			t.Errorf("merge, %s: the page does not say %q: %s", tc.name, tc.says, b)
		}
		// And leads back to the admin page.
		if b := w.Body.String(); !strings.Contains(b, `<a href="/admin/">Back to the admin page</a>`) {
			t.Errorf("merge, %s: the error page has no way back to the admin page", tc.name)
		}
	}
	w := serve(m, "POST", "/admin/merge", merge.Encode(), "Cookie", session)
	if w.Code != 303 || w.Header().Get("Location") != "/admin/#gap-"+tip.ID {
		t.Fatalf("merge: %d %s", w.Code, w.Header().Get("Location"))
	}
	if g := gapOf("gratuity for staff"); g.ID != tip.ID || g.Visitors != 4 || len(g.Variants) != 2 {
		t.Errorf("after the merge: %+v", g)
	}
	// The API names the merged-away ID on the gap it joined.
	if w := serve(m, "GET", "/api/v1/insights/gaps", "", "Authorization", "Bearer "+admin); !strings.Contains(w.Body.String(), `"id":"`+tip.ID+`","kind":"search","locale":"en","key":"`) ||
		!strings.Contains(w.Body.String(), `"merged":["`+grat.ID+`"]`) {
		t.Errorf("gaps API after the merge: %s", w.Body)
	}
	if p := page(); strings.Contains(p, `id="gap-`+grat.ID+`"`) || !regexp.MustCompile(`id="gap-`+tip.ID+`"><td><strong>[^<]+</strong> <span class="meta">en</span><br><span class="meta">[^<]*gratuity for staff`).MatchString(p) {
		t.Error("the admin page does not show the merged gap as one row with both phrasings")
	}
	if !strings.Contains(page(), `(gap <code>`+tip.ID+`</code>; merged: <code>`+grat.ID+`</code>)`) {
		t.Error("the admin page does not name the gap merged away")
	}
	// A page read before the merge decides on the gap merged away: the
	// decision goes to the gap it joined, and the page shows that one.
	stale := url.Values{"csrf": {csrf}, "gap": {grat.ID}, "status": {"new_article"}, "note": {"one article"}}
	if w := serve(m, "POST", "/admin/triage", stale.Encode(), "Cookie", session); w.Code != 303 || w.Header().Get("Location") != "/admin/#gap-"+tip.ID {
		t.Errorf("triage of the gap merged away: %d %s, want the merged gap %s", w.Code, w.Header().Get("Location"), tip.ID)
	}
	if g := gapOf("gratuity for staff"); g.ID != tip.ID || g.Status != gaps.StatusNewArticle || g.Note != "one article" {
		t.Errorf("after the triage of the gap merged away: %+v", g)
	}

	split := url.Values{"csrf": {csrf}, "gap": {both.ID}, "variant": {"printer jammed"}}
	if w := serve(m, "POST", "/admin/split", url.Values{"csrf": {csrf}, "gap": {both.ID}, "variant": {"tip the driver"}}.Encode(), "Cookie", session); w.Code != 400 {
		t.Errorf("split of a phrasing the gap does not hold: %d", w.Code)
	}
	// No phrasing chosen: the form says to choose one, not that "" is not
	// a phrasing of the gap.
	for _, v := range []string{"", "  "} {
		w := serve(m, "POST", "/admin/split", url.Values{"csrf": {csrf}, "gap": {both.ID}, "variant": {v}}.Encode(), "Cookie", session)
		if b := w.Body.String(); w.Code != 400 || !strings.Contains(b, "Choose the phrasing to split out") || strings.Contains(b, "is not a phrasing") {
			t.Errorf("split with variant %q: %d, want 400 asking to choose the phrasing: %.300s", v, w.Code, b[strings.Index(b, "<main")+1:])
		}
	}
	// The admin error pages (400, 404, 409) keep "Sign out" while the
	// session is valid, and only then.
	for _, tc := range []struct {
		form   url.Values
		status int
	}{
		{url.Values{"csrf": {csrf}, "gap": {both.ID}}, 400},
		{url.Values{"csrf": {csrf}, "gap": {"000000000000"}, "variant": {"x"}}, 404},
	} {
		w := serve(m, "POST", "/admin/split", tc.form.Encode(), "Cookie", session)
		doc := webtest.Parse(t, w.Body.String())
		if w.Code != tc.status || doc.Count(`form[action="/admin/logout"] input[name="csrf"][value="`+csrf+`"]`) != 1 {
			t.Errorf("admin error page %v: %d, want %d with its Sign out form", tc.form, w.Code, tc.status)
		}
	}
	if w := serve(m, "GET", "/admin/nothing-here", "", "Cookie", session); w.Code != 404 || !strings.Contains(w.Body.String(), "Sign out") {
		t.Errorf("admin 404 signed in: %d, no Sign out", w.Code)
	}
	if w := serve(m, "GET", "/admin/nothing-here", ""); w.Code != 404 || strings.Contains(w.Body.String(), "Sign out") {
		t.Errorf("admin 404 signed out: %d, Sign out shown", w.Code)
	}
	w = serve(m, "POST", "/admin/split", split.Encode(), "Cookie", session)
	printer := gapOf("printer jammed")
	if w.Code != 303 || printer.ID == both.ID || w.Header().Get("Location") != "/admin/#gap-"+printer.ID {
		t.Fatalf("split: %d %s, printer now %s", w.Code, w.Header().Get("Location"), printer.ID)
	}
	if b := gapOf("pay with bitcoin"); b.ID != both.ID || len(b.Variants) != 1 || printer.Visitors != 2 {
		t.Errorf("after the split: bitcoin %+v, printer %+v", b, printer)
	}
	if p := page(); !strings.Contains(p, `id="gap-`+printer.ID+`"><td><strong>printer jammed</strong>`) {
		t.Error("the admin page does not show the phrasing moved out as a gap of its own")
	}

	// The command line makes the same corrections.
	cli := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := run(ctx, append(append([]string{"gaps"}, args...), "--content", dir, "--data", m.Config.Data), &out, &errb)
		return code, out.String(), errb.String()
	}
	code, out, msg := cli("split", " "+strings.ToUpper(tip.ID)+" ", "gratuity for staff") // the ID as pasted
	if code != 0 || !strings.Contains(out, `"gratuity for staff" moved out of gap `+tip.ID+": now gap ") {
		t.Fatalf("gaps split: exit %d %s %s", code, out, msg)
	}
	back := gapOf("gratuity for staff")
	if back.ID != grat.ID || len(gapOf("tip the driver").Variants) != 1 {
		t.Errorf("after gaps split: %+v, want the gap merged away back under its ID %s", back, grat.ID)
	}
	if code, out, msg := cli("merge", tip.ID, back.ID); code != 0 || !strings.HasPrefix(out, "gap "+tip.ID+" (") || !strings.Contains(out, "): 2 phrasings, 4 visitors") {
		t.Errorf("gaps merge: exit %d %s %s", code, out, msg)
	}
	// A spreadsheet keeping gap IDs finds the merged ones on the row of
	// the gap they joined.
	if _, out, _ := cli("--format", "csv"); !regexp.MustCompile(`(?m)^` + tip.ID + `,.*,` + grat.ID + `,`).MatchString(out) {
		t.Errorf("CSV lacks the merged IDs on %s's row:\n%s", tip.ID, out)
	}
	// A merge made by mistake is undone from the page, by the ID merged
	// away, with every phrasing it held.
	if !strings.Contains(page(), `<input type="hidden" name="gap" value="`+grat.ID+`">`+"\n"+`<button type="submit" class="quiet">Undo the merge of gap <code>`+grat.ID+`</code></button>`) {
		t.Error("the admin page offers no undo of the merge")
	}
	unmerge := url.Values{"csrf": {csrf}, "gap": {grat.ID}}
	if w := serve(m, "POST", "/admin/unmerge", url.Values{"gap": {grat.ID}}.Encode(), "Cookie", session); w.Code != 403 {
		t.Errorf("unmerge without the form's token: %d", w.Code)
	}
	if w := serve(m, "POST", "/admin/unmerge", unmerge.Encode(), "Cookie", session); w.Code != 303 || w.Header().Get("Location") != "/admin/#gap-"+grat.ID {
		t.Errorf("unmerge: %d %s", w.Code, w.Header().Get("Location"))
	}
	if g := gapOf("gratuity for staff"); g.ID != grat.ID || len(gapOf("tip the driver").Variants) != 1 || len(gapOf("tip the driver").Merged) != 0 {
		t.Errorf("after the undo: %+v", g)
	}
	if w := serve(m, "POST", "/admin/unmerge", unmerge.Encode(), "Cookie", session); w.Code != 400 || !strings.Contains(w.Body.String(), "is not merged into another gap") {
		t.Errorf("unmerge of a gap standing on its own: %d", w.Code)
	}
	// And from the command line, with the ID as pasted in capitals.
	cli("merge", tip.ID, grat.ID)
	if code, out, msg := cli("unmerge", strings.ToUpper(grat.ID)); code != 0 || out != "gap "+grat.ID+` ("gratuity for staff") stands on its own again: 1 phrasing, 2 visitors`+"\n" {
		t.Errorf("gaps unmerge: exit %d %q %s", code, out, msg)
	}
	// A missing argument exits 2 (a usage error); a gap that is not, or
	// not so, 1.
	for i, bad := range [][]string{{"merge", tip.ID}, {"split", tip.ID}, {"merge", "000000000000", tip.ID}, {"split", both.ID, "printer jammed"}, {"unmerge", tip.ID}, {"unmerge"}} {
		code, _, msg := cli(bad...)
		// A person reads the message, not the API's error code.
		if code != []int{2, 2, 1, 1, 1, 2}[i] || !strings.HasPrefix(msg, "guichet: ") || strings.Contains(msg, site.ENOTFOUND+":") || strings.Contains(msg, site.EINVALID+":") {
			t.Errorf("gaps %v: exit %d, %q", bad, code, msg)
		}
	}
}

// TestAdminFormsKeepThePeriod: a decision or correction posted from the
// admin page viewing 90 days in one locale comes back to that view, and
// nothing else the form carries goes into the address.
func TestAdminFormsKeepThePeriod(t *testing.T) {
	m, session := adminWithOneGap(t)
	w := serve(m, "GET", "/admin/?since=90d&locale=en", "", "Cookie", session)
	page := w.Body.String()
	if !strings.Contains(page, `name="back" value="locale=en&amp;since=90d"`) {
		t.Fatalf("the admin forms do not carry the view: %d", w.Code)
	}
	csrf := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindStringSubmatch(page)[1]
	gap := regexp.MustCompile(`name="gap" value="([0-9a-f]+)"`).FindStringSubmatch(page)[1]
	for _, back := range []string{"locale=en&since=90d", "locale=en&since=90d&next=https://evil.example"} {
		form := url.Values{"csrf": {csrf}, "gap": {gap}, "status": {"new_article"}, "back": {back}}
		w := serve(m, "POST", "/admin/triage", form.Encode(), "Cookie", session)
		if w.Code != 303 || w.Header().Get("Location") != "/admin/?locale=en&since=90d#gap-"+gap {
			t.Errorf("back %q: %d %s", back, w.Code, w.Header().Get("Location"))
		}
	}
}

// TestAdminIgnoredGaps: a gap the team ignored leaves the admin page, and
// comes back on it when the team asks to see the ignored ones too, so that
// one ignored by mistake can be decided on again from the page; deciding
// on it there comes back to that view, and its export lists it too.
func TestAdminIgnoredGaps(t *testing.T) {
	m, session := adminWithOneGap(t)
	page := serve(m, "GET", "/admin/?since=30d", "", "Cookie", session).Body.String()
	csrf := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindStringSubmatch(page)[1]
	gap := regexp.MustCompile(`name="gap" value="([0-9a-f]+)"`).FindStringSubmatch(page)[1]
	form := url.Values{"csrf": {csrf}, "gap": {gap}, "status": {"ignored"}, "back": {"since=30d"}}
	if w := serve(m, "POST", "/admin/triage", form.Encode(), "Cookie", session); w.Code != 303 {
		t.Fatalf("ignore: %d", w.Code)
	}
	row := `id="gap-` + gap + `"`
	page = serve(m, "GET", "/admin/?since=30d", "", "Cookie", session).Body.String()
	if strings.Contains(page, row) || !strings.Contains(page, `<a href="/admin/?since=30d&amp;ignored=1#gaps">Show the gaps the team ignored too</a>`) {
		t.Fatal("the ignored gap is listed, or the page offers no way to see it")
	}
	// The top searches name the gap without a link to a row not on the page.
	if strings.Contains(page, `href="#gap-`+gap+`"`) || !strings.Contains(page, `(gap <code>`+gap+`</code>)`) {
		t.Error("the top searches link to the ignored gap, which the page does not list")
	}
	page = serve(m, "GET", "/admin/?since=30d&ignored=1", "", "Cookie", session).Body.String()
	if !strings.Contains(page, row) || !strings.Contains(page, `<option value="ignored" selected>`) || !strings.Contains(page, `<a href="/admin/?since=30d#gaps">Hide them</a>`) {
		t.Fatal("with ignored=1 the page does not list the ignored gap as ignored")
	}
	if !strings.Contains(page, `(<a href="#gap-`+gap+`">gap</a>)`) {
		t.Error("with ignored=1 the top searches do not link to the ignored gap listed")
	}
	if !strings.Contains(page, `name="back" value="ignored=1&amp;since=30d"`) || !strings.Contains(page, `aria-label="Period and locale"><input type="hidden" name="ignored" value="1">`) {
		t.Error("the forms do not carry the view with the ignored gaps")
	}
	if w := serve(m, "GET", "/admin/export/gaps.csv?since=30d&ignored=1", "", "Cookie", session); !strings.Contains(w.Body.String(), gap+",") {
		t.Errorf("the export with ignored=1 lacks the ignored gap: %s", w.Body)
	}
	// Written as the API's flags are: true, on.
	for _, v := range []string{"true", "on", "TRUE"} {
		if page := serve(m, "GET", "/admin/?since=30d&ignored="+v, "", "Cookie", session).Body.String(); !strings.Contains(page, row) {
			t.Errorf("with ignored=%s the page does not list the ignored gap", v)
		}
	}
	form = url.Values{"csrf": {csrf}, "gap": {gap}, "status": {""}, "back": {"ignored=1&since=30d"}}
	if w := serve(m, "POST", "/admin/triage", form.Encode(), "Cookie", session); w.Code != 303 || w.Header().Get("Location") != "/admin/?ignored=1&since=30d#gap-"+gap {
		t.Errorf("undecided again: %d %s", w.Code, w.Header().Get("Location"))
	}
	if page := serve(m, "GET", "/admin/?since=30d", "", "Cookie", session).Body.String(); !strings.Contains(page, row) {
		t.Error("the gap decided on again is not back on the page")
	}
}

// adminWithOneGap opens a help center with one gap ("pay with bitcoin",
// two visitors) and returns it with an admin's session cookie.
func adminWithOneGap(t *testing.T) (*Main, string) {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	m := openMain(t, dir, false)
	ctx := context.Background()
	for _, v := range []string{"a", "b"} {
		m.Recorder.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "pay with bitcoin", Locale: "en", Source: "site", Visitor: v, Time: time.Now().Add(-time.Hour)})
	}
	m.Recorder.Flush(ctx)
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	return m, signIn(t, m, admin)
}

// TestGapsMergeCountsInWords: `guichet gaps merge` says what the merged
// gap holds in words, one visitor as "1 visitor" (it printed "1
// visitors").
func TestGapsMergeCountsInWords(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	m := openMain(t, dir, false)
	ctx := context.Background()
	now := time.Now().UTC()
	for q, ago := range map[string]time.Duration{"pay with bitcoin": 5 * time.Hour, "printer jammed": time.Hour} {
		m.Recorder.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: q, Locale: "en", Source: "site", Visitor: "a", Time: now.Add(-ago)})
	}
	m.Recorder.Flush(ctx)
	rep, err := m.Gaps.Report(ctx, gaps.Options{MinVisitors: 1})
	if err != nil || len(rep.Gaps) != 2 {
		t.Fatalf("report: %+v, %v", rep.Gaps, err)
	}
	var out, errb bytes.Buffer
	if code := run(ctx, []string{"gaps", "merge", rep.Gaps[0].ID, rep.Gaps[1].ID, "--content", dir, "--data", m.Config.Data}, &out, &errb); code != 0 || !strings.HasSuffix(out.String(), "): 2 phrasings, 1 visitor\n") {
		t.Errorf("gaps merge: exit %d %q %s", code, out.String(), errb.String())
	}
}
