package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
)

// statusOf maps an error to its HTTP status and code.
func statusOf(err error) (int, string, string) {
	var he *echo.HTTPError
	if errors.As(err, &he) {
		code := "http_error"
		switch he.Code {
		case http.StatusNotFound:
			code = site.ENOTFOUND
		case http.StatusMethodNotAllowed:
			code = "method_not_allowed"
		case http.StatusRequestEntityTooLarge:
			code = site.ETOOLARGE
		case http.StatusBadRequest:
			code = site.EINVALID
		case http.StatusTooManyRequests:
			code = site.ERATE
		case http.StatusUnauthorized:
			code = "unauthorized"
		case http.StatusForbidden:
			code = "forbidden"
		}
		msg := http.StatusText(he.Code)
		if s, ok := he.Message.(string); ok {
			msg = s
		}
		return he.Code, code, msg
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge, site.ETOOLARGE, "request body too large"
	}
	code := site.ErrorCode(err)
	status := map[string]int{
		site.EINVALID:      http.StatusBadRequest,
		site.EUNAUTHORIZED: http.StatusUnauthorized,
		site.EFORBIDDEN:    http.StatusForbidden,
		site.ETOOLARGE:     http.StatusRequestEntityTooLarge,
		site.ENOTFOUND:     http.StatusNotFound,
		site.ECONFLICT:     http.StatusConflict,
		site.EGONE:         http.StatusGone,
		site.ERATE:         http.StatusTooManyRequests,
		site.EUNAVAILABLE:  http.StatusServiceUnavailable,
	}[code]
	if status == 0 {
		status = http.StatusInternalServerError
	}
	return status, code, site.ErrorMessage(err)
}

