package web

import (
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
)

// wellFormedQuery refuses an API request whose query string does not parse
// (an escape that is no escape, "%zz"; a ";" as a separator): the router
// reads such a query without the parameters it cannot read, so
// `/api/v1/context?url=http://%zz` answered the fallback articles as if no
// url were given, and `/api/v1/search?q=100%` searched nothing. A 400
// naming the query string's fault instead.
func wellFormedQuery(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if _, err := url.ParseQuery(c.Request().URL.RawQuery); err != nil {
			msg := err.Error()
			if _, after, ok := strings.Cut(msg, "invalid URL escape "); ok {
				msg = "invalid escape " + after + ": write % as %25"
			}
			return site.Errorf(site.EINVALID, "query string: %s", msg)
		}
		return next(c)
	}
}
