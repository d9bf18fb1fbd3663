package mail

import (
	"context"
	"encoding/base64"
	"io"
	"mime"
	"mime/quotedprintable"
	netmail "net/mail"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/delivery"
)

// Addresses a customer typed never add headers or recipients: the message
// is refused for good and nothing reaches the server.
func TestSendRefusesHeaderInjection(t *testing.T) {
	srv := start(t, 0)
	s, err := New("smtp://"+srv.addr, "help@acme.test")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []delivery.Mail{
		{To: "support@acme.test", ReplyTo: "jane@example.com\r\nBcc: all@example.com", Subject: "Hi", Text: "x"},
		{To: "jane@example.com\nBcc: all@example.com", Subject: "Hi", Text: "x"},
		{To: "", Subject: "Hi", Text: "x"},
	} {
		err := s.Send(context.Background(), m)
		if err == nil || !delivery.IsPermanent(err) {
			t.Errorf("to %q reply-to %q: %v, want a permanent error", m.To, m.ReplyTo, err)
		}
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if len(srv.got) != 0 {
		t.Errorf("%d messages sent:\n%s", len(srv.got), srv.got[0])
	}
}

// A customer's text arrives as written: a line holding only a dot (which
// ends a message in SMTP), lines starting with "From ", non-ASCII text.
func TestSendKeepsText(t *testing.T) {
	srv := start(t, 0)
	s, err := New("smtp://"+srv.addr, "help@acme.test")
	if err != nil {
		t.Fatal(err)
	}
	text := "Hello,\n.\nFrom now on it fails.\nÇa ne marche pas — 日本語\n..\nBye"
	if err := s.Send(context.Background(), delivery.Mail{To: "support@acme.test", Subject: "Hi", Text: text}); err != nil {
		t.Fatal(err)
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if len(srv.got) != 1 {
		t.Fatalf("%d messages", len(srv.got))
	}
	body := decodeBody(t, srv.got[0]) // SMTP ends the data with a line break
	if body = strings.TrimSuffix(body, "\n"); body != text {
		t.Errorf("body arrived as %q, want %q", body, text)
	}
}

// decodeBody returns the text of a single-part message as received.
func decodeBody(t *testing.T, raw string) string {
	t.Helper()
	msg, err := netmail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	var r io.Reader = msg.Body
	switch strings.ToLower(msg.Header.Get("Content-Transfer-Encoding")) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, r)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(b), "\r\n", "\n")
}

// A subject typed like an RFC 2047 encoded word reads as typed: the mail
// client does not decode it into other text (a Bcc line, a line break the
// form refuses), and a long one stays within the line length.
func TestSendSubjectLikeAnEncodedWord(t *testing.T) {
	srv := start(t, 0)
	s, err := New("smtp://"+srv.addr, "help@acme.test")
	if err != nil {
		t.Fatal(err)
	}
	for _, subj := range []string{
		"=?utf-8?q?Bcc=3A_all=40example=2Ecom?=",
		"=?utf-8?q?a=0D=0AX-Evil=3A_1?= then more",
		"Re: =?UTF-8?B?w6l0w6k=?= " + strings.Repeat("réservation 駐車 ", 12),
	} {
		if err := s.Send(context.Background(), delivery.Mail{To: "support@acme.test", Subject: subj, Text: "x"}); err != nil {
			t.Fatal(err)
		}
		srv.mu.Lock()
		raw := srv.got[len(srv.got)-1]
		srv.mu.Unlock()
		for _, line := range strings.Split(raw, "\r\n") {
			if len(line) > 78 {
				t.Errorf("line of %d characters: %q", len(line), line)
			}
		}
		msg, err := netmail.ReadMessage(strings.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		got, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		if err != nil {
			t.Fatal(err)
		}
		if got != subj {
			t.Errorf("subject %q reads %q", subj, got)
		}
	}
}
