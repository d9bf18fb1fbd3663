package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/labstack/echo/v4"
)

// visitor identifies the client for counting distinct people without
// storing who they are: an HMAC of the day and the client's key (its real
// address behind the trusted proxy, IPv6 by /64; see clientKey) under a
// server secret. A visitor is a client address per day, whatever its
// User-Agent, so rotating the User-Agent does not make new visitors. It
// changes every day and cannot be reversed to an address. Empty without a
// key.
func (s *Server) visitor(c echo.Context) string {
	day := s.opts.Now().UTC().Format("2006-01-02")
	key := s.visitorKey(c.Request().Context(), day)
	if len(key) == 0 {
		return ""
	}
	mac := hmac.New(sha256.New, key)
	fmt.Fprintf(mac, "%s|%s", day, client(c))
	return hex.EncodeToString(mac.Sum(nil)[:16])
}

// visitorRetry is how long after a failure the store is asked again for
// the day's visitor key: a full disk or an unreachable database fails
// every request's attempt, which logged a warning per request and made
// each one wait for the store.
const visitorRetry = 10 * time.Second

// visitorKey returns the day's visitor key, asking the store once a day;
// nil when there is none or the store fails (the visitor is then not
// identified rather than the request failed), and, after a failure, for
// visitorRetry without asking again.
func (s *Server) visitorKey(ctx context.Context, day string) []byte {
	if s.opts.VisitorKeys == nil {
		return nil
	}
	s.dayKeyMu.Lock()
	defer s.dayKeyMu.Unlock()
	if s.dayKey.day == day {
		return s.dayKey.key
	}
	now := s.opts.Now()
	if f := s.dayKey.failed; !f.IsZero() && now.Sub(f) >= 0 && now.Sub(f) < visitorRetry {
		return nil
	}
	key, err := s.opts.VisitorKeys(ctx, day)
	if err != nil {
		s.dayKey.failed = now
		s.opts.Logger.Warn("visitor key: visitors are not counted until the store gives the day's key; asking again in "+visitorRetry.String(), "err", err)
		return nil
	}
	s.dayKey.failed = time.Time{}
	s.dayKey.day, s.dayKey.key = day, key
	return key
}
