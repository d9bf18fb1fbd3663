package web

import (
	"strings"
	"testing"
)

// TestParseNetworksNamesEntryAsTyped: a bad entry of --trusted-proxies is
// quoted as the operator wrote it, not with the /32 or /128 a bare
// address is read with ("bad/32" named a value nobody typed).
func TestParseNetworksNamesEntryAsTyped(t *testing.T) {
	for _, tc := range []struct{ list, want, not string }{
		{"bad", `"bad" is not`, "/32"},
		{"10.0.0.1, 10.0.0.300", `"10.0.0.300" is not`, "/32"},
		{"fe80::1::2", `"fe80::1::2" is not`, "/128"},
		{"10.0.0.0/33", `"10.0.0.0/33" is not`, ""},
	} {
		_, err := ParseNetworks(tc.list)
		if err == nil {
			t.Errorf("ParseNetworks(%q): no error", tc.list)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) || (tc.not != "" && strings.Contains(err.Error(), tc.not)) {
			t.Errorf("ParseNetworks(%q) = %q, want it to quote the entry as typed (%s)", tc.list, err, tc.want)
		}
	}
	for _, list := range []string{"", "10.0.0.0/8, 192.0.2.7", "::1, 2001:db8::/32"} {
		if _, err := ParseNetworks(list); err != nil {
			t.Errorf("ParseNetworks(%q): %v", list, err)
		}
	}
}
