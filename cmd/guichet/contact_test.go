package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/emersion/go-smtp"

	"github.com/guichet/guichet/site/delivery"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/web/webtest"
)

// sink is a real SMTP server on a free local port that keeps what it
// receives.
type sink struct {
	addr string
	srv  *smtp.Server
	mu   sync.Mutex
	msgs []received
}

// received is one message as the SMTP server got it.
type received struct {
	From    string
	To      []string
	Header  mail.Header
	Subject string
	Body    string
}

type sinkSession struct {
	s    *sink
	from string
	to   []string
}

func (ss *sinkSession) Reset()        { ss.from, ss.to = "", nil }
func (ss *sinkSession) Logout() error { return nil }
func (ss *sinkSession) Mail(from string, _ *smtp.MailOptions) error {
	ss.from = from
	return nil
}
func (ss *sinkSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.to = append(ss.to, to)
	return nil
}
func (ss *sinkSession) Data(r io.Reader) error {
	m, err := mail.ReadMessage(r)
	if err != nil {
		return err
	}
	var body io.Reader = m.Body
	if strings.EqualFold(m.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
		body = quotedprintable.NewReader(m.Body)
	}
	b, err := io.ReadAll(body)
	if err != nil {
		return err
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		return err
	}
	ss.s.mu.Lock()
	defer ss.s.mu.Unlock()
	ss.s.msgs = append(ss.s.msgs, received{From: ss.from, To: ss.to, Header: m.Header, Subject: subject, Body: string(b)})
	return nil
}

// startSink starts an SMTP server on addr ("127.0.0.1:0" for a free port).
func startSink(t *testing.T, addr string) *sink {
	t.Helper()
	s := &sink{}
	s.srv = smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &sinkSession{s: s}, nil }))
	s.srv.Domain = "sink.test"
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	s.addr = l.Addr().String()
	go s.srv.Serve(l)
	t.Cleanup(func() { s.srv.Close() })
	return s
}

func (s *sink) messages() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.msgs...)
}

// hook is a real HTTP receiver of webhooks that checks nothing itself: the
// test verifies the signature as a helpdesk would.
type hook struct {
	mu     sync.Mutex
	bodies [][]byte
	sigs   []string
}

func (h *hook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	h.mu.Lock()
	h.bodies = append(h.bodies, b)
	h.sigs = append(h.sigs, r.Header.Get("X-Guichet-Signature"))
	h.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// validSignature checks X-Guichet-Signature the way the README tells a
// helpdesk to.
func validSignature(secret string, body []byte, header string) bool {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	want := "sha256=" + hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(want), []byte(header))
}

// freeAddr returns a local address nothing listens on (yet).
func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

const hookSecret = "s3cret-for-tests"

// openContactMain opens dir with the SMTP server at smtpAddr, the webhook
// secret and the clock clk, on data folder data.
func openContactMain(t *testing.T, dir, data, smtpAddr string, clk *clock) *Main {
	t.Helper()
	cfg := testConfig(dir, data, func(c *Config) {
		c.SMTP, c.MailFrom, c.WebhookSecret = "smtp://"+smtpAddr, "help@acme.test", hookSecret
	})
	m := &Main{Config: cfg, Now: clk.Now, AfterFunc: clk.AfterFunc, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close(context.Background()) })
	m.Publisher.Wait()
	return m
}

func contactSite(t *testing.T, webhook string) string {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: https://help.acme.test\nlocales: [en, fr]\ncontact:\n  to: support@acme.test\n  webhook: "+webhook+"\n")
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Get a refund\ndescription: Money back within 30 days.\n---\nAsk for a refund from the Orders page within 30 days.\n")
	writeFile(t, dir, "billing/refund.fr.md", "---\ntitle: Obtenir un remboursement\nid: billing/refund\n---\nDemandez un remboursement depuis la page Commandes.\n")
	writeFile(t, dir, "account/password.md", "---\ntitle: Reset your password\n---\nClick Forgot password on the sign-in page: we email you a link.\n")
	return dir
}

