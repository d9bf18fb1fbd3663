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

// TestReadablePath: a host path is stored and matched as people read it,
// its escapes decoded ("/caf%C3%A9" was stored, and listed in the gap
// report, as typed by the browser), except those that would read as
// another path ("/", "?", "#", ";", "%", control characters) and bytes
// that are no UTF-8. Reading twice changes nothing.
func TestReadablePath(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"/caf%C3%A9/menu", "/café/menu"},
		{"/caf%c3%a9", "/café"},
		{"/mes%20r%C3%A9glages", "/mes réglages"},
		{"/a%2Fb", "/a%2Fb"},
		{"/a%2fb%3F%23%3B%25%0A", "/a%2Fb%3F%23%3B%25%0A"},
		{"/report/100%", "/report/100%"},
		{"/report/100%25", "/report/100%25"},
		{"/report/%2541", "/report/%2541"},
		{"/latin/%E9t%E9", "/latin/%E9t%E9"},
		{"/cut/%E2%82", "/cut/%E2%82"},
		{"/%F0%9F%8D%B0%2F", "/🍰%2F"},
		{"/plain", "/plain"},
	} {
		got := ReadablePath(c.in)
		if got != c.want {
			t.Errorf("ReadablePath(%q) = %q, want %q", c.in, got, c.want)
		}
		if again := ReadablePath(got); again != got {
			t.Errorf("ReadablePath(%q) = %q, read again %q", c.in, got, again)
		}
	}
	if got, err := HostPath("/caf%C3%A9/x%3By;jsessionid=1?tab=2"); err != nil || got != "/café/x%3By" {
		t.Errorf("HostPath: %q, %v", got, err)
	}
}
