package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// health is the answer of /healthz and /readyz.
type health struct {
	Status   string `json:"status"` // ok, loading or unavailable
	Version  string `json:"version,omitempty"`
	Content  string `json:"content,omitempty"` // hash of the content being served
	Database string `json:"database,omitempty"`
	Events   string `json:"events,omitempty"` // ok, or failing: the last events could not be stored
	// Contact is "failing" while the last contact request could not be
	// stored (its customer was told to send it again) and nothing was
	// stored since; absent otherwise.
	Contact string `json:"contact,omitempty"`
	Error   string `json:"error,omitempty"`
}

// healthz answers whether this replica works: 200 when its store answers
// (within two seconds) and the last events sent to it were stored, 503
// otherwise, with the version and the revision of the content it serves.
// A store that answers but cannot be written (a full disk, a read-only
// file) is "events":"failing": pages and search still work, but every
// search, click and vote is lost until it is fixed; "contact":"failing"
// when the last contact request could not be stored either.
func (s *Server) healthz(c echo.Context) error {
	h := health{Status: "ok", Version: s.opts.Version, Database: "ok"}
	if st := s.state.Load(); st != nil {
		h.Content = st.view.Lib.Hash
	}
	code := http.StatusOK
	if s.opts.Health != nil {
		// The check bounds itself (store.Health: two seconds), for
		// /healthz and the metrics' scrapes alike.
		if err := s.opts.Health(c.Request().Context()); err != nil {
			s.opts.Logger.Warn("health check failed", "err", err)
			h.Status, h.Database, h.Error, code = "unavailable", "unavailable", err.Error(), http.StatusServiceUnavailable
		}
	}
	if s.opts.Recorder != nil {
		h.Events = "ok"
		if f := s.opts.Recorder.Stats().Failing; f != "" {
			h.Status, h.Events, code = "unavailable", "failing", http.StatusServiceUnavailable
			if h.Error == "" {
				h.Error = "events are not being stored: " + f
			}
		}
	}
	if f := s.contactFailing(); f != "" {
		h.Status, h.Contact, code = "unavailable", "failing", http.StatusServiceUnavailable
		if h.Error == "" {
			h.Error = "contact requests are not being stored: " + f
		}
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(code, h)
}

// readyz answers whether this replica should get traffic: 503 until the
// first content is published, then 200.
func (s *Server) readyz(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "no-store")
	st := s.state.Load()
	if st == nil {
		return c.JSON(http.StatusServiceUnavailable, health{Status: "loading", Version: s.opts.Version})
	}
	return c.JSON(http.StatusOK, health{Status: "ok", Version: s.opts.Version, Content: st.view.Lib.Hash})
}
