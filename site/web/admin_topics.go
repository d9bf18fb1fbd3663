package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// adminLinkTopic links the topic of an unlinked-ticket gap to an article,
// from the admin page: the topic's tickets link to it from now on.
func (s *Server) adminLinkTopic(c echo.Context) error {
	if _, err := s.adminForm(c); err != nil {
		return err
	}
	r := c.Request()
	gap := r.PostFormValue("gap")
	if _, err := s.opts.Insights.LinkTopic(r.Context(), gap, strings.TrimSpace(r.PostFormValue("article"))); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, adminBack(r, "unlinked"))
}

// adminUnlinkTopic undoes a hand link from the admin page: the topic's
// tickets are linked by search again.
func (s *Server) adminUnlinkTopic(c echo.Context) error {
	if _, err := s.adminForm(c); err != nil {
		return err
	}
	r := c.Request()
	if _, err := s.opts.Insights.UnlinkTopic(r.Context(), r.PostFormValue("gap")); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, adminBack(r, "unlinked"))
}
