package tickets

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestJSONExportsGolden: the helpdesks' JSON exports load as they come
// (Zendesk's {"tickets": […]} and one-ticket-per-line data export, Help
// Scout's _embedded conversations, Intercom's conversation list), each
// recognised from its fields; a chat without a subject keeps none (its topic
// comes from its body, as for any ticket without one), HTML bodies become text, tags come from each helpdesk's shape.
func TestJSONExportsGolden(t *testing.T) {
	for _, tt := range []struct{ file, format string }{
		{"zendesk.json", FormatZendesk},
		{"zendesk.ndjson", FormatZendesk},
		{"helpscout.json", FormatHelpScout},
		{"intercom.json", FormatIntercom},
	} {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rd, err := NewReader(f, "", paris(t))
			if err != nil {
				t.Fatalf("NewReader: %v", err)
			}
			if rd.Format() != tt.format {
				t.Errorf("recognised as %q, want %q", rd.Format(), tt.format)
			}
			got := readAll(t, rd)
			golden := filepath.Join("testdata", strings.ReplaceAll(tt.file, ".", "_")+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}

// TestJSONErrors: a JSON file that is no ticket list, or is cut short,
// is refused with the line and column.
func TestJSONErrors(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"cut short", "{\"tickets\":[{\"id\":1,\"subject\":\"a\",\"created_at\":\"2026-09-01T10:00:00Z\"},\n{\"id\":2,", "line 2, column 9: the JSON ends in the middle of a value"},
		{"no list", `{"next_page":null,"count":0}`, "the JSON holds no tickets"},
		{"bad syntax", "[\n{\"id\":1,,}]", "line 2, column"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rd, err := NewReader(strings.NewReader(tt.in), "", nil)
			for err == nil {
				_, _, err = rd.Next()
				var re *RowError
				if errors.As(err, &re) {
					err = nil
				}
			}
			if errors.Is(err, io.EOF) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one with %q", err, tt.want)
			}
		})
	}
}

