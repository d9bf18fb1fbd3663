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

// visitorLead is how long before UTC midnight the next day's visitor key
// is asked for (and asked again every visitorRetry until the store gives
// it): a store that is unreachable for less than that around midnight
// leaves no visitor of the new day without a key.
const visitorLead = 10 * time.Minute

// visitorKeyWait bounds one ask for a key made outside a request.
const visitorKeyWait = 10 * time.Second

// visitorKey returns the day's visitor key: the one fetched ahead
// (keepVisitorKeys), or else asked of the store now; nil when there is
// none or the store fails (the visitor is then not identified rather than
// the request failed), and, after a failure, for visitorRetry without
// asking again.
func (s *Server) visitorKey(ctx context.Context, day string) []byte {
	if s.opts.VisitorKeys == nil {
		return nil
	}
	s.dayKeyMu.Lock()
	defer s.dayKeyMu.Unlock()
	if key, ok := s.dayKeys.keys[day]; ok {
		return key
	}
	now := s.opts.Now()
	if f := s.dayKeys.failed; !f.IsZero() && now.Sub(f) >= 0 && now.Sub(f) < visitorRetry {
		return nil
	}
	key, err := s.opts.VisitorKeys(ctx, day)
	if err != nil {
		s.dayKeys.failed = now
		s.opts.Logger.Warn("visitor key: visitors are not counted until the store gives the day's key; asking again in "+visitorRetry.String(), "err", err)
		return nil
	}
	s.dayKeys.failed = time.Time{}
	s.keepKey(day, key)
	return key
}

// keepKey caches day's key and forgets those of the days before today.
// dayKeyMu is held.
func (s *Server) keepKey(day string, key []byte) {
	if s.dayKeys.keys == nil {
		s.dayKeys.keys = map[string][]byte{}
	}
	s.dayKeys.keys[day] = key
	today := s.opts.Now().UTC().Format("2006-01-02")
	for d := range s.dayKeys.keys {
		if d < today {
			delete(s.dayKeys.keys, d)
		}
	}
}

// keepVisitorKeys fetches, outside any request, the keys visitors will
// need: today's (at start, so a store that goes away after the server
// started does not leave the day's visitors without one) and, from
// visitorLead before UTC midnight, the next day's. It arms the timer of
// its next run: visitorRetry later while the store fails, else the next
// day's lead. The keys stay the store's, shared by every replica.
func (s *Server) keepVisitorKeys() {
	if s.opts.VisitorKeys == nil {
		return
	}
	now := s.opts.Now().UTC()
	midnight := now.Truncate(24 * time.Hour).Add(24 * time.Hour)
	days := []string{now.Format("2006-01-02")}
	if midnight.Sub(now) <= visitorLead {
		days = append(days, midnight.Format("2006-01-02"))
	}
	failed := false
	for _, day := range days {
		s.dayKeyMu.Lock()
		_, ok := s.dayKeys.keys[day]
		s.dayKeyMu.Unlock()
		if ok {
			continue
		}
		ctx, cancel := context.WithTimeout(context.Background(), visitorKeyWait)
		key, err := s.opts.VisitorKeys(ctx, day)
		cancel()
		s.dayKeyMu.Lock()
		if err != nil {
			failed = true
			if day == days[0] {
				s.dayKeys.failed = s.opts.Now() // requests wait visitorRetry too
			}
			s.opts.Logger.Warn("visitor key: the key of "+day+" could not be fetched ahead; asking again in "+visitorRetry.String(), "err", err)
		} else {
			s.keepKey(day, key)
		}
		s.dayKeyMu.Unlock()
	}
	next := visitorRetry
	if !failed {
		next = midnight.Add(-visitorLead).Sub(now)
		if next <= 0 {
			next += 24 * time.Hour
		}
	}
	s.dayKeyMu.Lock()
	defer s.dayKeyMu.Unlock()
	if !s.dayKeys.closed {
		s.dayKeys.stop = s.opts.AfterFunc(next, s.keepVisitorKeys)
	}
}

// Close stops fetching visitor keys ahead. Requests are still answered.
func (s *Server) Close() {
	s.dayKeyMu.Lock()
	defer s.dayKeyMu.Unlock()
	s.dayKeys.closed = true
	if s.dayKeys.stop != nil {
		s.dayKeys.stop()
	}
}
