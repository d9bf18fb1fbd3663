package content

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestSanitize renders hostile Markdown and raw HTML, with raw HTML both
// allowed and not, and checks that nothing that runs, styles, frames or
// leaves through a dangerous URL survives, whatever the encoding.
func TestSanitize(t *testing.T) {
	payloads := []string{
		`<a href="javascript:alert(1)">a</a>`,
		`<a href="&#106;avascript:alert(1)">entity</a>`,
		`<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">hex entities</a>`,
		`<a href="jav&#x09;ascript:alert(1)">tab</a>`,
		`<a href=" JaVaScRiPt:alert(1)">case</a>`,
		`<a href="vbscript:msgbox(1)">vb</a>`,
		`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>`,
		`<svg><a xlink:href="javascript:alert(1)"><text>svg</text></a></svg>`,
		`<math><mi xlink:href="javascript:alert(1)">math</mi></math>`,
		`<img src=x onerror=alert(1)>`,
		`<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`,
		`<img srcset="javascript:alert(1) 1x" src="ok.png">`,
		`<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
		`<iframe src="https://evil.example"></iframe>`,
		`<div style="position:fixed;inset:0;background:red">overlay</div>`,
		`<p title="x" onmouseover="alert(1)">hover</p>`,
		`<details open ontoggle="alert(1)"><summary>s</summary>d</details>`,
		`<style>body{display:none}</style>`,
		`<script>alert(1)</script>`,
		`<object data="evil.swf"></object><embed src="evil.swf">`,
		`<form action="https://evil.example"><input type="text" name="card"><button formaction="javascript:alert(1)">b</button></form>`,
		`<base href="https://evil.example/">`,
		`<meta http-equiv="refresh" content="0;url=https://evil.example">`,
		`<link rel="stylesheet" href="https://evil.example/x.css">`,
		`<img src="https://tracker.example/pixel.gif" style="display:none">`,
		`<video><source onerror="alert(1)"></video>`,
		`<a href="https://example.com" target="_blank" onclick="alert(1)">ok link</a>`,
		"[md link](javascript:alert(1)) [md data](data:text/html,x) ![md img](javascript:alert(1))",
		"<javascript:alert(1)>",
	}
	headings := "## Overlay {style=\"position:fixed;inset:0\" onclick=\"alert(1)\" class=\"note\" id=\"over\" data-x=\"1\"}\n\n"
	bad := regexp.MustCompile(`(?i)<script|<style|<iframe|<object|<embed|<form|<base|<meta|<link|<svg|<math|<button|\son\w+=|style=|javascript:|vbscript:|data:text|data:image/svg|srcdoc|xlink|srcset|formaction|type="text"`)
	for _, allow := range []bool{false, true} {
		r := NewRenderer(RenderOptions{AllowHTML: allow})
		src := headings + strings.Join(payloads, "\n\n") + "\n"
		out, err := r.Render(Input{Source: []byte(src), File: "x.md"})
		if err != nil {
			t.Fatal(err)
		}
		html := string(out.HTML)
		// Plain text that says "javascript:" is text, not a URL: look at
		// the markup only.
		markup := regexp.MustCompile(`>[^<]*<`).ReplaceAllString(html, "><")
		if m := bad.FindAllString(markup, -1); m != nil {
			t.Errorf("allow_html=%v: %v survived:\n%s", allow, m, html)
		}
		if !strings.Contains(html, `<h2 id="over" class="note">`) && !strings.Contains(html, `<h2 class="note" id="over">`) {
			t.Errorf("allow_html=%v: heading lost its id and class:\n%s", allow, html)
		}
		if allow {
			for _, want := range []string{`<a href="https://example.com"`, `ok link</a>`, `<details open=""><summary>s</summary>d</details>`, `<p title="x">hover</p>`, `overlay`} {
				if !strings.Contains(html, want) {
					t.Errorf("allow_html: %q lost:\n%s", want, html)
				}
			}
		}
	}
}

// TestRawHTMLThemeIDs: raw HTML (allow_html) cannot give an element an id
// of the theme's namespace (g-main, g-q, g-article-title…), which would
// make the page's ids ambiguous and send the skip link, the search label
// or aria-labelledby to the writer's element; other ids are kept.
func TestRawHTMLThemeIDs(t *testing.T) {
	src := `<p id="g-article-title">raw</p>

<div id="g-main">main</div>

<span id="g">g alone</span> <span id="go-live">go</span> <span id="G-x">upper</span> <span id="été">accent</span> <span id="1-a">digit</span>
`
	out, err := NewRenderer(RenderOptions{AllowHTML: true}).Render(Input{Source: []byte(src), File: "x.md"})
	if err != nil {
		t.Fatal(err)
	}
	html := string(out.HTML)
	if strings.Contains(html, `id="g-`) {
		t.Errorf("a theme id survived:\n%s", html)
	}
	for _, want := range []string{`<p>raw</p>`, `<div>main</div>`, `id="g"`, `id="go-live"`, `id="G-x"`, `id="été"`, `id="1-a"`} {
		if !strings.Contains(html, want) {
			t.Errorf("%s lost:\n%s", want, html)
		}
	}
}

