package banner

import (
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/store"
)

// TestEditHintNamesTheProcessToSignal: the banner said "edits are published
// by SIGHUP", and a newcomer who started the server with the README's
// `go run ./cmd/guichet serve` and sent SIGHUP to the PID the shell shows
// ended go run and left the server running, orphaned, holding the port,
// with nothing published. The banner names the serving process's PID.
func TestEditHintNamesTheProcessToSignal(t *testing.T) {
	var b strings.Builder
	Print(&b, Server{ListenURL: "http://localhost:8080", Addr: "127.0.0.1:8080", Site: site.Config{BaseURL: "http://localhost:8080"},
		Content: "./content", Store: store.Options{Data: "./data"}, PID: 4242})
	for _, want := range []string{"Guichet is serving the help center at http://localhost:8080/\n", "kill -HUP 4242 ", "./data", "Stop with Ctrl-C."} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("banner lacks %q:\n%s", want, b.String())
		}
	}
	if strings.Contains(b.String(), "Public URL") {
		t.Errorf("a loopback server without base_url warns of its public URL:\n%s", b.String())
	}
}
