package banner

import (
	"os"
	"os/exec"
	"path/filepath"
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

// TestSelfIsACommandThatRuns: go install puts guichet in ~/go/bin, often
// not on the PATH; the newcomer runs it as ~/go/bin/guichet, and the
// banner's "guichet token create …" answered "command not found". The
// banner names the program as the shell finds it: "guichet" when that is
// this program on the PATH, else its path.
func TestSelfIsACommandThatRuns(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "guichet")
	other := filepath.Join(t.TempDir(), "guichet")
	for _, p := range []string{exe, other} {
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	notFound := func(string) (string, error) { return "", exec.ErrNotFound }
	for _, tt := range []struct {
		name, exe string
		look      func(string) (string, error)
		want      string
	}{
		{"not on the PATH", exe, notFound, exe},
		{"on the PATH", exe, func(string) (string, error) { return exe, nil }, "guichet"},
		{"another guichet on the PATH", exe, func(string) (string, error) { return other, nil }, exe},
		{"go run", "/tmp/go-build123/b001/exe/guichet", notFound, "go run ./cmd/guichet"},
	} {
		if got := self(tt.exe, tt.look); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestHeldUntilReleased(t *testing.T) {
	var out strings.Builder
	h := Hold(&out)
	h.Write([]byte("logged while loading\n"))
	out.WriteString("banner\n")
	h.Release()
	h.Write([]byte("later\n"))
	h.Release()
	if got := out.String(); got != "banner\nlogged while loading\nlater\n" {
		t.Errorf("%q", got)
	}
}
