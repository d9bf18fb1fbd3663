package web

import (
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/contact"
	"github.com/guichet/guichet/site/textnorm"
)

// contactSuggestions is how many articles the contact form suggests.
const contactSuggestions = 5

// contactPage is the contact form: subject, description, e-mail and where
// it came from, with the articles that may answer the subject.
type contactPage struct {
	basePage
	Action string // where the form posts without JavaScript
	// Subject, Message (the form's "description"), Email, Context and
	// Path are the fields as sent (kept when the form comes back with an
	// error). Message is not named Description: that is the page's meta
	// description (basePage), which the customer's text would shadow.
	Subject, Message, Email string
	Context, Path           string
	SearchID                string
	Suggestions             []site.SearchHit
	Searched                bool // a subject was looked up
	// Errors are what to fix, every field refused at once (not one per
	// attempt); Invalid marks those fields, which are aria-invalid and
	// described by their message (g-c-error-FIELD).
	Errors  []contactError
	Invalid map[string]bool
	Sent    bool
	// NotSaved: the request could not be stored (a full disk, a
	// read-only database) and was not sent; the form comes back filled.
	NotSaved bool
	// Available is false when no delivery is configured: the page then
	// says so and links to contact_url, if any.
	Available   bool
	FallbackURL string
	Subscribe   *subscribeForm
	// SubscribeOffer is "Tell me when this is answered" for the page's
	// script, which offers it under live suggestions that find nothing
	// or only weak results, as Subscribe is after a lookup (nil without
	// an SMTP server).
	SubscribeOffer *subscribeForm
	// FieldErrors are the messages of the fields, in the page's language
	// (see fieldErrors).
	FieldErrors fieldErrors
}

// contact serves GET /contact and /{locale}/contact: the form, with the
// suggestions for ?subject= rendered on the server (the same the page's
// script fetches as the customer types).
func (s *Server) contact(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	q := c.Request().URL.Query()
	// Only the subject travels in the URL: never the description or the
	// address (they would land in logs and browser history).
	page, err := s.newContactPage(c, st, q.Get("subject"), "", "", q.Get("context"), q.Get("path"), q.Get("sid"))
	if err != nil {
		return err
	}
	if page.Subject != "" {
		if err := s.contactSuggest(c, st, page); err != nil {
			return err
		}
	}
	return s.renderDynamic(c, st, http.StatusOK, "contact", page)
}

// newContactPage fills the form's page from what was sent, repaired rather
// than refused (a page is forgiving where the API is strict).
func (s *Server) newContactPage(c echo.Context, st *state, subject, description, email, context, path, sid string) (*contactPage, error) {
	loc := c.Param("locale")
	if loc == "" {
		loc = st.view.Lib.Config.DefaultLocale
	}
	t := strs(st.view, loc)
	b := newBase(st.view, loc, t["contact_title"], t["contact_intro"], localePrefix(st.view, loc)+"/contact")
	b.NoIndex = true
	fix := func(s string, n int) string {
		s = strings.ToValidUTF8(s, "\uFFFD")
		if utf8.RuneCountInString(s) > n {
			s = string([]rune(s)[:n])
		}
		return s
	}
	page := &contactPage{basePage: b, Action: localePrefix(st.view, loc) + "/contact",
		Subject: strings.TrimSpace(site.CleanText(fix(subject, site.MaxContactSubject))), Message: fix(description, site.MaxContactDescription),
		Email: fix(strings.TrimSpace(email), site.MaxEmailLen), Available: s.contactAvailable(st.view), FallbackURL: st.view.Lib.Config.ContactURL,
		FieldErrors: contactFieldErrors(st.view, loc)}
	if s.subscriptionsOn() { // the script fills in the subject and its intro
		page.SubscribeOffer = newSubscribeForm(st.view, b, "", site.SourceContact)
	}
	if k, err := site.ContextKey(context); err == nil {
		page.Context = k
	}
	if p, err := site.HostPath(path); err == nil {
		page.Path = textnorm.Path(p)
	}
	if site.ValidID(sid) {
		page.SearchID = sid
	} else {
		page.SearchID = site.NewID()
	}
	return page, nil
}

