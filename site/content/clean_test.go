package content

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/guichet/guichet/site"
)

func TestCleanText(t *testing.T) {
	tests := []struct {
		name, in, out string
		line          int
		msg           string
	}{
		{"clean text is kept as is", "a\tb\r\nc é ☃\n", "a\tb\r\nc é ☃\n", 0, ""},
		{"form feed", "one\ntwo\fthree\n", "one\ntwothree\n", 2,
			"removed 1 invisible control character that would make feeds invalid XML (the first, U+000C, on this line)"},
		{"NUL, DEL, C1 and non-characters", "\x00a\x7fb\u0085c\uffffd\n", "abcd\n", 1, "removed 4 invisible control characters"},
		{"invalid UTF-8", "ok\ncaf\xe9\n", "ok\ncaf\uFFFD\n", 2, "replaced 1 byte sequence that is not UTF-8 by �"},
		// Windows Notepad's "Unicode" and PowerShell 5's > save UTF-16
		// with a byte-order mark: read as such, not as NULs and �.
		{"UTF-16LE with its byte-order mark", "\xff\xfet\x00i\x00:\x00 \x00\xe9\x00\n\x00", "ti: é\n", 1,
			"the file is UTF-16LE text: it is read as such, but save it as UTF-8"},
		{"UTF-16BE, a character outside the BMP, an odd last byte", "\xfe\xff\x00a\xd8\x3d\xde\x00\x00", "a😀\uFFFD", 1, "the file is UTF-16BE text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rep := cleanText([]byte(tt.in))
			if string(out) != tt.out {
				t.Errorf("got %q, want %q", out, tt.out)
			}
			p := rep.problem("a.md")
			if tt.line == 0 {
				if p != nil {
					t.Errorf("unexpected %v", p)
				}
				return
			}
			if p == nil || p.Line != tt.line || !bytes.Contains([]byte(p.Message), []byte(tt.msg)) {
				t.Errorf("problem %v, want line %d %q", p, tt.line, tt.msg)
			}
		})
	}
}

// TestCleanEscapedControls: YAML writes control characters as escapes
// ("\f", "\x01", "\e"), which the file's cleaning cannot see; they are
// removed from the values (title, description, a category title) with a
// warning at their line, so pages, JSON and feeds stay valid.
func TestCleanEscapedControls(t *testing.T) {
	lib := load(t, map[string]string{
		"news/_index.md": "---\ntitle: \"News\\vroom\"\n---\n",
		"news/a.md":      "---\ntitle: \"Form\\ffeed\\x01 title\"\ndescription: \"Red\\e[0m text\"\ntags: [\"a\\x02b\"]\n---\nBody.\n",
	})
	a := article(t, lib, "news/a.md")
	if a.Title != "Formfeed title" || a.Description != "Red[0m text" || len(a.Tags) != 1 || a.Tags[0] != "ab" {
		t.Errorf("title %q, description %q, tags %q", a.Title, a.Description, a.Tags)
	}
	found := false
	for _, c := range lib.Categories {
		if c.ID == "news" {
			found = true
			if c.Title != "Newsroom" {
				t.Errorf("category title %q", c.Title)
			}
		}
	}
	if !found {
		t.Errorf("no category news in %v", lib.Categories)
	}
	for _, w := range []want{
		{site.SeverityWarning, "news/a.md", 2, "", "removed 2 invisible control characters"},
		{site.SeverityWarning, "news/a.md", 3, "", "U+001B"},
		{site.SeverityWarning, "news/a.md", 4, "", "removed 1 invisible control character"},
		{site.SeverityWarning, "news/_index.md", 2, "", "U+000B"},
	} {
		if !findProblem(lib, w) {
			t.Errorf("no problem %+v in %v", w, lib.Problems)
		}
	}
}

// TestLoadUTF16Article: an article saved as UTF-16 with its byte-order
// mark (Windows Notepad, PowerShell 5's >) loads with its title and text,
// and a warning to save it as UTF-8, instead of "missing required field
// title" and a count of removed NULs.
func TestLoadUTF16Article(t *testing.T) {
	src := "---\r\ntitle: Stromzähler koppeln\r\n---\r\nDer Zähler blinkt.\r\n"
	units := utf16.Encode([]rune(src))
	data := []byte{0xff, 0xfe}
	for _, u := range units {
		data = append(data, byte(u), byte(u>>8))
	}
	lib := load(t, map[string]string{"meter/pair.de.md": string(data)})
	a := article(t, lib, "meter/pair.de.md")
	if a.Title != "Stromzähler koppeln" {
		t.Errorf("title %q, want %q", a.Title, "Stromzähler koppeln")
	}
	var found bool
	for _, p := range lib.Problems {
		if p.Severity == site.SeverityError {
			t.Errorf("unexpected error %v", p)
		}
		found = found || p.File == "meter/pair.de.md" && p.Line == 1 && strings.Contains(p.Message, "the file is UTF-16LE text")
	}
	if !found {
		t.Errorf("no UTF-16 warning at line 1 in %v", lib.Problems)
	}
}