// TestImageAltText: an image keeps its alt text (and a link or image its
// title) whatever punctuation it holds, in Markdown, DocFX's :::image and
// raw HTML, and a value cannot close its attribute. The sanitizer used to
// drop an alt with "@", ":", ";", "?", "&", quotes or "’", leaving the
// image without alt for screen readers and image search (34 images of the
// Microsoft corpus).
func TestImageAltText(t *testing.T) {
	tests := []struct{ src, alt, title string }{
		{`![Typing Garry@contoso.com: step 1; done?](a.png)`, `Typing Garry@contoso.com: step 1; done?`, ""},
		{`![Ouvrez l’écran « Paiements » & validez](a.png "Étape 2 : cliquez sur Enregistrer")`, `Ouvrez l’écran « Paiements » & validez`, `Étape 2 : cliquez sur Enregistrer`},
		{`:::image type="content" source="a.png" alt-text="The Info page; the URL is https://mail.contoso.com/owa.":::`, `The Info page; the URL is https://mail.contoso.com/owa.`, ""},
		{`![x" onerror="alert(1)](a.png)`, `x" onerror="alert(1)`, ""},
		{`<img src="a.png" alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" title="100% &amp; more">`, `"><script>alert(1)</script>`, `100% & more`},
	}
	r := NewRenderer(RenderOptions{AllowHTML: true})
	for _, tt := range tests {
		out, err := r.Render(Input{Source: []byte(tt.src + "\n"), File: "x.md"})
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(strings.NewReader(string(out.HTML)))
		if err != nil {
			t.Fatal(err)
		}
		var imgs []*html.Node
		for n := range doc.Descendants() {
			if n.Type == html.ElementNode && (n.Data == "img" || n.Data == "script") {
				imgs = append(imgs, n)
			}
		}
		if len(imgs) != 1 || imgs[0].Data != "img" {
			t.Errorf("%s: want one img, got %s", tt.src, out.HTML)
			continue
		}
		got := map[string]string{}
		for _, a := range imgs[0].Attr {
			got[a.Key] = a.Val
		}
		if alt, ok := got["alt"]; !ok || alt != tt.alt {
			t.Errorf("%s: alt = %q (present %v), want %q\n%s", tt.src, alt, ok, tt.alt, out.HTML)
		}
		if got["title"] != tt.title {
			t.Errorf("%s: title = %q, want %q", tt.src, got["title"], tt.title)
		}
		if _, ok := got["onerror"]; ok {
			t.Errorf("%s: the alt text closed its attribute: %s", tt.src, out.HTML)
		}
	}
}
