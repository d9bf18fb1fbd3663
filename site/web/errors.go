package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"path"
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
// to try again.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status, code, msg := statusOf(err)
	r := c.Request()
	if status >= 500 {
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
	loc, rest := st.localeOf(r.URL.Path)
	if rest == r.URL.Path {
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
	switch {
	case status == http.StatusTooManyRequests:
		data.Heading, data.Text = b.T["too_many_requests"], st.view.UI.Plural(loc, "retry_after", retry)
		data.HeadingLang, data.TextLang = b.TLang["too_many_requests"], b.TLang["retry_after"]
	case r.Method == http.MethodPost && status < 500:
		// A form's error: the page is there, what the form names may
		// not be (a mistyped gap ID); the message says which.
		key := "bad_request"
		if status == http.StatusForbidden {
			key = "forbidden" // another site's form
		}
		data.Heading, data.Text, data.HeadingLang, data.TextLang = b.T[key], msg, b.TLang[key], msgLang
		if strings.HasPrefix(r.URL.Path, "/admin/") {
			data.Back = adminBack(r, "")
		}
	case status == http.StatusNotFound, status == http.StatusGone:
		shown("not_found_title", "not_found_text")
		if status == http.StatusGone {
			shown("gone_title", "gone_text")
		}
		data.Query = pathWords(rest)
		data.Hits = s.suggestFor(c, st, data.Query, loc)
		if len(data.Hits) == 0 {
			data.Categories = st.view.BrowseCategories(loc)
		}
	case status == http.StatusForbidden:
		// Refused, not malformed: another site's form, a frame from an
		// origin not allowed.
		data.Heading, data.Text, data.HeadingLang, data.TextLang = b.T["forbidden"], msg, b.TLang["forbidden"], msgLang
	case status == http.StatusBadRequest, status == http.StatusUnauthorized, status == http.StatusRequestEntityTooLarge:
		data.Heading, data.Text, data.HeadingLang, data.TextLang = b.T["bad_request"], msg, b.TLang["bad_request"], msgLang
	default:
		shown("error_title", "error_text")
	}
	data.Title = data.Heading + " – " + b.SiteTitle
	if err := s.renderDynamic(c, st, status, "error", data); err != nil {
		s.opts.Logger.Error("render error page", "err", err)
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
