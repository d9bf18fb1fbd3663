package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/labstack/echo/v4"
)

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
// to the allowed host origins. The articles it shows come from the
// articles API, their images absolute under base_url: its origin may
// serve images even when it is http and not the one the frame was
// opened on (a base_url guessed from the listen address, localhost,
// while the app loads the widget from 127.0.0.1).
func widgetCSP(cfg site.Config, css template.CSS) string {
	var images []string
	if u, err := url.Parse(cfg.BaseURL); err == nil && u.Scheme == "http" && u.Host != "" {
		images = append(images, "http://"+u.Host)
	}
	return contentSecurityPolicy(css, frameAncestors(cfg.Widget), images...)
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
	// HeadingLang is its language when it is not the page's (TLang).
	HeadingLang string
	Articles    []articleRef
	Reasons     []reason
	Events      string
	// Next is what the panel offers when a search finds no answer.
	Next *nextSteps
	// Strings are the texts the panel's script shows.
	Strings map[string]string
	// ContactForm shows the contact step (the contact form inside the
	// panel) rather than a link away.
	ContactForm bool
	// FieldErrors are the contact step's messages (see fieldErrors).
	FieldErrors fieldErrors
	// Subscribe is "Tell me when this is answered", which the panel's
	// script adds under a search that found nothing or only weak results
	// (weakResults; nil without an SMTP server).
	Subscribe *subscribeForm
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
	b := newBase(st.view, loc, strs(st.view, loc)["widget_title"], "", "")
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
		TextColor: textOn(brandColor(b.BrandColor)), Reasons: reasonsFor(b), Events: "/api/v1/events",
		Strings: map[string]string{}, ContactForm: s.contactAvailable(st.view), FieldErrors: contactFieldErrors(st.view, loc),
	}
	if s.subscriptionsOn() {
		// The script fills in the query and its intro.
		page.Subscribe = newSubscribeForm(st.view, b, "", site.SourceWidget)
	}
	page.BrandCSS = template.CSS(":root{")
	if b.BrandColor != "" {
		page.BrandCSS += template.CSS("--brand:" + b.BrandColor + ";")
	}
	page.BrandCSS += template.CSS("--on-brand:" + page.TextColor + "}")
	for _, k := range []string{"widget_for_page", "widget_suggested", "widget_popular", "widget_full", "widget_error", "widget_gone",
		"results_for", "no_results", "common_words", "search_instead_for", "related_for", "related_intro", "subscribe_intro"} {
		page.Strings[strings.TrimPrefix(k, "widget_")] = b.T[k]
		if l := b.TLang[k]; l != "" {
			// Its language, for the elements showing it (lang).
			page.Strings["lang_"+strings.TrimPrefix(k, "widget_")] = l
		}
	}
	list, matched := st.screenArticles(loc, path, key, widgetListSize)
	page.Heading, page.HeadingLang = b.T["widget_for_page"], b.TLang["widget_for_page"]
	if !matched {
		page.Heading, page.HeadingLang = b.T["widget_popular"], b.TLang["widget_popular"]
	}
	for _, m := range list {
		page.Articles = append(page.Articles, newArticleRef(st.view, m.Article))
	}
	page.Next = s.nextStepsFor(st, b, "", true)
	body, err := st.render("widget", page)
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Content-Security-Policy", widgetCSP(cfg, page.BrandCSS))
	// A host page isolated by Cross-Origin-Embedder-Policy frames only a
	// page that agrees to it (CORP cross-origin; who may frame it is still
	// frame-ancestors' say) and is isolated itself. credentialless, not
	// require-corp: an article's images hosted elsewhere, which send no
	// CORP, still show (fetched without cookies, as public images are).
	h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	h.Set("Cross-Origin-Embedder-Policy", "credentialless")
	newBlob(htmlType, body).write(c.Response(), c.Request(), http.StatusOK, "no-store")
	return nil
}
