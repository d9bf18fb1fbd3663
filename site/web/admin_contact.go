package web

import (
	"context"
	"fmt"
	"time"

	"github.com/guichet/guichet/site/contact"
	"github.com/guichet/guichet/site/delivery"
	"github.com/guichet/guichet/site/insights"
)

// adminContact is one contact request of the admin page: what was asked
// (personal data redacted; never the address), where from, whether the
// customer opened a suggestion first, and where its deliveries stand.
type adminContact struct {
	contact.Request
	ArticleTitle, ArticleURL string
	// BySubject: the article was matched by the subject, not sent from.
	BySubject bool
	// Deflection says whether suggestions were opened before writing.
	Deflection string
	Deliveries []adminDelivery
}

// adminDelivery is the state of one delivery: delivered, retrying (with
// its attempts and next try) or failed, with the reason.
type adminDelivery struct {
	Channel, State, Reason string
	Attempts               int
	Next                   time.Time
}

// contactRows fills the admin page's contact requests of the period and
// locale (the latest 50 of them) and the contact form's figures for them.
func (s *Server) contactRows(ctx context.Context, st *state, page *adminPage, p insights.Period) error {
	if s.opts.Contact == nil {
		return nil
	}
	reqs, err := s.opts.Contact.Requests(ctx, p.From, p.To, p.Locale, 50)
	if err != nil {
		return err
	}
	if page.ContactStats, err = s.opts.Contact.Stats(ctx, p.From, p.To, p.Locale); err != nil {
		return err
	}
	for _, r := range reqs {
		row := adminContact{Request: r, ArticleTitle: r.ArticleID, BySubject: r.BySubject(st.view)}
		if a, err := st.view.Article(r.ArticleID, r.Locale); err == nil {
			row.ArticleTitle, row.ArticleURL = a.Title, a.URL
		}
		switch {
		case r.SearchID == "":
			row.Deflection = "no suggestions shown"
		case len(r.Opened) == 0:
			row.Deflection = "no suggestion opened"
		default:
			row.Deflection = fmt.Sprintf("opened %d suggestion(s), still wrote", len(r.Opened))
		}
		for _, d := range r.Deliveries {
			ad := adminDelivery{Channel: d.Channel, State: d.State, Reason: d.LastError, Attempts: d.Attempts}
			if d.State == delivery.StatePending {
				ad.State, ad.Next = "waiting", d.NextAt
				if d.Attempts > 0 {
					ad.State = "retrying"
				}
			}
			row.Deliveries = append(row.Deliveries, ad)
		}
		page.Contact = append(page.Contact, row)
	}
	page.ContactOn = len(s.opts.Contact.Channels(st.view)) > 0
	return nil
}