// contactError is one thing to fix on the contact form: the field it is
// about ("" for none of the customer's), its message and the language the
// message is in when it is not the page's (a server's, in English).
type contactError struct {
	Field, Message, Lang string
}

// contactAvailable reports whether the contact form can deliver.
func (s *Server) contactAvailable(v *site.View) bool {
	return s.opts.Contact != nil && len(s.opts.Contact.Channels(v)) > 0
}

// contactSuggest looks the subject up with the suggest engine, records the
// search (source contact: a suggestion opened and no request sent is a
// deflection) and offers to be told when it is answered when nothing
// fits well.
func (s *Server) contactSuggest(c echo.Context, st *state, page *contactPage) error {
	q, err := normalQuery("subject", page.Subject)
	if err != nil || textnorm.Blank(q) {
		return nil // too long to search, or nothing to search
	}
	req := site.SearchRequest{Query: q, Locale: page.Locale, Limit: contactSuggestions}
	res, err := s.find(c.Request().Context(), st, "g", req)
	if err == nil && len(res.Hits) == 0 {
		// Customers write sentences ("Refund not received"): when no title
		// starts with the words typed, the search engine reads the whole
		// subject, typos included.
		res, err = s.find(c.Request().Context(), st, "s", req)
	}
	if err != nil {
		return err
	}
	page.Searched = true
	page.Suggestions = res.Hits
	s.recordSearch(c, page.SearchID, q, page.Locale, res, site.SourceContact, page.Context, page.Path)
	if weakResults(res) {
		page.Subscribe = s.subscribeFormFor(st.view, page.basePage, page.Subject, site.SourceContact)
	}
	return nil
}

// contactPost takes the form posted without JavaScript: the request is
// sent and the page says so, or the form comes back with what to fix.
func (s *Server) contactPost(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	if err := s.sameSite(c); err != nil {
		return err
	}
	if err := readForm(c, maxContactBody); err != nil {
		return err
	}
	r := c.Request()
	f := r.PostForm
	page, err := s.newContactPage(c, st, f.Get("subject"), f.Get("description"), f.Get("email"), f.Get("context"), f.Get("path"), f.Get("search_id"))
	if err != nil {
		return err
	}
	// The hidden fields (context, path, search_id) the customer never
	// typed are taken as newContactPage repaired them: one a page or an
	// extension mangled is left out, not an error in English about a
	// field the customer cannot see.
	sid := f.Get("search_id")
	if !site.ValidID(sid) {
		sid = ""
	}
	req := site.ContactRequest{Subject: textnorm.Compose(f.Get("subject")), Description: textnorm.Compose(f.Get("description")), Email: f.Get("email"),
		Locale: page.Locale, Context: page.Context, Path: page.Path, SearchID: sid}
	req0 := req
	if err := s.submitContact(c, st, &req); err != nil {
		if errors.Is(err, contact.ErrNotSaved) {
			// The form again with what was typed, saying it was not sent.
			page.NotSaved, page.Searched = true, true
			return s.renderDynamic(c, st, http.StatusServiceUnavailable, "contact", page)
		}
		if site.ErrorCode(err) != site.EINVALID {
			return err
		}
		// Every field refused, in the form's order: the request as sent,
		// checked again past the first.
		page.Invalid = map[string]bool{}
		for _, e := range req0.Problems() {
			msg, lang := page.FieldErrors.message(&page.basePage, e)
			f, _, _ := strings.Cut(site.ErrorMessage(e), ":")
			if contactFieldMessages[f].key == "" {
				f = ""
			} else {
				page.Invalid[f] = true
			}
			page.Errors = append(page.Errors, contactError{Field: f, Message: msg, Lang: lang})
		}
		if len(page.Errors) == 0 { // refused by nothing Problems sees: its own message
			msg, lang := page.FieldErrors.message(&page.basePage, err)
			page.Errors = []contactError{{Message: msg, Lang: lang}}
		}
		if page.Subject != "" {
			if err := s.contactSuggest(c, st, page); err != nil {
				return err
			}
		}
		page.Searched = true // the whole form again, with what was typed
		return s.renderDynamic(c, st, http.StatusBadRequest, "contact", page)
	}
	page.Sent = true
	page.Title = page.T["contact_sent_title"] + " – " + page.SiteTitle
	return s.renderDynamic(c, st, http.StatusOK, "contact", page)
}

