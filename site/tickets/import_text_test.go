package tickets

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// TestDetectFormatSharedNames: names several exports share ("Id",
// "Created at") never outweigh a distinctive one, so the generic header
// the README documents is read as generic, and a short Help Scout export
// as Help Scout (whose tags are split on commas only).
func TestDetectFormatSharedNames(t *testing.T) {
	for _, c := range []struct{ header, want string }{
		{"id,subject,tags,created_at", FormatCSV},
		// "Id" alone is no Zendesk export: Zendesk's own columns are "Id"
		// and "Created at" together, or a distinctive one (left21a).
		{"id,subject,tags", FormatCSV},
		{"Id,Subject,Tags", FormatCSV},
		{"Id,Subject,Tags,Via", FormatZendesk},
		{"id,subject,tags,created_at,locale,article,body", FormatCSV},
		{"ID,Subject,Created_At", FormatCSV},
		{"Conversation ID,Subject,Created At", FormatHelpScout},
		{"Conversation ID,Subject,Tags,Created At,Preview", FormatHelpScout},
		{"Id,Subject,Created at", FormatZendesk},
		{"Id,Subject,Tags,Created at,Via", FormatZendesk},
		{"Ticket ID,Subject,Created at", FormatFreshdesk},
		{"ticket_subject,opened", FormatCSV},
		{"  Subject ,When", FormatCSV},
		{"", ""},
	} {
		if got := DetectFormat(strings.Split(c.header, ",")); got != c.want {
			t.Errorf("DetectFormat(%q) = %q, want %q", c.header, got, c.want)
		}
	}
	// Read without --format, a Help Scout tag holding a space stays one tag.
	in := "Conversation ID,Subject,Tags,Created At\n88,Invoice missing,billing issue,2026-09-01T19:02:33Z\n"
	rd, err := NewReader(strings.NewReader(in), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	tk, _, err := rd.Next()
	if err != nil || rd.Format() != FormatHelpScout || tk.Source != FormatHelpScout || !slices.Equal(tk.Tags, []string{"billing issue"}) {
		t.Errorf("Help Scout without --format: format %q, %+v, %v", rd.Format(), tk, err)
	}
	// The generic file of the README is stored with source csv.
	rd, err = NewReader(strings.NewReader("id,subject,tags,created_at\nT-1,Reset password,account login,2026-09-01\n"), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if tk, _, err := rd.Next(); err != nil || tk.Source != FormatCSV || !slices.Equal(tk.Tags, []string{"account", "login"}) {
		t.Errorf("generic file without --format: %+v, %v", tk, err)
	}
}

// TestReaderRows reads awkward rows: quoted fields over several lines
// (the next row's line is still right), blank lines, a row cut short, a
// broken quote (an error naming its line, and reading goes on), text that
// is not UTF-8.
func TestReaderRows(t *testing.T) {
	in := "id,subject,body,created_at\n" +
		"1,Refund,\"line one\nline two\nline three\",2026-09-01\n" +
		"\n" +
		"2,Card,short\n" +
		"3,Login,,\n" +
		"4,Export é,\"ok\",2026-09-02\n" + // UTF-8: its bad rows are refused one by one
		"5,\xff\xfe,x,2026-09-03\n" +
		"55,ab\xd4,\x80cd,2026-09-03\n" + // each half invalid, valid once joined
		"6,Broken \"quote,x,2026-09-04\n" +
		"7,After,x,2026-09-05\n"
	rd, err := NewReader(strings.NewReader(in), FormatCSV, nil)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		line int
		id   string
		err  string
	}
	var got []row
	for i := 0; i < 20; i++ {
		tk, line, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		r := row{line: line, id: tk.ExternalID}
		if err != nil {
			var re *RowError
			if !errors.As(err, &re) {
				t.Fatalf("line %d: %v is not a *RowError, reading cannot go on", line, err)
			}
			r.err = err.Error()
		}
		got = append(got, r)
	}
	want := []row{
		{2, "1", ""},
		{6, "2", "line 6: the row has 3 columns, the header 4"},
		{7, "3", `line 7: created_at (column "created_at") is empty`},
		{8, "4", ""},
		{9, "5", "line 9: the row is not valid UTF-8"},
		{10, "55", "line 10: the row is not valid UTF-8"},
		{11, "", "line 11:"},
	}
	if len(got) < len(want) {
		t.Fatalf("rows %+v, want at least %+v", got, want)
	}
	for i, w := range want {
		g := got[i]
		if g.line != w.line || g.id != w.id || (w.err == "") != (g.err == "") || !strings.HasPrefix(g.err, w.err) {
			t.Errorf("row %d = %+v, want %+v", i, g, w)
		}
	}
}

func TestSummaryAdd(t *testing.T) {
	var s Summary
	for _, r := range []Result{
		{Status: site.TicketCreated, Link: site.TicketLink{Method: site.LinkSearch}},
		{Status: site.TicketCreated, Link: site.TicketLink{Method: site.LinkTag}},
		{Status: site.TicketCreated},
		{Status: site.TicketUpdated, Changed: true, Link: site.TicketLink{Method: site.LinkSearch}},
		{Status: site.TicketUpdated, Changed: false},
		{Status: site.TicketRejected, Reason: "subject or body is required"},
	} {
		s.Add(r)
	}
	if s.Rows != 6 || s.Created != 3 || s.Updated != 1 || s.Unchanged != 1 || s.Rejected != 1 || s.Unlinked != 2 ||
		s.Linked[site.LinkSearch] != 2 || s.Linked[site.LinkTag] != 1 {
		t.Errorf("summary %+v", s)
	}
}

func TestSummaryWriteText(t *testing.T) {
	for _, c := range []struct {
		name string
		s    Summary
		want string
	}{
		{"linked", Summary{Rows: 5, Created: 3, Updated: 1, Unchanged: 0, Rejected: 1,
			Linked: map[string]int{"tag": 1, "search": 2}, Unlinked: 1},
			"t.csv: 5 rows in 1.5s: 3 created, 1 updated, 0 unchanged, 1 skipped\n" +
				"linked to an article: 2 by search, 1 by tag; unlinked: 1 (see guichet gaps)\n"},
		{"none linked", Summary{Rows: 2, Created: 2, Unlinked: 2},
			"t.csv: 2 rows in 1.5s: 2 created, 0 updated, 0 unchanged, 0 skipped\n" +
				"linked to an article: none; unlinked: 2 (see guichet gaps)\n"},
		// Nothing kept: no line about links.
		{"all skipped", Summary{Rows: 2, Rejected: 2},
			"t.csv: 2 rows in 1.5s: 0 created, 0 updated, 0 unchanged, 2 skipped\n"},
		{"empty", Summary{}, "t.csv: 0 rows in 1.5s: 0 created, 0 updated, 0 unchanged, 0 skipped\n"},
		{"one row", Summary{Rows: 1, Rejected: 1}, "t.csv: 1 row in 1.5s: 0 created, 0 updated, 0 unchanged, 1 skipped\n"},
	} {
		var b bytes.Buffer
		c.s.WriteText(&b, "t.csv", 1500*time.Millisecond)
		if b.String() != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.name, b.String(), c.want)
		}
	}
}