// handleError is the one place errors become responses: JSON under /api/,
// a themed page elsewhere. 5xx are logged once. A 429 always carries
// Retry-After (1 second unless the limit set it), and its page says when
// to try again. An error marked site.Logged is not logged again.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status, code, msg := statusOf(err)
	r := c.Request()
	if status >= 500 && !site.IsLogged(err) {
		s.opts.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	// A client over a limit is told when to come back.
	retry := 0
	if status == http.StatusTooManyRequests {
		h := c.Response().Header()
		if n, err := strconv.Atoi(h.Get("Retry-After")); err == nil && n > 0 {
			retry = n
		} else {
			retry = 1
			h.Set("Retry-After", "1")
		}
	}
	if strings.HasPrefix(r.URL.Path, "/api/") || r.Method == http.MethodPost && !pageForm(r.URL.Path) {
		answer := map[string]any{"error": map[string]string{"code": code, "message": msg}}
		if reason := site.ErrorReason(err); reason != "" {
			answer["reason"] = reason // why, for a program: "local_changes"
		}
		body, _ := json.Marshal(answer)
		h := c.Response().Header()
		h.Set("Content-Type", "application/json; charset=utf-8")
		h.Set("Cache-Control", "no-store")
		if strings.HasPrefix(r.URL.Path, "/api/") && r.Header.Get("Origin") != "" && status != http.StatusForbidden {
			// An app on another origin reads why it was refused, even when
			// that came before its endpoint's CORS headers (a malformed
			// query string, the protection limit): an error says nothing
			// curl would not, and is never read with credentials. Not a
			// 403: an origin refused is not let in by its error.
			if h.Get("Access-Control-Allow-Origin") == "" {
				h.Set("Access-Control-Allow-Origin", "*")
			}
			if retry > 0 {
				h.Set("Access-Control-Expose-Headers", "Retry-After")
			}
		}
		c.Response().WriteHeader(status)
		if r.Method != http.MethodHead {
			c.Response().Write(body)
		}
		return
	}
	st := s.state.Load()
	if st == nil {
		c.Response().Header().Set("Content-Type", "text/plain; charset=utf-8")
		c.Response().WriteHeader(status)
		c.Response().Write([]byte(msg + "\n"))
		return
	}
	admin := strings.HasPrefix(r.URL.Path, "/admin/")
	loc, rest := st.localeOf(r.URL.Path)
	if admin {
		loc = st.view.Lib.Config.DefaultLocale // the admin page's (adminBase)
	} else if rest == r.URL.Path {
		// A path without a locale's prefix that a form or a link of another
		// language posts to or opens (/subscribe, /feedback, an e-mail's
		// /subscriptions/confirm?…&locale=fr) names its language itself.
		named := r.URL.Query().Get("locale")
		if named == "" && r.PostForm != nil {
			named = r.PostForm.Get("locale")
		}
		if l, ok := i18n.Resolve(st.view.Lib.Locales(), named); ok && named != "" {
			loc = l
		}
	}
	b := newBase(st.view, loc, "", "", "")
	b.NoIndex = true
	data := &errorPage{basePage: b, Status: status}
	msgLang := messageLang(loc)
	shown := func(heading, text string) { // keys of T
		data.Heading, data.Text, data.HeadingLang, data.TextLang = b.T[heading], b.T[text], b.TLang[heading], b.TLang[text]
	}
	// headingKey and textKey are the keys of T shown ("" for the text:
	// the server's message, in English), for the admin layout's languages.
	headingKey, textKey := "", ""
	switch {
	case status == http.StatusTooManyRequests:
		data.Heading, data.Text = b.T["too_many_requests"], st.view.UI.Plural(loc, "retry_after", retry)
		data.HeadingLang, data.TextLang = b.TLang["too_many_requests"], b.TLang["retry_after"]
		headingKey, textKey = "too_many_requests", "retry_after"
	case (r.Method == http.MethodPost || admin) && status < 500:
		// A form's error (the page is there, what the form names may not
		// be: a mistyped gap ID), or any admin page's: titled by its
		// status, the message saying which.
		headingKey = statusKey(status)
		data.Heading, data.Text, data.HeadingLang, data.TextLang = b.T[headingKey], msg, b.TLang[headingKey], msgLang
		if msg == http.StatusText(status) {
			data.Text = "" // the router's own: the title says it
		}
	case status == http.StatusNotFound, status == http.StatusGone:
		shown("not_found_title", "not_found_text")
		if status == http.StatusGone {
			shown("gone_title", "gone_text")
		}
		data.Query = pathWords(rest)
		data.Hits = s.suggestFor(c, st, data.Query, loc)
		if status == http.StatusNotFound {
			other := inOtherLocales(st.view, rest, loc)
			data.Hits = append(other, slices.DeleteFunc(data.Hits, func(a *site.Article) bool { return slices.Contains(other, a) })...)
		}
		if len(data.Hits) == 0 {
			data.Categories = st.view.BrowseCategories(loc)
			if status == http.StatusNotFound {
				shown("not_found_title", "not_found_browse") // no article: "browse the categories"
			}
		}
	case status < 500:
		// Refused (another site's form, a frame from an origin not
		// allowed) or malformed, titled by its status.
		headingKey = statusKey(status)
		data.Heading, data.Text, data.HeadingLang, data.TextLang = b.T[headingKey], msg, b.TLang[headingKey], msgLang
		if pe, ok := pageText(err); ok {
			// A mistake in a page's address, said in the page's language.
			data.Text, data.TextLang = st.view.UI.Text(loc, pe.key, pe.args...), b.TLang[pe.key]
		}
	default:
		shown("error_title", "error_text")
		headingKey, textKey = "error_title", "error_text"
		if (admin || r.Method == http.MethodPost) && status == http.StatusServiceUnavailable && code == site.EUNAVAILABLE {
			// The team is told what is down (the database), as the API
			// tells a script, rather than only to try again; so is who
			// sent a form to what cannot take it (a contact form whose
			// SMTP server is missing), in the server's words.
			data.Text, textKey = msg, ""
			if !admin {
				data.TextLang = msgLang
			}
		}
	}
	if admin && st.tmpl.adminFailure {
		s.adminError(c, st, r, status, data, headingKey, textKey)
		return
	}
	if admin {
		data.Back = adminBack(r, "") // a theme's admin.html that shows no .Failure
	}
	data.Title = data.Heading + " – " + b.SiteTitle
	if err := s.renderDynamic(c, st, status, "error", data); err != nil {
		s.opts.Logger.Error("render error page", "err", err)
		c.Response().WriteHeader(status)
	}
}

