package main

import (
	"context"
	"strings"
	"testing"
)

// TestHostileConfigURLs: URLs in guichet.yaml and redirects.yaml that
// would run script or send visitors to another host are errors in check,
// and the server never uses them.
func TestHostileConfigURLs(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme\nbase_url: \"javascript:alert(1)//\"\ncontact_url: \"java\\tscript:alert(document.cookie)\"\n")
	writeFile(t, dir, "redirects.yaml", "/old-a: \"/\\\\evil.example\"\n/old-b: \"//evil.example/x\"\n/old-c: \"javascript:alert(1)\"\n/old-d: \"https://docs.example.com/moved\"\n/old-e: /billing/refund\n/old-f: \"data:text/html,x\"\n")
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back.\n")

	var out, errb strings.Builder
	code := run(context.Background(), []string{"check", "--format", "json", "--content", dir}, &out, &errb)
	report := out.String()
	if code != 1 {
		t.Errorf("check exit %d, want 1", code)
	}
	for _, want := range []string{"base_url", "contact_url", "/old-a", "/old-b", "/old-c", "/old-f", "backslash"} {
		if !strings.Contains(report, want) {
			t.Errorf("check does not report %s:\n%s", want, report)
		}
	}

	m := openMain(t, dir, false)
	home := mustGet(t, m, "/")
	if strings.Contains(strings.ToLower(home), "javascript:") || strings.Contains(strings.ToLower(home), "script:alert") {
		t.Error("a javascript: URL from the configuration reached the page")
	}
	for path, want := range map[string]string{"/old-a": "", "/old-b": "", "/old-c": "", "/old-f": "", "/old-d": "https://docs.example.com/moved", "/old-e": "/billing/refund"} {
		w := serve(m, "GET", path, "")
		loc := w.Header().Get("Location")
		if loc != want {
			t.Errorf("%s: %d to %q, want %q", path, w.Code, loc, want)
		}
	}
}
