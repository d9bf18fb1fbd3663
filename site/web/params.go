package web

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
	"github.com/labstack/echo/v4"
)

// requestLocale returns the locale an API call asks for: the one its
// locale parameter names, as apps write it (pt_BR, zh-hans), or the one a
// reader of it expects (es-MX → es-419): i18n.Resolve, as the insights
// and the command line read it; without one, the best match for Accept-Language, else the
// default locale, the answer then saying Vary: Accept-Language (the
// context and FAQ answers are public for a minute: a shared cache must not
// give one language's to another's reader). A parameter no locale of the
// site fits is EINVALID.
func (s *Server) requestLocale(c echo.Context, st *state, param string) (string, error) {
	locales := st.view.Lib.Locales()
	if param != "" {
		if l, ok := i18n.Resolve(locales, param); ok {
			return l, nil
		}
		return "", site.UnknownLocale(param, locales)
	}
	// The answer depends on the header now: a cache must not give it to
	// a reader asking in another language.
	c.Response().Header().Add("Vary", "Accept-Language")
	if l := negotiateLocale(c.Request().Header.Get("Accept-Language"), locales); l != "" {
		return l, nil
	}
	return st.view.Lib.Config.DefaultLocale, nil
}

// boolParam reads an optional boolean query parameter: "1", "true" or
// "on" (an HTML checkbox) is true, absent, "0", "false" or "off" false (in
// any case: Python's requests sends True and False), anything else a 400
// naming it.
func boolParam(q url.Values, name string) (bool, error) {
	switch strings.ToLower(q.Get(name)) {
	case "", "0", "false", "off":
		return false, nil
	case "1", "true", "on": // "on": what an HTML checkbox sends
		return true, nil
	}
	return false, site.Errorf(site.EINVALID, "%s must be 1 or 0 (or true or false, on or off)", name)
}

// intParam reads an optional integer query parameter: def when absent, a
// 400 naming the parameter when it is not a number from lo to hi. The
// number may be written in any script's decimal digits (Arabic "٢",
// Persian "۲", full-width "２"): the ones the pages write and readers'
// keyboards type.
func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(asciiDigits(v))
	if err != nil || n < lo || n > hi {
		return 0, site.Errorf(site.EINVALID, "%s must be a number from %d to %d", name, lo, hi)
	}
	return n, nil
}

// pageError is a visitor's mistake in a page's address (a results page
// "page=abc"), said on the error page by the theme's string key in the
// page's language, args filling it; the API answers the wrapped error's
// English message.
type pageError struct {
	err  error
	key  string
	args []string
}

func (e *pageError) Error() string { return e.err.Error() }
func (e *pageError) Unwrap() error { return e.err }

// onPage returns err, when not nil, said on a page by the string key.
func onPage(err error, key string, args ...string) error {
	if err == nil {
		return nil
	}
	return &pageError{err: err, key: key, args: args}
}

// pageText returns the string key and args a page says err with, if any.
func pageText(err error) (*pageError, bool) {
	var pe *pageError
	return pe, errors.As(err, &pe)
}

// asciiDigits writes the decimal digits of s of every script as 0–9: a
// decimal digit of Unicode (Nd) is one of a run of ten from its zero, and
// unicode.Nd's ranges begin at a zero.
func asciiDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf || !unicode.Is(unicode.Nd, r) {
			return r
		}
		for _, rg := range unicode.Nd.R16 {
			if lo, hi := rune(rg.Lo), rune(rg.Hi); lo <= r && r <= hi {
				return '0' + (r-lo)%10
			}
		}
		for _, rg := range unicode.Nd.R32 {
			if lo, hi := rune(rg.Lo), rune(rg.Hi); lo <= r && r <= hi {
				return '0' + (r-lo)%10
			}
		}
		return r
	}, s)
}
