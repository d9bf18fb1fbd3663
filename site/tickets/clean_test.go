package tickets

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
)

func TestCleanerClean(t *testing.T) {
	now := time.Date(2026, 9, 10, 12, 0, 0, 0, time.UTC)
	c := Cleaner{DefaultLocale: "en", Locales: []string{"en", "fr"}, Now: func() time.Time { return now }}
	created := time.Date(2026, 9, 1, 19, 2, 33, 0, time.UTC)
	// base is a valid ticket; each case changes it.
	base := func() site.Ticket {
		return site.Ticket{ExternalID: "4101", Subject: "Hive scale shows 0 kg", Locale: "en", CreatedAt: created, Source: FormatZendesk}
	}
	manyTags := make([]string, site.MaxTicketTags+1)
	for i := range manyTags {
		manyTags[i] = fmt.Sprintf("tag%d", i)
	}
	longBody := strings.Repeat("é", site.MaxTicketBodyLen+500)

	tests := []struct {
		name    string
		edit    func(*site.Ticket)
		want    func(*site.Ticket) // the ticket after Clean, from base
		wantErr string             // substring of the error
	}{
		{name: "valid ticket unchanged", edit: func(*site.Ticket) {}, want: func(*site.Ticket) {}},
		{
			name: "fields trimmed",
			edit: func(t *site.Ticket) {
				t.ExternalID, t.Subject, t.Body, t.Article = "  4101\t", "  Hive   scale\n shows  0 kg ", "\n  Since the update.  \n", " billing/refunds "
			},
			want: func(t *site.Ticket) { t.Body, t.Article = "Since the update.", "billing/refunds" },
		},
		{name: "empty external_id", edit: func(t *site.Ticket) { t.ExternalID = "" }, wantErr: "external_id is required"},
		{name: "blank external_id", edit: func(t *site.Ticket) { t.ExternalID = " \t " }, wantErr: "external_id is required"},
		{name: "external_id too long", edit: func(t *site.Ticket) { t.ExternalID = strings.Repeat("9", site.MaxTicketIDLen+1) }, wantErr: "external_id is longer than 200"},
		{name: "external_id with control character", edit: func(t *site.Ticket) { t.ExternalID = "41\x0001" }, wantErr: "external_id holds control characters"},
		{name: "empty subject and body", edit: func(t *site.Ticket) { t.Subject, t.Body = "", "" }, wantErr: "subject or body is required"},
		{name: "blank subject and body", edit: func(t *site.Ticket) { t.Subject, t.Body = " \n\t ", "\x00 \n" }, wantErr: "subject or body is required"},
		{
			name: "an HTML body is its text",
			edit: func(t *site.Ticket) { t.Body = "<p>Gimbal tilted &amp; horizon crooked</p><p>Since <b>Monday</b>.</p>" },
			want: func(t *site.Ticket) { t.Body = "Gimbal tilted & horizon crooked\nSince Monday." },
		},
		{
			name: "an HTML subject is its text",
			edit: func(t *site.Ticket) { t.Subject = "<b>Scale</b> shows 0&nbsp;kg &amp; won&#39;t tare" },
			want: func(t *site.Ticket) { t.Subject = "Scale shows 0 kg & won't tare" },
		},
		{
			name: "a subject's script is no words of it",
			edit: func(t *site.Ticket) { t.Subject = "<script>alert(1)</script>Scale won't tare" },
			want: func(t *site.Ticket) { t.Subject = "Scale won't tare" },
		},
		{
			name: "a subject's character references alone",
			edit: func(t *site.Ticket) { t.Subject = "Can&#39;t tare &lt;0 kg&gt;" },
			want: func(t *site.Ticket) { t.Subject = "Can't tare <0 kg>" },
		},
		{
			name: "a subject's angle brackets and ampersands stay",
			edit: func(t *site.Ticket) { t.Subject = "Q&A: weight < 3 kg & <scale id>" },
			want: func(t *site.Ticket) { t.Subject = "Q&A: weight < 3 kg & <scale id>" },
		},
		{
			name: "angle brackets in plain text stay",
			edit: func(t *site.Ticket) { t.Body = "Error <Invalid header> when x < 3" },
			want: func(t *site.Ticket) { t.Body = "Error <Invalid header> when x < 3" },
		},
		{
			name: "empty subject, a body",
			edit: func(t *site.Ticket) { t.Subject, t.Body = " ", "How do I invite my accountant?" },
			want: func(t *site.Ticket) { t.Subject, t.Body = "", "How do I invite my accountant?" },
		},
		{
			name: "subject and body redacted",
			edit: func(t *site.Ticket) {
				t.Subject = "Call me at +33 6 12 34 56 78 or write to marie.dupont@example.fr"
				t.Body = "My order 48213377 was paid with 4970 1012 3456 7890, reach me on (555) 123-4567."
			},
			want: func(t *site.Ticket) {
				t.Subject = "Call me at [phone] or write to [email]"
				t.Body = "My order [number] was paid with [card], reach me on [phone]."
			},
		},
		{
			name: "body truncated to MaxTicketBodyLen characters",
			edit: func(t *site.Ticket) { t.Body = longBody },
			want: func(t *site.Ticket) { t.Body = strings.Repeat("é", site.MaxTicketBodyLen) },
		},
		{
			name: "subject truncated to MaxTicketSubjectLen characters",
			edit: func(t *site.Ticket) { t.Subject = strings.Repeat("ü", site.MaxTicketSubjectLen+1) },
			want: func(t *site.Ticket) { t.Subject = strings.Repeat("ü", site.MaxTicketSubjectLen) },
		},
		{
			name: "invalid UTF-8 replaced, control characters removed",
			edit: func(t *site.Ticket) { t.Subject, t.Body = "Hive \xff scale\x1b[2J", "caf\xc3" },
			want: func(t *site.Ticket) { t.Subject, t.Body = "Hive \uFFFD scale [2J", "caf\uFFFD" },
		},
		{name: "locale fr-CA", edit: func(t *site.Ticket) { t.Locale = "fr-CA" }, want: func(t *site.Ticket) { t.Locale = "fr" }},
		{name: "locale fr_FR", edit: func(t *site.Ticket) { t.Locale = "fr_FR" }, want: func(t *site.Ticket) { t.Locale = "fr" }},
		{name: "locale FR", edit: func(t *site.Ticket) { t.Locale = "FR" }, want: func(t *site.Ticket) { t.Locale = "fr" }},
		{name: "locale French", edit: func(t *site.Ticket) { t.Locale = "French" }, want: func(t *site.Ticket) { t.Locale = "fr" }},
		{name: "locale Français", edit: func(t *site.Ticket) { t.Locale = " Français " }, want: func(t *site.Ticket) { t.Locale = "fr" }},
		{name: "locale English", edit: func(t *site.Ticket) { t.Locale = "English" }, want: func(t *site.Ticket) { t.Locale = "en" }},
		{name: "locale de not configured", edit: func(t *site.Ticket) { t.Locale = "de" }, want: func(t *site.Ticket) { t.Locale = "en" }},
		{name: "locale German not configured", edit: func(t *site.Ticket) { t.Locale = "German" }, want: func(t *site.Ticket) { t.Locale = "en" }},
		{name: "locale empty", edit: func(t *site.Ticket) { t.Locale = "" }, want: func(t *site.Ticket) { t.Locale = "en" }},
		{name: "created_at zero", edit: func(t *site.Ticket) { t.CreatedAt = time.Time{} }, wantErr: "created_at is required"},
		{
			name:    "created_at more than a day ahead",
			edit:    func(t *site.Ticket) { t.CreatedAt = now.Add(25 * time.Hour) },
			wantErr: "created_at 2026-09-11T13:00:00Z is in the future",
		},
		{
			name: "created_at less than a day ahead",
			edit: func(t *site.Ticket) { t.CreatedAt = now.Add(23 * time.Hour) },
			want: func(t *site.Ticket) { t.CreatedAt = now.Add(23 * time.Hour) },
		},
		{name: "created_at before 1990", edit: func(t *site.Ticket) { t.CreatedAt = time.Date(1989, 12, 31, 0, 0, 0, 0, time.UTC) }, wantErr: "before 1990"},
		{
			name: "created_at in UTC to the millisecond",
			edit: func(t *site.Ticket) {
				t.CreatedAt = time.Date(2026, 9, 1, 21, 2, 33, 123456789, time.FixedZone("CEST", 2*3600))
			},
			want: func(t *site.Ticket) { t.CreatedAt = time.Date(2026, 9, 1, 19, 2, 33, 123000000, time.UTC) },
		},
		{
			name: "tags trimmed and deduplicated case-insensitively",
			edit: func(t *site.Ticket) {
				t.Tags = []string{" Billing ", "refund", "billing", "", "   ", "BILLING", "Refund ", "hive sensor"}
			},
			want: func(t *site.Ticket) { t.Tags = []string{"Billing", "refund", "hive sensor"} },
		},
		{
			name: "tag over 100 characters dropped",
			edit: func(t *site.Ticket) { t.Tags = []string{strings.Repeat("x", 101), "alerts"} },
			want: func(t *site.Ticket) { t.Tags = []string{"alerts"} },
		},
		{
			name: "MaxTicketTags tags kept",
			edit: func(t *site.Ticket) { t.Tags = append([]string(nil), manyTags[:site.MaxTicketTags]...) },
			want: func(t *site.Ticket) { t.Tags = manyTags[:site.MaxTicketTags] },
		},
		{name: "too many tags", edit: func(t *site.Ticket) { t.Tags = manyTags }, wantErr: "tags: more than 100"},
		{name: "article too long", edit: func(t *site.Ticket) { t.Article = strings.Repeat("a", 1001) }, wantErr: "article is longer than 1000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := base()
			tt.edit(&got)
			err := c.Clean(&got)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Clean error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Clean: %v", err)
			}
			want := base()
			tt.want(&want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Clean:\ngot  %#v\nwant %#v", got, want)
			}
			if n := utf8.RuneCountInString(got.Body); n > site.MaxTicketBodyLen {
				t.Errorf("body has %d characters, more than %d", n, site.MaxTicketBodyLen)
			}
		})
	}
}

