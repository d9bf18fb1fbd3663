package web

import (
	"net/http"
	"net/url"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
)

// contextJSON is one article of GET /api/v1/context.
type contextJSON struct {
	articleRef
	Match string `json:"match"` // context, path or faq
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
	limit, err := intParam(q, "limit", 5, 1, maxContextLimit)
	if err != nil {
		return err
	}
	out := []contextJSON{}
	for _, m := range st.contexts.Match(loc, path, key, st.faqRank[loc], limit) {
		out = append(out, contextJSON{newArticleRef(st.view, m.Article), m.How})
	}
	matched := len(out) > 0
	if !matched {
		for _, e := range st.faq[loc] {
			if len(out) == limit {
				break
			}
			out = append(out, contextJSON{newArticleRef(st.view, e.Article), site.MatchFAQ})
		}
	}
	publicRead(c)
	return c.JSON(http.StatusOK, map[string]any{"locale": loc, "matched": matched, "articles": out})
}
