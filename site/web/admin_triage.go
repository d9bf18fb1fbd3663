package web

import (
	"net/http"
	"net/url"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/labstack/echo/v4"
)

// adminTriage records a decision on a gap from the admin page.
func (s *Server) adminTriage(c echo.Context) error {
	if _, err := s.adminForm(c); err != nil {
		return err
	}
	r := c.Request()
	if err := s.opts.Insights.Decide(r.Context(), r.PostFormValue("gap"), r.PostFormValue("status"), r.PostFormValue("note")); err != nil {
		return err
	}
	if r.PostFormValue("status") == gaps.StatusFixed && s.opts.Contact != nil {
		// Fixed: the people waiting are told now, with the note.
		if _, err := s.opts.Contact.Notify(r.Context()); err != nil {
			s.opts.Logger.Warn("notify subscribers", "err", err)
		}
	}
	return c.Redirect(http.StatusSeeOther, "/admin/#gap-"+url.PathEscape(r.PostFormValue("gap")))
}

// parseSince reads the since parameter (site.ParseSince; default 30 days).
func parseSince(v string, now time.Time) (time.Time, error) {
	t, err := site.ParseSince(v, now, 30*24*time.Hour)
	if err != nil {
		return t, site.Errorf(site.EINVALID, "since: %s", site.ErrorMessage(err))
	}
	return t, nil
}
