package content

import (
	"bytes"
	"testing"
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
