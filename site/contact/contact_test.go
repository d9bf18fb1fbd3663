package contact_test

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/contact"
	"github.com/guichet/guichet/site/content"
	"github.com/guichet/guichet/site/delivery"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/themes"
)

// fixture is the contact service on a real SQLite file, with the gap
// report, real content and the default theme's strings.
type fixture struct {
	t     *testing.T
	db    *sqlite.DB
	dbDir string // the folder of db's file
	svc   *contact.Service
	gaps  *gaps.Service
	view  *site.View
	idx   *search.Index
	now   time.Time
}

const siteYAML = "title: Acme Help\nbase_url: https://help.acme.test/\ndefault_locale: en\nlocales: [en, fr]\n" +
	"contact:\n  to: support@acme.test\n  webhook: https://desk.acme.test/hook\n"

var helpContent = fstest.MapFS{
	"guichet.yaml":           {Data: []byte(siteYAML)},
	"account/password.md":    {Data: []byte("---\ntitle: Reset your password\nid: reset-password\n---\nOpen Settings, then Security, then Reset.\n")},
	"account/invoices.md":    {Data: []byte("---\ntitle: Download your invoices\nid: invoices\n---\nInvoices are under Billing.\n")},
	"account/password.fr.md": {Data: []byte("---\ntitle: Réinitialiser votre mot de passe\nid: reset-password\n---\nOuvrez Réglages, puis Sécurité.\n")},
}

func newFixture(t *testing.T, files fstest.MapFS, mail, signed bool) *fixture {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	db, err := sqlite.Open(ctx, filepath.Join(dir, "guichet.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	f := &fixture{t: t, db: db, dbDir: dir, now: time.Now().UTC().Truncate(time.Millisecond)}
	f.gaps = &gaps.Service{Store: db, Retention: 90 * 24 * time.Hour, Now: func() time.Time { return f.now }}
	f.publish(files)
	f.svc = &contact.Service{Store: db, Gaps: f.gaps, View: func() *site.View { return f.view }, Mail: mail, Signed: signed,
		Now: func() time.Time { return f.now }}
	return f
}

func (f *fixture) publish(files fstest.MapFS) {
	f.t.Helper()
	lib, err := content.Load(context.Background(), files, content.Options{})
	if err != nil {
		f.t.Fatal(err)
	}
	v := site.NewView(lib, f.now, false)
	strs, errs := i18n.ReadDir(themes.Default(false))
	if err := errors.Join(errs...); err != nil {
		f.t.Fatal(err)
	}
	v.UI = i18n.New(strs, lib.Strings, lib.Config.DefaultLocale, lib.Locales())
	idx, err := search.Build(context.Background(), v, "")
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { idx.Close() })
	f.gaps.SetAnalyzer(idx.Analyzer())
	f.view, f.idx = v, idx
}

// queued returns the pending deliveries (the store queues them due at its
// own clock), and takes them.
func (f *fixture) queued() []delivery.Delivery {
	f.t.Helper()
	ds, err := f.db.ClaimDeliveries(context.Background(), time.Now().Add(24*time.Hour), time.Hour, 100)
	if err != nil {
		f.t.Fatal(err)
	}
	return ds
}

func mailOf(t *testing.T, d delivery.Delivery) delivery.Mail {
	t.Helper()
	var m delivery.Mail
	if err := json.Unmarshal(d.Payload, &m); err != nil {
		t.Fatalf("delivery %d payload: %v", d.ID, err)
	}
	return m
}

// Where a request goes follows the settings and what the server can do;
// with nowhere to go the form is refused, and nothing is stored.
func TestSubmitChannels(t *testing.T) {
	cases := []struct {
		name         string
		mail, signed bool
		want         []string
	}{
		{"mail and webhook", true, true, []string{delivery.ChannelMail, delivery.ChannelWebhook}},
		{"no SMTP server: webhook only", false, true, []string{delivery.ChannelWebhook}},
		{"no webhook secret: mail only", true, false, []string{delivery.ChannelMail}},
		{"neither: not offered", false, false, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, helpContent, tc.mail, tc.signed)
			if got := f.svc.Channels(f.view); strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("Channels = %v, want %v", got, tc.want)
			}
			_, err := f.svc.Submit(context.Background(), site.ContactRequest{Subject: "Cannot log in",
				Description: "It says my password is wrong.", Email: "jane@example.com", Locale: "en"})
			if tc.want == nil {
				if site.ErrorCode(err) != site.EUNAVAILABLE {
					t.Fatalf("Submit with no channel = %v, want EUNAVAILABLE", err)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			ds := f.queued()
			var got []string
			for _, d := range ds {
				got = append(got, d.Channel)
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("queued %v, want %v", got, tc.want)
			}
			reqs, err := f.svc.Requests(context.Background(), time.Time{}, time.Time{}, "", 10)
			if err != nil {
				t.Fatal(err)
			}
			if want := min(len(tc.want), 1); len(reqs) != want {
				t.Errorf("%d requests stored, want %d", len(reqs), want)
			}
		})
	}
}

