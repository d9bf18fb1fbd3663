package web

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/labstack/echo/v4"
)

// errUnauthorized answers 401 without a hint of which tokens exist.
var errUnauthorized = site.Errorf(site.EUNAUTHORIZED, "a valid admin token is required")

// session returns the secret of the request's live admin session, "" when
// it has none (no cookie, or one that is unknown, expired, signed out or
// whose token was revoked). The session is checked against the store on
// every request; a store failure is an error, not a signed-out visitor.
func (s *Server) session(c echo.Context) (string, error) {
	ck, err := c.Cookie(sessionCookie)
	if err != nil || ck.Value == "" || s.opts.Auth == nil {
		return "", nil
	}
	if _, err := s.opts.Auth.Session(c.Request().Context(), ck.Value); err != nil {
		if site.ErrorCode(err) == site.EUNAUTHORIZED {
			return "", nil
		}
		return "", err
	}
	return ck.Value, nil
}

// csrfToken ties a form to the session it was shown in: a hash of the
// session's secret, which only the holder of the cookie knows.
func csrfToken(session string) string {
	sum := sha256.Sum256([]byte("guichet-csrf\x00" + session))
	return hex.EncodeToString(sum[:])
}

// maxAdminForm is the largest admin form: a note at its limit of 1,000
// characters (gaps.MaxNoteLen) takes up to 12 bytes a character once
// percent-encoded (emoji; 9 in Chinese or Japanese), with the CSRF token,
// the gap and the view to return to beside it.
const maxAdminForm = 16 << 10

// adminForm admits a form posted from the admin page: a live session
// (else EUNAUTHORIZED), a body of at most maxAdminForm, and checkForm; it
// returns the session.
func (s *Server) adminForm(c echo.Context) (string, error) {
	sess, err := s.session(c)
	if err != nil {
		return "", err
	}
	if sess == "" {
		return "", errUnauthorized
	}
	if err := readForm(c, maxAdminForm); err != nil {
		return "", err
	}
	return sess, s.checkForm(c, sess)
}

// checkForm rejects cross-site posts: the CSRF field must match the
// session, and an Origin header, when sent, must be this site.
func (s *Server) checkForm(c echo.Context, session string) error {
	r := c.Request()
	if err := s.sameSite(c); err != nil {
		return err
	}
	got := r.PostFormValue("csrf")
	if session == "" || subtle.ConstantTimeCompare([]byte(got), []byte(csrfToken(session))) != 1 {
		return site.Errorf(site.EFORBIDDEN, "the form has expired; reload the page")
	}
	return nil
}

func (s *Server) setSession(c echo.Context, value string, maxAge int) {
	path := "/admin/"
	if st := s.state.Load(); st != nil {
		path = st.base + path // the browser's path under a public URL's path
	}
	c.SetCookie(&http.Cookie{
		Name: sessionCookie, Value: value, Path: path, MaxAge: maxAge,
		Secure: true, HttpOnly: true, SameSite: http.SameSiteStrictMode,
	})
}

// adminLogin takes an admin token from the sign-in form and starts a
// session.
func (s *Server) adminLogin(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	if s.opts.Insights == nil || s.opts.Auth == nil {
		return site.Errorf(site.ENOTFOUND, "the admin page is not available")
	}
	r := c.Request()
	r.Body = http.MaxBytesReader(c.Response(), r.Body, 4096)
	if err := s.sameSite(c); err != nil {
		return err
	}
	id, err := s.authenticate(c, strings.TrimSpace(r.PostFormValue("token")), adminScope)
	switch site.ErrorCode(err) {
	case "":
	case site.EUNAUTHORIZED, site.ERATE:
		// Which tokens exist is not told (a token of another scope is
		// refused as an unknown one): the likely mistakes are.
		msg := "This token is not valid here. The admin page takes a token of scope admin, created with the --data (or --database) this server runs with: the server prints that command when it starts."
		status := http.StatusUnauthorized
		if site.ErrorCode(err) == site.ERATE {
			msg, status = "Too many failed attempts. Try again in a minute.", http.StatusTooManyRequests
		}
		page := &adminPage{basePage: s.adminBase(st), Error: msg}
		return s.renderDynamic(c, st, status, "admin", page)
	default:
		return err
	}
	secret, err := s.opts.Auth.StartSession(r.Context(), id, sessionTTL)
	if err != nil {
		return err
	}
	s.setSession(c, secret, int(sessionTTL.Seconds()))
	return c.Redirect(http.StatusSeeOther, "/admin/")
}

// adminLogout ends the session.
func (s *Server) adminLogout(c echo.Context) error {
	sess, err := s.session(c)
	if err != nil {
		return err
	}
	if err := s.checkForm(c, sess); err != nil {
		return err
	}
	if err := s.opts.Auth.EndSession(c.Request().Context(), sess); err != nil {
		return err
	}
	s.setSession(c, "", -1)
	return c.Redirect(http.StatusSeeOther, "/admin/")
}
