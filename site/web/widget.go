package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
)

// The widget: /widget.js is the loader a host page includes; it opens
// /widget/frame, served from this origin in an iframe, and the two talk
// through postMessage. /widget/demo shows it on a fake app screen.

// widgetSource is the loader's logical asset name; widgetConfigMark is
// replaced in it by the site's widget settings when a snapshot is built.
const (
	widgetSource     = "js/widget.js"
	widgetConfigMark = "/*GUICHET_CONFIG*/{}"
)

// widgetConfig is what the loader needs before the frame exists: the
// button's colours and labels per locale, and the locales served.
type widgetConfig struct {
	Color   string                       `json:"color"`
	Text    string                       `json:"text"` // text colour on Color
	Locale  string                       `json:"locale"`
	Strings map[string]map[string]string `json:"strings"`
}

// buildWidgetJS renders the loader with the view's settings; nil when the
// theme's static files have no loader.
func buildWidgetJS(v *site.View, assets *assetSet) *blob {
	src, ok := assets.byPath["/static/"+widgetSource]
	if !ok {
		return nil
	}
	cfg := widgetConfig{Color: brandColor(v.Lib.Config.BrandColor), Locale: v.Lib.Config.DefaultLocale, Strings: map[string]map[string]string{}}
	cfg.Text = textOn(cfg.Color)
	for _, loc := range servedLocales(v) {
		t := strs(loc)
		cfg.Strings[loc] = map[string]string{"open": t["widget_open"], "close": t["widget_close"], "title": t["widget_title"]}
	}
	js, _ := json.Marshal(cfg) // plain strings: cannot fail
	body := bytes.Replace(src.body, []byte(widgetConfigMark), js, 1)
	return newBlob("text/javascript; charset=utf-8", body)
}

// brandColor is the configured brand colour, or the theme's default.
func brandColor(c string) string {
	if site.ValidColor(c) {
		return c
	}
	return "#0b5cad"
}