// statusKeys are the strings of T titling a 4xx error page by its status
// (statusKey).
var statusKeys = map[int]string{
	http.StatusUnauthorized:          "unauthorized",
	http.StatusForbidden:             "forbidden",
	http.StatusNotFound:              "not_found",
	http.StatusGone:                  "not_found",
	http.StatusConflict:              "conflict",
	http.StatusRequestEntityTooLarge: "too_large",
	http.StatusTooManyRequests:       "too_many_requests",
}

// statusKey is the string of T titling an error page of a 4xx status whose
// message says what happened: "bad_request" for a status without its own.
func statusKey(status int) string {
	if k, ok := statusKeys[status]; ok {
		return k
	}
	return "bad_request"
}

// adminError renders data, the error page of an admin address, on the
// admin layout: its title and text in the admin page's language (the
// default locale's strings, marked with their language where it is not
// the layout's English), and a link back to the admin page, a form's
// period and locale kept.
func (s *Server) adminError(c echo.Context, st *state, r *http.Request, status int, data *errorPage, headingKey, textKey string) {
	page := &adminPage{basePage: s.adminBase(st)}
	b := &page.basePage
	inEnglish := func(key string) string { // the lang of a string of T on the English layout
		if key == "" {
			return "" // the server's message
		}
		if l := b.shownIn(key); i18n.Language(l) != "en" {
			return l
		}
		return ""
	}
	page.Failure = &adminFailure{
		Heading: data.Heading, HeadingLang: inEnglish(headingKey),
		Text: data.Text, TextLang: inEnglish(textKey),
		Back: adminBack(r, ""), BackText: b.T["admin_back"], BackLang: inEnglish("admin_back"),
	}
	page.Title = data.Heading + " – " + b.SiteTitle
	if status < 500 {
		// Signed in, the layout keeps its "Sign out", as on the
		// dashboard (a 5xx, the database down, asks nothing more of it).
		if sess, err := s.session(c); err == nil && sess != "" {
			page.SignedIn, page.CSRF = true, csrfToken(sess)
		}
	}
	c.Response().Header().Set("X-Frame-Options", "DENY")
	if err := s.renderDynamic(c, st, status, "admin", page); err != nil {
		s.opts.Logger.Error("render admin error page", "err", err)
		c.Response().WriteHeader(status)
	}
}

// pathWords turns a missing URL path into a query: "/billing/get-a-refund.html"
// becomes "billing get a refund".
func pathWords(p string) string {
	p = strings.TrimSuffix(p, path.Ext(p))
	f := strings.FieldsFunc(p, func(r rune) bool {
		return r == '/' || r == '-' || r == '_' || r == '.' || r == '+' || r == '%'
	})
	q := strings.Join(f, " ")
	if len(q) > 200 {
		q = q[:200]
	}
	return strings.ToValidUTF8(q, "")
}

// suggestFor searches the words of a missing page and returns the matching
// articles of the view.
func (s *Server) suggestFor(c echo.Context, st *state, q, loc string) []*site.Article {
	if q == "" {
		return nil
	}
	res, err := s.find(c.Request().Context(), st, "s", site.SearchRequest{Query: q, Locale: loc, Limit: 5})
	if err != nil {
		return nil
	}
	var out []*site.Article
	for _, h := range res.Hits {
		if a, err := st.view.Article(h.ID, h.Locale); err == nil {
			out = append(out, a)
		}
	}
	return out
}

// inOtherLocales returns the articles at rest (a site path without its
// locale's prefix) in the site's other locales than loc: an article
// written in German only, opened under /es/ (a link whose language was
// swapped), is offered in German rather than not at all (rv23d).
func inOtherLocales(v *site.View, rest, loc string) []*site.Article {
	var out []*site.Article
	for _, l := range v.Lib.Locales() {
		if l == loc {
			continue
		}
		if a, ok := v.ArticleAt(localePrefix(v, l) + rest); ok && a.Locale == l && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// pageForm reports whether path takes a form a page posts without
// JavaScript (the feedback, contact and subscription forms, and every
// admin form): its errors are themed pages, not JSON.
func pageForm(path string) bool {
	switch {
	case path == "/feedback", path == "/subscribe", path == "/contact", strings.HasPrefix(path, "/admin/"):
		return true
	}
	seg := strings.Split(strings.Trim(path, "/"), "/")
	return len(seg) == 2 && seg[1] == "contact"
}
