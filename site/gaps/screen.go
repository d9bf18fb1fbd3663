package gaps

import (
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// Screen names a host screen of the widget: its context key when the app
// gave one, else its path with the segments that look like identifiers
// folded to "*" (/orders/8412/edit → /orders/*/edit), so one screen is one
// gap whatever record it shows. Empty when there is neither.
func Screen(context, path string) string {
	if context = strings.TrimSpace(context); context != "" {
		return context
	}
	if path == "" {
		return ""
	}
	return screenPath(path)
}

// ScreenKey is what tells two screens (Screen's names) apart, as
// articles' contexts fit them (site.ScreenKey): "Checkout" and
// "checkout", "/orders/" and "/orders" are one screen with no help, and
// so are "/caf%C3%A9" (a path stored escaped, before paths were stored
// as read) and "/café" however its accent was typed (textnorm.Path).
func ScreenKey(screen string) string { return site.ScreenKey(ReadScreen(screen)) }

// ReadScreen returns a screen (Screen's name) as it is shown: a path as
// read and composed (textnorm.Path), so a screen stored escaped before
// ("/caf%C3%A9", in the dashboard's daily totals) reads "/café"; a
// context key as it is.
func ReadScreen(screen string) string {
	if s := strings.TrimSpace(screen); strings.HasPrefix(s, "/") {
		return textnorm.Path(s)
	}
	return screen
}

// screenPath folds identifier-like segments of a path: those with a digit
// that are all digits, or long (16+ characters, as UUIDs and hashes are),
// or of 6+ characters a third of which are digits; a number redacted
// before the path was stored ([number], E[number]) counts as its digits.
// The path is cleaned first (site.CleanPath), as events are since
// left21a: a path stored before with "//" or "../" is the screen it names;
// then read as events are stored (textnorm.Path): a path stored escaped
// before ("/caf%C3%A9") is shown as people read it, "/café".
func screenPath(p string) string {
	segs := strings.Split(textnorm.Path(site.CleanPath(p)), "/")
	for i, s := range segs {
		if idLike(s) {
			segs[i] = "*"
		}
	}
	// Without its trailing slash, as contexts fit it ("/orders/" is
	// "/orders"): one screen is shown one way in the gaps, their
	// variants and the entry points.
	if out := strings.TrimRight(strings.Join(segs, "/"), "/"); out != "" {
		return out
	}
	return "/"
}

// redactedDigits reads the placeholders of redacted numbers as the six
// digits or more they stood for.
var redactedDigits = strings.NewReplacer("[card]", "000000", "[phone]", "000000", "[number]", "000000", "[iban]", "000000", "[ip]", "000000")

func idLike(s string) bool {
	// A number redacted before the path was stored ("/meters/12345678",
	// "/meters/E0031003000000012345" stored as "/meters/[number]",
	// "/meters/E[number]") is an identifier as the number was.
	s = redactedDigits.Replace(s)
	digits, letters := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == '_' || r == '.':
		default:
			letters++
		}
	}
	switch {
	case digits == 0:
		return false
	case letters == 0:
		return true // 8412, 2024-05-01
	case len(s) >= 16:
		return true // UUIDs, hashes, slugs with ids
	}
	return len(s) >= 6 && digits*3 >= len(s) // a3f9c1, inv_8412; not v2, step3, 2fa
}
