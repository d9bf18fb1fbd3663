package web

import (
	"net/http"
	"net/url"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/tickets"
	"github.com/labstack/echo/v4"
)

// articleRef is an article in the lists of the API (FAQ, context): enough
// to show a link and a summary.
type articleRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"` // absolute
	// AbsoluteURL is URL again: every article the API answers has its
	// absolute_url, whether its url is a path (search, articles) or not.
	AbsoluteURL string `json:"absolute_url"`
	Description string `json:"description"`
	Locale      string `json:"locale"`
}

func newArticleRef(v *site.View, a *site.Article) articleRef {
	u := absURL(v, a.URL)
	return articleRef{ID: a.ID, Title: a.Title, URL: u, AbsoluteURL: u, Description: a.Description, Locale: a.Locale}
}

// publicRead lets caches keep a read-only answer for a minute (any
// origin may read it: the route has the anyOrigin middleware).
func publicRead(c echo.Context) {
	c.Response().Header().Set("Cache-Control", "public, max-age=60")
}

// articleJSON is one article in the API.
type articleJSON struct {
	ID          string `json:"id"`
	Locale      string `json:"locale"`
	Title       string `json:"title"`
	Description string `json:"description"`
	// URL is the article's path on the help center and AbsoluteURL the
	// same under base_url, for a client on another site (a path there
	// leads to that site); Translations and AbsoluteTranslations likewise.
	URL          string            `json:"url"`
	AbsoluteURL  string            `json:"absolute_url"`
	Category     string            `json:"category"`
	Tags         []string          `json:"tags"`
	Updated      time.Time         `json:"updated"`
	HTML         string            `json:"html"`
	TOC          []site.Heading    `json:"toc"`
	Translations map[string]string `json:"translations"`
	// AbsoluteTranslations are Translations under base_url.
	AbsoluteTranslations map[string]string `json:"absolute_translations"`
}

// articleID returns the ID of a visible article as the site resolves
// one a client sends, as the articles, events and tickets APIs take it
// (tickets.ArticleOf): as written; else written in another letter case
// ("billing/refunds" for "Billing/Refunds"), or as the article's path or
// URL on the help center ("/fr/billing/rembourser", copied from the
// address bar); id itself when none is.
func (st *state) articleID(id, locale string) string {
	if len(st.view.Translations(id)) > 0 {
		return id
	}
	if a := tickets.ArticleOf(st.view, id, locale); a != "" {
		return a
	}
	return id
}

func (s *Server) apiArticle(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	id, err := url.PathUnescape(c.Param("*"))
	if err != nil || id == "" {
		return site.Errorf(site.EINVALID, "article id is missing or malformed")
	}
	loc, err := s.requestLocale(c, st, c.QueryParam("locale"))
	if err != nil {
		return err
	}
	id = st.articleID(id, loc)
	a, err := st.view.ArticleOrDefault(id, loc)
	if err != nil {
		if len(st.view.Translations(id)) == 0 {
			// In no locale: the locale looked in last is not the question.
			return site.Errorf(site.ENOTFOUND, "no article %q on this help center", id)
		}
		return err
	}
	out := articleJSON{
		ID: a.ID, Locale: a.Locale, Title: a.Title, Description: a.Description, URL: a.URL, AbsoluteURL: absURL(st.view, a.URL),
		Tags: a.Tags, Updated: a.Updated, HTML: rootedLinks(st.view, string(a.HTML)), TOC: a.TOC,
		Translations: map[string]string{}, AbsoluteTranslations: map[string]string{},
	}
	if out.Tags == nil {
		out.Tags = []string{}
	}
	if out.TOC == nil {
		out.TOC = []site.Heading{}
	}
	if cat, err := st.view.Category(a.CategoryID, a.Locale); err == nil {
		out.Category = cat.Title
	}
	for l, t := range st.view.Translations(a.ID) {
		out.Translations[l] = t.URL
		out.AbsoluteTranslations[l] = absURL(st.view, t.URL)
	}
	return c.JSON(http.StatusOK, out)
}
