package web_test

import (
	"net/url"
	"testing"
	"testing/fstest"
)

// punctuated is an English help center whose words customers type with
// punctuation: colons pasted from messages, versions, a compound, and an
// article in Arabic.
var punctuated = fstest.MapFS{
	"guichet.yaml":       {Data: []byte("title: Help\ndefault_locale: en\nlocales: [en]\n")},
	"net/_index.md":      {Data: []byte("---\ntitle: Network\n---\n")},
	"net/wifi.md":        {Data: []byte("---\ntitle: Change your Wi-Fi password\nid: wifi\n---\nOpen the router settings. Error: connection refused means restart it.\n")},
	"net/checkin.md":     {Data: []byte("---\ntitle: Online check-in\nid: checkin\n---\nCheck-in opens at 10:30.\n")},
	"net/release.md":     {Data: []byte("---\ntitle: What's new in v2.3\nid: release\n---\nDark mode arrives in v2.3.\n")},
	"net/server.md":      {Data: []byte("---\ntitle: Server requirements\nid: server\n---\nThe server at 192.168.1.1 needs 1.5 GB.\n")},
	"net/steps.md":       {Data: []byte("---\ntitle: Quick start\nid: steps\n---\nStep 1 takes 5 minutes.\n")},
	"net/password-ar.md": {Data: []byte("---\ntitle: تغيير كلمة المرور\nid: password-ar\n---\nافتح الإعدادات واختر كلمة المرور الجديدة.\n")},
}

// TestPunctuatedQueriesAPI checks through the real router what a customer
// typing punctuation gets from the search and autocomplete APIs: a colon
// separates words, a trailing "*" or "…" means "still typing", a dotted
// version is found by its parts, a typo in the last part of a hyphenated
// word being typed is forgiven, and Arabic typed with heh for teh marbuta
// is found in an English help center.
func TestPunctuatedQueriesAPI(t *testing.T) {
	e := newWorldOf(t, punctuated)
	for _, tt := range []struct {
		api, q, want string // want: the first result's ID; "" for none
	}{
		{"search", "wifi:password", "wifi"},
		{"suggest", "wifi:password", "wifi"},
		{"search", "title:wifi", "wifi"},
		{"suggest", "pass*", "wifi"},
		{"suggest", "pass…", "wifi"},
		{"suggest", "pass...", "wifi"},
		{"search", "2.3", "release"},
		{"suggest", "v2", "release"},
		{"search", "version 2.3", "release"},
		{"search", "1.5", "server"},
		{"search", "168", ""},
		{"search", "10:30", "checkin"},
		{"suggest", "check-im", "checkin"},
		{"suggest", "كلمه المرور", "password-ar"},
		{"search", "كلمه", "password-ar"},
	} {
		r := e.searchJSON(t, "/api/v1/"+tt.api+"?q="+url.QueryEscape(tt.q))
		got := ""
		if len(r.Results) > 0 {
			got = r.Results[0].ID
		}
		if got != tt.want {
			t.Errorf("%s %q: first result %q, want %q (%d results)", tt.api, tt.q, got, tt.want, len(r.Results))
		}
		if tt.q == "1.5" && len(r.Results) != 1 {
			t.Errorf("search 1.5: %d results, want only the server (not step 1 … 5 minutes)", len(r.Results))
		}
	}
}
