package gaps

import "testing"

// TestScreenAsRead: a path stored escaped before paths were stored as
// read ("/caf%C3%A9/menu") is the screen "/café/menu", shown so, and one
// screen with "/café/menu" however its accent was typed; identifiers are
// still folded.
func TestScreenAsRead(t *testing.T) {
	for _, p := range []string{"/caf%C3%A9/menu", "/café/menu", "/cafe\u0301/menu", "/cafe%CC%81/menu/"} {
		if got := Screen("", p); got != "/café/menu" {
			t.Errorf("Screen(%q) = %q, want /café/menu", p, got)
		}
		if ScreenKey(p) != ScreenKey("/café/menu") {
			t.Errorf("ScreenKey(%q) = %q, another screen than /café/menu", p, ScreenKey(p))
		}
	}
	if got := Screen("", "/commandes/%C3%A9t%C3%A9/8412"); got != "/commandes/été/*" {
		t.Errorf("Screen = %q", got)
	}
	if got := ReadScreen("Caf%C3%A9 menu"); got != "Caf%C3%A9 menu" {
		t.Errorf("a context key read as a path: %q", got)
	}
}
