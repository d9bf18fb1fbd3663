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
	Error    string `json:"error,omitempty"`
}

// healthz answers whether this replica works: 200 when its store answers
// (within two seconds), 503 otherwise, with the version and the revision
// of the content it serves.
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
