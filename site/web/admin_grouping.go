package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"
)

// adminMerge merges a gap into another from the admin page (the team says
// they ask the same thing), and shows the merged gap.
func (s *Server) adminMerge(c echo.Context) error {
	if _, err := s.adminForm(c); err != nil {
		return err
	}
	r := c.Request()
	g, err := s.opts.Insights.Merge(r.Context(), strings.TrimSpace(r.PostFormValue("into")), r.PostFormValue("gap"))
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, adminBack(r, "gap-"+g.ID))
}

// adminSplit moves one phrasing out of a gap from the admin page (the team
// says it asks something else), and shows the gap it makes.
func (s *Server) adminSplit(c echo.Context) error {
	if _, err := s.adminForm(c); err != nil {
		return err
	}
	r := c.Request()
	g, err := s.opts.Insights.Split(r.Context(), r.PostFormValue("gap"), r.PostFormValue("variant"))
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, adminBack(r, "gap-"+g.ID))
}

// adminUnmerge undoes the merge of a gap into another from the admin page
// (the team merged it by mistake), and shows the gap brought back.
func (s *Server) adminUnmerge(c echo.Context) error {
	if _, err := s.adminForm(c); err != nil {
		return err
	}
	r := c.Request()
	g, err := s.opts.Insights.Unmerge(r.Context(), r.PostFormValue("gap"))
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, adminBack(r, "gap-"+g.ID))
}

// adminBack is where an admin form returns: the admin page with the
// period and locale it was posted from (its "back" field, the page's
// since, until and locale; nothing else is kept), at the fragment.
func adminBack(r *http.Request, fragment string) string {
	back, _ := url.ParseQuery(r.PostFormValue("back"))
	q := url.Values{}
	for _, k := range []string{"since", "until", "locale", "ignored"} {
		if v := back.Get(k); v != "" {
			q.Set(k, v)
		}
	}
	u := url.URL{Path: "/admin/", RawQuery: q.Encode(), Fragment: fragment}
	return u.String()
}
