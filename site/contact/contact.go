// Package contact takes what customers send when the help center did not
// answer: contact requests (stored as tickets, delivered to the helpdesk
// through the delivery queue) and "tell me when this is answered"
// subscriptions (double opt-in, one notification when the gap is answered
// by a new article or fixed, then the address is deleted).
package contact

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/delivery"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/tickets"
)

// Store keeps contact requests and subscriptions (site/sqlite implements
// it). Deliveries are stored in the same transaction as what they are
// about, so a request is never stored without its delivery, nor the
// reverse.
type Store interface {
	// SaveContact stores a request and queues its deliveries.
	SaveContact(ctx context.Context, r site.ContactRequest, ds []delivery.Delivery) error
	// ContactRequests returns the latest n requests received in [from, to)
	// (a zero to has no end) of locale ("" every locale), newest first,
	// with their deliveries and deflection state.
	ContactRequests(ctx context.Context, from, to time.Time, locale string, n int) ([]Request, error)
	// ContactStats counts the contact form's use from a time until
	// another (excluded), in one locale or all ("").
	ContactStats(ctx context.Context, from, to time.Time, locale string) (Stats, error)
	// Subscribe stores a pending subscription and queues its
	// confirmation, unless one with the same dedupe key exists (pending
	// and not expired, or confirmed), or the address (in any letter
	// case) has site.SubscriptionPendingPerAddress pending ones not
	// expired and none confirmed: then nothing is stored and created is
	// false. A pending one older than site.SubscriptionConfirmWindow is
	// replaced.
	Subscribe(ctx context.Context, s site.Subscription, tokenHash, dedupe string, confirm delivery.Delivery) (created bool, err error)
	// ConfirmSubscription confirms the subscription whose token hashes to
	// tokenHash (again is fine), unless expired: ENOTFOUND.
	ConfirmSubscription(ctx context.Context, tokenHash string, now time.Time) (site.Subscription, error)
	// Unsubscribe deletes the subscription whose token hashes to
	// tokenHash, with its deliveries not yet sent; ENOTFOUND when there
	// is none (already deleted).
	Unsubscribe(ctx context.Context, tokenHash string) error
	// WaitingSubscriptions returns, of ids, the confirmed subscriptions
	// not yet notified, with their addresses.
	WaitingSubscriptions(ctx context.Context, ids []string) ([]site.Subscription, error)
	// QueueNotifications marks the subscriptions of the notifications
	// (their Delivery.Ref) notified, gives each its new link token hash
	// and queues the deliveries, in one transaction.
	QueueNotifications(ctx context.Context, ns []Notification) error
	// PruneSubscriptions deletes the unconfirmed subscriptions made
	// before pendingBefore and every one made before before; it returns
	// how many went.
	PruneSubscriptions(ctx context.Context, pendingBefore, before time.Time) (int64, error)
}

// Notification is the e-mail telling a subscriber the answer is there,
// and the hash of the token its unsubscribe link carries.
type Notification struct {
	Delivery  delivery.Delivery
	TokenHash string
}

// Request is a stored contact request as the admin page lists it: what
// the customer wrote (personal data redacted), never their address.
type Request struct {
	site.ContactRequest
	Deliveries []delivery.Delivery
	// Opened lists the suggested articles the customer opened before
	// sending anyway.
	Opened []string
}

// Stats counts the contact form's use over a period.
type Stats struct {
	// Sessions counts the subjects typed (suggestion searches), Opened
	// those where a suggestion was opened, Deflected those where one was
	// opened and no request followed, Requests the requests sent.
	Sessions, Opened, Deflected, Requests int
}

// Ingester takes a ticket in (tickets.Service).
type Ingester interface {
	Prepare(ctx context.Context, batch []site.Ticket) (*tickets.Pending, error)
	Commit(ctx context.Context, p *tickets.Pending) ([]tickets.Result, error)
}

