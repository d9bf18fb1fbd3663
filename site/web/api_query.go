package web

import (
	"io"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
)

// wellFormedQuery refuses an API request whose query string does not parse
// (an escape that is no escape, "%zz"; a ";" as a separator): the router
// reads such a query without the parameters it cannot read, so
// `/api/v1/context?url=http://%zz` answered the fallback articles as if no
// url were given, and `/api/v1/search?q=100%` searched nothing. A 400
// naming the query string's fault instead. So is a parameter given more
// than once (?q=a&q=b): every endpoint reads one value of each, and
// which one it would have read (the first) is nothing the caller meant
// to choose.
func wellFormedQuery(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		q, err := url.ParseQuery(c.Request().URL.RawQuery)
		if err != nil {
			msg := err.Error()
			if _, after, ok := strings.Cut(msg, "invalid URL escape "); ok {
				msg = "invalid escape " + after + ": write % as %25"
			}
			return site.Errorf(site.EINVALID, "query string: %s", msg)
		}
		for _, k := range slices.Sorted(maps.Keys(q)) {
			if n := len(q[k]); n > 1 {
				return site.Errorf(site.EINVALID, "%s: given %d times; send each parameter once", k, n)
			}
		}
		return next(c)
	}
}

// headless answers a HEAD request as its GET, without the body: the
// status and headers a monitor or a cache checks, nothing more.
func headless(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().Method == http.MethodHead {
			res := c.Response()
			res.Writer = noBody{res.Writer}
		}
		return next(c)
	}
}

// noBody is a ResponseWriter that keeps the status and headers and
// drops the body.
type noBody struct{ http.ResponseWriter }

func (w noBody) Write(b []byte) (int, error) { return len(b), nil }

// ReadFrom drops what it reads, as Write does.
func (w noBody) ReadFrom(r io.Reader) (int64, error) { return io.Copy(io.Discard, r) }

// Unwrap gives http.ResponseController the writer underneath.
func (w noBody) Unwrap() http.ResponseWriter { return w.ResponseWriter }
