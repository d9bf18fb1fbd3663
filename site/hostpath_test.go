package site

import "testing"

// TestHostPath: a host page's path loses its query, fragment, segment
// parameters and empty segments (a newcomer's "/projects//42/board" and
// "/projects/42/board;jsessionid=1" matched no screen; rv20i) and its dot
// segments resolved; what is not a path ("settings", a URL) is refused.
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
		// Dot segments are resolved as a browser does, and every run of
		// slashes is one, a leading one too: "//contracts//55/sign" was
		// refused, "/contracts/55/sign/../../admin" stored as its own
		// screen (a newcomer, left21a).
		{"/contracts/55/sign/../../admin", "/contracts/admin"},
		{"//contracts//55/sign", "/contracts/55/sign"},
		{"/a/./b/", "/a/b/"},
		{"/../../x", "/x"},
		{"/a/b/..", "/a"},
		{"/a/%2e%2E/b;v=1", "/b"},
		{"/..;x/a", "/a"},
		{"/.well-known/x", "/.well-known/x"},
		{"/a/..b/c", "/a/..b/c"},
		{"//evil.example/x", "/evil.example/x"}, // a path, no longer another host
		{"/..", "/"},
		{"//", "/"},
	} {
		if got, err := HostPath(c.in); err != nil || got != c.want {
			t.Errorf("HostPath(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"https://evil.example/x", "settings", "/\xff"} {
		if _, err := HostPath(bad); err == nil {
			t.Errorf("HostPath(%q): no error", bad)
		}
	}
}