// Service is the contact form and the subscriptions. Its fields are set
// once, before use.
type Service struct {
	Store Store
	// Queue is woken when something is queued; nil: the queue finds it
	// at its next poll.
	Queue *delivery.Queue
	// Tickets stores each request as a ticket (nil: not stored as one).
	Tickets Ingester
	// Gaps says which gaps are answered or fixed, and who waits for them.
	Gaps *gaps.Service
	// View is the content being served: the settings (contact.to,
	// contact.webhook, base URL, title) and the articles.
	View func() *site.View
	// Mail says whether an SMTP server is configured, Signed whether
	// webhooks can be signed (GUICHET_WEBHOOK_SECRET set).
	Mail, Signed bool
	Now          func() time.Time
	Logger       *slog.Logger

	checkOnce sync.Once
	check     chan struct{} // asks Run to notify now (see checkSoon)
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

func (s *Service) logger() *slog.Logger {
	if s.Logger == nil {
		return slog.Default()
	}
	return s.Logger
}

// checks is the channel by which checkSoon asks Run to notify; made on
// first use, so a request made before Run starts is not lost.
func (s *Service) checks() chan struct{} {
	s.checkOnce.Do(func() { s.check = make(chan struct{}, 1) })
	return s.check
}

// checkSoon asks Run to notify the subscribers whose gaps are answered now
// rather than at its next tick. Requests made while one is pending are
// one request: a flood of them costs one gap report.
func (s *Service) checkSoon() {
	select {
	case s.checks() <- struct{}{}:
	default:
	}
}

func (s *Service) wake() {
	if s.Queue != nil {
		s.Queue.Wake()
	}
}

// Channels returns where a request would be delivered with the settings of
// view: "mail" when contact.to is set and an SMTP server configured,
// "webhook" when contact.webhook is set and the secret too. Empty: the
// contact form is not offered.
func (s *Service) Channels(v *site.View) []string {
	if v == nil {
		return nil
	}
	var out []string
	c := v.Lib.Config.Contact
	if c.To != "" && s.Mail {
		out = append(out, delivery.ChannelMail)
	}
	if c.Webhook != "" && s.Signed {
		out = append(out, delivery.ChannelWebhook)
	}
	return out
}

// Unavailable returns nil when a request can be delivered with the
// settings of v, else the EUNAVAILABLE error saying why: no contact
// setting, or a setting that lacks what it needs (contact.to an SMTP
// server, contact.webhook a signing secret), named with the operator's
// fix, so that the answer is not "not configured" when it is.
func (s *Service) Unavailable(v *site.View) error {
	if len(s.Channels(v)) > 0 {
		return nil
	}
	var missing []string
	if v != nil {
		c := v.Lib.Config.Contact
		if c.To != "" && !s.Mail {
			missing = append(missing, "contact.to is set but no SMTP server is (--smtp and --mail-from)")
		}
		if c.Webhook != "" && !s.Signed {
			missing = append(missing, "contact.webhook is set but no signing secret is (GUICHET_WEBHOOK_SECRET)")
		}
	}
	if len(missing) == 0 {
		return site.Errorf(site.EUNAVAILABLE, "the contact form is not configured on this help center")
	}
	return site.Errorf(site.EUNAVAILABLE, "the contact form cannot send requests: %s", strings.Join(missing, "; "))
}

// Subscriptions reports whether "tell me when this is answered" can be
// offered: it needs an SMTP server.
func (s *Service) Subscriptions() bool { return s.Mail }

// Requests returns the latest n contact requests received in [from, to)
// of locale (Store.ContactRequests).
func (s *Service) Requests(ctx context.Context, from, to time.Time, locale string, n int) ([]Request, error) {
	return s.Store.ContactRequests(ctx, from, to, locale, n)
}

// Stats counts the contact form's use over a period, in one locale or
// all (Store.ContactStats).
func (s *Service) Stats(ctx context.Context, from, to time.Time, locale string) (Stats, error) {
	return s.Store.ContactStats(ctx, from, to, locale)
}

// base returns the site's absolute URL for a path (site.AbsoluteURL: its
// path percent-encoded), as the e-mails and the webhook link it.
func base(v *site.View, path string) string {
	return site.AbsoluteURL(v.Lib.Config.BaseURL, path)
}

// webhookBody is the JSON a helpdesk receives for a request.
type webhookBody struct {
	Type        string       `json:"type"` // "contact.request"
	ID          string       `json:"id"`
	CreatedAt   time.Time    `json:"created_at"`
	Subject     string       `json:"subject"`
	Description string       `json:"description"`
	Email       string       `json:"email"`
	Locale      string       `json:"locale"`
	Context     string       `json:"context,omitempty"`
	Path        string       `json:"path,omitempty"`
	SearchID    string       `json:"search_id,omitempty"`
	Article     *articleJSON `json:"article,omitempty"`
	Site        string       `json:"site"`
}

type articleJSON struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"`
	// Matched says how: "page" (sent from it) or "subject" (the subject
	// names it, as for an imported ticket).
	Matched string `json:"matched"`
}

// ErrNotSaved is what Submit answers (errors.Is) when the store failed:
// the customer is told that the request was not sent, and to send it
// again later.
var ErrNotSaved = site.Errorf(site.EUNAVAILABLE, "your message could not be saved, so it was not sent: please send it again in a few minutes")

