package main

import (
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/web"
)

// buildCommand finds the `go build` command of a text: the README's build
// line or the Dockerfile's RUN, without its output path.
func buildCommand(t *testing.T, text, where string) string {
	t.Helper()
	m := regexp.MustCompile(`CGO_ENABLED=0 go build [^\n` + "`" + `]*\./cmd/guichet`).FindString(text)
	if m == "" {
		t.Fatalf("no CGO_ENABLED=0 go build … ./cmd/guichet in %s", where)
	}
	return regexp.MustCompile(`-o \S+ `).ReplaceAllString(m, "")
}

// TestDockerfileBuildsLikeTheReadme: the image's build stage runs the
// README's build command (the engine cannot run here, so the test reads
// both files).
func TestDockerfileBuildsLikeTheReadme(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	docker, err := os.ReadFile(filepath.Join("..", "..", "deploy", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	if r, d := buildCommand(t, string(readme), "README.md"), buildCommand(t, string(docker), "deploy/Dockerfile"); r != d {
		t.Errorf("README builds with\n  %s\nthe Dockerfile with\n  %s", r, d)
	}
	for _, want := range []string{"USER guichet", `VOLUME ["/data"]`, "GUICHET_CONTENT=/content", "GUICHET_DATA=/data", "FROM golang:", " AS build", "COPY --from=build"} {
		if !strings.Contains(string(docker), want) {
			t.Errorf("the Dockerfile lacks %q", want)
		}
	}
	// --git-pull from an ssh remote (a deploy key) needs ssh, which git
	// only recommends: with --no-install-recommends the image had none,
	// and every pull failed ("cannot run ssh"), reason other.
	install := regexp.MustCompile(`apt-get install[^\n]*`).FindString(string(docker))
	for _, pkg := range []string{" git ", " openssh-client ", " ca-certificates "} {
		if !strings.Contains(install+" ", pkg) {
			t.Errorf("the Dockerfile's %q does not install%s", install, pkg)
		}
	}
}

// TestSystemdUnit checks the service unit with systemd-analyze verify (its
// ExecStart pointed at a real executable) and its hardening options.
func TestSystemdUnit(t *testing.T) {
	unit, err := os.ReadFile(filepath.Join("..", "..", "deploy", "guichet.service"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"ExecReload=/bin/kill -HUP $MAINPID", "NoNewPrivileges=yes", "ProtectSystem=strict", "ReadWritePaths=/var/lib/guichet",
		"CapabilityBoundingSet=\n", "PrivateTmp=yes", "SystemCallFilter=@system-service", "RestrictAddressFamilies=", "User=guichet", "TimeoutStopSec=",
		"safe.directory /srv/guichet/content", // git refuses a checkout of another user's: dates and --git-pull
		// The environment file holds the database password and the
		// secrets: made by hand with the default umask, anyone could read it.
		"install -m 0600 /dev/null /etc/guichet/guichet.env",
		// A usage error (exit 2: a bad GUICHET_* value in the environment
		// file) is not mended by trying again: restarted every 2 s, the
		// unit never showed "failed", its journal filling with the line.
		"RestartPreventExitStatus=2"} {
		if !strings.Contains(string(unit), want) {
			t.Errorf("the unit lacks %q", want)
		}
	}
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("systemd-analyze is missing; .ci/run installs systemd")
		}
		t.Skip("systemd-analyze is not installed")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "guichet.service")
	os.WriteFile(path, []byte(strings.ReplaceAll(string(unit), "/usr/local/bin/guichet", self)), 0o644)
	if out, err := exec.Command(analyze, "verify", path).CombinedOutput(); err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}

// TestCaddyProbesReadiness: every Caddy configuration we ship (the
// Caddyfile, the README's replica front) takes a replica out of rotation
// on /readyz, never /healthz: /healthz fails while the database does, and
// the site serves articles, search and the widget without it, so probing
// it turns a database outage into a site outage (the README's advice).
func TestCaddyProbesReadiness(t *testing.T) {
	probe := regexp.MustCompile(`health_uri\s+(\S+)`)
	for _, name := range []string{"Caddyfile", "README.md"} {
		b, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			t.Fatal(err)
		}
		found := probe.FindAllStringSubmatch(string(b), -1)
		if len(found) == 0 {
			t.Errorf("%s has no health_uri", name)
		}
		for _, m := range found {
			if m[1] != "/readyz" {
				t.Errorf("%s probes %s; want /readyz", name, m[1])
			}
		}
	}
}

// TestDockerHealthcheck: the image's HEALTHCHECK asks /healthz with what
// the image has (bash; no curl nor wget), on the port of GUICHET_ADDR:
// healthy while the server answers 200, loading included; unhealthy on a
// 503 or with nothing listening. The image had no HEALTHCHECK. (The engine
// cannot run here: the test runs the command against the server.)
func TestDockerHealthcheck(t *testing.T) {
	docker, err := os.ReadFile(filepath.Join("..", "..", "deploy", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^HEALTHCHECK .*? CMD (\[.*\])$`).FindStringSubmatch(strings.ReplaceAll(string(docker), "\\\n", " "))
	if m == nil {
		t.Fatal("the Dockerfile has no HEALTHCHECK … CMD [\"…\"]")
	}
	var argv []string
	if err := json.Unmarshal([]byte(m[1]), &argv); err != nil || len(argv) == 0 {
		t.Fatalf("HEALTHCHECK CMD %s: %v", m[1], err)
	}
	if _, err := exec.LookPath(argv[0]); err != nil {
		t.Skipf("%s is not installed", argv[0])
	}
	probe := func(h http.Handler) error {
		srv := httptest.NewServer(h)
		defer srv.Close()
		_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Env = append(os.Environ(), "GUICHET_ADDR=0.0.0.0:"+port) // the image's, another port
		return cmd.Run()
	}
	dir := t.TempDir()
	writeFile(t, dir, "help/a.md", "---\ntitle: An article\n---\nText.\n")
	served := openMain(t, dir, false)
	for _, c := range []struct {
		name    string
		h       http.Handler
		healthy bool
	}{
		{"loading", &web.Starting{}, true},
		{"serving", served.Server, true},
		{"unhealthy", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, `{"status":"unavailable"}`, http.StatusServiceUnavailable)
		}), false},
	} {
		if err := probe(c.h); (err == nil) != c.healthy {
			t.Errorf("%s: the probe says %v, want healthy %v", c.name, err, c.healthy)
		}
	}
	// Nothing listening.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	ln.Close()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), "GUICHET_ADDR=0.0.0.0:"+port)
	if cmd.Run() == nil {
		t.Error("nothing listening: the probe says healthy")
	}
}
