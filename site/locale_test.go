package site

import (
	"strings"
	"testing"
)

func TestCheckLocale(t *testing.T) {
	locales := []string{"en", "fr", "pt-BR"}
	for _, tc := range []struct {
		locale string
		ok     bool
	}{{"", true}, {"en", true}, {"pt-BR", true}, {"de", false}, {"pt", false}, {"EN", false}} {
		err := CheckLocale(tc.locale, locales)
		if (err == nil) != tc.ok || err != nil && (ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), tc.locale)) {
			t.Errorf("CheckLocale(%q) = %v, want ok %v (else EINVALID naming it)", tc.locale, err, tc.ok)
		}
	}
}
