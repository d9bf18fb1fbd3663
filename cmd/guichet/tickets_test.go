package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// ticketContent is a small help center for the ticket tests.
func ticketContent(t *testing.T) string {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nlocales: [en, fr]\nfaq:\n  size: 3\n")
	writeFile(t, dir, "billing/refunds.md", "---\ntitle: Get a refund </script>\nticket_tags: [refund_request]\nfaq: true\nweight: 1\n---\nAsk for your money back within 30 days. <Refunds> take five days.\n")
	writeFile(t, dir, "account/password.md", "---\ntitle: Reset your password\nfaq: pinned\n---\nUse the *forgot password* link on the sign-in page.\n\n## Reset link expired\n\nAsk for a new link.\n")
	writeFile(t, dir, "account/password.fr.md", "---\ntitle: Réinitialiser votre mot de passe\nfaq: pinned\n---\nUtilisez le lien *mot de passe oublié*.\n")
	writeFile(t, dir, "sync/calendar.md", "---\ntitle: Sync your Google Calendar\n---\nConnect Google Calendar so busy times block bookings.\n")
	writeFile(t, dir, "sync/exports.md", "---\ntitle: Export your bookings\n---\nDownload bookings as a spreadsheet.\n")
	writeFile(t, dir, "sync/secret.md", "---\ntitle: Upcoming printer support\ndraft: true\nfaq: true\nticket_tags: [printer]\n---\nPrinters soon.\n")
	return dir
}

