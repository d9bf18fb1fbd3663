package publish_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/guichet/guichet/site/publish"
)

// lockedBuffer is a log destination safe for the background work's lines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// take returns what was logged so far and forgets it.
func (l *lockedBuffer) take() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.b.String()
	l.b.Reset()
	return s
}

// TestEditIndexesOneArticle: publishing after one article's body was
// edited indexes that article alone again (the log says how many), and
// the site's search finds the new text at once and no longer the old.
func TestEditIndexesOneArticle(t *testing.T) {
	var logs lockedBuffer
	f := newFixture(t, func(o *publish.Options) { o.Logger = slog.New(slog.NewTextHandler(&logs, nil)) })
	for i := range 8 {
		write(t, f.dir, fmt.Sprintf("billing/topic%d.md", i), fmt.Sprintf("---\ntitle: Billing topic %d\n---\nInvoices and receipts, part %d.\n", i, i))
	}
	ctx := context.Background()
	if err := f.pub.Publish(ctx, "start"); err != nil {
		t.Fatal(err)
	}
	if l := logs.take(); !strings.Contains(l, "indexed=9 ") {
		t.Errorf("first publication: want the 9 articles indexed, log:\n%s", l)
	}
	write(t, f.dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back by quenderwick transfer within a week.\n")
	if err := f.pub.Publish(ctx, "signal"); err != nil {
		t.Fatal(err)
	}
	f.pub.Wait()
	if l := logs.take(); !strings.Contains(l, "indexed=1 ") {
		t.Errorf("after one edit: want one article indexed again, log:\n%s", l)
	}
	search := func(q string) string {
		t.Helper()
		w := httptest.NewRecorder()
		f.srv.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/search?q="+q, nil))
		if w.Code != http.StatusOK {
			t.Fatalf("search %q: status %d", q, w.Code)
		}
		return w.Body.String()
	}
	if body := search("quenderwick"); !strings.Contains(body, "/billing/refund") {
		t.Errorf("the edited text is not found: %s", body)
	}
	if body := search("days"); strings.Contains(body, "/billing/refund") {
		t.Errorf("the removed text still finds the article: %s", body)
	}
}
