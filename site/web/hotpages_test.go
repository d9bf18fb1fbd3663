package web_test

import (
	"compress/gzip"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/guichet/guichet/site/web"
)

// TestPagesOnDemand: article and category pages are rendered on their
// first request and kept gzipped in a bounded cache; a page pushed out of
// it comes back with the same bytes and ETag, and a client that does not
// accept gzip gets the plain page.
func TestPagesOnDemand(t *testing.T) {
	// A bound of one byte keeps one page at a time: every other request
	// renders again.
	e := newEnvWith(t, func(o *web.Options) { o.HotPageBytes = 1 })
	get := func(path string, gz bool) (string, string) {
		t.Helper()
		hdr := []string{"Accept-Encoding", "identity"}
		if gz {
			hdr = []string{"Accept-Encoding", "gzip"}
		}
		w := e.do(t, "GET", path, nil, hdr...)
		if w.Code != 200 {
			t.Fatalf("GET %s: status %d", path, w.Code)
		}
		body := w.Body.String()
		if enc := w.Header().Get("Content-Encoding"); gz != (enc == "gzip") {
			t.Fatalf("GET %s gzip=%t: Content-Encoding %q", path, gz, enc)
		} else if gz {
			zr, err := gzip.NewReader(strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(zr)
			body = string(b)
		}
		if n := w.Header().Get("Content-Length"); n == "" {
			t.Errorf("GET %s: no Content-Length", path)
		}
		return body, w.Header().Get("ETag")
	}
	first, etag := get("/billing/refund", true)
	if !strings.Contains(first, "How do I get a refund?") {
		t.Fatalf("article page lacks its title:\n%s", first)
	}
	plain, plainTag := get("/billing/refund", false)
	if plain != first || plainTag != etag {
		t.Errorf("the plain page differs from the gzipped one (ETag %s vs %s)", plainTag, etag)
	}
	other, _ := get("/account/password", true) // pushes the refund page out
	if !strings.Contains(other, "Reset your password") {
		t.Fatalf("second article wrong:\n%s", other)
	}
	again, againTag := get("/billing/refund", false)
	if again != first || againTag != etag {
		t.Errorf("the page rendered again differs: ETag %s, want %s", againTag, etag)
	}
	if w := e.do(t, "GET", "/billing/refund", nil, "If-None-Match", etag); w.Code != 304 {
		t.Errorf("If-None-Match after a new render: status %d, want 304", w.Code)
	}
	cat, _ := get("/billing/", true)
	if !strings.Contains(cat, "Download your invoices") {
		t.Errorf("category page lacks its articles:\n%s", cat)
	}
	// Many requests at once for pages rendered and evicted meanwhile (run
	// with -race).
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Go(func() {
			p := []string{"/billing/refund", "/account/password", "/billing/invoices", "/billing/"}[i%4]
			w := e.do(t, "GET", p, nil, "Accept-Encoding", "gzip")
			if w.Code != 200 || w.Header().Get("Content-Encoding") != "gzip" {
				t.Errorf("GET %s: status %d, encoding %q", p, w.Code, w.Header().Get("Content-Encoding"))
			}
		})
	}
	wg.Wait()
}
