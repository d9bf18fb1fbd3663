package main

import (
	"bytes"
	"context"
	"log/slog"
	"regexp"
	"testing"
)

// TestServeAndCheckCountTheSameProblems: `guichet serve`'s log and
// `guichet check` count the same warnings and errors for one content
// folder: a locale with untranslated categories (a settings warning only
// check found), a redirect chain and a failing search test.
func TestServeAndCheckCountTheSameProblems(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Docs\nbase_url: https://docs.test\ndefault_locale: en\nlocales: [en, fr]\n")
	writeFile(t, dir, "redirects.yaml", "- from: /old\n  to: /older\n- from: /older\n  to: /billing/refund\n")
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Get a refund\nsearch_tests: [\"zebra crossing\"]\n---\nAsk for a refund within 30 days.\n")
	writeFile(t, dir, "billing/refund.fr.md", "---\ntitle: Remboursement\n---\nDemandez un remboursement.\n")
	writeFile(t, dir, "account/login.md", "---\ntitle: Sign in\n---\nSign in with your e-mail.\n")

	out, _ := runCheckCmd(t, "--content", dir)
	m := regexp.MustCompile(`(\d+) errors?, (\d+) warnings?`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("check output:\n%s", out)
	}
	var log bytes.Buffer
	main := &Main{Config: testConfig(dir, t.TempDir()), Logger: slog.New(slog.NewTextHandler(&log, nil))}
	if err := main.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer main.Close(context.Background())
	s := regexp.MustCompile(`msg="content published".* errors=(\d+) warnings=(\d+)`).FindStringSubmatch(log.String())
	if s == nil {
		t.Fatalf("serve log:\n%s", log.String())
	}
	if s[1] != m[1] || s[2] != m[2] {
		t.Errorf("serve counts %s errors, %s warnings; check %s errors, %s warnings:\n%s", s[1], s[2], m[1], m[2], out)
	}
	if m[1] != "1" || m[2] != "3" {
		t.Errorf("check: %s errors, %s warnings, want 1 (the search test) and 3 (untranslated locale and category title, redirect chain):\n%s", m[1], m[2], out)
	}
}