// TestCleanerLocaleRegions checks a configured regional locale ("pt-BR")
// is found from its language and an unconfigured default is kept.
func TestCleanerLocaleRegions(t *testing.T) {
	c := Cleaner{DefaultLocale: "en", Locales: []string{"en", "fr", "pt-BR"}}
	for in, want := range map[string]string{
		"pt": "pt-BR", "PT_br": "pt-BR", "pt-PT": "pt-BR", "Portuguese": "pt-BR", "Português": "pt-BR",
		"fr-BE": "fr", "en-GB": "en", "nl": "en", "xx-YY": "en",
	} {
		if got := c.locale(in); got != want {
			t.Errorf("locale(%q) = %q, want %q", in, got, want)
		}
	}
	// Chinese by script, as the site picks a visitor's version, not the
	// first Chinese listed.
	zh := Cleaner{DefaultLocale: "en", Locales: []string{"en", "zh-Hans", "zh-Hant", "es-419"}}
	for in, want := range map[string]string{"zh-TW": "zh-Hant", "zh_HK": "zh-Hant", "zh-CN": "zh-Hans", "zh": "zh-Hans", "es-MX": "es-419", "es": "es-419"} {
		if got := zh.locale(in); got != want {
			t.Errorf("locale(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCleanerNowDefault checks Clean uses the clock when Now is nil.
func TestCleanerNowDefault(t *testing.T) {
	c := Cleaner{DefaultLocale: "en"}
	tk := site.Ticket{ExternalID: "1", Subject: "Hub offline", CreatedAt: time.Now().Add(48 * time.Hour)}
	if err := c.Clean(&tk); err == nil || !strings.Contains(err.Error(), "in the future") {
		t.Errorf("Clean of a ticket two days ahead: %v, want in the future", err)
	}
	tk.CreatedAt = time.Now().Add(-time.Hour)
	if err := c.Clean(&tk); err != nil {
		t.Errorf("Clean of a ticket an hour old: %v", err)
	}
}

// TestCleanerGuessesLocale: a ticket without a language gets the one its
// text is clearly written in, among the site's locales; one whose export
// names a language keeps it.
func TestCleanerGuessesLocale(t *testing.T) {
	now := time.Date(2026, 9, 10, 12, 0, 0, 0, time.UTC)
	c := Cleaner{DefaultLocale: "en", Locales: []string{"en", "fr"}, Now: func() time.Time { return now },
		Guess: search.NewLocaleGuesser("en", []string{"en", "fr"})}
	tests := []struct {
		locale, subject, body string
		want                  string
	}{
		{"", "Comment rembourser un client ?", "", "fr"},
		{"  ", "Résilier mon abonnement", "", "fr"},
		{"", "Facture", "Bonjour, je ne trouve pas la facture du mois dernier.", "fr"},
		{"", "How do I refund a client?", "", "en"},
		{"", "Order 4821", "", "en"},
		{"", "Facture", "", "en"},
		{"", "Ich kann mein Passwort nicht zurücksetzen", "", "en"}, // no German locale
		{"en", "Comment rembourser un client ?", "", "en"},
		{"English", "Résilier mon abonnement", "", "en"},
		{"xx", "Résilier mon abonnement", "", "en"}, // a language the site lacks: the default, not a guess
		{"fr-CA", "How do I refund a client?", "", "fr"},
	}
	for _, tt := range tests {
		tk := site.Ticket{ExternalID: "1", Subject: tt.subject, Body: tt.body, Locale: tt.locale, CreatedAt: now.Add(-time.Hour)}
		if err := c.Clean(&tk); err != nil {
			t.Fatal(err)
		}
		if tk.Locale != tt.want {
			t.Errorf("locale %q, subject %q, body %q: %q, want %q", tt.locale, tt.subject, tt.body, tk.Locale, tt.want)
		}
	}
	// A mail client's prefix is in no language: "RE:" is no English.
	es := Cleaner{DefaultLocale: "en", Locales: []string{"en", "es"}, Now: func() time.Time { return now },
		Guess: search.NewLocaleGuesser("en", []string{"en", "es"})}
	for _, subject := range []string{"RE: Descuento estudiante", "Re: RE: Fwd: Descuento estudiante"} {
		tk := site.Ticket{ExternalID: "1", Subject: subject, Body: "Soy estudiante", CreatedAt: now.Add(-time.Hour)}
		if err := es.Clean(&tk); err != nil {
			t.Fatal(err)
		}
		if tk.Locale != "es" {
			t.Errorf("subject %q, body %q: %q, want es", subject, tk.Body, tk.Locale)
		}
	}
	// Courtesy in English is no English: a Spanish ticket greeting,
	// pleading and signing in English is Spanish (a newcomer, rv20a); an
	// English ticket signed in Spanish stays English.
	for _, tt := range []struct{ subject, body, want string }{
		{"¿Cómo subo una receta? john.doe+rx@outlook.com thanks", "Hi team,\nBuenas, no encuentro dónde subir la receta. Mi correo es john.doe+rx@outlook.com\nSent from my iPhone", "es"},
		{"reembolso pedido 54021 - please help", "Quiero el reembolso del pedido 54021. Gracias", "es"},
		{"Hello, where is my refund?", "Hi, I have been waiting for my refund for two weeks. Gracias", "en"},
		{"Hola", "Gracias", "es"},
		// A greeting closing the subject, which the topic keeps, is no
		// language either (a newcomer, rv20k).
		{"Flat tyre - hola", "", "en"},
		{"Flat tyre, buenas", "", "en"},
		// A sign-off followed by the customer's name is courtesy too:
		// "Regards, Ana" made a Spanish ticket English (a newcomer, rv20h).
		{"¿Cómo veo facturas antiguas? thanks", "no encuentro facturas antiguas. Regards, Ana", "es"},
		{"¿Cómo veo facturas antiguas?", "No encuentro facturas antiguas.\nBest regards,\nAna María López", "es"},
		// A body of a phone's signature alone is in no language either:
		// it is the phone's, not the customer's (a newcomer, rv20l).
		{"¿Cómo veo facturas antiguas?", "Sent from my iPhone", "es"},
		{"¿Cómo veo facturas antiguas?", "\n\nGet Outlook for Android", "es"},
		{"¿Cómo veo facturas antiguas?", "Gracias.\nSent from my iPhone", "es"},
	} {
		tk := site.Ticket{ExternalID: "1", Subject: tt.subject, Body: tt.body, CreatedAt: now.Add(-time.Hour)}
		if err := es.Clean(&tk); err != nil {
			t.Fatal(err)
		}
		if tk.Locale != tt.want {
			t.Errorf("subject %q, body %q: %q, want %s", tt.subject, tk.Body, tk.Locale, tt.want)
		}
	}
	// A forwarded message's header block is the mail client's, in no
	// language: a Dutch ticket forwarded by Gmail or Outlook in English
	// ("Forwarded message", "From:", "Subject:") is Dutch (a newcomer,
	// rv20g).
	nl := Cleaner{DefaultLocale: "en", Locales: []string{"en", "nl"}, Now: func() time.Time { return now },
		Guess: search.NewLocaleGuesser("en", []string{"en", "nl"})}
	for _, body := range []string{
		"---------- Forwarded message ---------\nFrom: Piet\nSubject: mijn koffer is kwijt\nIk heb mijn koffer niet ontvangen.",
		"-----Original Message-----\nFrom: Piet\nSent: Monday\nTo: support\nSubject: mijn koffer is kwijt\n\nIk heb mijn koffer niet ontvangen.",
	} {
		tk := site.Ticket{ExternalID: "1", Subject: "Fwd: koffer", Body: body, CreatedAt: now.Add(-time.Hour)}
		if err := nl.Clean(&tk); err != nil {
			t.Fatal(err)
		}
		if tk.Locale != "nl" {
			t.Errorf("body %q: %q, want nl", body, tk.Locale)
		}
	}
	// A sign-off signed with a name ("Best regards, Jan") is courtesy
	// too: "Polis wijzigen" with "graag mijn IBAN aanpassen. Best regards,
	// Jan" was English (rv20g).
	for _, body := range []string{"graag mijn IBAN aanpassen. Best regards, Jan", "Hello, graag mijn IBAN aanpassen.\nKind regards,\nJan de Vries", "graag mijn IBAN aanpassen. Thanks, Ana"} {
		tk := site.Ticket{ExternalID: "1", Subject: "Polis wijzigen", Body: body, CreatedAt: now.Add(-time.Hour)}
		if err := nl.Clean(&tk); err != nil {
			t.Fatal(err)
		}
		if tk.Locale != "nl" {
			t.Errorf("body %q: %q, want nl", body, tk.Locale)
		}
	}
}

// TestCleanerComplaintVotes: a complaint the topic leaves out ("ne
// marche pas", "non funziona", "funktioniert nicht") is in the
// customer's language, unlike a greeting: "La carte ne marche pas" took
// the default locale, its topic "La carte" holding no French word of its
// own (a newcomer, rv21b).
func TestCleanerComplaintVotes(t *testing.T) {
	now := time.Date(2026, 9, 10, 12, 0, 0, 0, time.UTC)
	locs := []string{"en", "de", "it", "fr"}
	c := Cleaner{DefaultLocale: "en", Locales: locs, Now: func() time.Time { return now },
		Guess: search.NewLocaleGuesser("en", locs)}
	for _, tt := range []struct{ subject, body, want string }{
		{"La carte ne marche pas", "", "fr"},
		{"La carte ne fonctionne plus", "", "fr"},
		{"La KeyCard non funziona", "", "it"},
		{"I: La tessera non funziona", "", "it"},
		{"Karte funktioniert nicht", "", "de"},
		{"WG: Aufladen klappt nicht", "", "de"},
		// An English complaint stays no vote: customers write it in
		// English whatever language they ask in.
		{"La tessera - not working", "", "en"},
	} {
		tk := site.Ticket{ExternalID: "1", Subject: tt.subject, Body: tt.body, CreatedAt: now.Add(-time.Hour)}
		if err := c.Clean(&tk); err != nil {
			t.Fatal(err)
		}
		if tk.Locale != tt.want {
			t.Errorf("subject %q, body %q: %q, want %s", tt.subject, tt.body, tk.Locale, tt.want)
		}
	}
}

// TestCleanKeepsLines: a body keeps its line breaks once cleaned, so the
// topic of a ticket forwarding a message as Outlook does (its Subject the
// last header, the customer's text on the next line) is the forwarded
// subject: with the lines joined it ran on into the text ("La batería no
// carga Hola, desde ayer el timbre…").
func TestCleanKeepsLines(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	c := Cleaner{DefaultLocale: "es", Locales: []string{"es", "en", "de"}, Now: func() time.Time { return now }}
	for _, tt := range []struct{ subject, body, topic string }{
		{"RV:", "-----Mensaje original-----\r\nDe: Ana\r\nEnviado el: lunes\r\nPara: soporte\r\nAsunto: La batería no carga\r\n\r\nHola, desde ayer el timbre no enciende.", "La batería no carga"},
		{"WG:", "-----Ursprüngliche Nachricht-----\nVon: Ana\nGesendet: Montag\nAn: Support\nBetreff: Kamerabild unscharf\n\nSeit dem Update ist das Bild unscharf.", "Kamerabild unscharf"},
		{"FW:", "-----Original Message-----\nFrom: Bob\nSent: Monday\nTo: support\nSubject: Reset your password\n\nI never got the email.", "Reset your password"},
		// Outlook's header lines alone, a line of underscores at most:
		// the sender's name was the topic ("Von: Max").
		{"AW:", "Von: Max <max@example.de>\nGesendet: Montag, 30. November 2026 08:00\nAn: support@example.de\nBetreff: Entkalkungsprogramm startet nicht\n\nHallo.", "Entkalkungsprogramm startet nicht"},
		{"Fwd:", "See below.\n________________________________\nFrom: Tom <tom@example.com>\nSent: Monday\nTo: Support\nSubject: How to run the descaling program\n\nHi", "How to run the descaling program"},
	} {
		tk := site.Ticket{ExternalID: "1", Subject: tt.subject, Body: tt.body, CreatedAt: now}
		if err := c.Clean(&tk); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(tk.Body, "\r") || strings.Contains(tk.Body, "\n\n") {
			t.Errorf("body %q: want its lines, without CR or empty lines", tk.Body)
		}
		if got := TicketTopic(tk); got != tt.topic {
			t.Errorf("TicketTopic(%q, %q) = %q, want %q", tt.subject, tk.Body, got, tt.topic)
		}
	}
}