// TestReaderSeparators: spreadsheets of locales that write decimals with
// a comma save CSV with semicolons; tab-separated files too; a comma file
// whose quoted cells hold semicolons stays a comma file.
func TestReaderSeparators(t *testing.T) {
	for _, tt := range []struct{ name, in, sep, want string }{
		{"semicolons with BOM", "\ufeffTicket ID;Subject;Created time;First response time (in hrs)\n7;Résilier mon abonnement;2026-09-01 10:00:00;1,5\n", "semicolons", `id="7" subject="Résilier mon abonnement"`},
		{"tabs", "id\tsubject\tcreated_at\nT-1\tReset my password\t2026-09-01\n", "tabs", `id="T-1" subject="Reset my password"`},
		{"commas, semicolons quoted", "id,subject,created_at,tags\nT-2,\"Refund; twice\",2026-09-01,\"a;b;c;d\"\n", "commas", `subject="Refund; twice"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rd, err := NewReader(strings.NewReader(tt.in), "", nil)
			if err != nil {
				t.Fatal(err)
			}
			if rd.Separator() != tt.sep {
				t.Errorf("separator %q, want %q", rd.Separator(), tt.sep)
			}
			if got := readAll(t, rd); !strings.Contains(got, tt.want) || strings.Contains(got, "ERROR") {
				t.Errorf("read %s, want %s", got, tt.want)
			}
		})
	}
}

// TestReaderDateOrder: a date like 03/04/2026 is never guessed: the order
// comes from --date-order or from another date of the file whose day is
// above 12; without either, or when the file's dates disagree, the import
// stops naming the line and the column and saying what to pass.
func TestReaderDateOrder(t *testing.T) {
	const head = "Ticket ID,Subject,Created time\n"
	for _, tt := range []struct {
		name, rows, order string
		pipe              bool   // the file cannot be read twice (stdin)
		want              string // the first ticket's date, or the error
		note              string // what DateOrder says
	}{
		{"day first, learnt", "1,a,03/04/2026 10:00\n2,b,25/04/2026 10:00\n", "", false, "2026-04-03", `day first (line 3 has "25/04/2026 10:00")`},
		{"month first, learnt", "1,a,03/04/2026\n2,b,\"multi\nline\"\n3,c,04/25/2026\n", "", false, "2026-03-04", `month first (line 5 has "04/25/2026")`},
		{"nothing tells", "1,a,03/04/2026\n2,b,05/06/2026\n", "", false, `line 2: column "Created time": "03/04/2026" could be day or month first, and no date of the file has a day above 12 to tell: pass --date-order dmy`, ""},
		{"dates disagree", "1,a,03/04/2026\n2,b,25/04/2026\n3,c,04/25/2026\n", "", false, `the file's dates disagree on the order of day and month (line 3 has "25/04/2026", line 4 has "04/25/2026")`, ""},
		{"asked", "1,a,03/04/2026\n", "mdy", false, "2026-03-04", "month first (as asked)"},
		{"pipe", "1,a,03/04/2026\n2,b,25/04/2026\n", "", true, `"03/04/2026" could be day or month first: pass --date-order`, ""},
		{"unambiguous only", "1,a,2026-04-03\n2,b,25/04/2026\n", "", false, "2026-04-03", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var r io.Reader = strings.NewReader(head + tt.rows)
			if tt.pipe {
				r = io.MultiReader(r)
			}
			rd, err := NewReader(r, "", nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := rd.SetDateOrder(tt.order); err != nil {
				t.Fatal(err)
			}
			tk, line, err := rd.Next()
			if err != nil {
				var re *RowError
				if errors.As(err, &re) {
					t.Fatalf("a row error %v, want the import stopped", err)
				}
				if err = rd.fatal(line, err); !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error %q, want %q", err, tt.want)
				}
				return
			}
			if got := tk.CreatedAt.Format("2006-01-02"); got != tt.want {
				t.Errorf("date %s, want %s", got, tt.want)
			}
			for err == nil {
				_, _, err = rd.Next()
			}
			if got := rd.DateOrder(); got != tt.note {
				t.Errorf("DateOrder %q, want %q", got, tt.note)
			}
		})
	}
	if err := (&Reader{}).SetDateOrder("ymd"); err == nil || !strings.Contains(err.Error(), "dmy") {
		t.Errorf("SetDateOrder(ymd) = %v", err)
	}
}

