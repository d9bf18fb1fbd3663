package web_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/guichet/guichet/site/web"
)

// TestVisitorKeyStoreFailing: while the store cannot give the day's
// visitor key (a full disk, a database that went away), searches are
// answered and recorded without a visitor, the store is asked again every
// ten seconds rather than at each request (the first time at start), and
// the failure is logged once per attempt, not once per request.
func TestVisitorKeyStoreFailing(t *testing.T) {
	var asked atomic.Int64
	var mu sync.Mutex
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	var logs bytes.Buffer
	var logMu sync.Mutex
	logger := slog.New(slog.NewTextHandler(writerFunc(func(p []byte) (int, error) {
		logMu.Lock()
		defer logMu.Unlock()
		return logs.Write(p)
	}), nil))
	e := newEnvWith(t, func(o *web.Options) {
		o.Now, o.Logger = clock, logger
		o.AfterFunc = func(time.Duration, func()) func() bool { return func() bool { return true } } // no retry behind the test's back
		o.VisitorKeys = func(ctx context.Context, day string) ([]byte, error) {
			asked.Add(1)
			return nil, errors.New("secret visitor-hash: database or disk is full (13)")
		}
	})
	for i := range 50 {
		if w := e.do(t, "GET", fmt.Sprintf("/api/v1/search?q=refund+%d", i), nil); w.Code != 200 {
			t.Fatalf("search %d: %d %s", i, w.Code, w.Body)
		}
	}
	if n := asked.Load(); n != 1 {
		t.Errorf("the failing store was asked %d times for 50 searches, want 1", n)
	}
	logMu.Lock()
	lines := strings.Count(logs.String(), "visitor key")
	logMu.Unlock()
	if lines != 1 {
		t.Errorf("%d log lines about the visitor key, want 1:\n%s", lines, logs.String())
	}
	mu.Lock()
	now = now.Add(11 * time.Second)
	mu.Unlock()
	e.do(t, "GET", "/api/v1/search?q=refund+again", nil)
	if n := asked.Load(); n != 2 {
		t.Errorf("ten seconds later the store was asked %d times in all, want 2", n)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
