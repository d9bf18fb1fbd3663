package content

import (
	"strings"
	"testing"
)

// TestLinksAcrossLocales: a link to the default locale's file (as
// translators leave links) leads to the reader's translation when there is
// one, else to the original; a link naming another locale's file ("read
// it in French") leads to that file, as it does on GitHub (it led to the
// page's own locale: an English page's link to refund.fr.md opened the
// English page).
func TestLinksAcrossLocales(t *testing.T) {
	lib := load(t, map[string]string{
		"guichet.yaml":         "default_locale: en\nlocales: [en, fr, de]\n",
		"billing/refund.md":    "---\ntitle: Refund\n---\n[French](refund.fr.md) [German](refund.de.md) [fees](fees.md)\n",
		"billing/refund.fr.md": "---\ntitle: Remboursement\n---\n[anglais](refund.md) [frais](fees.md) [allemand](refund.de.md) [moi](refund.fr.md)\n",
		"billing/refund.de.md": "---\ntitle: Erstattung\n---\n[Französisch](refund.fr.md)\n",
		"billing/fees.md":      "---\ntitle: Fees\n---\nBody.\n",
		"billing/fees.fr.md":   "---\ntitle: Frais\n---\nCorps.\n",
	})
	for file, want := range map[string]string{
		"billing/refund.md":    `<a href="/fr/billing/refund">French</a> <a href="/de/billing/refund">German</a> <a href="/billing/fees">fees</a>`,
		"billing/refund.fr.md": `<a href="/fr/billing/refund">anglais</a> <a href="/fr/billing/fees">frais</a> <a href="/de/billing/refund">allemand</a> <a href="/fr/billing/refund">moi</a>`,
		"billing/refund.de.md": `<a href="/fr/billing/refund">Französisch</a>`,
	} {
		if got := string(article(t, lib, file).HTML); !strings.Contains(got, want) {
			t.Errorf("%s: want %s in\n%s", file, want, got)
		}
	}
}
