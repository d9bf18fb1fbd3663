package site

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// TestReadableDurations: JSON logs write durations as text logs do, not
// as nanoseconds ("load":2697000000 read as nothing an operator knows; a
// newcomer, rv19j); other values are left as they are.
func TestReadableDurations(t *testing.T) {
	var b bytes.Buffer
	l := slog.New(slog.NewJSONHandler(&b, &slog.HandlerOptions{ReplaceAttr: ReadableDurations}))
	l.Info("content published", "load", 2297*time.Millisecond, "index", 18*time.Millisecond, "articles", 3000)
	if got := b.String(); !strings.Contains(got, `"load":"2.297s"`) || !strings.Contains(got, `"index":"18ms"`) || !strings.Contains(got, `"articles":3000`) {
		t.Errorf("JSON log line %s", got)
	}
}