func TestResultWriteText(t *testing.T) {
	for _, c := range []struct {
		r    Result
		want string
	}{
		{Result{ExternalID: "4411", Status: site.TicketRejected, Reason: "subject or body is required", Line: 12},
			"t.csv:12: ticket \"4411\": skipped: subject or body is required\n"},
		{Result{Status: site.TicketRejected, Reason: "created_at is empty", Line: 3},
			"t.csv:3: skipped: created_at is empty\n"},
		{Result{ExternalID: "9", Status: site.TicketCreated, Warning: "unknown locale \"xx\"", Line: 7},
			"t.csv:7: ticket \"9\": warning: unknown locale \"xx\"\n"},
		{Result{ExternalID: "a\"b", Status: site.TicketRejected, Reason: "r", Line: 1},
			"t.csv:1: ticket \"a\\\"b\": skipped: r\n"},
	} {
		var b bytes.Buffer
		c.r.WriteText(&b, "t.csv")
		if b.String() != c.want {
			t.Errorf("got %q, want %q", b.String(), c.want)
		}
	}
}

func TestFormatName(t *testing.T) {
	for f, want := range map[string]string{
		FormatZendesk: "Zendesk", FormatFreshdesk: "Freshdesk", FormatHelpScout: "Help Scout", FormatCSV: "generic CSV",
	} {
		if got := FormatName(f); got != want {
			t.Errorf("FormatName(%q) = %q, want %q", f, got, want)
		}
	}
	for _, f := range Formats() {
		if _, ok := columns[f]; !ok {
			t.Errorf("format %q has no columns", f)
		}
	}
}

// TestReaderUnclosedQuote: a quote opened and never closed where its row
// ends swallows the rows after it into one field, up to the next quote
// the reader chokes on; the error names every line lost, not only the
// first ("t.csv:2: skipped: line 5, column 5" left the rows of lines 3
// and 4 unaccounted for).
func TestReaderUnclosedQuote(t *testing.T) {
	in := "id,subject,created_at\n" +
		"1,\"Unclosed quote,2026-09-01\n" +
		"2,Lost one,2026-09-01\n" +
		"3,Lost two,2026-09-01\n" +
		"4,\"=HYPERLINK(\"\"x\"\")\",2026-09-01\n" +
		"5,After,2026-09-01\n"
	rd, err := NewReader(strings.NewReader(in), FormatCSV, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, line, err := rd.Next()
	if line != 2 || err == nil {
		t.Fatalf("Next() = line %d, %v; want line 2 and an error", line, err)
	}
	for _, want := range []string{"lines 2 to 5", "one row"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}