// submitContact validates a request and hands it to the contact service,
// within the client's recording budget.
func (s *Server) submitContact(c echo.Context, st *state, req *site.ContactRequest) error {
	if !s.contactAvailable(st.view) {
		if s.opts.Contact != nil {
			return s.opts.Contact.Unavailable(st.view)
		}
		return site.Errorf(site.EUNAVAILABLE, "the contact form is not configured on this help center")
	}
	if err := req.Validate(); err != nil {
		return err
	}
	if !s.mayRecord(c) {
		c.Response().Header().Set("Retry-After", "1")
		return site.Errorf(site.ERATE, "too many requests from this address; try again in a moment")
	}
	// The request is its visit's contact in the insights (opening the
	// form is not: a visit that leaves it unsent was deflected by it).
	req.Visitor = s.visitor(c)
	sent, err := s.opts.Contact.Submit(c.Request().Context(), *req)
	*req = sent
	s.contactStored(err)
	return err
}

// contactLost is the last contact request the store failed to save: the
// store's error, whether it was that the store could not be reached (not
// a full disk), and how many events had been written and checks answered
// (site.RecorderStats) then.
type contactLost struct {
	err               string
	unreachable       bool
	written, answered uint64
}

// contactStored notes the outcome of storing a contact request for
// /healthz and the metrics: a failure is lost (ErrNotSaved), a success
// clears it.
func (s *Server) contactStored(err error) {
	switch {
	case err == nil:
		s.limiter.metrics.contacts.WithLabelValues("stored").Inc()
		s.contactLost.Store(nil)
	case errors.Is(err, contact.ErrNotSaved):
		s.limiter.metrics.contacts.WithLabelValues("lost").Inc()
		st := s.opts.Recorder.Stats()
		// ErrNotSaved is EUNAVAILABLE whatever failed: the store's own
		// error tells a database down from a write refused.
		s.contactLost.Store(&contactLost{err: err.Error(), unreachable: site.CauseCode(err) == site.EUNAVAILABLE, written: st.Written, answered: st.Answered})
	}
}

// contactFailing returns the store's error when the last contact request
// was lost and nothing was stored since: neither a contact request nor a
// batch of events (a disk with room again clears it without waiting for
// the next customer); one lost because the store could not be reached
// (PostgreSQL down) clears, as events do, once a check finds the store
// answering (the ping of /healthz or of a scrape).
func (s *Server) contactFailing() string {
	l := s.contactLost.Load()
	if l == nil {
		return ""
	}
	if st := s.opts.Recorder.Stats(); st.Written != l.written || l.unreachable && st.Answered != l.answered {
		return ""
	}
	return l.err
}

// weakResults reports whether a search answered poorly enough to offer
// "Tell me when this is answered": nothing, or results the search package
// calls weak (SearchResults.Weak: even the best covers less than half of
// what the query says), for a query with a word that says what is looked
// for (not SearchResults.CommonWords: "the" is no question an article can
// answer, and the page asks for such a word). The search page and the
// contact form call it; the scripts (widget-frame.js, app.js) test the
// same three fields of the API's answer; a search so answered is recorded with
// no result (recordSearch). Suggest never calls its results weak (every word
// typed is in each suggestion), so on the contact form only a subject
// that suggest found nothing for, and search then answered poorly, is
// weak.
func weakResults(res *site.SearchResults) bool {
	return (res.Total == 0 || res.Weak) && !res.CommonWords
}
