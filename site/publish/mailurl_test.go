package publish_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/publish"
)

// TestLoopbackLinksInMailWarned: with --smtp set and a public URL on the
// loopback (none set, the server on 127.0.0.1; or a base_url of
// localhost), the links in every e-mail pointed to the reader's own
// computer, and nothing said so. One WARN line at start names both
// settings and where the URL came from; a public URL elsewhere, or no
// e-mail, says nothing.
func TestLoopbackLinksInMailWarned(t *testing.T) {
	for _, c := range []struct {
		name      string
		mail, dev bool
		baseURL   string // --base-url
		yaml      string // guichet.yaml's base_url
		listen    string
		want, not string
	}{
		{name: "nothing set, loopback listener", mail: true, listen: "http://localhost:8080",
			want: "http://localhost:8080 (neither --base-url nor base_url in guichet.yaml is set"},
		{name: "base_url on loopback", mail: true, yaml: "http://127.0.0.1:9000", listen: "http://localhost:8080",
			want: "http://127.0.0.1:9000 (base_url in guichet.yaml)"},
		{name: "--base-url on loopback", mail: true, baseURL: "http://[::1]:8080", yaml: "https://help.acme.test",
			want: "http://[::1]:8080 (--base-url)"},
		{name: "a localhost subdomain", mail: true, baseURL: "http://help.localhost:8080", want: "--smtp"},
		{name: "public URL set", mail: true, baseURL: "https://help.acme.test", listen: "http://localhost:8080", not: "--smtp"},
		{name: "another machine's address", mail: true, listen: "http://192.0.2.7:8080", not: "--smtp"},
		{name: "no e-mail", listen: "http://localhost:8080", not: "--smtp"},
		// --dev is a writer's preview on their own machine: its e-mails
		// are tests, and the warning was noise.
		{name: "--dev on localhost", mail: true, dev: true, listen: "http://localhost:8080", not: "--smtp"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var logs bytes.Buffer
			f := newFixture(t, func(o *publish.Options) {
				o.Logger = slog.New(slog.NewTextHandler(&logs, nil))
				o.Mail, o.Dev, o.BaseURL, o.ListenURL = c.mail, c.dev, c.baseURL, c.listen
			})
			if c.yaml != "" {
				write(t, f.dir, "guichet.yaml", "title: Acme help\nbase_url: "+c.yaml+"\n")
			}
			if err := f.pub.Publish(context.Background(), "start"); err != nil {
				t.Fatal(err)
			}
			var warned []string
			for _, line := range strings.Split(logs.String(), "\n") {
				if strings.Contains(line, "level=WARN") && strings.Contains(line, "--smtp") {
					warned = append(warned, line)
				}
			}
			if c.want != "" && (len(warned) != 1 || !strings.Contains(warned[0], c.want) || !strings.Contains(warned[0], "--base-url")) {
				t.Errorf("want one WARN line naming --smtp, --base-url and %q; logs:\n%s", c.want, logs.String())
			}
			if c.not != "" && strings.Contains(logs.String(), c.not) {
				t.Errorf("warned though e-mail links are fine:\n%s", logs.String())
			}
			// Once: at start, not at each publication.
			if err := f.pub.Publish(context.Background(), "api"); err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(logs.String(), "--smtp"); n > 1 {
				t.Errorf("warned %d times", n)
			}
		})
	}
}
