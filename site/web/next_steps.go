package web

import (
	"cmp"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/guichet/guichet/site"
)

// nextStepsSize is how many articles each list of nextSteps shows.
const nextStepsSize = 5

// nextSteps is what a search that found no answer offers instead of a dead
// end, in this order: the most-read articles (the locale's, then the
// default locale's not translated), its top questions
// (FAQ, then the default locale's not translated), its categories (then
// the default locale's it has no article in), "Tell me when this is
// answered" and the contact link. The search page shows it under no results (and, without the lists,
// under weak ones); the widget panel renders it once, for its script to
// show under its own.
type nextSteps struct {
	MostRead   []*site.Article
	Top        []*site.Article // the top questions' first, without the most read
	FAQURL     string
	Categories []*site.Category
	Subscribe  *subscribeHook // nil: nothing to subscribe with
	ContactURL string
}

// subscribeHook is "Tell me when this is answered" for a query
// (templates/subscribe_mail.html) while subscriptions are off (with them,
// the page offers subscribeForm instead): an e-mail to the contact
// address with the question as subject, so support hears of it and can
// write back; when the contact is not an address, there is no hook (the
// contact link follows anyway).
type subscribeHook struct {
	T map[string]string
	// TLang is the page's: the language of each string of T when it is
	// not the page's.
	TLang   map[string]string
	Query   string
	Locale  string
	MailURL string
}

// SetArticleClicks gives the server the recent result clicks per article
// ID (site and widget, every locale), which rank the most-read articles a
// search without answers offers. nil clears them.
func (s *Server) SetArticleClicks(clicks map[string]int) {
	ids := make([]string, 0, len(clicks))
	for id, n := range clicks {
		if n > 0 {
			ids = append(ids, id)
		}
	}
	// Most clicked first, ties by ID: sorted once, not per page.
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(cmp.Compare(clicks[b], clicks[a]), cmp.Compare(a, b))
	})
	s.mostClicked.Store(&ids)
}

// mostRead returns up to n articles a reader of locale is offered as the
// most read, only those clicked at least once, most clicked first: the
// locale's, then, as its top questions, the default locale's not
// translated into it (their Locale says so), so that a locale with few
// translations, or none yet, still offers what readers open most.
func (s *Server) mostRead(v *site.View, locale string, n int) []*site.Article {
	p := s.mostClicked.Load()
	if p == nil {
		return nil
	}
	def := v.Lib.Config.DefaultLocale
	var own, other []*site.Article
	for _, id := range *p {
		if len(own) == n {
			break
		}
		if a, err := v.Article(id, locale); err == nil {
			own = append(own, a)
		} else if a, err := v.Article(id, def); err == nil && len(other) < n {
			other = append(other, a)
		}
	}
	return append(own, other[:min(len(other), n-len(own))]...)
}

// nextStepsFor fills nextSteps for query q in locale loc; lists leaves out
// the article lists and categories (under weak results, which are lists
// already).
func (s *Server) nextStepsFor(st *state, b basePage, q string, lists bool) *nextSteps {
	v := st.view
	n := &nextSteps{ContactURL: b.ContactURL}
	if !s.subscriptionsOn() {
		n.Subscribe = newSubscribeHook(st.view, b, q)
	}
	if !lists {
		return n
	}
	loc := b.Locale
	n.MostRead = s.mostRead(v, loc, nextStepsSize)
	shown := map[*site.Article]bool{}
	for _, a := range n.MostRead {
		shown[a] = true
	}
	top := st.questions(loc, nextStepsSize+len(shown), false)
	for _, e := range top {
		if len(n.Top) == nextStepsSize {
			break
		}
		if !shown[e.Article] {
			n.Top = append(n.Top, e.Article)
		}
	}
	if len(top) > 0 {
		n.FAQURL = localePrefix(v, loc) + "/faq"
	}
	n.Categories = v.BrowseCategories(loc)
	return n
}

// newSubscribeHook returns the hook for q, nil when the contact link is
// not an e-mail address. With q empty (the widget, which knows the query
// only in the browser), the mail has no subject: the panel's script sets
// it from the link's data-subject.
func newSubscribeHook(v *site.View, b basePage, q string) *subscribeHook {
	mail, ok := strings.CutPrefix(b.ContactURL, "mailto:")
	if !ok {
		return nil
	}
	addr, query, _ := strings.Cut(mail, "?")
	params, err := url.ParseQuery(query)
	if err != nil {
		params = url.Values{}
	}
	if q != "" {
		// One line: control characters (a line break in the query)
		// would start another header in some mail clients.
		line := strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return ' '
			}
			return r
		}, q)
		params.Set("subject", v.UI.Text(b.Locale, "subscribe_subject", "query", line))
	}
	// Mail clients read "+" literally: spaces are %20 in a mailto URL.
	enc := strings.ReplaceAll(params.Encode(), "+", "%20")
	u := "mailto:" + addr
	if enc != "" {
		u += "?" + enc
	}
	return &subscribeHook{T: b.T, TLang: b.TLang, Query: q, Locale: b.Locale, MailURL: u}
}