// TestContactSuggestsAndDelivers: the contact form suggests articles on
// the server, refuses cross-site posts and header injection, and delivers
// each request by e-mail (Reply-To the customer) and by signed webhook,
// retrying the webhook after its receiver was down, and surviving a
// restart with a message still to send.
func TestContactSuggestsAndDelivers(t *testing.T) {
	ctx := context.Background()
	smtpSink := startSink(t, "127.0.0.1:0")
	hookAddr := freeAddr(t) // the helpdesk is down at first
	dir := contactSite(t, "http://"+hookAddr+"/guichet")
	data := t.TempDir()
	clk := &clock{t: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}
	m := openContactMain(t, dir, data, smtpSink.addr, clk)

	// Suggestions without JavaScript, in each locale.
	for _, c := range []struct{ path, link string }{
		{"/contact?subject=refund", "/billing/refund"},
		{"/fr/contact?subject=remboursement", "/fr/billing/refund"},
		// A sentence no title starts with, with a typo: the search engine
		// reads it when suggestions find nothing.
		{"/contact?subject=my+refnd+never+arrived", "/billing/refund"},
	} {
		w := serve(m, "GET", c.path, "")
		doc := webtest.Parse(t, w.Body.String())
		if w.Code != 200 || doc.Count(`.contact-suggestions a[href="`+c.link+`"]`) != 1 || doc.Count(`form.contact-form[method="post"]`) != 1 {
			t.Fatalf("GET %s: %d, no suggestion %s or no form: %.400s", c.path, w.Code, c.link, w.Body)
		}
	}
	if w := serve(m, "GET", "/contact", ""); w.Code != 200 || webtest.Parse(t, w.Body.String()).Count(`form.contact-lookup input[name="subject"]`) != 1 {
		t.Fatalf("GET /contact: %d", w.Code)
	}
	// The footer's contact link leads to the form.
	if w := serve(m, "GET", "/", ""); webtest.Parse(t, w.Body.String()).Count(`footer a[href="/contact"]`) != 1 {
		t.Error("the footer does not link to /contact")
	}
	// The widget panel has its contact step.
	if w := serve(m, "GET", "/widget/frame?path=/checkout", ""); w.Code != 200 || !strings.Contains(w.Body.String(), `<template id="g-w-contact">`) ||
		webtest.Parse(t, w.Body.String()).Count(`.w-foot a[data-contact]`) != 1 {
		t.Errorf("widget frame: %d, no contact step", w.Code)
	}

	post := func(body string, hdr ...string) *httptest.ResponseRecorder {
		return serve(m, "POST", "/api/v1/contact", body, append([]string{"Content-Type", "application/json"}, hdr...)...)
	}
	good := `{"subject":"Refund <b>not</b> received","description":"I asked a week ago.\nOrder 42.","email":"ana@example.com","locale":"en","path":"/billing/refund","context":"checkout"}`
	if w := post(good, "Origin", "https://evil.example"); w.Code != 403 {
		t.Errorf("cross-site post: %d %s", w.Code, w.Body)
	}
	for _, c := range []struct{ body, field string }{
		{`{"subject":"Refund\r\nBcc: all@example.com","description":"x","email":"ana@example.com","locale":"en"}`, "subject"},
		{`{"subject":"Refund","description":"x","email":"ana@example.com\r\nBcc: all@example.com","locale":"en"}`, "email"},
		{`{"subject":"Refund","description":"x","email":"not-an-address","locale":"en"}`, "email"},
		{`{"subject":"Refund","description":"x","email":"Ana <ana@example.com>","locale":"en"}`, "email"},
		{`{"subject":"Refund","description":"   ","email":"ana@example.com","locale":"en"}`, "description"},
		{`{"subject":"Refund","description":"x","email":"ana@example.com","locale":"en","extra":1}`, "extra"},
	} {
		w := post(c.body)
		if w.Code != 400 || !strings.Contains(w.Body.String(), c.field) {
			t.Errorf("%s: %d %s, want 400 naming %s", c.body, w.Code, w.Body, c.field)
		}
	}
	if w := post(`{"subject":"x","description":"` + strings.Repeat("a", 130<<10) + `","email":"ana@example.com"}`); w.Code != 413 {
		t.Errorf("130 KB body: %d", w.Code)
	}
	w := post(good, "Origin", "https://help.acme.test")
	if w.Code != 202 {
		t.Fatalf("contact: %d %s", w.Code, w.Body)
	}
	var accepted struct{ ID string }
	json.Unmarshal(w.Body.Bytes(), &accepted)

	// Stored as a ticket linked to the article it came from.
	stored, err := m.DB.ExistingTickets(ctx, []string{"contact:" + accepted.ID})
	if err != nil || stored["contact:"+accepted.ID].Link.ArticleID != "billing/refund" {
		t.Errorf("ticket %+v (%v): not linked to billing/refund", stored, err)
	}

	// First attempt: the e-mail goes, the webhook's receiver is down.
	if _, err := m.Queue.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	msgs := smtpSink.messages()
	if len(msgs) != 1 {
		t.Fatalf("%d e-mails, want 1", len(msgs))
	}
	got := msgs[0]
	if got.To[0] != "support@acme.test" || got.From != "help@acme.test" || got.Header.Get("Reply-To") != "<ana@example.com>" ||
		got.Subject != "Refund <b>not</b> received" || !strings.Contains(got.Body, "I asked a week ago.") || !strings.Contains(got.Body, "https://help.acme.test/billing/refund") {
		t.Errorf("e-mail: from %s to %v, Reply-To %q, subject %q, body %q", got.From, got.To, got.Header.Get("Reply-To"), got.Subject, got.Body)
	}
	reqs, err := m.Contact.Requests(ctx, time.Time{}, time.Time{}, "", 10)
	if err != nil || len(reqs) != 1 {
		t.Fatalf("requests %v %v", reqs, err)
	}
	states := map[string]delivery.Delivery{}
	for _, d := range reqs[0].Deliveries {
		states[d.Channel] = d
	}
	if states["mail"].State != "delivered" || states["webhook"].State != "pending" || states["webhook"].Attempts != 1 || states["webhook"].LastError == "" {
		t.Fatalf("after the first attempt: %+v", states)
	}

	// The helpdesk comes back; the retry is due after the backoff.
	rcv := &hook{}
	l, err := net.Listen("tcp", hookAddr)
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: rcv}
	go hs.Serve(l)
	defer hs.Close()
	m.Queue.RunOnce(ctx)
	if len(rcv.bodies) != 0 {
		t.Fatal("retried before its backoff")
	}
	clk.Add(11 * time.Second)
	m.Queue.RunOnce(ctx)
	if len(rcv.bodies) != 1 || !validSignature(hookSecret, rcv.bodies[0], rcv.sigs[0]) {
		t.Fatalf("webhook: %d bodies, signature %v", len(rcv.bodies), rcv.sigs)
	}
	var hb map[string]any
	if err := json.Unmarshal(rcv.bodies[0], &hb); err != nil || hb["email"] != "ana@example.com" || hb["subject"] != "Refund <b>not</b> received" ||
		hb["context"] != "checkout" || hb["article"].(map[string]any)["url"] != "https://help.acme.test/billing/refund" {
		t.Errorf("webhook body %s", rcv.bodies[0])
	}
	if validSignature("another secret", rcv.bodies[0], rcv.sigs[0]) {
		t.Error("the signature does not depend on the secret")
	}

	// A second request while the SMTP server is down survives a restart.
	// The form without JavaScript takes the site's base URL as its own
	// origin, as the JSON post does, whatever Host a proxy passes on.
	smtpSink.srv.Close()
	if w := serve(m, "POST", "/contact", "subject=Reset+password+email+missing&description=Where+is+it%3F&email=bo%40example.com&search_id=&locale=en", "Sec-Fetch-Site", "same-origin", "Origin", "https://help.acme.test"); w.Code != 200 ||
		webtest.Parse(t, w.Body.String()).Count(`.contact-page [role="status"]`) != 1 {
		t.Fatalf("form post without JavaScript: %d %.300s", w.Code, w.Body)
	}
	m.Queue.RunOnce(ctx)
	m.Close(ctx)
	again := startSink(t, smtpSink.addr)
	clk.Add(11 * time.Second)
	m2 := openContactMain(t, dir, data, again.addr, clk)
	if _, err := m2.Queue.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if msgs := again.messages(); len(msgs) != 1 || msgs[0].Subject != "Reset password email missing" || msgs[0].Header.Get("Reply-To") != "<bo@example.com>" {
		t.Fatalf("after the restart: %+v", msgs)
	}
	if b := again.messages()[0].Body; !strings.Contains(b, "Article matched by the subject") {
		t.Errorf("the mail of a request sent from no page does not say its article was matched by the subject: %s", b)
	}

	// The admin list: delivery states, no address anywhere.
	reqs, _ = m2.Contact.Requests(ctx, time.Time{}, time.Time{}, "", 10)
	if len(reqs) != 2 {
		t.Fatalf("%d requests", len(reqs))
	}
	for _, r := range reqs {
		for _, d := range r.Deliveries {
			if d.State != "delivered" {
				t.Errorf("request %q: %s %s (%s)", r.Subject, d.Channel, d.State, d.LastError)
			}
		}
	}
	page := adminPageOf(t, m2)
	if !strings.Contains(page, "Refund &lt;b&gt;not&lt;/b&gt; received") || strings.Contains(page, "<b>not</b>") ||
		strings.Contains(page, "ana@example.com") || strings.Contains(page, "bo@example.com") || !strings.Contains(page, "webhook: delivered") {
		t.Errorf("admin contact list: escaped subject, no address, delivery state expected")
	}
	// The request sent from the refund article shows it as where it came
	// from; one sent from no page, whose subject names an article, says so.
	if n := strings.Count(page, "(matched by the subject)"); n != 1 {
		t.Errorf("admin contact list: %d requests marked as matched by the subject, want 1 (the password request)", n)
	}
}