// Submit stores a validated request as a ticket and a contact request and
// queues its deliveries; it returns once they are stored (the delivery is
// the queue's). With no channel configured it is an EUNAVAILABLE error;
// when the store fails, ErrNotSaved for the visitor and the store's error
// for the log.
func (s *Service) Submit(ctx context.Context, r site.ContactRequest) (site.ContactRequest, error) {
	v := s.View()
	channels := s.Channels(v)
	if len(channels) == 0 {
		return r, s.Unavailable(v)
	}
	r.ID = site.NewID()
	r.CreatedAt = s.now().Truncate(time.Millisecond)
	var art *site.Article
	if r.Path != "" {
		if a, err := v.ArticleByURL(r.Path); err == nil {
			art, r.ArticleID = a, a.ID
		}
	}
	// The ticket: linked to its article like an imported one, so it
	// counts for the FAQ at once; written once the request is stored, so
	// that a request the customer is told to send again is not counted.
	var ticket *tickets.Pending
	if s.Tickets != nil {
		p, err := s.Tickets.Prepare(ctx, []site.Ticket{{ExternalID: "contact:" + r.ID, Subject: r.Subject, Body: r.Description,
			Locale: r.Locale, Article: r.ArticleID, CreatedAt: r.CreatedAt, Source: "contact"}})
		switch {
		case err != nil:
			s.logger().Warn("link a contact request as a ticket", "err", err)
		case len(p.Results()) == 1 && r.ArticleID == "" && p.Results()[0].Link.ArticleID != "":
			// Linked in the request's locale, else in the default one
			// (an article not translated).
			r.ArticleID = p.Results()[0].Link.ArticleID
			for _, loc := range []string{r.Locale, v.Lib.Config.DefaultLocale} {
				if a, err := v.Article(r.ArticleID, loc); err == nil {
					art = a
					break
				}
			}
		}
		if err == nil {
			ticket = p
		}
	}
	var ds []delivery.Delivery
	for _, ch := range channels {
		switch ch {
		case delivery.ChannelMail:
			d, err := delivery.NewMail(delivery.PurposeContact, r.ID, s.contactMail(v, r, art))
			if err != nil {
				return r, err
			}
			ds = append(ds, d)
		case delivery.ChannelWebhook:
			body := webhookBody{Type: "contact.request", ID: r.ID, CreatedAt: r.CreatedAt, Subject: r.Subject,
				Description: r.Description, Email: r.Email, Locale: r.Locale, Context: r.Context, Path: r.Path,
				SearchID: r.SearchID, Site: base(v, "/")}
			if art != nil {
				body.Article = &articleJSON{ID: art.ID, Title: art.Title, URL: base(v, art.URL), Matched: "page"}
				if r.BySubject(v) {
					body.Article.Matched = "subject"
				}
			}
			b, err := json.Marshal(body)
			if err != nil {
				return r, fmt.Errorf("contact webhook body: %w", err)
			}
			ds = append(ds, delivery.NewWebhook(delivery.PurposeContact, r.ID, v.Lib.Config.Contact.Webhook, b))
		}
	}
	stored := r
	// Kept for the team: what was asked, personal data redacted.
	stored.Subject, stored.Description, stored.Email = site.Redact(r.Subject), site.Redact(r.Description), ""
	if err := s.Store.SaveContact(ctx, stored, ds); err != nil {
		// Never a success for a request that is lost, nor an engine's
		// message: the customer is told to send it again later (503),
		// the log says why (a full disk, a read-only database).
		return r, site.Shown(ErrNotSaved, fmt.Errorf("store contact request: %w", err))
	}
	s.wake()
	if ticket != nil {
		if _, err := s.Tickets.Commit(ctx, ticket); err != nil {
			// The request is on its way; only the FAQ misses it.
			s.logger().Warn("store a contact request as a ticket", "err", err)
		}
	}
	return r, nil
}

// contactMail is the e-mail the helpdesk receives: the customer's words,
// Reply-To the customer, and where they came from.
func (s *Service) contactMail(v *site.View, r site.ContactRequest, art *site.Article) delivery.Mail {
	var b strings.Builder
	b.WriteString(r.Description)
	b.WriteString("\n\n-- \n")
	fmt.Fprintf(&b, "From: %s\nLanguage: %s\n", r.Email, r.Locale)
	switch {
	case art != nil && r.BySubject(v):
		fmt.Fprintf(&b, "Article matched by the subject (not the page it was sent from): %s — %s\n", art.Title, base(v, art.URL))
	case art != nil:
		fmt.Fprintf(&b, "Article: %s — %s\n", art.Title, base(v, art.URL))
	}
	if r.Path != "" {
		fmt.Fprintf(&b, "Page: %s\n", r.Path)
	}
	if r.Context != "" {
		fmt.Fprintf(&b, "Context: %s\n", r.Context)
	}
	fmt.Fprintf(&b, "Request: %s (sent through the contact form of %s)\n", r.ID, base(v, "/"))
	return delivery.Mail{To: v.Lib.Config.Contact.To, ReplyTo: r.Email, Subject: r.Subject, Text: b.String()}
}

// NewToken returns a secret for confirmation and unsubscribe links, and
// its hash, the only form stored.
func NewToken() (token, hash string) {
	b := make([]byte, 24)
	rand.Read(b)
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token)
}

// HashToken returns the stored form of a link's token.
func HashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// dedupeKey makes the same address asking about the same query in the same
// locale one subscription.
func dedupeKey(locale, email, normalized string) string {
	h := sha256.Sum256([]byte(locale + "\x00" + strings.ToLower(email) + "\x00" + normalized))
	return hex.EncodeToString(h[:])
}
