package site

import "testing"

// TestNormalizeOrigin: origins are written the way browsers serialise them
// (RFC 6454): lower case, no default port, no trailing slash; anything
// that is not exactly an origin is refused.
func TestNormalizeOrigin(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://app.example.com", "https://app.example.com"},
		{" HTTPS://App.Example.COM/ ", "https://app.example.com"},
		{"https://app.example.com:443", "https://app.example.com"},
		{"http://app.example.com:80", "http://app.example.com"},
		{"http://app.example.com:443", "http://app.example.com:443"},
		{"https://app.example.com:8443", "https://app.example.com:8443"},
		{"https://app.example.com:08443", "https://app.example.com:8443"},
		{"http://[::1]:3000", "http://[::1]:3000"},
		{"http://[2001:DB8::1]", "http://[2001:db8::1]"},
		{"http://127.0.0.1:3000", "http://127.0.0.1:3000"},
		{"https://xn--bcher-kva.example", "https://xn--bcher-kva.example"},
		{"*", "*"},
	} {
		got, err := NormalizeOrigin(c.in)
		if err != nil || got != c.want {
			t.Errorf("NormalizeOrigin(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{
		"", "app.example.com", "//app.example.com", "https://", "https://:443", "https://app.example.com:",
		"https://app.example.com/path", "https://app.example.com?x", "https://app.example.com#x",
		"https://user@app.example.com", "javascript:alert(1)", "ftp://app.example.com", "https://app.example.com:0",
		"https://app.example.com:65536", "https://*.example.com", "https://bücher.example", "https://a b.example",
		"https://app.example.com\\@evil.example", "http://[::g]", "https://app.example.com:443:1", "null", "*.example.com",
		"https://app.example.com\x00", "https://\xff.example",
	} {
		if got, err := NormalizeOrigin(bad); err == nil {
			t.Errorf("NormalizeOrigin(%q) = %q, want an error", bad, got)
		}
	}
}
