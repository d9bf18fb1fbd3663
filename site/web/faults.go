package web

import (
	"runtime/debug"

	"github.com/labstack/echo/v4"
)

// panicOnFault turns a memory fault during a request into a panic, which
// Recover answers with 500, instead of the end of the process: the rendered
// text of articles after a restart is read from mapped render cache files
// (site/content mapShard), and a file cut short under the running server
// (truncated or copied over in place, which the README warns against)
// faults on the pages it no longer holds.
func panicOnFault(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		return next(c)
	}
}
