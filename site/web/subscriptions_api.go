package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// subscribeForm is the "Tell me when this is answered" form (the
// "subscribe" partial of layout.html), for any page to include: the
// search page on no or weak results, the contact form, the no-results
// page.
type subscribeForm struct {
	T map[string]string
	// TLang is the page's: the language of each string of T when it is
	// not the page's.
	TLang  map[string]string
	Locale string
	Query  string
	Source string // the events' source: site, widget, contact
	Intro  string // T.subscribe_intro with the query
	// ErrorEmail is the message, in the page's language, for an address
	// the server refuses (the form's data-error-email, which its script
	// shows for the API's error naming the field, as on the contact form).
	ErrorEmail string
	// Email, Error and ErrorLang are the form posted without JavaScript
	// coming back: the address typed, what is wrong with it and the
	// language of that message when it is not the page's.
	Email, Error, ErrorLang string
}

// newSubscribeForm is the form for query (empty on a template the
// script fills in), with its messages in the page's language.
func newSubscribeForm(v *site.View, b basePage, query, source string) *subscribeForm {
	f := &subscribeForm{T: b.T, TLang: b.TLang, Locale: b.Locale, Query: query, Source: source,
		ErrorEmail: contactFieldErrors(v, b.Locale)["email"]}
	if query != "" {
		f.Intro = v.UI.Text(b.Locale, "subscribe_intro", "query", query)
	}
	return f
}

// subscriptionsOn reports whether "Tell me when this is answered" takes
// addresses (an SMTP server is configured); without it, next steps offer
// an e-mail to support instead (subscribeHook).
func (s *Server) subscriptionsOn() bool {
	return s.opts.Contact != nil && s.opts.Contact.Subscriptions()
}

// subscribeFormFor returns the form for query, or nil when subscriptions
// cannot be offered (no SMTP server).
func (s *Server) subscribeFormFor(v *site.View, b basePage, query, source string) *subscribeForm {
	if !s.subscriptionsOn() || !textnorm.HasWords(query) {
		return nil
	}
	return newSubscribeForm(v, b, query, source)
}

// subscriptionPage says where a subscription stands: asked (check your
// e-mail), confirmed, or unsubscribed.
type subscriptionPage struct {
	basePage
	Heading, Text string
	// HeadingLang and TextLang are their languages when they are not the
	// page's (TLang), "" otherwise.
	HeadingLang, TextLang string
	// TextQuery is the question Text quotes, if any.
	TextQuery string
	// Unsubscribe is the link to cancel, on the confirmed page.
	Unsubscribe string
	// Form is the form posted without JavaScript, back with what to fix.
	Form *subscribeForm
}

// subscriptionJSON is the body of POST /api/v1/subscriptions.
type subscriptionJSON struct {
	Query  string `json:"query"`
	Email  string `json:"email"`
	Locale string `json:"locale"`
	Source string `json:"source"`
}

// subscribe validates a subscription request and hands it to the contact
// service, within the client's recording budget. The answer is the same
// whether the address was subscribed already or not.
func (s *Server) subscribe(c echo.Context, st *state, in subscriptionJSON) error {
	if !s.subscriptionsOn() {
		return site.Errorf(site.EUNAVAILABLE, "subscriptions need an SMTP server, and none is configured on this help center")
	}
	loc, err := s.requestLocale(c, st, in.Locale)
	if err != nil {
		return err
	}
	req := site.SubscriptionRequest{Query: in.Query, Email: in.Email, Locale: loc}
	if err := req.Validate(); err != nil {
		return err
	}
	source, err := site.ParseSource(in.Source, site.SourceSite, site.SourceSite, site.SourceWidget, site.SourceContact)
	if err != nil {
		return err
	}
	// What search finds for it now, for the gap report; a query of only
	// very common words is no question to be told about (weakResults).
	results := 0
	if res, err := s.find(c.Request().Context(), st, "s", site.SearchRequest{Query: req.Query, Locale: loc, Limit: 1}); err == nil {
		if res.CommonWords {
			return site.Errorf(site.EINVALID, "query: %q has only very common words: add a word that says what you are looking for", req.Query)
		}
		results = res.Total
	}
	if !s.mayRecord(c) {
		c.Response().Header().Set("Retry-After", "1")
		return site.Errorf(site.ERATE, "too many requests from this address; try again in a moment")
	}
	return s.opts.Contact.Subscribe(c.Request().Context(), req, s.visitor(c), results, source)
}

// apiSubscriptions takes a "Tell me when this is answered": 202, and a
// confirmation e-mail unless the address asked already.
func (s *Server) apiSubscriptions(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	var in subscriptionJSON
	if err := readJSON(c, maxContactBody, "subscription", &in); err != nil {
		return err
	}
	if err := s.subscribe(c, st, in); err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusAccepted, map[string]string{"status": "pending"})
}

