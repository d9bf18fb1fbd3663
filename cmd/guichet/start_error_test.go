package main

import (
	"context"
	"strings"
	"testing"
)

// TestBrokenConfigSaidOnce: a guichet.yaml that does not read, on the
// first start, was printed twice, as an ERROR "publish content" log line
// and as serve's exit message: it is said once, and serve exits 1.
func TestBrokenConfigSaidOnce(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: [\n")
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Refunds\n---\nMoney back.\n")
	var out, errb strings.Builder
	code := run(context.Background(), []string{"serve", "--content", dir, "--data", t.TempDir(), "--addr", "127.0.0.1:0"}, &out, &errb)
	const said = "the list opened with [ here is never closed"
	if code != 1 || strings.Count(errb.String(), said) != 1 || !strings.Contains(errb.String(), "guichet: ") {
		t.Errorf("exit %d, want 1 and the error said once, by the exit message:\n%s", code, errb.String())
	}
}
