package web

import (
	"html/template"
	"net/http"
	"regexp"
	"slices"
	"strconv"

	"github.com/guichet/guichet/site"
	"github.com/labstack/echo/v4"
)

// faqPage is /faq: the top questions with their answers.
type faqPage struct {
	basePage
	Heading string
	Entries []faqItem
}

// faqItem is one question of the FAQ page, its answer's anchors made
// unique within the page.
type faqItem struct {
	site.FAQEntry
	Anchor string
	HTML   template.HTML
}

// idAttr matches the id attributes and in-page links of rendered articles.
var idAttr = regexp.MustCompile(`\b(id="|href="#)([^"]*)"`)

// headingTag matches the opening and closing tags of h2 to h5.
var headingTag = regexp.MustCompile(`<(/?)h([2-5])\b`)

// demoteHeadings moves an article's headings one level down, so that
// inside a FAQ answer they sit under the question's h2.
func demoteHeadings(h template.HTML) template.HTML {
	return template.HTML(headingTag.ReplaceAllStringFunc(string(h), func(m string) string {
		sub := headingTag.FindStringSubmatch(m)
		return "<" + sub[1] + "h" + string(rune(sub[2][0]+1))
	}))
}

// scopeIDs prefixes every id and in-page link of an article's HTML, so that
// several articles can share a page without duplicate ids.
func scopeIDs(h template.HTML, prefix string) template.HTML {
	return template.HTML(idAttr.ReplaceAllString(string(h), "${1}"+prefix+"-${2}\""))
}

