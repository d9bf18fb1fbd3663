package web

import (
	"bytes"
	"encoding/json"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
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
		t := strs(v, loc)
		cfg.Strings[loc] = map[string]string{"open": t["widget_open"], "close": t["widget_close"], "title": t["widget_title"], "error": t["widget_error"], "dir": i18n.Direction(loc)}
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
// Any site may load it, in CORS mode too (a tag with
// crossorigin="anonymous"), and a page with Cross-Origin-Embedder-Policy:
// require-corp may load the script (and frame the panel: widgetFrame): it
// is public and carries nothing of the reader's.
func (s *Server) widgetJS(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	if st.widgetJS == nil {
		return site.Errorf(site.ENOTFOUND, "this theme has no widget loader")
	}
	h := c.Response().Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	st.widgetJS.write(c.Response(), c.Request(), http.StatusOK, "public, max-age=300")
	return nil
}
