package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
)

// getHead are the methods a page answers.
var getHead = []string{http.MethodGet, http.MethodHead}

// routes builds the router. It is the table of every URL the server
// answers, each with the file that serves it. :locale is a locale other
// than the default one (/fr/…); a first segment that is not a locale is
// content (a category named "faq" in another locale's folder is still
// reachable, see localized). The first segments the site itself uses are
// site.ReservedSegments: content cannot take them.
func (s *Server) routes() *echo.Echo {
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = s.handleError // errors.go: site.Error → status, JSON or themed page
	trust := []echo.TrustOption{echo.TrustLoopback(true), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, n := range s.opts.TrustedProxies {
		trust = append(trust, echo.TrustIPRange(n))
	}
	e.IPExtractor = clientIP(echo.ExtractIPFromXFFHeader(trust...)) // clientip.go
	e.Use(s.observe)                                                // metrics.go: request metrics and access log
	e.Use(middleware.Recover())
	e.Use(panicOnFault)          // faults.go: a cut-short mapped cache file answers 500
	e.Use(s.securityHeaders)     // csp.go
	e.Use(s.protect)             // limits.go: per-client budgets
	e.Use(s.publicHost)          // publichost.go: a public name the links do not use
	e.Use(s.publicPathRedirects) // pages.go: redirects under the public URL's path

	// Public pages, rendered at publication (page.go serves them from
	// the snapshot) unless marked "per request".
	e.Match(getHead, "/", s.page)                                   // home.go: home of the default locale
	e.Match(getHead, "/:locale/", s.localized(s.page))              // home.go: home of another locale
	e.Match(getHead, "/search", s.search)                           // search.go: search results, per request
	e.Match(getHead, "/:locale/search", s.localized(s.search))      // search.go
	e.Match(getHead, "/faq", s.page)                                // faq.go: top questions by tickets
	e.Match(getHead, "/:locale/faq", s.localized(s.page))           // faq.go
	e.Match(getHead, "/feed.:format", s.page)                       // feed.go: Atom, RSS, JSON Feed (lazily)
	e.Match(getHead, "/:locale/feed.:format", s.localized(s.page))  // feed.go
	e.Match(getHead, "/sitemap.xml", s.page)                        // sitemap.go: sitemap or sitemap index
	e.Match(getHead, "/sitemap-:n", s.page)                         // sitemap.go: parts of a large sitemap
	e.Match(getHead, "/robots.txt", s.page)                         // sitemap.go
	e.Match(getHead, "/contact", s.contact)                         // contact.go: the form; ?subject= suggestions on the server
	e.Match(getHead, "/:locale/contact", s.localized(s.contact))    // contact.go
	e.POST("/contact", s.contactPost)                               // contact.go: the form without JavaScript
	e.POST("/:locale/contact", s.localized(s.contactPost))          // contact.go
	e.POST("/subscribe", s.subscribePost)                           // subscriptions_api.go: "Tell me when this is answered" without JavaScript
	e.GET("/subscriptions/confirm", s.subscriptionConfirm)          // subscriptions_api.go: the confirmation link
	e.GET("/subscriptions/unsubscribe", s.subscriptionUnsubscribe)  // subscriptions_api.go: one-click unsubscribe
	e.POST("/subscriptions/unsubscribe", s.subscriptionUnsubscribe) // subscriptions_api.go: List-Unsubscribe-Post
	// Everything else is content: categories (/billing/), articles
	// (/billing/refund), their feeds (/billing/feed.atom), aliases and
	// redirects (301), removed pages (410), other URL forms of a page
	// (301), else the themed 404 — page.go.
	e.Match(getHead, "/*", s.page)
	e.POST("/feedback", s.feedback) // feedback.go: "Was this helpful?" without JavaScript

	// Files.
	e.Match(getHead, "/static/*", s.static)        // static.go: theme assets, fingerprinted
	e.Match(getHead, "/_content/*", s.contentFile) // static.go: images and attachments articles use

	// The contextual-help widget.
	e.Match(getHead, "/widget.js", s.widgetJS)       // widget.go: the loader a host page includes
	e.Match(getHead, "/widget/frame", s.widgetFrame) // widget_frame.go: the panel (iframe)
	e.Match(getHead, "/widget/demo", s.widgetDemo)   // widget_demo.go: a fake app to try it
	e.Match(getHead, "/widget/demo/*", s.widgetDemo) // widget_demo.go: one screen of it

	// The admin pages (session cookie, forms with a CSRF token).
	e.GET("/admin", func(c echo.Context) error { return c.Redirect(http.StatusMovedPermanently, "/admin/") })
	e.GET("/admin/", s.admin)                         // admin.go: insights, gaps, tickets, feedback
	e.POST("/admin/login", s.adminLogin)              // admin_session.go
	e.POST("/admin/logout", s.adminLogout)            // admin_session.go
	e.POST("/admin/triage", s.adminTriage)            // admin_triage.go: a gap's status and note
	e.POST("/admin/link-topic", s.adminLinkTopic)     // admin_topics.go: a ticket topic to an article
	e.POST("/admin/unlink-topic", s.adminUnlinkTopic) // admin_topics.go: that link undone
	e.POST("/admin/merge", s.adminMerge)              // admin_grouping.go: a gap into another
	e.POST("/admin/split", s.adminSplit)              // admin_grouping.go: a phrasing out of its gap
	e.POST("/admin/unmerge", s.adminUnmerge)          // admin_grouping.go: a merge undone
	e.GET("/admin/export/:file", s.adminExport)       // admin_export.go: a section of the dashboard as CSV

	// Operations.
	// HEAD too: uptime monitors and load balancers often probe with it.
	e.Match(getHead, "/metrics", s.metricsHandler()) // metrics.go: Prometheus, private networks only
	e.Match(getHead, "/healthz", s.healthz)          // health.go: alive, database reachable
	e.Match(getHead, "/readyz", s.readyz)            // health.go: content published
	if s.opts.Dev {
		e.GET("/_dev/version", s.devVersion) // reload.go: the preview polls it
	}

	// The JSON API: errors are JSON, responses gzip-compressed.
	gz := middleware.GzipWithConfig(middleware.GzipConfig{Level: 5, MinLength: 1024})
	// HEAD on every read endpoint answers as GET without the body (headless).
	api := e.Group("/api/v1", gz, headless, wellFormedQuery)
	api.Match(getHead, "/search", s.apiSearch, anyOrigin)                                        // search.go
	api.Match(getHead, "/suggest", s.apiSuggest, anyOrigin)                                      // search.go: autocomplete
	api.Match(getHead, "/articles/*", s.apiArticle, anyOrigin)                                   // article_api.go
	api.Match(getHead, "/faq", s.apiFAQ, anyOrigin)                                              // faq.go
	api.Match(getHead, "/context", s.apiContext, anyOrigin)                                      // context_api.go: articles for a screen
	api.POST("/events", s.apiEvents, s.eventCORS)                                                // event.go: clicks, votes, widget opens
	api.OPTIONS("/events", func(c echo.Context) error { return nil }, s.eventCORS)               // event.go: CORS preflight
	api.POST("/contact", s.apiContact, s.contactCORS)                                            // contact_api.go: a contact request
	api.OPTIONS("/contact", func(c echo.Context) error { return nil }, s.contactCORS)            // contact_api.go: CORS preflight
	api.POST("/subscriptions", s.apiSubscriptions, s.subscriptionCORS)                           // subscriptions_api.go
	api.OPTIONS("/subscriptions", func(c echo.Context) error { return nil }, s.subscriptionCORS) // subscriptions_api.go: CORS preflight
	api.Match(getHead, "/insights/gaps", s.apiGaps)                                              // gaps_api.go: token, scope admin
	api.Match(getHead, "/insights/summary", s.apiSummary)                                        // insights_api.go: figures, series, deflection
	api.Match(getHead, "/insights/articles", s.apiArticles)                                      // insights_api.go: per-article figures
	api.Match(getHead, "/insights/todo", s.apiToDo)                                              // insights_api.go: the ranked to-do list
	api.POST("/tickets", s.apiTickets)                                                           // tickets_api.go: token, scope tickets
	api.POST("/reload", s.apiReload)                                                             // reload.go: token, scope publish
	for _, read := range []string{"/search", "/suggest", "/articles/*", "/faq", "/context"} {
		api.OPTIONS(read, readPreflight) // CORS preflight of the read endpoints: any origin
	}
	// Under a wildcard endpoint the router's own 405 would not name GET.
	named(api.Match([]string{http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}, "/articles/*", func(c echo.Context) error {
		return wrongMethod(c, e.Routes())
	}), wrongMethodRoute)
	named(api.Any("/*", func(c echo.Context) error { return wrongMethod(c, e.Routes()) }), wrongMethodRoute)
	return e
}

// wrongMethodRoute names the routes answering with wrongMethod: they
// are not methods an endpoint takes.
const wrongMethodRoute = "api: wrong method"

// named names routes.
func named(routes []*echo.Route, name string) {
	for _, rt := range routes {
		rt.Name = name
	}
}

// wrongMethod answers a request no API route takes: a 405 with Allow
// naming the methods its endpoint takes (POST /api/v1/search: "this
// endpoint takes OPTIONS, GET, HEAD"), a 404 when no endpoint is at its path.
func wrongMethod(c echo.Context, routes []*echo.Route) error {
	r := c.Request()
	if allow := apiMethods(routes, r.URL.Path); len(allow) > 0 {
		c.Response().Header().Set("Allow", strings.Join(allow, ", "))
		return echo.NewHTTPError(http.StatusMethodNotAllowed, fmt.Sprintf("%s %s: this endpoint takes %s", r.Method, r.URL.Path, strings.Join(allow, ", ")))
	}
	return site.Errorf(site.ENOTFOUND, "no API endpoint %s %s", r.Method, r.URL.Path)
}

// apiMethods lists the methods the routes answer at path, an API
// endpoint's path (one under a wildcard endpoint, /api/v1/articles/…,
// is that endpoint's), OPTIONS first as the router's own Allow says them
// (it answers OPTIONS on every route): POST /api/v1/search is a 405
// naming GET, as a page asked with the wrong method is, not a 404 saying
// the endpoint does not exist. None when no endpoint is there.
func apiMethods(routes []*echo.Route, path string) []string {
	var allow []string
	for _, rt := range routes {
		at := rt.Path == path
		if prefix, ok := strings.CutSuffix(rt.Path, "*"); ok && strings.HasPrefix(prefix, "/api/") {
			at = strings.HasPrefix(path, prefix)
		}
		if at && rt.Method != http.MethodOptions && rt.Method != echo.RouteNotFound && rt.Name != wrongMethodRoute {
			allow = append(allow, rt.Method)
		}
	}
	if len(allow) == 0 {
		return nil
	}
	slices.Sort(allow)
	return append([]string{http.MethodOptions}, slices.Compact(allow)...)
}

// localized serves a route under /:locale/ when the segment is a locale of
// the site other than the default one; a locale spelt another way
// (localeOf: /pt-br/) or the default locale as a prefix (/en/) is
// redirected to the page's URL; anything else is content (a category may
// be named like a page of the site in the default locale's URL space:
// /billing/faq is an article of billing, not a FAQ).
func (s *Server) localized(h echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		st, err := s.current()
		if err != nil {
			return err
		}
		loc := c.Param("locale")
		if st.nonDefault[loc] {
			return h(c)
		}
		u := *c.Request().URL
		to := ""
		if canon, rest := st.localeOf(u.Path); canon != st.view.Lib.Config.DefaultLocale {
			to = "/" + canon + rest // /pt-br/search: the locale as another tool spells it
		} else if canon, _, ok := i18n.Canonical(loc); ok && canon == st.view.Lib.Config.DefaultLocale {
			if _, isPage := st.page(u.Path); !isPage { // a category named "en" is one
				to = "/" + strings.TrimPrefix(strings.TrimPrefix(u.Path, "/"+loc), "/") // /en/search: served without prefix
			}
		}
		if to == "" {
			return s.page(c)
		}
		u.Path, u.RawPath = to, ""
		code := http.StatusMovedPermanently
		if m := c.Request().Method; m != http.MethodGet && m != http.MethodHead {
			code = http.StatusPermanentRedirect // a form post stays one
		}
		return c.Redirect(code, u.RequestURI())
	}
}

