package main

import (
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestContactOnFullDisk: a customer who sends the contact form while the
// data folder's disk is full is told that the message was not saved and
// to send it again (503: JSON for the API, the form again with what was
// typed for the page), never a 500 with the engine's message nor a
// success page for a lost message; /healthz ("contact":"failing") and
// /metrics say so; the day's visitor key, fetched at start, is not asked
// for on the full disk. Once there is room again, everything clears and
// the next request is stored.
func TestContactOnFullDisk(t *testing.T) {
	content, data := t.TempDir(), t.TempDir()
	writeFile(t, content, "guichet.yaml", "title: Acme\ncontact_url: mailto:help@acme.example\ncontact:\n  webhook: http://127.0.0.1:9/hook\n")
	writeFile(t, content, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back in five days.\n")
	mountTmpfs(t, data, "size=24m")
	t.Setenv("GUICHET_WEBHOOK_SECRET", "test-secret")
	cmd, stdout, stderr := guichetProcess(t, "serve", "--content", content, "--data", data, "--addr", "127.0.0.1:0")
	base := servedURL(t, stdout)
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		waitExit(t, cmd, shutdownGrace)
	}()
	fill := func() {
		f, err := os.Create(filepath.Join(data, "filler"))
		if err != nil {
			t.Fatal(err)
		}
		for chunk := make([]byte, 1<<20); err == nil; {
			_, err = f.Write(chunk)
		}
		f.Close()
	}
	fill()
	post := func(path, ctype, body string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest("POST", base+path, strings.NewReader(body))
		req.Header.Set("Content-Type", ctype)
		req.Header.Set("Origin", base)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	apiBody := `{"subject":"Refund not received","description":"I asked a week ago.","email":"ana@example.com"}`
	// The WAL may hold room for a few small writes: post until one is refused.
	var code int
	var body string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if code, body = post("/api/v1/contact", "application/json", apiBody); code != http.StatusAccepted {
			break
		}
	}
	if code != http.StatusServiceUnavailable || !strings.Contains(body, `"code":"unavailable"`) || !strings.Contains(body, "could not be saved, so it was not sent") {
		t.Errorf("the contact API on a full disk: %d %s", code, body)
	}
	if strings.Contains(body, "(13)") || strings.Contains(body, data) {
		t.Errorf("the contact API shows the engine's message or the file to a visitor: %s", body)
	}
	vote := `{"type":"vote","article_id":"billing/refund","helpful":true,"locale":"en"}`
	post("/api/v1/events", "application/json", vote)
	form := url.Values{"subject": {"Refund not received"}, "description": {"My words, kept."}, "email": {"ana@example.com"}}
	code, body = post("/contact", "application/x-www-form-urlencoded", form.Encode())
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "We could not save your message, so it was not sent") ||
		!strings.Contains(body, "My words, kept.") || !strings.Contains(body, `href="mailto:help@acme.example"`) || strings.Contains(body, "Your request was sent") {
		t.Errorf("the contact page on a full disk: %d\n%s", code, body)
	}
	code, body = get(t, base+"/healthz")
	for _, w := range []string{`"contact":"failing"`, "disk is full", filepath.Join(data, "guichet.db")} {
		if code != 503 || !strings.Contains(body, w) {
			t.Errorf("/healthz on a full disk lacks %q: %d %s", w, code, body)
		}
	}
	_, m := get(t, base+"/metrics")
	if !strings.Contains(m, "guichet_contact_failing 1") || !regexp.MustCompile(`guichet_contact_requests_total\{result="lost"\} [1-9]`).MatchString(m) {
		t.Errorf("/metrics on a full disk lacks guichet_contact_failing 1 and lost requests:\n%s", grepLines(m, "guichet_contact"))
	}
	// The day's visitor key was fetched at start: the vote on the full
	// disk did not need to write it.
	if line := regexp.MustCompile(`.*msg="visitor key.*`).FindString(stderr.String()); line != "" {
		t.Errorf("the visitor key was asked on the full disk:\n%s", line)
	}
	// Room again: an event stored clears it; the next request is stored.
	if err := os.Remove(filepath.Join(data, "filler")); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		post("/api/v1/events", "application/json", vote)
		if code, body = get(t, base+"/healthz"); code == 200 {
			break
		}
	}
	if code != 200 || strings.Contains(body, "contact") {
		t.Errorf("/healthz once there is room: %d %s", code, body)
	}
	if code, body = post("/api/v1/contact", "application/json", apiBody); code != http.StatusAccepted {
		t.Errorf("the contact API once there is room: %d %s", code, body)
	}
	if _, m := get(t, base+"/metrics"); !strings.Contains(m, "guichet_contact_failing 0") {
		t.Errorf("/metrics once there is room:\n%s", grepLines(m, "guichet_contact"))
	}
}
