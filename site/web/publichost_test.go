package web_test

import (
	"bytes"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/web"
)

// With no base_url, a help center reached behind a proxy under its public
// name writes links to the address it listens on: the operator is told,
// once, and never for the listening address itself.
func TestPublicHostWithoutBaseURL(t *testing.T) {
	var logs bytes.Buffer
	e := newEnvWith(t, func(o *web.Options) { o.Logger = slog.New(slog.NewTextHandler(&logs, nil)) })
	publish := func() {
		lib := *e.view.Lib
		lib.Config.BaseURL, lib.Config.BaseURLGuessed = "http://localhost:8080", true
		if _, err := e.srv.Publish(site.NewView(&lib, time.Now(), false), e.idx); err != nil {
			t.Fatal(err)
		}
	}
	warnings := func() int { return strings.Count(logs.String(), "set base_url in guichet.yaml or --base-url") }
	get := func(host string, hdr ...string) {
		t.Helper()
		req := httptest.NewRequest("GET", "/", nil)
		req.Host, req.RemoteAddr = host, "127.0.0.1:41000" // a proxy on this machine
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		w := httptest.NewRecorder()
		e.srv.ServeHTTP(w, req)
		if w.Code != 200 {
			t.Fatalf("GET / as %s: %d", host, w.Code)
		}
	}
	publish()
	for _, host := range []string{"localhost:8080", "127.0.0.1:8080", "[::1]:8080", "LOCALHOST"} {
		get(host)
	}
	if n := warnings(); n != 0 {
		t.Fatalf("warned %d times for the listening address:\n%s", n, logs.String())
	}
	// A client that reaches the server directly does not count.
	direct := httptest.NewRequest("GET", "/", nil)
	direct.Host, direct.RemoteAddr = "made-up.example", "203.0.113.9:5000"
	direct.Header.Set("X-Forwarded-Host", "made-up-too.example")
	e.srv.ServeHTTP(httptest.NewRecorder(), direct)
	if n := warnings(); n != 0 {
		t.Errorf("warned for a client's own Host:\n%s", logs.String())
	}
	get("help.acme.test")
	get("help.acme.test")
	get("127.0.0.1:8080", "X-Forwarded-Host", "support.acme.test")
	if n := warnings(); n != 1 || !strings.Contains(logs.String(), "visitors reach this help center as help.acme.test") ||
		!strings.Contains(logs.String(), "say http://localhost:8080") {
		t.Fatalf("want one warning naming the first public name, %d:\n%s", n, logs.String())
	}
	// A base URL that was set is the operator's choice: no warning.
	e2 := newEnvWith(t, func(o *web.Options) { o.Logger = slog.New(slog.NewTextHandler(&logs, nil)) })
	logs.Reset()
	lib := *e2.view.Lib
	lib.Config.BaseURL = "http://localhost:8080"
	if _, err := e2.srv.Publish(site.NewView(&lib, time.Now(), false), e2.idx); err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "/", nil)
	req.Host, req.RemoteAddr = "other.acme.test", "127.0.0.1:41000"
	e2.srv.ServeHTTP(httptest.NewRecorder(), req)
	if n := warnings(); n != 0 {
		t.Errorf("warned with base_url set:\n%s", logs.String())
	}
}