// subscribePost takes the form posted without JavaScript.
func (s *Server) subscribePost(c echo.Context) error {
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
	f := c.Request().PostForm
	in := subscriptionJSON{Query: f.Get("query"), Email: f.Get("email"), Locale: f.Get("locale"), Source: f.Get("source")}
	err = s.subscribe(c, st, in)
	loc, lerr := s.requestLocale(c, st, in.Locale)
	if err != nil {
		// The address is the one field the visitor typed: refused, the
		// form comes back with it and what to fix, in their language,
		// rather than an error page in English (rv23d).
		field, _, _ := strings.Cut(site.ErrorMessage(err), ":")
		if site.ErrorCode(err) != site.EINVALID || field != "email" || lerr != nil {
			return err
		}
		source, serr := site.ParseSource(in.Source, site.SourceSite, site.SourceSite, site.SourceWidget, site.SourceContact)
		if serr != nil {
			source = site.SourceSite
		}
		b := newBase(st.view, loc, strs(st.view, loc)["contact_fix"], "", "")
		form := newSubscribeForm(st.view, b, textnorm.Compose(strings.TrimSpace(in.Query)), source)
		form.Email = strings.TrimSpace(in.Email)
		form.Error, form.ErrorLang = contactFieldErrors(st.view, loc).message(&b, err)
		b.NoIndex = true
		c.Response().Header().Set("Cache-Control", "no-store")
		return s.renderDynamic(c, st, http.StatusBadRequest, "subscription", &subscriptionPage{basePage: b,
			Heading: b.T["contact_fix"], HeadingLang: b.TLang["contact_fix"], Form: form})
	}
	return s.renderSubscription(c, st, loc, "subscribe_sent_title", "subscribe_sent", "", "")
}

// renderSubscription renders the subscription page: the strings heading
// and textKey (with {query} filled from query) of loc.
func (s *Server) renderSubscription(c echo.Context, st *state, loc, heading, textKey, query, unsubscribe string) error {
	return s.renderSubscriptionStatus(c, st, http.StatusOK, loc, heading, textKey, query, unsubscribe)
}

// renderSubscriptionStatus is renderSubscription with another status.
func (s *Server) renderSubscriptionStatus(c echo.Context, st *state, status int, loc, heading, textKey, query, unsubscribe string) error {
	b := newBase(st.view, loc, strs(st.view, loc)[heading], "", "")
	b.NoIndex = true
	c.Response().Header().Set("Cache-Control", "no-store")
	c.Response().Header().Set("Referrer-Policy", "no-referrer") // the token stays here
	return s.renderDynamic(c, st, status, "subscription", &subscriptionPage{basePage: b,
		Heading: b.T[heading], Text: st.view.UI.Text(loc, textKey, "query", query), HeadingLang: b.TLang[heading], TextLang: b.TLang[textKey],
		TextQuery: query, Unsubscribe: unsubscribe})
}

// linkLocale is the locale a confirmation or unsubscribe link names, else
// the default one.
func (s *Server) linkLocale(c echo.Context, st *state) string {
	if l, err := s.requestLocale(c, st, c.QueryParam("locale")); err == nil {
		return l
	}
	return st.view.Lib.Config.DefaultLocale
}

// subscriptionConfirm serves the confirmation link: opening it confirms.
func (s *Server) subscriptionConfirm(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	if s.opts.Contact == nil {
		return site.Errorf(site.ENOTFOUND, "no subscriptions on this help center")
	}
	token := c.QueryParam("token")
	sub, err := s.opts.Contact.Confirm(c.Request().Context(), token)
	if site.ErrorCode(err) == site.ENOTFOUND {
		// Expired, used, or cut short by a mail client: say so, in the
		// link's language, rather than "page not found" (rv21g).
		return s.renderSubscriptionStatus(c, st, http.StatusGone, s.linkLocale(c, st), "subscribe_expired_title", "subscribe_expired", "", "")
	}
	if err != nil {
		return err
	}
	loc := sub.Locale
	if !slices.Contains(st.view.Lib.Locales(), loc) {
		loc = st.view.Lib.Config.DefaultLocale
	}
	unsub := "/subscriptions/unsubscribe?token=" + url.QueryEscape(token) + "&locale=" + url.QueryEscape(loc)
	return s.renderSubscription(c, st, loc, "subscribe_confirmed_title", "subscribe_confirmed", sub.Query, unsub)
}

// subscriptionUnsubscribe serves the unsubscribe link: one click (GET, or
// the POST mail clients send for List-Unsubscribe-Post) deletes the
// subscription and the address. The token is the credential: no origin
// check, so a mail client's one-click POST works.
func (s *Server) subscriptionUnsubscribe(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	if s.opts.Contact == nil {
		return site.Errorf(site.ENOTFOUND, "no subscriptions on this help center")
	}
	if err := s.opts.Contact.Unsubscribe(c.Request().Context(), c.QueryParam("token")); err != nil && site.ErrorCode(err) != site.ENOTFOUND {
		return err
	}
	// Unsubscribing twice is done as well: the address is gone either way.
	loc := s.linkLocale(c, st)
	return s.renderSubscription(c, st, loc, "unsubscribe_title", "unsubscribe_done", "", "")
}

// subscriptionCORS guards POST /api/v1/subscriptions (see allowedOrigins).
func (s *Server) subscriptionCORS(next echo.HandlerFunc) echo.HandlerFunc {
	return s.allowedOrigins("subscribe", next)
}
