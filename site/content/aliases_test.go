package content

import (
	"strings"
	"testing"
)

// TestAliasChecks: an alias that cannot lead to its article is a warning
// naming the file, the field and the other side: the address of another
// page, an alias of another article too, an old URL redirects.yaml lists
// as well; versions of one article may share an alias, and an alias of
// the article's own address is harmless. Each names the line of its
// aliases field (it had none; a newcomer, rv19e).
func TestAliasChecks(t *testing.T) {
	lib := load(t, map[string]string{
		"guichet.yaml":         "locales: [en, fr]\n",
		"billing/refund.md":    "---\ntitle: Refund\naliases: [/old/refund, /Billing/Card/, /shared, /billing/refund, /hc/en-us/articles/360099-Money-back]\n---\nText.\n",
		"billing/refund.fr.md": "---\ntitle: Remboursement\naliases: [/old/refund]\n---\nTexte.\n",
		"billing/card.md":      "---\ntitle: Card\naliases: [/SHARED/]\n---\nText.\n",
		"billing/gone.md":      "---\ntitle: Gone\ntags: [x]\naliases: [/legacy/gone, /legacy/moved, /docs/billing/card.md, /hc/en-us/articles/360099-Refund]\n---\nText.\n",
		"redirects.yaml":       "/legacy/gone: \"\"\n/legacy/moved: /billing/card\n",
	})
	var got []string
	for _, p := range lib.Problems {
		if p.Field == "aliases" {
			got = append(got, p.String())
		}
	}
	want := []string{
		"billing/gone.md:4: warning: alias /docs/billing/card.md is a form of the address of the article billing/card.md",
		"billing/gone.md:4: warning: alias /legacy/gone is also an old URL of redirects.yaml line 1",
		"billing/gone.md:4: warning: alias /legacy/moved is also an old URL of redirects.yaml line 2",
		"billing/refund.md:3: warning: alias /Billing/Card/ is the address of the article billing/card.md",
		"billing/refund.md:3: warning: alias /hc/en-us/articles/360099-Money-back is already an alias of billing/gone.md",
		"billing/refund.md:3: warning: alias /shared is already an alias of billing/card.md",
	}
	if len(got) != len(want) {
		t.Fatalf("alias problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d = %q, want it to start with %q", i, got[i], want[i])
		}
	}
}
