package web

import (
	"html/template"
	"net/http"
	"regexp"
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
		qs = append(qs, question{Type: "Question", Name: e.Article.Title,
			Answer: answer{Type: "Answer", Text: string(e.Article.HTML), URL: absURL(v, e.Article.URL)}})
	}
	return jsonLD(map[string]any{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": qs})
}

// faqShown is the part of a locale's FAQ the pages show: the configured
// size, and every pinned article.
func (st *state) faqShown(loc string, limit int) []site.FAQEntry {
	list := st.faq[loc]
	n := limit
	for n < len(list) && list[n].Pinned {
		n++
	}
	return list[:min(n, len(list))]
}

func faqData(st *state, loc string) *faqPage {
	v := st.view
	b := newBase(v, loc, strs(v, loc)["faq_title"], strs(v, loc)["faq_intro"], localePrefix(v, loc)+"/faq")
	b.setAlternates(v, localePaths(v, "/faq"))
	entries := st.faqShown(loc, v.Lib.Config.FAQ.Size)
	p := &faqPage{basePage: b, Heading: b.T["faq_title"]}
	for i, e := range entries {
		anchor := "q" + strconv.Itoa(i+1)
		p.Entries = append(p.Entries, faqItem{FAQEntry: e, Anchor: anchor, HTML: demoteHeadings(scopeIDs(e.Article.HTML, anchor))})
	}
	if len(entries) > 0 {
		p.JSONLD = append(p.JSONLD, faqJSONLD(v, entries))
	}
	return p
}

// faqJSON is one entry of GET /api/v1/faq.
type faqJSON struct {
	articleRef
	Pinned bool `json:"pinned"`
	Marked bool `json:"faq"` // faq: true in front matter
	site.ArticleTickets
	Trend string `json:"trend,omitempty"`
}

// apiFAQ answers GET /api/v1/faq?locale=&limit=: the ranked FAQ with each
// entry's ticket counts and trend.
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
	list := st.faq[loc]
	if len(list) > limit {
		list = list[:limit]
	}
	out := make([]faqJSON, 0, len(list))
	for _, e := range list {
		out = append(out, faqJSON{articleRef: newArticleRef(st.view, e.Article), Pinned: e.Pinned,
			Marked: e.Article.FAQ == site.FAQTrue, ArticleTickets: e.Tickets, Trend: e.Tickets.Trend()})
	}
	publicRead(c)
	return c.JSON(http.StatusOK, map[string]any{"locale": loc, "faq": out})
}
