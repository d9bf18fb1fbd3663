package web

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
)

// publishScope is the token scope of POST /api/v1/reload.
const publishScope = "publish"

// apiReload answers POST /api/v1/reload, a git host's push webhook: with a
// token of scope publish (Authorization: Bearer, GitLab's X-Gitlab-Token,
// or a token query parameter for hosts whose webhooks cannot send
// headers), the content is published again. 202 at once; with ?wait=1,
// 200 once the new content is served (see reloadAnswer), or the error in
// words (a failed git pull: 409 or 503, saying what to do).
func (s *Server) apiReload(c echo.Context) error {
	if s.opts.Publish == nil || s.opts.Auth == nil {
		return site.Errorf(site.ENOTFOUND, "publishing by API is not available")
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	r := c.Request()
	secret := bearer(r)
	if secret == "" {
		secret = strings.TrimSpace(r.Header.Get("X-Gitlab-Token"))
	}
	if secret == "" {
		secret = r.URL.Query().Get("token")
	}
	if err := s.requireSecret(c, secret, publishScope); err != nil {
		return err
	}
	wait, err := boolParam(r.URL.Query(), "wait")
	if err != nil {
		return err
	}
	if wait {
		// The publication may outlast the server's write timeout (a git
		// pull has a minute, then the content loads): the answer must
		// still reach the webhook, or it reads an empty reply.
		http.NewResponseController(c.Response()).SetWriteDeadline(time.Time{})
		// A webhook that stops waiting (GitHub's gives up after 10 s)
		// does not cancel what it asked for: the pull and the load go on
		// (a server's stop still ends the pull).
		if err := s.opts.Publish(context.WithoutCancel(r.Context()), true); err != nil {
			if site.ErrorCode(err) == site.EINTERNAL {
				// The caller holds a publish token: the webhook's log
				// says why, not "Internal error."
				return site.Logged(site.Errorf(site.EINTERNAL, "the publication failed; the site keeps serving the content published before: %s", site.ErrorText(err)))
			}
			return err // logged by the publisher, marked so
		}
		st, err := s.current()
		if err != nil {
			return err
		}
		// The content's errors, and the files whose last good version
		// serves, are listed, so that the webhook's log says what the
		// writers must fix.
		answer := reloadAnswer{Status: "published", Content: st.view.Lib.Hash, Errors: []site.Problem{}, Kept: []string{}}
		for _, p := range st.view.Lib.Problems {
			switch {
			case p.Severity == site.SeverityError:
				answer.Errors = append(answer.Errors, p)
			case p.Kind == site.KindKept:
				answer.Kept = append(answer.Kept, p.File)
			}
		}
		return c.JSON(http.StatusOK, answer)
	}
	s.opts.Publish(r.Context(), false)
	return c.JSON(http.StatusAccepted, map[string]string{"status": "accepted"})
}

// reloadAnswer is the answer of POST /api/v1/reload?wait=1: the content's
// hash as served, the errors of its files as guichet check reports them
// (check adds site-wide ones; an article with one that stops it from
// rendering is skipped, or served at its last good version), and the
// files served at their last good version.
type reloadAnswer struct {
	Status  string         `json:"status"`
	Content string         `json:"content"`
	Errors  []site.Problem `json:"errors"`
	Kept    []string       `json:"kept"`
}

// devVersion answers the version of the content being previewed, which
// dev.js polls to reload the page when it changes (--dev only).
func (s *Server) devVersion(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, map[string]int64{"version": s.version.Load()})
}
