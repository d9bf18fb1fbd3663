package web

import (
	"net/http"

	"github.com/guichet/guichet/site/gaps"
	"github.com/labstack/echo/v4"
)

// adminTriage records a decision on a gap from the admin page.
func (s *Server) adminTriage(c echo.Context) error {
	if _, err := s.adminForm(c); err != nil {
		return err
	}
	r := c.Request()
	g, err := s.opts.Insights.Decide(r.Context(), r.PostFormValue("gap"), r.PostFormValue("status"), r.PostFormValue("note"))
	if err != nil {
		return err
	}
	if g.Status == gaps.StatusFixed && s.opts.Contact != nil {
		// Fixed: the people waiting are told now, with the note.
		if _, err := s.opts.Contact.Notify(r.Context()); err != nil {
			s.opts.Logger.Warn("notify subscribers", "err", err)
		}
	}
	// The gap decided on: a page read before a merge names the gap
	// merged away.
	return c.Redirect(http.StatusSeeOther, adminBack(r, "gap-"+g.ID))
}
