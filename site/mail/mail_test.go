package mail

import (
	"context"
	"io"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-smtp"

	"github.com/guichet/guichet/site/delivery"
)

// server is a real SMTP server that refuses recipients with the code
// the test gives (0: accepts) and keeps the messages it accepts.
type server struct {
	addr   string
	refuse int
	mu     sync.Mutex
	got    []string
	rcpt   []string // the recipients, as the envelope named them
}

type session struct{ s *server }

func (ss session) Reset()                               {}
func (ss session) Logout() error                        { return nil }
func (ss session) Mail(string, *smtp.MailOptions) error { return nil }
func (ss session) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.s.mu.Lock()
	ss.s.rcpt = append(ss.s.rcpt, to)
	ss.s.mu.Unlock()
	if ss.s.refuse != 0 {
		return &smtp.SMTPError{Code: ss.s.refuse, EnhancedCode: smtp.EnhancedCode{ss.s.refuse / 100, 1, 1}, Message: "no"}
	}
	return nil
}
func (ss session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	ss.s.mu.Lock()
	ss.s.got = append(ss.s.got, string(b))
	ss.s.mu.Unlock()
	return err
}

func start(t *testing.T, refuse int) *server {
	s := &server{refuse: refuse}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return session{s}, nil }))
	srv.Domain = "test"
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.addr = l.Addr().String()
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return s
}

// TestSend sends through real SMTP servers: accepted (headers written by
// the library, the subject encoded, never a header of its own), refused
// for good (5xx: permanent), refused for now (4xx) and unreachable
// (retried).
func TestSend(t *testing.T) {
	ctx := context.Background()
	ok := start(t, 0)
	s, err := New("smtp://"+ok.addr, "help@acme.test")
	if err != nil {
		t.Fatal(err)
	}
	m := delivery.Mail{To: "support@acme.test", ReplyTo: "ana@example.com", Subject: "Remboursement non reçu\u00a0?", Text: "Bonjour,\nrien reçu.",
		Unsubscribe: "https://help.acme.test/subscriptions/unsubscribe?token=t&locale=fr"}
	if err := s.Send(ctx, m); err != nil {
		t.Fatal(err)
	}
	// Long headers are folded (RFC 5322): unfold them to read them.
	msg := strings.NewReplacer("\r\n ", " ", "\r\n\t", " ").Replace(ok.got[0])
	for _, want := range []string{"From: <help@acme.test>", "To: <support@acme.test>", "Reply-To: <ana@example.com>", "Subject: =?UTF-8?",
		"List-Unsubscribe: <https://help.acme.test/subscriptions/unsubscribe?token=t&locale=fr>", "List-Unsubscribe-Post: List-Unsubscribe=One-Click"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if err := s.Send(ctx, delivery.Mail{To: "support@acme.test", Subject: "x\r\nBcc: all@example.com", Text: "x"}); err == nil {
		if last := ok.got[len(ok.got)-1]; strings.Contains(last, "\r\nBcc: all@example.com") {
			t.Errorf("a line break in the subject made a header:\n%s", last)
		}
	}

	for _, c := range []struct {
		addr      string
		permanent bool
	}{
		{start(t, 550).addr, true},
		{start(t, 451).addr, false},
		{func() string { l, _ := net.Listen("tcp", "127.0.0.1:0"); a := l.Addr().String(); l.Close(); return a }(), false},
	} {
		s, _ := New("smtp://"+c.addr, "help@acme.test")
		err := s.Send(ctx, m)
		if err == nil || delivery.IsPermanent(err) != c.permanent {
			t.Errorf("%s: %v, permanent %v, want %v", c.addr, err, delivery.IsPermanent(err), c.permanent)
		}
	}
}

// TestSendInternationalDomain: an address whose domain is written in
// other letters ("ana@bücher.example", as a customer types it on the
// contact form or to be told when a search is answered) is sent with its
// domain in ASCII (Punycode), as DNS and every SMTP server read it, in
// the envelope and the headers: sent as typed, a server without SMTPUTF8
// (this one, as many) got raw UTF-8 (a newcomer, rv22b).
func TestSendInternationalDomain(t *testing.T) {
	srv := start(t, 0)
	s, err := New("smtp://"+srv.addr, "help@acme.test")
	if err != nil {
		t.Fatal(err)
	}
	m := delivery.Mail{To: "ana@bücher.example", ReplyTo: "jo@müller.example", Subject: "Réponse", Text: "Bonjour"}
	if err := s.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	if len(srv.rcpt) != 1 || srv.rcpt[0] != "ana@xn--bcher-kva.example" {
		t.Errorf("envelope recipients %q, want ana@xn--bcher-kva.example", srv.rcpt)
	}
	for _, want := range []string{"To: <ana@xn--bcher-kva.example>", "Reply-To: <jo@xn--mller-kva.example>"} {
		if !strings.Contains(srv.got[0], want) {
			t.Errorf("message lacks %q:\n%s", want, srv.got[0])
		}
	}
}

func TestNew(t *testing.T) {
	for _, c := range []struct {
		url, from, err string
	}{
		{"smtp://mail.example.com", "help@example.com", ""},
		{"smtps://user:p%40ss@mail.example.com:2465", "help@example.com", ""},
		{"http://mail.example.com", "help@example.com", "scheme"},
		{"smtp://mail.example.com/path", "help@example.com", "nothing after"},
		{"smtp://mail.example.com:99999", "help@example.com", "port"},
		{"smtp://user:secret@mail.example.com/x", "help@example.com", "xxxxx"},
		{"smtp://user:secret@mail.example.com:xx", "help@example.com", "not a URL"},
		{"smtps://user:se cret%@mail.example.com", "help@example.com", "not a URL"},
		{"smtp://user:12/secret@mail.example.com", "help@example.com", "write it %2F"},
		{"smtp://user:se#cret@mail.example.com", "help@example.com", "write it %23"},
		{"smtp://user:se?cret@mail.example.com:587", "help@example.com", "write it %3F"},
		{"smtp://mail.example.com", "", "--mail-from"},
		{"smtp://mail.example.com", "help@example.com\r\nBcc: x@example.com", "--mail-from"},
	} {
		_, err := New(c.url, c.from)
		switch {
		case c.err == "" && err != nil:
			t.Errorf("New(%q, %q): %v", c.url, c.from, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("New(%q, %q): %v, want an error saying %q", c.url, c.from, err, c.err)
		case err != nil && (strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "cret") || strings.Contains(err.Error(), "12/")):
			t.Errorf("the password shows in %v", err)
		}
	}
}
