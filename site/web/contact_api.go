package web

import (
	"encoding/json"
	"errors"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// maxContactBody is the largest contact request or subscription body:
// room for every field at its longest (a 5,000-character description, a
// 200-character subject, a 2,000-character path) in any script, each
// character 4 bytes of UTF-8 and up to 12 once \u-escaped in JSON or
// percent-encoded in a form. 8 KiB refused an Arabic description of 4,000
// characters, and 1,300 in the form without JavaScript.
const maxContactBody = 128 << 10

// contactJSON is the body of POST /api/v1/contact.
type contactJSON struct {
	Subject     string `json:"subject"`
	Description string `json:"description"`
	Email       string `json:"email"`
	Locale      string `json:"locale"`
	Context     string `json:"context"`
	Path        string `json:"path"`
	SearchID    string `json:"search_id"`
}

// readJSON reads a JSON body of at most max bytes into v: unknown fields,
// bytes that are not UTF-8, escapes that are no character (a lone UTF-16
// surrogate), a field given twice or in another case (textError) and
// anything after the object are refused; a
// field's problem is a message starting with the field's name (jsonError).
func readJSON(c echo.Context, max int64, what string, v any) error {
	r := c.Request()
	if r.ContentLength > max {
		return site.Errorf(site.ETOOLARGE, "%s body is larger than %d bytes", what, max)
	}
	body, err := io.ReadAll(http.MaxBytesReader(c.Response(), r.Body, max))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return site.Errorf(site.ETOOLARGE, "%s body is larger than %d bytes", what, max)
		}
		return site.Errorf(site.EINVALID, "cannot read the %s body", what)
	}
	if !utf8.Valid(body) {
		return site.Errorf(site.EINVALID, "%s body is not valid UTF-8", what)
	}
	if strings.TrimSpace(string(body)) == "null" {
		// Decoded as no field at all, it was refused for a missing field
		// ("type is required"), as if the caller had sent an empty object.
		return site.Errorf(site.EINVALID, "%s body must be a JSON object, not null", what)
	}
	if msg, bad := textError(what+" body", body, v); bad {
		return site.Errorf(site.EINVALID, "%s", msg)
	}
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return site.Errorf(site.EINVALID, "%s", jsonError(what+" body", err))
	}
	if dec.More() {
		return site.Errorf(site.EINVALID, "%s body has something after the JSON object", what)
	}
	return nil
}

// apiContact takes a contact request: 202 once it is stored as a ticket
// and queued for delivery. Same origin or widget.allowed_origins only
// (allowedOrigins), within the client's recording budget.
func (s *Server) apiContact(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	var in contactJSON
	if err := readJSON(c, maxContactBody, "contact request", &in); err != nil {
		return err
	}
	loc, err := s.requestLocale(c, st, in.Locale)
	if err != nil {
		return err
	}
	req := site.ContactRequest{Subject: textnorm.Compose(in.Subject), Description: textnorm.Compose(in.Description), Email: in.Email, Locale: loc,
		Context: in.Context, Path: textnorm.Path(in.Path), SearchID: in.SearchID}
	if err := s.submitContact(c, st, &req); err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusAccepted, map[string]string{"status": "accepted", "id": req.ID})
}

// contactCORS guards POST /api/v1/contact (see allowedOrigins).
func (s *Server) contactCORS(next echo.HandlerFunc) echo.HandlerFunc {
	return s.allowedOrigins("send contact requests", next)
}

// readForm parses a posted form of at most max bytes into the request's
// PostForm: 413 beyond it (not a form that silently lost its fields, which
// the CSRF check took for an expired one), 400 when it cannot be read.
func readForm(c echo.Context, max int64) error {
	r := c.Request()
	r.Body = http.MaxBytesReader(c.Response(), r.Body, max)
	if err := r.ParseForm(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return site.Errorf(site.ETOOLARGE, "the form is larger than %d bytes", max)
		}
		return site.Errorf(site.EINVALID, "cannot read the form")
	}
	for _, k := range slices.Sorted(maps.Keys(r.Form)) {
		if !utf8.ValidString(k) {
			return site.Errorf(site.EINVALID, "a field name of the form is not valid UTF-8")
		}
		for _, v := range r.Form[k] {
			if !utf8.ValidString(v) {
				return site.Errorf(site.EINVALID, "%s is not valid UTF-8", k)
			}
		}
	}
	return nil
}