// TestTicketsAPIAndFAQ posts tickets through the API and follows them to
// the FAQ page, the home page, the FAQ API, the gap report and the admin
// page; then new content claims old tickets.
func TestTicketsAPIAndFAQ(t *testing.T) {
	dir := ticketContent(t)
	m := openMain(t, dir, false)
	ctx := context.Background()
	tok, _, err := m.DB.CreateToken(ctx, site.ScopeTickets, "helpdesk")
	if err != nil {
		t.Fatal(err)
	}
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	revoked, rt, _ := m.DB.CreateToken(ctx, site.ScopeTickets, "old")
	if err := m.DB.RevokeToken(ctx, rt.ID); err != nil {
		t.Fatal(err)
	}
	post := func(auth, body string) *httptest.ResponseRecorder {
		hdr := []string{"Content-Type", "application/json"}
		if auth != "" {
			hdr = append(hdr, "Authorization", "Bearer "+auth)
		}
		return serve(m, "POST", "/api/v1/tickets", body, hdr...)
	}
	one := `{"external_id":"z-1","subject":"Refund please","tags":["refund_request"],"created_at":"2026-11-01T10:00:00Z"}`

	// Authentication: nothing, garbage, the wrong scope, a revoked token.
	for _, auth := range []string{"", "gch_nope", admin, revoked} {
		w := post(auth, one)
		if w.Code != 401 || !strings.Contains(w.Body.String(), `"unauthorized"`) || strings.Contains(w.Body.String(), "revoked") || strings.Contains(w.Body.String(), "scope") {
			t.Errorf("auth %.10q: %d %s", auth, w.Code, w.Body)
		}
	}
	// Too big: over 5 MiB, or over 1,000 tickets.
	if w := post(tok, `{"tickets":[`+strings.Repeat(" ", 5<<20)+`]}`); w.Code != 413 {
		t.Errorf("6 MiB body: %d", w.Code)
	}
	if w := post(tok, "["+strings.TrimSuffix(strings.Repeat(one+",", 1001), ",")+"]"); w.Code != 413 || !strings.Contains(w.Body.String(), "at most 1000") {
		t.Errorf("1001 tickets: %d %s", w.Code, w.Body)
	}
	if w := post(tok, `{"external_id":"only-bad","subject":"","created_at":"2026-11-01"}`); w.Code != 400 ||
		!strings.Contains(w.Body.String(), `"rejected":1`) || !strings.Contains(w.Body.String(), "subject or body is required") {
		t.Errorf("a batch with nothing storable: %d %s", w.Code, w.Body)
	}
	if w := post(tok, `{"tickets": [}`); w.Code != 400 || !strings.Contains(w.Body.String(), `"error"`) {
		t.Errorf("bad JSON: %d %s", w.Code, w.Body)
	}
	// A field beside "tickets" is refused, as a ticket's unknown field is
	// (it was dropped in silence: 200; rv20j).
	if w := post(tok, `{"tickets": [`+one+`], "priority": "high"}`); w.Code != 400 || !strings.Contains(w.Body.String(), `unknown field \"priority\" beside`) {
		t.Errorf("a field beside tickets: %d %s", w.Code, w.Body)
	}

	now := time.Now().UTC()
	day := func(ago int) string { return now.Add(-time.Duration(ago) * 24 * time.Hour).Format(time.RFC3339) }
	var batch []string
	// Calendar tickets: linked by search, they must lift "Sync your Google Calendar" into the FAQ.
	for i := 0; i < 6; i++ {
		batch = append(batch, fmt.Sprintf(`{"external_id":"cal-%d","subject":"Google calendar not syncing","body":"Hi, my google calendar stopped syncing. Thanks, Ana","created_at":%q}`, i, day(i)))
	}
	batch = append(batch,
		fmt.Sprintf(`{"external_id":1001,"subject":"Money back?","tags":"refund_request,vip","created_at":%q}`, day(2)),
		fmt.Sprintf(`{"external_id":"exp-1","subject":"Where is the spreadsheet","article":"http://localhost:8080/sync/exports?utm=x#top","created_at":%q}`, day(3)),
		// Unlinked: nothing answers these; two of them make a gap.
		fmt.Sprintf(`{"external_id":"pr-1","subject":"Printer does not print receipts","created_at":%q}`, day(1)),
		fmt.Sprintf(`{"external_id":"pr-2","subject":"printer not printing receipts","created_at":%q}`, day(4)),
		// Ignored: an out-of-office message and a bounce are no one's
		// question (they would make the printer gap four people).
		fmt.Sprintf(`{"external_id":"ooo-1","subject":"Automatic reply: Printer does not print receipts","created_at":%q}`, day(1)),
		fmt.Sprintf(`{"external_id":"ooo-2","subject":"Undeliverable: printer not printing receipts","created_at":%q}`, day(2)),
		// Rejected, each for its own reason.
		`{"external_id":"bad-1","subject":"","created_at":"2026-11-01"}`,
		`{"external_id":"bad-2","subject":"No date"}`,
		`{"external_id":"bad-3","subject":"Future","created_at":"2999-01-01T00:00:00Z"}`,
		`{"external_id":"bad-4","subject":"Typo","created":"2026-11-01"}`,
	)
	w := post(tok, `{"tickets":[`+strings.Join(batch, ",")+`]}`)
	if w.Code != 200 {
		t.Fatalf("batch: %d %s", w.Code, w.Body)
	}
	var resp struct {
		Created, Updated, Rejected, Ignored int
		Results                             []struct {
			ExternalID string `json:"external_id"`
			Status     string
			Changed    bool
			Reason     string
			Link       struct {
				ArticleID string `json:"article_id"`
				Method    string
			}
		}
	}
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		t.Fatal(err)
	}
	if resp.Created != 10 || resp.Rejected != 4 || resp.Ignored != 2 || len(resp.Results) != 16 {
		t.Fatalf("counts: %+v", resp)
	}
	wantLinks := map[string]string{"cal-0": "search:sync/calendar", "1001": "tag:billing/refunds", "exp-1": "explicit:sync/exports", "pr-1": ":"}
	reasons := map[string]string{"bad-1": "subject or body is required", "bad-2": "created_at is required", "bad-3": "in the future", "bad-4": "created: unknown field"}
	for _, r := range resp.Results {
		if want, ok := wantLinks[r.ExternalID]; ok && r.Link.Method+":"+r.Link.ArticleID != want {
			t.Errorf("%s linked %s:%s, want %s", r.ExternalID, r.Link.Method, r.Link.ArticleID, want)
		}
		if want, ok := reasons[r.ExternalID]; ok && (r.Status != "rejected" || !strings.Contains(r.Reason, want)) {
			t.Errorf("%s: %s %q, want rejected %q", r.ExternalID, r.Status, r.Reason, want)
		}
	}

	// A retry changes nothing; an edited ticket is updated, not added.
	w = post(tok, `{"tickets":[`+strings.Join(batch[:6], ",")+`]}`)
	if !strings.Contains(w.Body.String(), `"updated":6`) || strings.Contains(w.Body.String(), `"changed":true`) {
		t.Errorf("retry: %s", w.Body)
	}
	// A retry of a ticket whose article names nothing says so again.
	nowhere := fmt.Sprintf(`{"external_id":"nowhere-1","subject":"Printer jam","article":"/no/such/page","created_at":%q}`, day(1))
	for try := 0; try < 2; try++ {
		if w := post(tok, nowhere); !strings.Contains(w.Body.String(), `"warning":"article \"/no/such/page\" names no published article"`) {
			t.Errorf("try %d of a ticket naming no article: %s", try+1, w.Body)
		}
	}
	w = post(tok, fmt.Sprintf(`{"external_id":"exp-1","subject":"Where is the spreadsheet export","created_at":%q}`, day(3)))
	if !strings.Contains(w.Body.String(), `"status":"updated","changed":true`) {
		t.Errorf("edit: %s", w.Body)
	}
	totals, err := m.DB.TicketTotals(ctx, time.Time{}, time.Time{}, "")
	if rows := totals["search"] + totals["tag"] + totals["explicit"] + totals[""]; err != nil || rows != 11 {
		t.Errorf("stored tickets: %v (%v), want 11", totals, err)
	}

	if err := m.Tickets.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	get := func(path string) string {
		w := serve(m, "GET", path, "")
		if w.Code != 200 {
			t.Fatalf("GET %s: %d", path, w.Code)
		}
		return w.Body.String()
	}
	// The FAQ page: pinned first, then by tickets; answers inline; no draft.
	faq := get("/faq")
	titles := regexp.MustCompile(`<summary><h2>([^<]*)</h2>`).FindAllStringSubmatch(faq, -1)
	var got []string
	for _, m := range titles {
		got = append(got, m[1])
	}
	if strings.Join(got, "|") != "Reset your password|Sync your Google Calendar|Get a refund &lt;/script&gt;" {
		t.Errorf("FAQ order: %q", got)
	}
	for _, want := range []string{`<details class="faq-item" id="q1">`, `"@type":"FAQPage"`, `"acceptedAnswer"`, `href="/sync/calendar"`,
		`<h3 id="q1-reset-link-expired">`, `"name":"Get a refund \u003c/script\u003e"`} {
		if !strings.Contains(faq, want) {
			t.Errorf("FAQ page lacks %s", want)
		}
	}
	if strings.Contains(faq, "printer") || strings.Contains(faq, "refund </script>") {
		t.Errorf("FAQ page shows a draft or unescaped text")
	}
	if !strings.Contains(get("/fr/faq"), "Réinitialiser votre mot de passe") {
		t.Errorf("French FAQ lacks its pinned article")
	}
	home := get("/")
	if !strings.Contains(home, `<a href="/sync/calendar">Sync your Google Calendar</a>`) || !strings.Contains(home, `href="/faq"`) {
		t.Errorf("home page lacks the FAQ")
	}
	// The FAQ API: ticket counts and trend.
	var api struct {
		FAQ []struct {
			ID      string
			Tickets int
			Last7   int `json:"tickets_7d"`
			Trend   string
			Pinned  bool
		}
	}
	if err := json.Unmarshal([]byte(get("/api/v1/faq?locale=en&limit=2")), &api); err != nil {
		t.Fatal(err)
	}
	if len(api.FAQ) != 2 || api.FAQ[1].ID != "sync/calendar" || api.FAQ[1].Tickets != 6 || api.FAQ[1].Last7 != 6 || api.FAQ[1].Trend != "new" || !api.FAQ[0].Pinned {
		t.Errorf("FAQ API: %+v", api.FAQ)
	}
	for _, bad := range []string{"/api/v1/faq?limit=0", "/api/v1/faq?limit=51", "/api/v1/faq?locale=xx"} {
		if w := serve(m, "GET", bad, ""); w.Code != 400 {
			t.Errorf("%s: %d", bad, w.Code)
		}
	}

	// The unlinked printer tickets are a content gap.
	rep, err := m.Gaps.Report(ctx, gaps.Options{Since: now.Add(-30 * 24 * time.Hour), MinVisitors: 2})
	report := rep.Gaps
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, g := range report {
		if g.Kind == "unlinked_ticket" && g.Visitors == 2 && strings.Contains(g.Key, "printer") {
			found = true
		}
	}
	if !found {
		t.Errorf("no unlinked-ticket gap for the printer tickets: %+v", report)
	}

	// The admin page: tickets per article, their trend and the unlinked topics.
	lw := serve(m, "POST", "/admin/login", "token="+admin)
	page := serve(m, "GET", "/admin/", "", "Cookie", strings.Split(lw.Header().Get("Set-Cookie"), ";")[0]).Body.String()
	for _, want := range []string{`id="tickets"`, `<a href="/sync/calendar">Sync your Google Calendar</a>`, "<td>6</td><td>6</td><td>6</td><td>new (0 → 6)</td>",
		"in the 30 days before", "11 tickets created in this period", `id="unlinked"`, "Printer does not print receipts"} {
		if !strings.Contains(page, want) {
			t.Errorf("admin page lacks %q", want)
		}
	}

	// New content claims the old tickets: relinked, the FAQ follows.
	writeFile(t, dir, "hardware/printers.md", "---\ntitle: Print receipts on a printer\nfaq: true\n---\nPair a receipt printer.\n")
	if err := m.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	if !waitFor(5*time.Second, func() bool {
		got, _ := m.DB.ExistingTickets(ctx, []string{"pr-1", "pr-2"})
		return got["pr-1"].Link.ArticleID == "hardware/printers" && got["pr-2"].Link.ArticleID == "hardware/printers"
	}) {
		t.Fatal("the new article did not claim the printer tickets")
	}
	if !waitFor(5*time.Second, func() bool {
		return strings.Contains(get("/api/v1/faq?limit=10"), `"id":"hardware/printers","title":"Print receipts on a printer"`)
	}) {
		t.Error("the FAQ does not list the new article")
	}
}

