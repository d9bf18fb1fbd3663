// Package mail sends Guichet's e-mails through an SMTP server with
// github.com/wneessen/go-mail: MIME, header encoding and the SMTP dialogue
// are the library's, never built by hand here, but for a subject holding
// "=?", which the library passes on as it is and mail clients would decode
// (see subjectWords).
package mail

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	gomail "github.com/wneessen/go-mail"
	"golang.org/x/net/idna"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/delivery"
)

// Sender sends e-mails through one SMTP server. It implements
// delivery.Mailer.
type Sender struct {
	host     string
	port     int
	implicit bool // smtps://: TLS from the first byte
	user     string
	pass     string
	from     string
	// Timeout bounds one connection (default 30 s).
	Timeout time.Duration
}

// New checks the server URL and the sender address and returns a Sender.
// serverURL is smtp://[user:pass@]host[:port] (port 25 by default; plain
// SMTP upgraded with STARTTLS when the server offers it) or
// smtps://[user:pass@]host[:port] (port 465, implicit TLS). from is a
// plain address (site.CheckEmail). Errors name --smtp or --mail-from.
func New(serverURL, from string) (*Sender, error) {
	if err := site.CheckServerURL(strings.TrimSpace(serverURL)); err != nil {
		return nil, fmt.Errorf("--smtp: %q is not a URL like smtp://mail.example.com:587: %v", site.RedactURL(serverURL), err)
	}
	u, err := url.Parse(strings.TrimSpace(serverURL))
	if err != nil {
		return nil, fmt.Errorf("--smtp: %q is not a URL like smtp://mail.example.com:587", site.RedactURL(serverURL))
	}
	s := &Sender{host: u.Hostname(), Timeout: 30 * time.Second}
	switch strings.ToLower(u.Scheme) {
	case "smtp":
		s.port = 25
	case "smtps":
		s.port, s.implicit = 465, true
	default:
		return nil, fmt.Errorf("--smtp: scheme %q: want smtp:// (STARTTLS when offered) or smtps:// (implicit TLS)", u.Scheme)
	}
	if s.host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
		return nil, fmt.Errorf("--smtp: %q must be smtp://[user:pass@]host[:port], nothing after", site.RedactURL(serverURL))
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return nil, fmt.Errorf("--smtp: bad port %q", p)
		}
		s.port = n
	}
	if u.User != nil {
		s.user = u.User.Username()
		s.pass, _ = u.User.Password()
	}
	if s.from, err = site.CheckEmail("--mail-from", from); err != nil {
		return nil, errors.New(site.ErrorMessage(err))
	}
	return s, nil
}

// From returns the sender's address.
func (s *Sender) From() string { return s.from }

// Server returns the server's address, host:port, for the banner.
func (s *Sender) Server() string { return net.JoinHostPort(s.host, strconv.Itoa(s.port)) }

// Send sends m. A refusal the server says is permanent (5xx: no such
// mailbox) is marked delivery.Permanent; anything else may be retried.
func (s *Sender) Send(ctx context.Context, m delivery.Mail) error {
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	if err := msg.From(s.from); err != nil {
		return delivery.Permanent(fmt.Errorf("from %q: %w", s.from, err))
	}
	if err := msg.To(asciiDomain(m.To)); err != nil {
		return delivery.Permanent(fmt.Errorf("recipient: %w", err))
	}
	if m.ReplyTo != "" {
		if err := msg.ReplyTo(asciiDomain(m.ReplyTo)); err != nil {
			return delivery.Permanent(fmt.Errorf("reply-to: %w", err))
		}
	}
	if strings.Contains(m.Subject, "=?") {
		msg.SetGenHeaderPreformatted(gomail.HeaderSubject, subjectWords(m.Subject))
	} else {
		msg.Subject(m.Subject)
	}
	msg.SetDate()
	msg.SetMessageID()
	msg.SetUserAgent("Guichet")
	if m.Unsubscribe != "" {
		msg.SetGenHeader(gomail.HeaderListUnsubscribe, "<"+m.Unsubscribe+">")
		msg.SetGenHeader(gomail.HeaderListUnsubscribePost, "List-Unsubscribe=One-Click")
	}
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	opts := []gomail.Option{gomail.WithPort(s.port), gomail.WithTimeout(s.Timeout)}
	if s.implicit {
		opts = append(opts, gomail.WithSSL())
	} else {
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	}
	if s.user != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover), gomail.WithUsername(s.user), gomail.WithPassword(s.pass))
	}
	c, err := gomail.NewClient(s.host, opts...)
	if err != nil {
		return delivery.Permanent(fmt.Errorf("smtp client: %w", err))
	}
	if err := c.DialAndSendWithContext(ctx, msg); err != nil {
		var se *gomail.SendError
		if errors.As(err, &se) && !se.IsTemp() && se.ErrorCode() >= 500 {
			return delivery.Permanent(fmt.Errorf("smtp %s: %w", s.Server(), err))
		}
		return fmt.Errorf("smtp %s: %w", s.Server(), err)
	}
	return nil
}

// subjectWords returns subj as RFC 2047 encoded words (UTF-8, base64), one
// per folded line: what a customer typed that looks like an encoded word
// ("=?utf-8?q?...?=") then reads as typed rather than decoded by the mail
// client into other text, which may hold what the form refuses (line
// breaks, invisible characters). The mime package encodes only text that
// needs it, so the words are made here; each stays under 75 characters
// and splits no character.
func subjectWords(subj string) string {
	const chunk = 39 // bytes: 52 in base64, 64 with "=?UTF-8?b?" and "?="
	var words []string
	for len(subj) > 0 {
		n := min(len(subj), chunk)
		for n < len(subj) && !utf8.RuneStart(subj[n]) {
			n--
		}
		words = append(words, "=?UTF-8?b?"+base64.StdEncoding.EncodeToString([]byte(subj[:n]))+"?=")
		subj = subj[n:]
	}
	return strings.Join(words, "\r\n ")
}

// asciiDomain returns addr with its domain written in ASCII, as DNS and
// every SMTP server read it ("ana@bücher.example" is
// "ana@xn--bcher-kva.example", IDNA's Punycode): sent as typed, the
// domain needs the server's SMTPUTF8, which many do not offer, and the
// mail to a customer who typed it, or the reply to one, went nowhere. A
// local part in other letters has no ASCII form: it is sent as typed,
// for a server with SMTPUTF8. addr as it is when its domain is no IDNA
// name.
func asciiDomain(addr string) string {
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return addr
	}
	domain, err := idna.Lookup.ToASCII(addr[at+1:])
	if err != nil {
		return addr
	}
	return addr[:at+1] + domain
}