// readPreflight answers a browser's CORS preflight for a read endpoint
// (search, suggest, articles, FAQ, context): any origin may read it with
// GET, with the headers the page asked for (no credentials, so they let
// nothing private through), for a day. Without it an app whose requests
// carry a header of its own (X-Request-ID, Content-Type on a GET) could
// not read the API from its page.
func readPreflight(c echo.Context) error {
	h := c.Response().Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Access-Control-Allow-Methods", "GET")
	if asked := askedHeaders(c, ""); asked != "" {
		h.Set("Access-Control-Allow-Headers", asked)
	}
	h.Set("Access-Control-Max-Age", "86400")
	return c.NoContent(http.StatusNoContent)
}

// askedHeaders is what a CORS preflight allows in
// Access-Control-Allow-Headers: the headers the page asked for (an app's
// own, X-Request-ID, besides Content-Type), else def. No endpoint takes
// credentials from another origin, so a header lets nothing private
// through.
func askedHeaders(c echo.Context, def string) string {
	if asked := strings.TrimSpace(c.Request().Header.Get("Access-Control-Request-Headers")); asked != "" {
		return asked
	}
	return def
}

// anyOrigin lets any origin read a response, without credentials: the
// read endpoints of the API, for widgets and apps on other sites.
func anyOrigin(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set("Access-Control-Allow-Origin", "*")
		return next(c)
	}
}
