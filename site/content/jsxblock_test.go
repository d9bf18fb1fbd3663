package content

import (
	"strings"
	"testing"
)

// TestJSXTagWithExpressionAttributes: a component tag whose attributes hold
// expressions with quotes or spaces (`browsers={["chrome", "firefox"]}`,
// Docusaurus' `<Tabs values={[…]}>`) is no HTML tag to CommonMark, so it
// was shown as text ("<BrowserList browsers= />", "<Tabs values=>"). It is
// read as the component it is: left out with a warning, tabs made tabs.
func TestJSXTagWithExpressionAttributes(t *testing.T) {
	for _, tc := range []struct {
		name, file, src string
		want            []string
		warn            string
	}{
		{"self-closing in mdx", "x.mdx", "Intro.\n\n<BrowserList browsers={[\"chrome\", \"firefox\"]} />\n\nAfter.\n",
			[]string{"<p>Intro.</p>", "<p>After.</p>"}, "raw HTML <BrowserList> is left out"},
		{"self-closing in md", "x.md", "Intro.\n\n<BrowserList browsers={[\"chrome\", \"firefox\"]} />\n\nAfter.\n",
			[]string{"<p>Intro.</p>", "<p>After.</p>"}, "raw HTML <BrowserList> is left out"},
		{"tabs with values", "x.mdx", "Intro.\n\n<Tabs values={[{label: 'Mac', value: 'mac'}, {label: 'Win', value: 'win'}]}>\n<TabItem value=\"mac\">\n\nMac text.\n\n</TabItem>\n</Tabs>\n",
			[]string{`<summary>Mac</summary>`, "<p>Mac text.</p>"}, ""},
		// The labels the values list gives (the items were labelled with
		// their values, "mac"; a newcomer, rv19e), either key first.
		{"tabs with values, value first", "x.mdx", "<Tabs values={[{value: \"win\", label: \"Windows 11\"}]}>\n<TabItem value=\"win\">\n\nWin text.\n\n</TabItem>\n</Tabs>\n",
			[]string{`<summary>Windows 11</summary>`, "<p>Win text.</p>"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := NewRenderer(RenderOptions{}).Render(Input{Source: []byte(tc.src), Locale: "en", File: tc.file, FirstLine: 1})
			if err != nil {
				t.Fatal(err)
			}
			html := string(out.HTML)
			if strings.Contains(html, "&lt;") || strings.Contains(html, "values=") || strings.Contains(html, "browsers=") {
				t.Errorf("the tag shows as text:\n%s", html)
			}
			for _, w := range tc.want {
				if !strings.Contains(html, w) {
					t.Errorf("missing %q in\n%s", w, html)
				}
			}
			var warns []string
			for _, p := range out.Problems {
				warns = append(warns, p.String())
			}
			if tc.warn == "" && len(warns) > 0 {
				t.Errorf("unexpected problems %v", warns)
			}
			if tc.warn != "" && (len(warns) != 1 || !strings.Contains(warns[0], tc.warn)) {
				t.Errorf("want one warning with %q, got %v", tc.warn, warns)
			}
		})
	}
}