// adminPageOf signs in and returns the admin page.
func adminPageOf(t *testing.T, m *Main) string {
	t.Helper()
	tok, _, err := m.DB.CreateToken(context.Background(), "admin", "test")
	if err != nil {
		t.Fatal(err)
	}
	w := serve(m, "POST", "/admin/login", "token="+tok)
	session := strings.Split(w.Header().Get("Set-Cookie"), ";")[0]
	w = serve(m, "GET", "/admin/", "", "Cookie", session)
	if w.Code != 200 {
		t.Fatalf("admin page: %d", w.Code)
	}
	return w.Body.String()
}

var linkRE = regexp.MustCompile(`https://help\.acme\.test/subscriptions/(confirm|unsubscribe)\?token=[A-Za-z0-9_-]+&locale=[a-z]+`)

// TestSubscriberToldAboutNewArticle: "Tell me when this is answered" on a
// search with no results; one confirmation however often it is asked;
// the link confirms; the gap counts the person waiting; publishing an
// article that answers it sends one e-mail with the article's URL and a
// one-click unsubscribe, and the address is deleted. Someone who
// unsubscribed is not told.
func TestSubscriberToldAboutNewArticle(t *testing.T) {
	ctx := context.Background()
	smtpSink := startSink(t, "127.0.0.1:0")
	dir := contactSite(t, "")
	clk := &clock{t: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}
	m := openContactMain(t, dir, t.TempDir(), smtpSink.addr, clk)

	w := serve(m, "GET", "/search?q=export+invoices+to+csv", "")
	if doc := webtest.Parse(t, w.Body.String()); doc.Count(`form.subscribe-form`) != 1 || !strings.Contains(w.Body.String(), `name="query" value="export invoices to csv"`) {
		t.Fatalf("no subscribe form on a search without results: %.500s", w.Body)
	}
	n := 0
	sub := func(email string) {
		t.Helper()
		n++ // from many addresses: one client would meet the recording budget
		w := from(m, fmt.Sprintf("198.51.100.%d:4000", n%250), "POST", "/api/v1/subscriptions", `{"query":"export invoices to csv","email":"`+email+`","locale":"en"}`, "Content-Type", "application/json")
		if w.Code != 202 {
			t.Fatalf("subscribe %s: %d %s", email, w.Code, w.Body)
		}
	}
	for range 100 {
		sub("ana@example.com")
	}
	sub("bob@example.com")
	if w := serve(m, "POST", "/api/v1/subscriptions", `{"query":"x","email":"ana@example.com\nBcc: x@example.com","locale":"en"}`, "Content-Type", "application/json"); w.Code != 400 || !strings.Contains(w.Body.String(), "email") {
		t.Errorf("header injection in the address: %d %s", w.Code, w.Body)
	}
	if w := serve(m, "POST", "/api/v1/subscriptions", `{"query":"x","email":"ana@example.com","locale":"en"}`, "Content-Type", "application/json", "Origin", "https://evil.example"); w.Code != 403 {
		t.Errorf("cross-site subscription: %d", w.Code)
	}
	m.Queue.RunOnce(ctx)
	msgs := smtpSink.messages()
	if len(msgs) != 2 {
		t.Fatalf("%d confirmation e-mails for 100 requests from ana and 1 from bob, want 2", len(msgs))
	}
	links := map[string]map[string]string{} // address → kind → link
	for _, msg := range msgs {
		if msg.Header.Get("List-Unsubscribe") == "" || msg.Header.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
			t.Errorf("confirmation without List-Unsubscribe: %v", msg.Header)
		}
		links[msg.To[0]] = map[string]string{}
		for _, l := range linkRE.FindAllStringSubmatch(msg.Body, -1) {
			links[msg.To[0]][l[1]] = l[0]
		}
	}
	path := func(link string) string { return strings.TrimPrefix(link, "https://help.acme.test") }
	waiting := func() int {
		rep, err := m.Gaps.Report(ctx, gaps.Options{KeepIgnored: true})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, g := range rep.Gaps {
			n += g.Waiting
		}
		return n
	}
	if waiting() != 0 {
		t.Error("unconfirmed subscriptions count as waiting")
	}
	for _, who := range []string{"ana@example.com", "bob@example.com"} {
		if w := serve(m, "GET", path(links[who]["confirm"]), ""); w.Code != 200 {
			t.Fatalf("confirm %s: %d", who, w.Code)
		}
	}
	if n := waiting(); n != 2 {
		t.Fatalf("%d waiting after two confirmations", n)
	}
	page := adminPageOf(t, m)
	if !strings.Contains(page, "2 waiting for an answer") || strings.Contains(page, "ana@example.com") {
		t.Error("admin: the gap does not say 2 people wait, or shows an address")
	}
	// Bob changes his mind.
	if w := serve(m, "GET", path(links["bob@example.com"]["unsubscribe"]), ""); w.Code != 200 {
		t.Fatalf("unsubscribe: %d", w.Code)
	}

	clk.Add(time.Hour)
	writeFile(t, dir, "billing/export.md", "---\ntitle: Export your invoices to CSV\n---\nOpen Invoices and choose Export to CSV to download every invoice as a CSV file.\n")
	if err := m.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	m.Publisher.Wait()
	m.Queue.RunOnce(ctx)
	msgs = smtpSink.messages()[2:]
	if len(msgs) != 1 || msgs[0].To[0] != "ana@example.com" || !strings.Contains(msgs[0].Body, "https://help.acme.test/billing/export") ||
		!strings.Contains(msgs[0].Subject, "export invoices to csv") {
		t.Fatalf("notifications: %+v", msgs)
	}
	unsub := msgs[0].Header.Get("List-Unsubscribe")
	if !strings.HasPrefix(unsub, "<https://help.acme.test/subscriptions/unsubscribe?token=") {
		t.Errorf("List-Unsubscribe %q", unsub)
	}
	// The address is gone: nobody waits, nothing more is sent.
	if n := waiting(); n != 0 {
		t.Errorf("%d still waiting after the notification", n)
	}
	m.Contact.Maintain(ctx)
	m.Queue.RunOnce(ctx)
	if n := len(smtpSink.messages()); n != 3 {
		t.Errorf("%d e-mails in all, want 3", n)
	}
	// One-click unsubscribe as a mail client sends it still answers.
	if w := serve(m, "POST", path(strings.Trim(unsub, "<>")), "List-Unsubscribe=One-Click", "Origin", "https://mail.example"); w.Code != 200 {
		t.Errorf("one-click unsubscribe POST: %d", w.Code)
	}
}

