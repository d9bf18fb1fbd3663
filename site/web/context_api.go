package web

import (
	"net/http"
	"net/url"
	"strings"
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

// screenArticles are the articles for a host screen (its path and the
// app's context key): those whose contexts fit, most specific first, then
// by FAQ rank, then the default locale's not translated
// (site.ContextIndex.Screen); with none, the locale's top questions
// (questions: its FAQ, completed as the matches are by the default
// locale's FAQ articles not translated into it), so that a locale with
// few translations does not show an empty "Popular articles" (matched
// false). The widget's panel
// and GET /api/v1/context both show this list.
func (st *state) screenArticles(loc, path, key string, limit int) ([]site.ContextMatch, bool) {
	if list := st.contexts.Screen(loc, path, key, st.faqRank, limit); len(list) > 0 {
		return list, true
	}
	var out []site.ContextMatch
	for _, e := range st.questions(loc, limit, false) {
		out = append(out, site.ContextMatch{Article: e.Article, How: site.MatchFAQ})
	}
	return out, false
}

// apiContext answers GET /api/v1/context?url=&context=&locale=&limit=: the
// articles whose contexts fit the host page (its URL or path, and the
// app's context key), most specific first, then by FAQ rank; with no
// match, the top of the locale's FAQ (then the default locale's not
// translated). Any origin may read it, without
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
	raw := q.Get("url")
	if utf8.RuneCountInString(raw) > site.MaxHostPath || !utf8.ValidString(raw) {
		return site.Errorf(site.EINVALID, "url must be valid UTF-8 of at most %d characters", site.MaxHostPath)
	}
	key, err := site.ContextKey(q.Get("context"))
	if err != nil {
		return err
	}
	path := ""
	if raw != "" {
		// The screen as widget events read it (site.CleanPath): a segment's
		// parameters (";jsessionid=…") and empty segments ("//") left out,
		// on the escaped path so that an encoded ";" stays text; matching
		// reads its escapes. A path whose "%" escapes nothing
		// ("/report/100%"), which a URL parser refuses, is still a page.
		escaped, _, _ := strings.Cut(raw, "?")
		escaped, _, _ = strings.Cut(escaped, "#")
		if u, err := url.Parse(raw); err == nil {
			if u.Path == "" && u.Host == "" {
				return site.Errorf(site.EINVALID, "url must be a URL or a path like /settings/billing")
			}
			escaped = u.EscapedPath()
			// An app routed in the fragment (#/orders/42, #!/orders/42)
			// names its screen there, after the path, as the widget reads it.
			if route, ok := strings.CutPrefix(strings.TrimPrefix(u.EscapedFragment(), "!"), "/"); ok {
				route, _, _ = strings.Cut(route, "?")
				escaped = strings.TrimRight(escaped, "/") + "/" + route
			}
		} else if !strings.HasPrefix(raw, "/") || strings.HasPrefix(raw, "//") {
			return site.Errorf(site.EINVALID, "url must be a URL or a path like /settings/billing")
		}
		path = site.CleanPath("/" + strings.TrimLeft(escaped, "/")) // checked above, as HostPath does
	}
	limit, err := intParam(q, "limit", 5, 1, maxContextLimit)
	if err != nil {
		return err
	}
	list, matched := st.screenArticles(loc, path, key, limit)
	out := make([]contextJSON, 0, len(list))
	for _, m := range list {
		out = append(out, contextJSON{newArticleRef(st.view, m.Article), m.How})
	}
	publicRead(c)
	return c.JSON(http.StatusOK, map[string]any{"locale": loc, "matched": matched, "articles": out})
}
