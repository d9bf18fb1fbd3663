package site

import "testing"

// TestHostPath: a host page's path loses its query, fragment, segment
// parameters and empty segments (a newcomer's "/projects//42/board" and
// "/projects/42/board;jsessionid=1" matched no screen; rv20i); a path that
// is another host to a browser ("//evil") is refused.
func TestHostPath(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"/settings/billing", "/settings/billing"},
		{"/settings/billing?tab=2#top", "/settings/billing"},
		{"/projects//42/board", "/projects/42/board"},
		{"/projects/42/board;jsessionid=1", "/projects/42/board"},
		{"/app;v=2/projects/42", "/app/projects/42"},
		{"/orders/", "/orders/"},
		{"/orders//", "/orders/"},
	} {
		if got, err := HostPath(c.in); err != nil || got != c.want {
			t.Errorf("HostPath(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"//evil.example/x", "settings", "/\xff"} {
		if _, err := HostPath(bad); err == nil {
			t.Errorf("HostPath(%q): no error", bad)
		}
	}
}
