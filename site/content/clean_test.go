package content

import (
	"bytes"
	"testing"

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
