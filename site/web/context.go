package web

import (
	"net/http"
	"net/url"
	"strconv"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
)

// contextJSON is one article of GET /api/v1/context.
type contextJSON struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	URL         string `json:"url"`
	Description string `json:"description"`
	Locale      string `json:"locale"`
	Match       string `json:"match"` // context, path or faq
}

// maxContextLimit is the most articles GET /api/v1/context returns.
const maxContextLimit = 20

// apiContext answers GET /api/v1/context?url=&context=&locale=&limit=: the
// articles whose contexts fit the host page (its URL or path, and the
// app's context key), most specific first, then by FAQ rank; with no
// match, the top of the locale's FAQ. Any origin may read it, without
// credentials.
func (s *Server) apiContext(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	q := c.QueryParams()
	loc, err := s.requestLocale(c, st, q.Get("locale"))
	if err != nil {
		return err
	}
	raw, key := q.Get("url"), q.Get("context")
	if utf8.RuneCountInString(raw) > 2000 || !utf8.ValidString(raw) {
		return site.Errorf(site.EINVALID, "url must be valid UTF-8 of at most 2000 characters")
	}
	if utf8.RuneCountInString(key) > 200 || !utf8.ValidString(key) {
		return site.Errorf(site.EINVALID, "context must be valid UTF-8 of at most 200 characters")
	}
	path := ""
	if raw != "" {
		u, err := url.Parse(raw)
		if err != nil || u.Path == "" && u.Host == "" {
			return site.Errorf(site.EINVALID, "url must be a URL or a path like /settings/billing")
		}
		path = u.Path
		if path == "" {
			path = "/"
		}
	}
	limit := 5
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxContextLimit {
			return site.Errorf(site.EINVALID, "limit must be a number from 1 to %d", maxContextLimit)
		}
		limit = n
	}
	rank := map[string]int{}
	for i, e := range st.faq[loc] {
		rank[e.Article.ID] = i
	}
	out := []contextJSON{}
	item := func(a *site.Article, how string) contextJSON {
		return contextJSON{ID: a.ID, Title: a.Title, URL: absURL(st.view, a.URL), Description: a.Description, Locale: a.Locale, Match: how}
	}
	for _, m := range st.contexts.Match(loc, path, key, rank, limit) {
		out = append(out, item(m.Article, m.How))
	}
	matched := len(out) > 0
	if !matched {
		for _, e := range st.faq[loc] {
			if len(out) == limit {
				break
			}
			out = append(out, item(e.Article, site.MatchFAQ))
		}
	}
	h := c.Response().Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Cache-Control", "public, max-age=60")
	return c.JSON(http.StatusOK, map[string]any{"locale": loc, "matched": matched, "articles": out})
}
