package web

import (
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
	"github.com/labstack/echo/v4"
)

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
	b := newBase(st.view, loc, strs(st.view, loc)["widget_demo_title"], "", "")
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