// TestSubscriberToldAboutFix: a gap the team marks product_fix and then
// fixed tells the people waiting, with the team's note, in their
// language; unconfirmed subscriptions expire after 48 hours.
func TestSubscriberToldAboutFix(t *testing.T) {
	ctx := context.Background()
	smtpSink := startSink(t, "127.0.0.1:0")
	dir := contactSite(t, "")
	clk := &clock{t: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}
	m := openContactMain(t, dir, t.TempDir(), smtpSink.addr, clk)
	for _, email := range []string{"ana@example.com", "late@example.com"} {
		w := serve(m, "POST", "/subscribe", "query=export+plante&email="+strings.Replace(email, "@", "%40", 1)+"&locale=fr&source=site", "Sec-Fetch-Site", "same-origin")
		if w.Code != 200 || webtest.Parse(t, w.Body.String()).Count(`.subscription-page h1`) != 1 {
			t.Fatalf("subscribe form: %d %.300s", w.Code, w.Body)
		}
	}
	m.Queue.RunOnce(ctx)
	msgs := smtpSink.messages()
	if len(msgs) != 2 || !strings.Contains(msgs[0].Subject, "Confirmez") {
		t.Fatalf("confirmations %+v", msgs)
	}
	confirm := linkRE.FindString(msgs[0].Body)
	if w := serve(m, "GET", strings.TrimPrefix(confirm, "https://help.acme.test"), ""); w.Code != 200 {
		t.Fatalf("confirm: %d", w.Code)
	}
	// late@ never confirms: after 48 hours the link is gone (410, a page
	// saying so).
	clk.Add(49 * time.Hour)
	m.Contact.Maintain(ctx)
	late := linkRE.FindString(msgs[1].Body)
	if w := serve(m, "GET", strings.TrimPrefix(late, "https://help.acme.test"), ""); w.Code != 410 {
		t.Errorf("expired confirmation: %d", w.Code)
	}

	rep, err := m.Gaps.Report(ctx, gaps.Options{Locale: "fr"})
	if err != nil || len(rep.Gaps) != 1 || rep.Gaps[0].Waiting != 1 {
		t.Fatalf("gap of the subscription: %+v %v", rep.Gaps, err)
	}
	id := rep.Gaps[0].ID
	if _, err := m.Gaps.Decide(ctx, id, gaps.StatusProductFix, ""); err != nil {
		t.Fatal(err)
	}
	if n, _ := m.Contact.Notify(ctx); n != 0 {
		t.Fatalf("product_fix notified %d: only fixed does", n)
	}
	if _, err := m.Gaps.Decide(ctx, id, gaps.StatusFixed, "L’export fonctionne de nouveau depuis la version 2.4."); err != nil {
		t.Fatal(err)
	}
	if n, err := m.Contact.Notify(ctx); n != 1 || err != nil {
		t.Fatalf("fixed notified %d (%v)", n, err)
	}
	m.Queue.RunOnce(ctx)
	msgs = smtpSink.messages()
	if len(msgs) != 3 || msgs[2].To[0] != "ana@example.com" || !strings.Contains(msgs[2].Body, "version 2.4") ||
		!strings.Contains(msgs[2].Body, "L’équipe l’a corrigé") || msgs[2].Header.Get("List-Unsubscribe") == "" {
		t.Fatalf("fix notification: %+v", msgs[len(msgs)-1])
	}
	if n, _ := m.Contact.Notify(ctx); n != 0 {
		t.Errorf("notified twice")
	}
}

