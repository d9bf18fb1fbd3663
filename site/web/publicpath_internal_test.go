package web

import "testing"

// TestPrefixPaths: under a public URL with a path, the panel's paths on
// the help center get it; the host app's path, other hosts' URLs and
// fragments do not.
func TestPrefixPaths(t *testing.T) {
	in := `<body data-base="/help" data-path="/team/people" data-events="/api/v1/events"><a href="/">home</a>` +
		`<link href="/static/style.abc.css"><script src="/static/js/app.js"></script><form action="/contact" data-api="/api/v1/contact">` +
		`<input data-suggest="/api/v1/suggest"><a href="//cdn.example.com/x">cdn</a><a href="https://example.com/help/a">abs</a><a href="#top">top</a>` +
		`<p>href="/not/an/attribute"</p>`
	want := `<body data-base="/help" data-path="/team/people" data-events="/help/api/v1/events"><a href="/help/">home</a>` +
		`<link href="/help/static/style.abc.css"><script src="/help/static/js/app.js"></script><form action="/help/contact" data-api="/help/api/v1/contact">` +
		`<input data-suggest="/help/api/v1/suggest"><a href="//cdn.example.com/x">cdn</a><a href="https://example.com/help/a">abs</a><a href="#top">top</a>` +
		`<p>href="/not/an/attribute"</p>`
	if got := string(prefixPaths([]byte(in), "/help")); got != want {
		t.Errorf("prefixPaths:\n got %s\nwant %s", got, want)
	}
	if got := string(prefixPaths([]byte(in), "")); got != in {
		t.Errorf("at the root, changed: %s", got)
	}
}
