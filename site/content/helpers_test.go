package content

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer/html"
)

// TestGoldmarkDangerousURLs documents goldmark v1.8.7's own behaviour: it
// blanks javascript: links in safe mode but not with WithUnsafe, which
// allow_html needs; hence the renderer's own check (TestRenderSafety).
func TestGoldmarkDangerousURLs(t *testing.T) {
	src := []byte("[x](javascript:alert(1))")
	tests := []struct {
		name string
		md   goldmark.Markdown
		want string
	}{
		{"safe", goldmark.New(), `<a href="">x</a>`},
		{"unsafe", goldmark.New(goldmark.WithRendererOptions(html.WithUnsafe())), `<a href="javascript:alert(1)">x</a>`},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := tt.md.Convert(src, &buf); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), tt.want) {
			t.Errorf("%s: got %s, want %s", tt.name, buf.String(), tt.want)
		}
	}
}

func TestDangerousURL(t *testing.T) {
	tests := []struct {
		url   string
		image bool
		want  bool
	}{
		{"javascript:alert(1)", false, true},
		{" JaVaScRiPt:alert(1)", false, true},
		{"java\tscript:alert(1)", false, true},
		{"javascript&#58;alert(1)", false, true},
		{"vbscript:x", false, true},
		{"file:///etc/passwd", false, true},
		{"data:text/html,<script>", false, true},
		{"data:image/png;base64,AAAA", false, true},
		{"data:image/png;base64,AAAA", true, false},
		{"data:image/svg+xml,<svg>", true, true},
		{"https://example.com/a:b", false, false},
		{"mailto:a@b.c", false, false},
		{"../billing/refund.md#a:b", false, false},
		{"/path:with:colons", false, false},
	}
	for _, tt := range tests {
		if got := dangerousURL(tt.url, tt.image); got != tt.want {
			t.Errorf("dangerousURL(%q, %v) = %v, want %v", tt.url, tt.image, got, tt.want)
		}
	}
}

func TestSummary(t *testing.T) {
	long := strings.Repeat("lorem ipsum ", 30)
	tests := []struct{ in, want string }{
		{"One sentence. Two sentences.", "One sentence."},
		{"Is it? Yes.", "Is it?"},
		{"Use e.g. a card. Then pay.", "Use e.g. a card."},
		{"Version 16.0.7967 is fixed. More.", "Version 16.0.7967 is fixed."},
		{"  spaced\n  text  ", "spaced text"},
		{"", ""},
	}
	for _, tt := range tests {
		got := summary(tt.in)
		if got != tt.want {
			t.Errorf("summary(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	got := summary(long)
	cut := strings.TrimSuffix(got, "…")
	if len(got) > maxDescription || cut == got || !strings.HasPrefix(long, cut+" ") {
		t.Errorf("summary(long) = %q (%d bytes): want ≤ %d bytes, cut at a word, with an ellipsis", got, len(got), maxDescription)
	}
}

func TestDidYouMean(t *testing.T) {
	known := articleFields()
	tests := []struct{ in, want string }{
		{"titel", "title"},
		{"Title", "title"},
		{"TAGS", "tags"},
		{"keyword", "keywords"},
		{"publishAt", "publish_at"},
		{"publish-at", "publish_at"},
		{"ms.topic", ""},
		{"author", ""},
		{"ms", ""},
		{"alias", "aliases"},
	}
	for _, tt := range tests {
		if got := didYouMean(tt.in, known); got != tt.want {
			t.Errorf("didYouMean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNames(t *testing.T) {
	for _, tt := range []struct{ in, slug, title string }{
		{"billing-and-plans", "billing-and-plans", "Billing and plans"},
		{"SkypeforBusiness", "skypeforbusiness", "Skype for Business"},
		{"office_365 Apps", "office_365-apps", "Office 365 Apps"},
		{"facturación", "facturación", "Facturación"},
	} {
		if got := slugify(tt.in); got != tt.slug {
			t.Errorf("slugify(%q) = %q, want %q", tt.in, got, tt.slug)
		}
		if got := folderTitle(tt.in); got != tt.title {
			t.Errorf("folderTitle(%q) = %q, want %q", tt.in, got, tt.title)
		}
	}
	for _, tt := range []struct {
		in     string
		known  map[string]bool
		stem   string
		locale string
		index  bool
	}{
		{"refund.md", nil, "refund", "", false},
		{"refund.fr.md", nil, "refund", "fr", false},
		{"refund.pt-BR.md", nil, "refund", "pt-BR", false},
		{"_index.fr.md", nil, "_index", "fr", true},
		{"converter-sspdfcg-x64.cnv.md", nil, "converter-sspdfcg-x64.cnv", "", false},
		{"tls-1.2.md", nil, "tls-1.2", "", false},
		{"run.js.md", map[string]bool{"en": true, "fr": true}, "run.js", "", false},
		{"run.fr.md", map[string]bool{"en": true, "fr": true}, "run", "fr", false},
	} {
		got := parseFileName(tt.in, tt.known)
		if got.stem != tt.stem || got.locale != tt.locale || got.index != tt.index {
			t.Errorf("parseFileName(%q) = %+v", tt.in, got)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"old/refund", "/old/refund"},
		{"/old/refund", "/old/refund"},
		{"https://help.example.com/a/b?x=1", "/a/b?x=1"},
		{"  ", ""},
	} {
		if got := normalizePath(tt.in); got != tt.want {
			t.Errorf("normalizePath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name, in, fm, body string
		line               int
		has, err           bool
	}{
		{"basic", "---\ntitle: A\n---\nBody\n", "title: A\n", "Body\n", 4, true, false},
		{"crlf and bom", "\xef\xbb\xbf---\r\ntitle: A\r\n---\r\nBody", "title: A\r\n", "Body", 4, true, false},
		{"dots close", "---\ntitle: A\n...\nBody", "title: A\n", "Body", 4, true, false},
		{"none", "# Title\n", "", "# Title\n", 1, false, false},
		{"empty", "---\n---\n", "", "", 3, true, false},
		{"unclosed", "---\ntitle: A\n", "", "", 0, true, true},
		{"rule later", "Text\n\n---\n", "", "Text\n\n---\n", 1, false, false},
		{"toml", "+++\ntitle = \"A\"\n+++\nBody\n", "title = \"A\"\n", "Body\n", 4, true, false},
		{"toml closes with +++ only", "+++\ntitle = \"A\"\n---\n+++\nBody\n", "title = \"A\"\n---\n", "Body\n", 5, true, false},
		{"toml unclosed", "+++\ntitle = \"A\"\n", "", "", 0, true, true},
	}
	for _, tt := range tests {
		fm, body, line, delim, err := splitFrontMatter([]byte(tt.in))
		if string(fm) != tt.fm || string(body) != tt.body || line != tt.line || (delim != "") != tt.has || (err != nil) != tt.err {
			t.Errorf("%s: got fm %q body %q line %d delim %q err %v", tt.name, fm, body, line, delim, err)
		}
	}
}

func TestHighlightCSS(t *testing.T) {
	css := HighlightCSS()
	if !strings.Contains(css, ".chroma .k {") || !strings.Contains(css, "@media (prefers-color-scheme: dark) {") {
		t.Fatalf("unexpected CSS:\n%s", css)
	}
	for _, line := range strings.Split(css, "\n") {
		if strings.Contains(line, "{") && !strings.HasPrefix(line, "@media") && !strings.Contains(line, ".chroma") {
			t.Errorf("rule not scoped under .chroma: %s", line)
		}
	}
	if strings.Count(css, "@media") != 1 {
		t.Errorf("want one dark block")
	}
}
