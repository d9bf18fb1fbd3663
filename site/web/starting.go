package web

import (
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
)

// Starting is the handler of a server whose content is still loading: it
// answers 503 with Retry-After (JSON for /healthz, /readyz and the API, a
// line of text otherwise) until Set gives it the real handler, then hands
// every request to it. It lets the listen address be taken before the
// content loads.
type Starting struct {
	h atomic.Pointer[http.Handler]
}

// Set gives the handler every request goes to from now on.
func (s *Starting) Set(h http.Handler) { s.h.Store(&h) }

// ServeHTTP implements http.Handler.
func (s *Starting) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h := s.h.Load(); h != nil {
		(*h).ServeHTTP(w, r)
		return
	}
	w.Header().Set("Retry-After", "5")
	w.Header().Set("Cache-Control", "no-store")
	if r.URL.Path == "/healthz" || r.URL.Path == "/readyz" || strings.HasPrefix(r.URL.Path, "/api/") {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, `{"status":"loading"}`)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	fmt.Fprintln(w, "The help center is starting; try again in a few seconds.")
}