// TestTicketsImportCutShort: a JSON export cut short stops the import
// with its line, and the tickets read whole before the cut are stored,
// whether or not they filled a batch of 1,000: those of the last batch
// were lost, all of a small file (a newcomer, rv21b).
func TestTicketsImportCutShort(t *testing.T) {
	dir := ticketContent(t)
	data := t.TempDir()
	file := filepath.Join(t.TempDir(), "tickets.json")
	in := `{"id":1,"subject":"Refund for my order","created_at":"2026-11-01T10:00:00Z"}
{"id":2,"subject":"Exports","created_at":"2026-11-02T10:00:00Z"}
{"id":3,"subject":"Printer jammed","created_at":"2026-11-03T10:00:00Z"}
{"id":4,"subject":"Refu`
	if err := os.WriteFile(file, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb strings.Builder
	if code := run(context.Background(), []string{"tickets", "import", file, "--content", dir, "--data", data}, &out, &errb); code != 1 ||
		!strings.Contains(errb.String(), "line 4, column") || !strings.Contains(errb.String(), "cut short") {
		t.Errorf("exit %d\nstdout: %s\nstderr: %s", code, out.String(), errb.String())
	}
	db := openDB(t, filepath.Join(data, "guichet.db"))
	stored, err := db.ExistingTickets(context.Background(), []string{"1", "2", "3", "4"})
	if err != nil || len(stored) != 3 {
		t.Errorf("stored %d tickets (%v), want the 3 read before the cut", len(stored), err)
	}
}

// TestTicketsImport imports a generic CSV export with bad rows, then the
// same file again.
func TestTicketsImport(t *testing.T) {
	dir := ticketContent(t)
	data := t.TempDir()
	file := filepath.Join(t.TempDir(), "tickets.csv")
	csv := "\ufeffid,subject,tags,created_at,locale,article\n" +
		"1,Refund for my order,refund_request,2026-11-01 10:00,en,\n" +
		"2,\"Google calendar\nnot syncing\",,2026-11-02T10:00:00Z,fr-CA,\n" +
		"3,No date,,,en,\n" +
		"4,Bad date,,yesterday,en,\n" +
		"5,,,2026-11-02,en,\n" +
		"6,Exports,,2026-11-03,,sync/exports\n" +
		"7,Automatic reply: Refund for my order,,2026-11-04,en,\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb strings.Builder
	args := []string{"tickets", "import", file, "--format", "csv", "--content", dir, "--data", data}
	if code := run(context.Background(), args, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{file + ":5: ticket \"3\": skipped: created_at (column \"created_at\") is empty", file + ":6: ticket \"4\": skipped: created_at (column \"created_at\"): \"yesterday\" is not a date",
		file + ":7: ticket \"5\": skipped: subject or body is required"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb.String())
		}
	}
	if !strings.Contains(out.String(), "7 rows") || !strings.Contains(out.String(), "3 created, 0 updated, 0 unchanged, 3 skipped, 1 ignored (automatic replies and bounces)") ||
		!strings.Contains(out.String(), "1 by explicit") || !strings.Contains(out.String(), "1 by tag") {
		t.Errorf("summary:\n%s", out.String())
	}
	out.Reset()
	errb.Reset()
	run(context.Background(), args, &out, &errb)
	if !strings.Contains(out.String(), "0 created, 0 updated, 3 unchanged, 3 skipped, 1 ignored") {
		t.Errorf("second import:\n%s", out.String())
	}
	db := openDB(t, filepath.Join(data, "guichet.db"))
	stored, err := db.ExistingTickets(context.Background(), []string{"2", "7"})
	if err != nil || stored["2"].Locale != "fr" || stored["2"].Subject != "Google calendar not syncing" {
		t.Errorf("ticket 2 stored as %+v (%v), want locale fr, subject on one line", stored["2"], err)
	}
	if _, ok := stored["7"]; ok {
		t.Error("the automatic reply (ticket 7) was stored")
	}
	// Without --format, the export is recognised from its header.
	out.Reset()
	errb.Reset()
	if code := run(context.Background(), []string{"tickets", "import", file, "--content", dir, "--data", data}, &out, &errb); code != 0 ||
		!strings.Contains(errb.String(), "as a generic CSV export (recognised from its header") || !strings.Contains(out.String(), "3 unchanged") {
		t.Errorf("import without --format: exit %d\n%s\n%s", code, errb.String(), out.String())
	}
	// A date that could be either way round stops the import before it
	// writes: the error asks for --date-order, and no "0 rows" summary
	// says the file was read and empty.
	ambiguous := filepath.Join(t.TempDir(), "eu.csv")
	if err := os.WriteFile(ambiguous, []byte("id;subject;created_at\n9;Refund;03/04/2026\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errb.Reset()
	if code := run(context.Background(), []string{"tickets", "import", ambiguous, "--content", dir, "--data", data}, &out, &errb); code != 1 ||
		out.String() != "" || !strings.Contains(errb.String(), ambiguous+":2: column \"created_at\"") || !strings.Contains(errb.String(), "--date-order dmy") {
		t.Errorf("ambiguous dates: exit %d\nstdout: %s\nstderr: %s", code, out.String(), errb.String())
	}
	// An unknown format is a usage error (exit 2); a missing file a
	// failure (exit 1), as the README's exit codes say.
	for _, bad := range []struct {
		args []string
		code int
	}{{[]string{"tickets", "import", file, "--format", "kayako"}, 2}, {[]string{"tickets", "import", "/nope.csv", "--format", "csv"}, 1}} {
		errb.Reset()
		if code := run(context.Background(), append(bad.args, "--content", dir, "--data", data), &out, &errb); code != bad.code {
			t.Errorf("%v: exit %d, want %d", bad.args, code, bad.code)
		}
	}
}

// TestFAQFollowsImports: tickets imported by another process (the
// command line, on the same database) reach the served FAQ by themselves,
// and the JSON summary of the import counts them.
func TestFAQFollowsImports(t *testing.T) {
	dir := ticketContent(t)
	m := openMain(t, dir, false)
	m.Tickets.Poll = 50 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go m.Tickets.Run(ctx)

	file := filepath.Join(t.TempDir(), "export.csv")
	var rows strings.Builder
	rows.WriteString("Ticket ID,Subject,Description,Tags,Created time\n")
	for i := 0; i < 4; i++ {
		fmt.Fprintf(&rows, "%d,Export my bookings,,\"spreadsheet, export\",%s\n", i, time.Now().UTC().Add(-time.Hour).Format("2006-01-02 15:04:05"))
	}
	if err := os.WriteFile(file, []byte(rows.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb strings.Builder
	if code := run(context.Background(), []string{"tickets", "import", file, "--format", "freshdesk", "--json", "--content", dir, "--data", m.Config.Data}, &out, &errb); code != 0 {
		t.Fatalf("import: %s", errb.String())
	}
	var sum struct {
		Summary struct {
			Created int
			Linked  map[string]int
		}
	}
	if err := json.Unmarshal([]byte(out.String()), &sum); err != nil || sum.Summary.Created != 4 || sum.Summary.Linked["title"] != 4 { // "Export my bookings" says the title "Export your bookings"
		t.Fatalf("JSON summary %s (%v)", out.String(), err)
	}
	faq := func() string {
		return mustGet(t, m, "/api/v1/faq")
	}
	if !waitFor(5*time.Second, func() bool { return strings.Contains(faq(), `"id":"sync/exports"`) }) {
		t.Fatalf("the served FAQ did not pick up the import: %s", faq())
	}
}

// TestTicketsImportGuessesLanguage imports, on the sample help center (en
// and fr), an export with no language for most tickets: French subjects
// are read as French, link to the French articles and make French gaps;
// English, vague and numeric subjects keep the default locale, and a
// ticket whose export names a language keeps it.
func TestTicketsImportGuessesLanguage(t *testing.T) {
	data := t.TempDir()
	file := filepath.Join(t.TempDir(), "export.csv")
	at := time.Now().UTC().Add(-48 * time.Hour).Format("2006-01-02 15:04")
	rows := [][2]string{
		{"1", "Comment rembourser un client ?"}, {"2", "Mot de passe oublié"}, {"3", "Résilier mon abonnement"},
		{"4", "How do I refund a client?"}, {"5", "Order 4821"}, {"6", "Question"},
		{"7", "Le terminal de paiement ne s'allume plus"}, {"8", "Mon terminal de paiement ne s'allume pas"},
		{"9", "The card reader does not turn on"}, {"10", "The card reader won't turn on"},
		{"12", "Factures introuvables"}, // no stop word: the French articles' words
	}
	var csv strings.Builder
	csv.WriteString("id,subject,created_at,locale\n")
	for _, r := range rows {
		fmt.Fprintf(&csv, "%s,%q,%s,\n", r[0], r[1], at)
	}
	fmt.Fprintf(&csv, "11,Comment rembourser un client ?,%s,en\n", at) // the export says English
	if err := os.WriteFile(file, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb strings.Builder
	if code := run(context.Background(), []string{"tickets", "import", file, "--content", "../../content", "--data", data}, &out, &errb); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errb.String())
	}
	db := openDB(t, filepath.Join(data, "guichet.db"))
	stored, err := db.ExistingTickets(context.Background(), []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct{ id, locale, article string }{
		{"1", "fr", "payments/refund-client"}, {"2", "fr", "account/reset-password"}, {"3", "fr", "billing/cancel-subscription"},
		{"4", "en", "payments/refund-client"}, {"5", "en", "-"}, {"6", "en", ""},
		{"7", "fr", ""}, {"8", "fr", ""}, {"9", "en", ""}, {"10", "en", ""}, {"11", "en", "-"},
		{"12", "fr", "-"},
	} {
		got := stored[want.id]
		if got.Locale != want.locale || want.article != "-" && got.Link.ArticleID != want.article {
			t.Errorf("ticket %s %q: locale %q, article %q; want %q, %q", want.id, got.Subject, got.Locale, got.Link.ArticleID, want.locale, want.article)
		}
	}
	out.Reset()
	if code := run(context.Background(), []string{"gaps", "--data", data, "--content", "../../content", "--format", "json", "--since", time.Now().UTC().Add(-7 * 24 * time.Hour).Format("2006-01-02")}, &out, &errb); code != 0 {
		t.Fatalf("gaps: exit %d: %s", code, errb.String())
	}
	var report struct {
		Gaps []struct {
			Locale, Query string
			Variants      []struct{ Query string }
		}
	}
	if err := json.Unmarshal([]byte(out.String()), &report); err != nil {
		t.Fatalf("gaps JSON: %v\n%s", err, out.String())
	}
	locales := map[string]string{} // variant → its gap's locale
	for _, g := range report.Gaps {
		for _, v := range g.Variants {
			locales[v.Query] = g.Locale
		}
	}
	for q, want := range map[string]string{
		"Le terminal de paiement ne s'allume plus": "fr", "Mon terminal de paiement ne s'allume pas": "fr",
		"The card reader does not turn on": "en", "The card reader won't turn on": "en",
	} {
		if locales[q] != want {
			t.Errorf("gap of %q in locale %q, want %q; report:\n%s", q, locales[q], want, out.String())
		}
	}
}

// TestTicketWithoutSubject: a ticket exported with an empty subject and a
// body (a chat, a mail sent with none) is imported, its topic and link
// from its body; one with neither is skipped, naming both.
func TestTicketWithoutSubject(t *testing.T) {
	dir := ticketContent(t)
	data := t.TempDir()
	file := filepath.Join(t.TempDir(), "tickets.csv")
	csv := "id,subject,description,created_at\n" +
		"1,,\"Hi team, how do I get a refund for my order? Thanks, Ana\",2026-11-02 10:00\n" +
		"2,  ,,2026-11-02 11:00\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb strings.Builder
	if code := run(context.Background(), []string{"tickets", "import", file, "--format", "csv", "--content", dir, "--data", data}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "1 created") || !strings.Contains(errb.String(), file+":3: ticket \"2\": skipped: subject or body is required") {
		t.Errorf("summary:\n%s\nstderr:\n%s", out.String(), errb.String())
	}
	db := openDB(t, filepath.Join(data, "guichet.db"))
	stored, err := db.ExistingTickets(context.Background(), []string{"1"})
	if got := stored["1"]; err != nil || got.Subject != "" || !strings.Contains(strings.ToLower(got.Topic), "refund") || got.Link.ArticleID != "billing/refunds" {
		t.Errorf("ticket 1 stored as %+v (%v); want no subject, its topic and link from its body", got, err)
	}
}