// faqJSONLD is the schema.org FAQPage of a list of questions.
func faqJSONLD(v *site.View, entries []site.FAQEntry) template.JS {
	type answer struct {
		Type string `json:"@type"`
		Text string `json:"text"`
		URL  string `json:"url"`
	}
	type question struct {
		Type   string `json:"@type"`
		Name   string `json:"name"`
		Answer answer `json:"acceptedAnswer"`
	}
	qs := make([]question, 0, len(entries))
	for _, e := range entries {
		// Read away from the page, as a feed is: links to the site's
		// other pages are made absolute, as the feeds make them.
		qs = append(qs, question{Type: "Question", Name: e.Article.Title,
			Answer: answer{Type: "Answer", Text: absLinks(v, e.Article.URL, string(e.Article.HTML)), URL: absURL(v, e.Article.URL)}})
	}
	return jsonLD(map[string]any{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": qs})
}

// questions returns the top questions a page or the widget shows in loc:
// its FAQ, up to n entries (with keepPinned, as the FAQ page, every pinned
// one even past n), then the default locale's FAQ in its rank, up to n in
// all, so that a locale with few tickets of its own, or no translation
// yet, still offers the questions readers ask most: an article translated
// into loc as its translation (with the default locale's counts that rank
// it), one not translated in the default locale (each entry's
// Article.Locale says which). A translated article was skipped, so a
// German help center's English FAQ showed its German-only articles and
// none of the top questions that English readers could read in English.
func (st *state) questions(loc string, n int, keepPinned bool) []site.FAQEntry {
	list := st.faq[loc]
	k := min(n, len(list))
	for keepPinned && k < len(list) && list[k].Pinned {
		k++
	}
	out := slices.Clone(list[:k])
	def := st.view.Lib.Config.DefaultLocale
	for _, e := range st.faq[def] {
		if loc == def || len(out) >= n {
			break
		}
		if tr, err := st.view.Article(e.Article.ID, loc); err == nil && tr.Visible(st.view.Now, false) {
			// Translated: its translation, unless the locale's own
			// tickets ranked it already (a draft or scheduled one is in
			// no FAQ, even with --dev: the original stands in).
			e = site.FAQEntry{Article: tr, Tickets: e.Tickets}
		}
		if slices.ContainsFunc(out, func(o site.FAQEntry) bool { return o.Article == e.Article }) {
			continue // ranked by the locale's own tickets already (see site.RankFAQ)
		}
		out = append(out, e)
	}
	return out
}

// ownQuestions reports whether the FAQ of loc holds an article written
// in loc (not only the default locale's, which its tickets may rank).
func (r *ranking) ownQuestions(loc string) bool {
	return slices.ContainsFunc(r.faq[loc], func(e site.FAQEntry) bool { return e.Article.Locale == loc })
}

func faqData(st *state, loc string) *faqPage {
	v := st.view
	b := newBase(v, loc, strs(v, loc)["faq_title"], strs(v, loc)["faq_intro"], localePrefix(v, loc)+"/faq")
	// hreflang links the FAQs that have questions of their own, as the
	// sitemap lists them; the switcher offers every locale's.
	own := map[string]string{}
	for l, p := range listedPaths(v, "/faq") {
		if st.ownQuestions(l) || l == v.Lib.Config.DefaultLocale {
			own[l] = p
		}
	}
	b.setVersions(v, own, listedPaths(v, "/faq"))
	entries := st.questions(loc, v.Lib.Config.FAQ.Size, true)
	p := &faqPage{basePage: b, Heading: b.T["faq_title"]}
	var ownEntries []site.FAQEntry
	for i, e := range entries {
		anchor := "q" + strconv.Itoa(i+1)
		p.Entries = append(p.Entries, faqItem{FAQEntry: e, Anchor: anchor, HTML: demoteHeadings(scopeIDs(e.Article.HTML, anchor))})
		if e.Article.Locale == loc {
			ownEntries = append(ownEntries, e)
		}
	}
	// Answers in another language are for readers, not search engines:
	// the structured data lists the locale's own, and a FAQ with none of
	// its own is left out of the index (and of the sitemap).
	if len(ownEntries) > 0 {
		p.JSONLD = append(p.JSONLD, faqJSONLD(v, ownEntries))
	} else if loc != v.Lib.Config.DefaultLocale {
		p.NoIndex = true
	}
	return p
}

// faqJSON is one entry of GET /api/v1/faq.
type faqJSON struct {
	articleRef
	Pinned bool `json:"pinned"`
	Marked bool `json:"faq"` // faq: true in front matter
	site.ArticleTickets
	// TicketsLocale is the locale of the tickets counted: the FAQ's
	// own, or the default locale's for a question its FAQ completes the
	// locale's with (see questions), whose tickets ranked it there; an
	// English FAQ gave a German-only article's German counts unlabelled,
	// read as English customers' (the entry's locale is the article's).
	TicketsLocale string `json:"tickets_locale"`
	Trend         string `json:"trend,omitempty"`
}

// apiFAQ answers GET /api/v1/faq?locale=&limit=: the ranked FAQ with each
// entry's ticket counts and trend, as the locale's FAQ page lists it.
func (s *Server) apiFAQ(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	q := c.QueryParams()
	loc, err := s.requestLocale(c, st, q.Get("locale"))
	if err != nil {
		return err
	}
	limit, err := intParam(q, "limit", st.view.Lib.Config.FAQ.Size, 1, maxFAQ)
	if err != nil {
		return err
	}
	// The questions the locale's FAQ page shows, in its order: the
	// locale's, then the default locale's not translated into it (each
	// entry's locale says which); the page and the API listed different
	// questions (rv21j).
	list := st.questions(loc, limit, false)
	out := make([]faqJSON, 0, len(list))
	for _, e := range list {
		out = append(out, faqJSON{articleRef: newArticleRef(st.view, e.Article), Pinned: e.Pinned,
			Marked: e.Article.FAQ == site.FAQTrue, ArticleTickets: e.Tickets, TicketsLocale: e.Tickets.Locale, Trend: e.Tickets.Trend()})
	}
	publicRead(c)
	return c.JSON(http.StatusOK, map[string]any{"locale": loc, "faq": out})
}
