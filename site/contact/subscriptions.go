package contact

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/delivery"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/textnorm"
)

// Subscribe takes a validated "tell me when this is answered": a pending
// subscription and its confirmation e-mail (double opt-in). The same
// address asking again about the same query gets no second e-mail; the
// answer is the same either way, so nobody learns whether an address is
// subscribed. visitor, results and source are those of the search.
func (s *Service) Subscribe(ctx context.Context, r site.SubscriptionRequest, visitor string, results int, source string) error {
	if !s.Subscriptions() {
		return site.Errorf(site.EUNAVAILABLE, "subscriptions need an SMTP server, and none is configured on this help center")
	}
	v := s.View()
	query := textnorm.Normalize(site.Redact(r.Query)) // as searches are stored
	norm := textnorm.Key(query)
	if norm == "" { // textnorm.HasWords
		return site.Errorf(site.EINVALID, "query: the question to be told about needs a word (letters or digits)")
	}
	sub := site.Subscription{ID: site.NewID(), Email: r.Email, Locale: r.Locale, Query: query, Normalized: norm,
		Visitor: visitor, Results: results, Source: source, CreatedAt: s.now().Truncate(time.Millisecond)}
	token, hash := NewToken()
	title := siteTitle(v, r.Locale)
	confirmURL := base(v, "/subscriptions/confirm?token="+url.QueryEscape(token)+"&locale="+url.QueryEscape(r.Locale))
	unsubURL := unsubscribeURL(v, token, r.Locale)
	shown := unlinked(query)
	text := v.UI.Text(r.Locale, "sub_mail_confirm_body", "site", title, "query", shown, "confirm_url", confirmURL, "unsubscribe_url", unsubURL)
	m := delivery.Mail{To: r.Email, Subject: v.UI.Text(r.Locale, "sub_mail_confirm_subject", "query", oneLine(shown)), Text: text, Unsubscribe: unsubURL}
	d, err := delivery.NewMail(delivery.PurposeConfirm, sub.ID, m)
	if err != nil {
		return err
	}
	created, err := s.Store.Subscribe(ctx, sub, hash, dedupeKey(r.Locale, r.Email, norm), d)
	if err != nil {
		return fmt.Errorf("subscribe: %w", err)
	}
	if created {
		s.wake()
	}
	return nil
}

// unsubscribeURL is the one-click unsubscribe link of a token.
func unsubscribeURL(v *site.View, token, locale string) string {
	return base(v, "/subscriptions/unsubscribe?token="+url.QueryEscape(token)+"&locale="+url.QueryEscape(locale))
}

// linkPattern is what a mail client makes a link of in plain text: an
// address with a scheme (https://…, ftp://…), one starting with "www.",
// or a host name followed by a path (example.com/login).
var linkPattern = regexp.MustCompile(`(?i)\b[a-z][a-z0-9+.-]*://\S*|\bwww\.\S+|\b(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}/\S*`)

// unlinked is a visitor's question as the e-mails quote it: its web
// addresses replaced by "[link]". Anyone may type anyone's address, and
// the confirmation goes out under the help center's name: quoted whole,
// the form would mail a stranger's link (a phishing page) to any list of
// addresses. The stored question is unchanged.
func unlinked(q string) string {
	return linkPattern.ReplaceAllString(q, "[link]")
}

// oneLine keeps a subject header on one short line (queries are one line
// already; this bounds their length).
func oneLine(s string) string {
	return site.Shorten(strings.Join(strings.Fields(s), " "), 81)
}

// Confirm confirms the subscription of a link's token. The subscription's
// query becomes a tracked gap at once. Its gap may be answered or fixed
// already: Run is asked to notify now, in the background, so that the
// link (which mail scanners open too, and which may be opened again)
// never waits for a gap report.
func (s *Service) Confirm(ctx context.Context, token string) (site.Subscription, error) {
	if token == "" {
		return site.Subscription{}, site.Errorf(site.EINVALID, "token: missing")
	}
	sub, err := s.Store.ConfirmSubscription(ctx, HashToken(token), s.now())
	if err != nil {
		return sub, err
	}
	s.checkSoon()
	return sub, nil
}

// Unsubscribe deletes the subscription of a link's token, address and all.
func (s *Service) Unsubscribe(ctx context.Context, token string) error {
	if token == "" {
		return site.Errorf(site.EINVALID, "token: missing")
	}
	return s.Store.Unsubscribe(ctx, HashToken(token))
}

