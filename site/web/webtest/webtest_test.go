package webtest

import (
	"reflect"
	"testing"
)

func TestSelectors(t *testing.T) {
	d := Parse(t, `<!doctype html><html><head><title> Refunds – Acme </title>
<meta name="description" content="Money back.">
<link rel="canonical" href="https://help.example.com/billing/refund"></head>
<body><h1 id="t" class="title big">How do I get a <em>refund</em>?</h1>
<details><summary><h2>One</h2></summary></details><h2>Two</h2>
<form><input type="hidden" name="csrf" value="abc"><input name="q"></form></body></html>`)
	for _, c := range []struct{ sel, want string }{
		{"title", "Refunds – Acme"},
		{"h1", "How do I get a refund?"},
		{"#t", "How do I get a refund?"},
		{"h1.title.big", "How do I get a refund?"},
		{"summary h2", "One"},
		{"details summary h2", "One"},
		{"h1.missing", ""},
	} {
		if got := d.Text(c.sel); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.sel, got, c.want)
		}
	}
	if got := d.Attr("meta[name=description]", "content"); got != "Money back." {
		t.Errorf("meta: %q", got)
	}
	if got := d.Attr(`link[rel="canonical"]`, "href"); got != "https://help.example.com/billing/refund" {
		t.Errorf("canonical: %q", got)
	}
	if got := d.Attr("input[name=csrf]", "value"); got != "abc" {
		t.Errorf("csrf: %q", got)
	}
	if got := d.Count("input[type]"); got != 1 {
		t.Errorf("input[type]: %d", got)
	}
	if got := d.Texts("h2"); !reflect.DeepEqual(got, []string{"One", "Two"}) {
		t.Errorf("h2: %v", got)
	}
}

func TestPhrases(t *testing.T) {
	d := Parse(t, `<!doctype html><html lang="sw"><head><title>Kichwa</title></head>
<body><nav aria-label="Breadcrumb" lang="en"><a href="/">Help  Center</a> <span lang="sw">Akaunti</span></nav>
<p class="meta x">Imesasishwa: <time>2026</time></p><input placeholder="Search" lang="en"><input placeholder="Search" value="kiungo"><script>var x = "no"</script></body></html>`)
	want := []Phrase{
		{"Breadcrumb", "en", "nav[aria-label]"}, {"Help Center", "en", "a"}, {"Akaunti", "sw", "span"},
		{"Imesasishwa:", "sw", "p.meta.x"}, {"2026", "sw", "time"}, {"Search", "en", "input[placeholder]"},
	}
	if got := d.Phrases(); !reflect.DeepEqual(got, want) {
		t.Errorf("Phrases() =\n%v\nwant\n%v", got, want)
	}
}
