package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSIGTERMDuringAWebhooksPull: a stop asked while the webhook's
// ?wait=1 publication waits for a git pull hung on the remote answered the
// webhook nothing for the whole grace period (its request's pull was not
// stopped), then exited 1 with "shut down HTTP server: context deadline
// exceeded" and no "stopped" line, leaving git running. The pull now ends
// when the stop begins: the webhook is answered 503, the process exits 0
// at once.
func TestSIGTERMDuringAWebhooksPull(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	content, data := t.TempDir(), t.TempDir()
	writeFile(t, content, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	for _, args := range [][]string{
		{"init", "-q", "-b", "main"}, {"add", "."}, {"commit", "-q", "-m", "first"},
		// A remote that never answers, as a firewalled host does.
		{"remote", "add", "origin", "ssh://git.example.invalid/help.git"},
		{"config", "core.sshCommand", "sleep 60 #"},
		{"config", "branch.main.remote", "origin"}, {"config", "branch.main.merge", "refs/heads/main"},
	} {
		cmd := exec.Command("git", append([]string{"-C", content, "-c", "user.name=W", "-c", "user.email=w@example.com"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	var out, errb strings.Builder
	if code := run(context.Background(), []string{"token", "create", "--scope", "publish", "--data", data}, &out, &errb); code != 0 {
		t.Fatalf("token: %s", errb.String())
	}
	token := strings.TrimSpace(out.String())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd, stdout, stderr := guichetProcess(t, "serve", "--content", content, "--data", data, "--addr", addr, "--git-pull")
	waitServing(t, stdout)
	answer := make(chan string, 1)
	go func() {
		req, _ := http.NewRequest("POST", "http://"+addr+"/api/v1/reload?wait=1", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			answer <- err.Error()
			return
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		answer <- resp.Status + " " + string(body)
	}()
	time.Sleep(time.Second) // the pull is under way
	start := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	code := waitExit(t, cmd, shutdownGrace+5*time.Second)
	if took := time.Since(start); code != 0 || took > shutdownGrace/2 {
		t.Errorf("exit %d after %s, stderr:\n%s", code, took.Round(time.Millisecond), stderr)
	}
	if !strings.Contains(stderr.String(), "msg=stopped") {
		t.Errorf("no closing log line after the stop:\n%s", stderr)
	}
	if got := <-answer; !strings.HasPrefix(got, "503") || !strings.Contains(got, "shutting down") {
		t.Errorf("the webhook was answered %q, want a 503 saying the server is shutting down", got)
	}
}