// TestOneSubscribeOffer: with an SMTP server and contact_url a mailto:
// address (no contact form), "Tell me when this is answered" is the
// subscription form alone, on the search page and in the widget panel,
// never also the e-mail to support that stands in for it without SMTP.
func TestOneSubscribeOffer(t *testing.T) {
	smtpSink := startSink(t, "127.0.0.1:0")
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: https://help.acme.test\ncontact_url: mailto:help@acme.test\n")
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Get a refund\n---\nAsk for a refund from the Orders page within 30 days.\n")
	clk := &clock{t: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}
	m := openContactMain(t, dir, t.TempDir(), smtpSink.addr, clk)

	doc := webtest.Parse(t, mustGet(t, m, "/search?q=zeppelin+hamster"))
	if doc.Count("form.subscribe-form") != 1 || doc.Count("section.subscribe") != 0 {
		t.Errorf("search page: %d subscription forms, %d e-mail offers; want the form alone",
			doc.Count("form.subscribe-form"), doc.Count("section.subscribe"))
	}
	if got := doc.Attr(".next-steps .contact-support a", "href"); got != "mailto:help@acme.test" {
		t.Errorf("search page: contact link %q", got)
	}
	frame := mustGet(t, m, "/widget/frame")
	if !strings.Contains(frame, `<template id="g-w-subscribe">`) || strings.Contains(frame, "data-subject") {
		t.Errorf("widget panel: want the subscription form template and no e-mail offer in its next steps")
	}
}