// TestJSONDateOrder: --date-order reads the dates of a JSON export as it
// reads a CSV's (was: ignored, every ticket refused as "could be day or
// month first").
func TestJSONDateOrder(t *testing.T) {
	for _, tt := range []struct{ order, want string }{
		{"dmy", "2026-04-03"},
		{"mdy", "2026-03-04"},
	} {
		rd, err := NewReader(strings.NewReader(`[{"id": 1, "subject": "a", "created_at": "03/04/2026 10:00"}]`), "", nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := rd.SetDateOrder(tt.order); err != nil {
			t.Fatal(err)
		}
		tk, _, err := rd.Next()
		if err != nil {
			t.Fatalf("%s: %v", tt.order, err)
		}
		if got := tk.CreatedAt.Format("2006-01-02"); got != tt.want {
			t.Errorf("%s: date %s, want %s", tt.order, got, tt.want)
		}
	}
}

// TestJSONBodyText: a plain-text description (Zendesk's) is kept as
// written, angle brackets and ampersands included; an HTML one
// (Freshdesk's description, Intercom's message) loses its tags, and its
// style sheets, scripts and comments, which are not what the customer
// wrote.
func TestJSONBodyText(t *testing.T) {
	for _, tt := range []struct{ name, ticket, want string }{
		{"plain", `{"id": 1, "via": {}, "subject": "Import", "description": "It fails with <Invalid header> when x < 3 and y > 2\nAT&T &amp; co", "created_at": "2026-04-03T10:00:00Z"}`,
			"It fails with <Invalid header> when x < 3 and y > 2\nAT&T &amp; co"},
		{"html", `{"id": 2, "responder_id": 5, "subject": "Import", "description": "<html><head><style>p { color: red }</style></head><body><!-- sent from my phone --><p>It fails &amp; stops</p><script>track()</script><div>Thanks</div></body></html>", "created_at": "2026-04-03T10:00:00Z"}`,
			"It fails & stops\nThanks"},
		{"intercom", `{"type": "conversation", "id": "3", "source": {"subject": "", "body": "<p>Hello<br>my card is refused</p>"}, "created_at": 1775210400}`,
			"Hello\nmy card is refused"},
	} {
		rd, err := NewReader(strings.NewReader(tt.ticket), "", nil)
		if err != nil {
			t.Fatal(err)
		}
		tk, _, err := rd.Next()
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := strings.TrimSpace(tk.Body); got != tt.want {
			t.Errorf("%s: body %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestReaderDateOrderEncodings: the order of day and month is learnt from
// a file saved in UTF-16 ("Unicode text") or Windows-1252 as from one in
// UTF-8 (was: the UTF-16 file was read again undecoded, no date found,
// and the import stopped asking for --date-order).
func TestReaderDateOrderEncodings(t *testing.T) {
	const in = "Ticket ID\tSubject\tCreated time\r\n1\tR\u00e9ponse\t03/04/2026 10:00\r\n2\tb\t25/04/2026 10:00\r\n"
	utf16 := []byte{0xff, 0xfe}
	for _, r := range in {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	for _, tt := range []struct{ name, file string }{
		{"UTF-16", string(utf16)},
		{"Windows-1252", strings.ReplaceAll(in, "\u00e9", "\xe9")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rd, err := NewReader(strings.NewReader(tt.file), "", nil)
			if err != nil {
				t.Fatal(err)
			}
			tk, line, err := rd.Next()
			if err != nil {
				t.Fatalf("line %d: %v", line, err)
			}
			if got := tk.CreatedAt.Format("2006-01-02"); got != "2026-04-03" || tk.Subject != "Réponse" {
				t.Errorf("%q on %s, want Réponse on 2026-04-03", tk.Subject, got)
			}
		})
	}
}

// TestIntercomChatTopicAsBody: an Intercom chat without a subject gets the
// topic a ticket with an empty subject and the same body gets (through the
// API or a CSV): the body's first sentence, its signature and greetings
// left out, or NoSubject when it says nothing. Its first words made into a
// subject kept "Sent from my iPhone", "hola" and the clauses after a comma
// (a newcomer, rv18h).
func TestIntercomChatTopicAsBody(t *testing.T) {
	for _, body := range []string{
		"<p>Hi, the app keeps crashing when I open the map. Sent from my iPhone</p>",
		"<p>Hola, quiero un reembolso del viaje de ayer, la bici no funcionaba y me cobrasteis 8 &euro;</p>",
		"<p>hola</p>",
		"<p>Hola buenas</p><p>Gracias de antemano</p>",
	} {
		doc := `{"type":"conversation.list","conversations":[{"type":"conversation","id":"9","created_at":1795100100,"title":null,` +
			`"source":{"type":"conversation","subject":"","body":` + strconv.Quote(body) + `}}]}`
		rd, err := NewReader(strings.NewReader(doc), "", paris(t))
		if err != nil {
			t.Fatal(err)
		}
		tk, _, err := rd.Next()
		if err != nil {
			t.Fatal(err)
		}
		want := TicketTopic(site.Ticket{Body: tk.Body})
		if got := TicketTopic(tk); got != want {
			t.Errorf("chat %q: topic %q, want %q as a ticket with that body and no subject", body, got, want)
		}
	}
}