// Notify queues one e-mail to each confirmed subscriber whose gap is now
// answered by a published article (the article's URL in their locale) or
// marked fixed by the team (the team's note), in their language. Each is
// notified once; the subscription, address included, is deleted once the
// e-mail is sent. It returns how many were queued.
func (s *Service) Notify(ctx context.Context) (int, error) {
	if s.Gaps == nil || !s.Subscriptions() {
		return 0, nil
	}
	v := s.View()
	if v == nil {
		return 0, nil
	}
	rep, err := s.Gaps.Report(ctx, gaps.Options{KeepIgnored: true})
	if err != nil {
		return 0, fmt.Errorf("notify subscribers: %w", err)
	}
	gapOf := map[string]gaps.Gap{}
	var ids []string
	for _, g := range rep.Gaps {
		if len(g.Waiters) == 0 || !(g.AnsweredAt != nil && g.AnsweredBy != "" || g.Status == gaps.StatusFixed) {
			continue
		}
		for _, id := range g.Waiters {
			gapOf[id] = g
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return 0, nil
	}
	subs, err := s.Store.WaitingSubscriptions(ctx, ids)
	if err != nil {
		return 0, fmt.Errorf("notify subscribers: %w", err)
	}
	var ds []Notification
	for _, sub := range subs {
		// A new link token: only its hash is stored, so the one in the
		// confirmation e-mail cannot be used again here.
		token, hash := NewToken()
		m, ok := s.notification(v, sub, gapOf[sub.ID], token)
		if !ok {
			continue
		}
		d, err := delivery.NewMail(delivery.PurposeNotify, sub.ID, m)
		if err != nil {
			return 0, err
		}
		ds = append(ds, Notification{Delivery: d, TokenHash: hash})
	}
	if len(ds) == 0 {
		return 0, nil
	}
	if err := s.Store.QueueNotifications(ctx, ds); err != nil {
		return 0, fmt.Errorf("notify subscribers: %w", err)
	}
	s.wake()
	return len(ds), nil
}

// notification is the e-mail telling a subscriber the answer is there.
func (s *Service) notification(v *site.View, sub site.Subscription, g gaps.Gap, token string) (delivery.Mail, bool) {
	var answer string
	switch {
	case g.AnsweredAt != nil && g.AnsweredBy != "":
		a, err := v.ArticleOrDefault(g.AnsweredBy, sub.Locale)
		if err != nil {
			return delivery.Mail{}, false // not published any more: wait
		}
		answer = v.UI.Text(sub.Locale, "sub_mail_article", "title", a.Title, "url", base(v, a.URL))
	case g.Status == gaps.StatusFixed:
		answer = v.UI.Text(sub.Locale, "sub_mail_fixed")
		if note := strings.TrimSpace(g.Note); note != "" {
			answer += "\n\n" + note
		}
	default:
		return delivery.Mail{}, false
	}
	unsub := unsubscribeURL(v, token, sub.Locale)
	shown := unlinked(sub.Query)
	text := v.UI.Text(sub.Locale, "sub_mail_answered_body", "query", shown, "answer", answer, "site", siteTitle(v, sub.Locale), "unsubscribe_url", unsub)
	return delivery.Mail{To: sub.Email, Subject: v.UI.Text(sub.Locale, "sub_mail_answered_subject", "query", oneLine(shown)), Text: text, Unsubscribe: unsub}, true
}

// Published is told that new content was published and its answered
// check made: it warns about contact settings that cannot be used, and
// notifies the subscribers whose gaps are now answered.
func (s *Service) Published(ctx context.Context) {
	if v := s.View(); v != nil {
		c := v.Lib.Config.Contact
		if c.To != "" && !s.Mail {
			s.logger().Warn("contact.to is set in guichet.yaml but no SMTP server is: give --smtp and --mail-from, or requests are not sent by e-mail")
		}
		if c.Webhook != "" && !s.Signed {
			s.logger().Warn("contact.webhook is set in guichet.yaml but GUICHET_WEBHOOK_SECRET is not: requests are not sent to the webhook")
		}
	}
	if n, err := s.Notify(ctx); err != nil && ctx.Err() == nil {
		s.logger().Warn("notify subscribers", "err", err)
	} else if n > 0 {
		s.logger().Info("subscribers notified", "subscriptions", n)
	}
}

// Run deletes expired subscriptions and checks for answers every interval
// until ctx ends, and notifies at once when a confirmation asks it to.
func (s *Service) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	if err := s.Maintain(ctx); err != nil && ctx.Err() == nil {
		s.logger().Warn("subscriptions", "err", err)
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.Maintain(ctx); err != nil && ctx.Err() == nil {
				s.logger().Warn("subscriptions", "err", err)
			}
		case <-s.checks():
			if _, err := s.Notify(ctx); err != nil && ctx.Err() == nil {
				s.logger().Warn("notify subscribers", "err", err)
			}
		}
	}
}

// Maintain deletes the unconfirmed subscriptions older than
// site.SubscriptionConfirmWindow and all older than
// site.SubscriptionMaxAge, then notifies (Notify).
func (s *Service) Maintain(ctx context.Context) error {
	now := s.now()
	if _, err := s.Store.PruneSubscriptions(ctx, now.Add(-site.SubscriptionConfirmWindow), now.Add(-site.SubscriptionMaxAge)); err != nil {
		return fmt.Errorf("delete expired subscriptions: %w", err)
	}
	_, err := s.Notify(ctx)
	return err
}

// siteTitle names the help center in locale as its pages do: the title
// guichet.yaml gives that locale, else the default one, else "Help Center"
// in the locale's words.
func siteTitle(v *site.View, locale string) string {
	cfg := v.Lib.Config
	def := cfg.Title
	if !cfg.TitleSet {
		def = v.UI.Text(locale, "home")
	}
	if t := cfg.Localized("title", locale, def); t != "" {
		return t
	}
	return def
}