// TestContactLongDescriptionInAnyScript: a description at the documented
// limit of 5,000 characters is taken in any script, by the API (raw UTF-8
// or \u-escaped) and by the form without JavaScript (percent-encoded);
// one character more is a 400 naming the description, not a 413.
func TestContactLongDescriptionInAnyScript(t *testing.T) {
	smtpSink := startSink(t, "127.0.0.1:0")
	dir := contactSite(t, "http://127.0.0.1:1/unused")
	clk := &clock{t: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}
	m := openContactMain(t, dir, t.TempDir(), smtpSink.addr, clk)
	arabic := strings.Repeat("ب", 5000) // 2 bytes each in UTF-8, 6 percent-encoded
	emoji := strings.Repeat("🙂", 5000)  // 4 bytes each, 12 escaped
	for name, desc := range map[string]string{"Arabic": arabic, "emoji": emoji} {
		body, _ := json.Marshal(map[string]string{"subject": "مشكلة في الدفع", "description": desc, "email": "ana@example.com", "locale": "en"})
		if w := serve(m, "POST", "/api/v1/contact", string(body), "Content-Type", "application/json"); w.Code != 202 {
			t.Errorf("API, %s description of 5,000 characters: %d %.200s", name, w.Code, w.Body)
		}
		var escaped strings.Builder // every character \u-escaped, as some JSON encoders write them
		for _, r := range desc {
			if r1, r2 := utf16.EncodeRune(r); r1 != utf8.RuneError {
				fmt.Fprintf(&escaped, `\u%04x\u%04x`, r1, r2)
			} else {
				fmt.Fprintf(&escaped, `\u%04x`, r)
			}
		}
		raw := `{"subject":"x","description":"` + escaped.String() + `","email":"ana@example.com","locale":"en"}`
		if w := serve(m, "POST", "/api/v1/contact", raw, "Content-Type", "application/json"); w.Code != 202 {
			t.Errorf("API, %s description \\u-escaped: %d %.200s", name, w.Code, w.Body)
		}
		form := url.Values{"subject": {"Paiement"}, "description": {desc}, "email": {"ana@example.com"}, "locale": {"en"}}.Encode()
		if w := serve(m, "POST", "/contact", form, "Sec-Fetch-Site", "same-origin"); w.Code != 200 {
			t.Errorf("form, %s description of 5,000 characters: %d", name, w.Code)
		}
	}
	body, _ := json.Marshal(map[string]string{"subject": "x", "description": arabic + "ب", "email": "ana@example.com", "locale": "en"})
	if w := serve(m, "POST", "/api/v1/contact", string(body), "Content-Type", "application/json"); w.Code != 400 || !strings.Contains(w.Body.String(), "description") {
		t.Errorf("5,001 characters: %d %s, want 400 naming the description", w.Code, w.Body)
	}
}