// textOn returns black or white, whichever reads better on a hex colour
// (WCAG relative luminance; the threshold where both contrasts are equal).
func textOn(hex string) string {
	h := strings.TrimPrefix(hex, "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil || len(h) != 6 {
		return "#fff"
	}
	lin := func(c uint64) float64 {
		x := float64(c) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(n>>16&0xff) + 0.7152*lin(n>>8&0xff) + 0.0722*lin(n&0xff)
	if l > 0.179 {
		return "#000"
	}
	return "#fff"
}

// widgetJS serves the loader. It changes with the content snapshot (brand
// colour, locales), so caches keep it five minutes and revalidate by ETag.
func (s *Server) widgetJS(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	if st.widgetJS == nil {
		return site.Errorf(site.ENOTFOUND, "this theme has no widget loader")
	}
	st.widgetJS.write(c.Response(), c.Request(), http.StatusOK, "public, max-age=300")
	return nil
}

// hostPath validates a host page path sent by the widget: empty, or an
// frameAncestors is the CSP frame-ancestors source list: this origin and
// the allowed host origins, or any.
func frameAncestors(cfg site.WidgetConfig) string {
	if cfg.AnyOrigin() {
		return "*"
	}
	if cfg.Invalid || len(cfg.AllowedOrigins) == 0 {
		return "'self'"
	}
	return "'self' " + strings.Join(cfg.AllowedOrigins, " ")
}

// widgetCSP is the frame's Content-Security-Policy: the site's policy
// (contentSecurityPolicy) with its own inline style and embedding limited
// to the allowed host origins.
func widgetCSP(cfg site.WidgetConfig, css template.CSS) string {
	return contentSecurityPolicy(css, frameAncestors(cfg))
}

// widgetListSize is how many articles the panel lists for a screen (the
// frame's script asks /api/v1/context for as many).
const widgetListSize = 5

// framePage is the widget panel.
type framePage struct {
	basePage
	HostOrigin string // where postMessage goes; "" when unknown (not embedded)
	HostPath   string
	Context    string
	Theme      string // light, dark or auto
	TextColor  string // on BrandColor
	Heading    string // above the list: for this page, or popular
	Matched    bool
	Articles   []articleRef
	Reasons    []reason
	Events     string
	// Strings are the texts the panel's script shows.
	Strings map[string]string
}

// widgetFrame renders the panel for a host page: its contextual articles
// (or the locale's top FAQ), a search box and a contact link. The page is
// meant for an iframe on an allowed origin; CSP frame-ancestors says which.
func (s *Server) widgetFrame(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	q := c.QueryParams()
	cfg := st.view.Lib.Config
	loc, err := s.requestLocale(c, st, q.Get("locale"))
	if err != nil {
		return err
	}
	var origin string
	if raw := q.Get("origin"); raw != "" {
		if origin, err = site.NormalizeOrigin(raw); err != nil || origin == "*" {
			return site.Errorf(site.EINVALID, "origin must be the host page's origin, like https://app.example.com")
		}
		if !cfg.Widget.Allows(origin) && !s.sameOrigin(c, origin) {
			return site.Errorf(site.EFORBIDDEN, "%s is not in widget.allowed_origins", origin)
		}
	}
	path, err := site.HostPath(q.Get("path"))
	if err != nil {
		return err
	}
	key, err := site.ContextKey(q.Get("context"))
	if err != nil {
		return err
	}
	b := newBase(st.view, loc, strs(loc)["widget_title"], "", "")
	b.NoIndex = true
	if col := q.Get("color"); col != "" {
		if !site.ValidColor(col) {
			return site.Errorf(site.EINVALID, "color must be a hex colour like #0b5cad")
		}
		b.BrandColor = col
	}
	theme := q.Get("theme")
	switch theme {
	case "", "auto":
		theme = "auto"
	case "light", "dark":
	default:
		return site.Errorf(site.EINVALID, "theme must be light, dark or auto")
	}
	page := &framePage{
		basePage: b, HostOrigin: origin, HostPath: path, Context: key, Theme: theme,
		TextColor: textOn(brandColor(b.BrandColor)), Reasons: reasonsFor(b.T), Events: "/api/v1/events",
		Strings: map[string]string{},
	}
	page.BrandCSS = template.CSS(":root{")
	if b.BrandColor != "" {
		page.BrandCSS += template.CSS("--brand:" + b.BrandColor + ";")
	}
	page.BrandCSS += template.CSS("--on-brand:" + page.TextColor + "}")
	for _, k := range []string{"widget_for_page", "widget_suggested", "widget_popular", "widget_full", "widget_error",
		"results_for", "no_results", "common_words", "search_instead_for"} {
		page.Strings[strings.TrimPrefix(k, "widget_")] = b.T[k]
	}
	list, matched := st.screenArticles(loc, path, key, widgetListSize)
	page.Matched, page.Heading = matched, b.T["widget_for_page"]
	if !matched {
		page.Heading = b.T["widget_popular"]
	}
	for _, m := range list {
		page.Articles = append(page.Articles, newArticleRef(st.view, m.Article))
	}
	body, err := st.tmpl.render("widget", page)
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Content-Security-Policy", widgetCSP(cfg.Widget, page.BrandCSS))
	newBlob(htmlType, body).write(c.Response(), c.Request(), http.StatusOK, "no-store")
	return nil
}

// demoPage is /widget/demo: a fake app with two screens.
type demoPage struct {
	basePage
	Screens []demoScreen
	Current demoScreen
	Snippet string // the tag, as a host page would write it
}

// demoScreen is one screen of the fake app: its path inside the app, its
// URL under /widget/demo, and its context key.
type demoScreen struct {
	Path, URL, Context, Title, Text string
	Current                         bool
}

// demoPrefix is where the fake app lives; the loader is told to cut it off
// the paths it reports (data-path-prefix).
const demoPrefix = "/widget/demo"

// widgetDemo shows the widget on a fake app whose two screens have
// different paths and context keys; links between them change the route
// with the History API, as a single-page app does, and work without
// JavaScript as plain links.
func (s *Server) widgetDemo(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	loc, err := s.requestLocale(c, st, c.QueryParam("locale"))
	if err != nil {
		return err
	}
	b := newBase(st.view, loc, strs(loc)["widget_demo_title"], "", "")
	b.NoIndex = true
	page := &demoPage{basePage: b, Screens: demoScreens(st, loc)}
	rest := strings.TrimPrefix(c.Request().URL.Path, demoPrefix)
	for i := range page.Screens {
		if page.Screens[i].Path == rest {
			page.Screens[i].Current = true
		}
	}
	if rest != "" && rest != "/" && !page.Screens[0].Current && !page.Screens[1].Current {
		return site.Errorf(site.ENOTFOUND, "the demo has no screen %s", rest)
	}
	if !page.Screens[1].Current {
		page.Screens[0].Current = true
	}
	for _, sc := range page.Screens {
		if sc.Current {
			page.Current = sc
		}
	}
	page.Snippet = fmt.Sprintf(`<script src="%s/widget.js" data-locale="%s" data-context="%s" async></script>`,
		strings.TrimRight(st.view.Lib.Config.BaseURL, "/"), loc, page.Current.Context)
	return s.renderDynamic(c, st, http.StatusOK, "demo", page)
}

// demoScreens picks two screens of the fake app from the content's own
// contexts, so the demo shows articles whatever the help center is about:
// the first with a context key, the second with a path.
func demoScreens(st *state, loc string) []demoScreen {
	first := demoScreen{Path: "/dashboard", Title: "Dashboard",
		Text: "A screen of your app. The help button opens the articles written for it."}
	second := demoScreen{Path: "/settings", Title: "Settings",
		Text: "Another screen: the widget follows the route change and refreshes its articles."}
	keys, paths := st.contexts.Samples(loc)
	if len(keys) > 0 {
		first.Context = keys[0]
		first.Title = keyTitle(keys[0])
	}
	for _, p := range paths {
		if p != first.Path && p != "/" {
			second.Path = p
			second.Title = keyTitle(p[strings.LastIndex(p, "/")+1:])
			break
		}
	}
	if first.Path == second.Path {
		first.Path = "/home"
	}
	first.URL, second.URL = demoPrefix+first.Path, demoPrefix+second.Path
	return []demoScreen{first, second}
}

// keyTitle turns "error-page" into "Error page".
func keyTitle(k string) string {
	k = strings.NewReplacer("-", " ", "_", " ", ".", " ").Replace(k)
	if k == "" {
		return "Home"
	}
	r, n := utf8.DecodeRuneInString(k)
	return strings.ToUpper(string(r)) + k[n:]
}

// sameOrigin reports whether origin is this server's own (the Host the
// request came to, or the configured base URL).
func (s *Server) sameOrigin(c echo.Context, origin string) bool {
	if u, err := url.Parse(origin); err == nil && strings.EqualFold(u.Host, c.Request().Host) {
		return true
	}
	if st := s.state.Load(); st != nil {
		if base, err := site.NormalizeOrigin(originOf(st.view.Lib.Config.BaseURL)); err == nil && base == origin {
			return true
		}
	}
	return false
}

// originOf cuts a URL down to scheme://host[:port].
func originOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

// eventCORS guards POST /api/v1/events: requests from another origin are
// accepted only from widget.allowed_origins (any when it says "*"),
// and preflights are answered for those alone. Same-origin requests and
// requests without an Origin (servers, curl) pass.
func (s *Server) eventCORS(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Add("Vary", "Origin")
		raw := c.Request().Header.Get("Origin")
		preflight := c.Request().Method == http.MethodOptions
		if raw == "" || raw != "null" && s.sameOrigin(c, strings.ToLower(raw)) {
			if preflight {
				return c.NoContent(http.StatusNoContent)
			}
			return next(c)
		}
		st, err := s.current()
		if err != nil {
			return err
		}
		if cfg := st.view.Lib.Config.Widget; !cfg.AnyOrigin() {
			origin, err := site.NormalizeOrigin(raw)
			if err != nil || !cfg.Allows(origin) {
				return site.Errorf(site.EFORBIDDEN, "origin %q may not post events: it is not in widget.allowed_origins", raw)
			}
		}
		h.Set("Access-Control-Allow-Origin", raw)
		if preflight {
			h.Set("Access-Control-Allow-Methods", "POST")
			h.Set("Access-Control-Allow-Headers", "Content-Type")
			h.Set("Access-Control-Max-Age", "86400")
			return c.NoContent(http.StatusNoContent)
		}
		return next(c)
	}
}