// The helpdesk gets the customer's words and address (Reply-To for mail)
// and the article they came from; the team's copy keeps neither the
// address nor personal data in the text.
func TestSubmitContent(t *testing.T) {
	f := newFixture(t, helpContent, true, true)
	r, err := f.svc.Submit(context.Background(), site.ContactRequest{Subject: "Reset fails for order 12345678",
		Description: "Call me on +33 6 12 34 56 78", Email: "jane@example.com", Locale: "en",
		Path: "/account/password", Context: "settings"})
	if err != nil {
		t.Fatal(err)
	}
	if r.ID == "" || !r.CreatedAt.Equal(f.now) {
		t.Errorf("request ID %q at %v, want an ID at %v", r.ID, r.CreatedAt, f.now)
	}
	if r.ArticleID != "reset-password" {
		t.Errorf("article %q, want the page's article reset-password", r.ArticleID)
	}
	for _, d := range f.queued() {
		if d.Ref != r.ID || d.Purpose != delivery.PurposeContact {
			t.Errorf("delivery ref %q purpose %q, want %q %q", d.Ref, d.Purpose, r.ID, delivery.PurposeContact)
		}
		switch d.Channel {
		case delivery.ChannelMail:
			m := mailOf(t, d)
			if m.To != "support@acme.test" || m.ReplyTo != "jane@example.com" || m.Subject != "Reset fails for order 12345678" {
				t.Errorf("mail to %q reply-to %q subject %q", m.To, m.ReplyTo, m.Subject)
			}
			for _, want := range []string{"Call me on +33 6 12 34 56 78", "From: jane@example.com",
				"Article: Reset your password — https://help.acme.test/account/password", "Context: settings", "Request: " + r.ID} {
				if !strings.Contains(m.Text, want) {
					t.Errorf("mail text lacks %q:\n%s", want, m.Text)
				}
			}
		case delivery.ChannelWebhook:
			if d.Target != "https://desk.acme.test/hook" {
				t.Errorf("webhook target %q", d.Target)
			}
			var body map[string]any
			if err := json.Unmarshal(d.Payload, &body); err != nil {
				t.Fatal(err)
			}
			art, _ := body["article"].(map[string]any)
			if body["type"] != "contact.request" || body["id"] != r.ID || body["email"] != "jane@example.com" ||
				body["site"] != "https://help.acme.test/" || art == nil || art["url"] != "https://help.acme.test/account/password" || art["matched"] != "page" {
				t.Errorf("webhook body %v", body)
			}
		}
	}
	reqs, err := f.svc.Requests(context.Background(), time.Time{}, time.Time{}, "", 10)
	if err != nil || len(reqs) != 1 {
		t.Fatalf("requests %v, %v", reqs, err)
	}
	got := reqs[0]
	if got.Email != "" || strings.Contains(got.Subject, "12345678") || strings.Contains(got.Description, "12 34 56") {
		t.Errorf("stored request keeps personal data: %+v", got.ContactRequest)
	}
	if len(got.Deliveries) != 2 {
		t.Errorf("stored request lists %d deliveries, want 2", len(got.Deliveries))
	}
}
