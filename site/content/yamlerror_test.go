package content

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestExplainYAML runs real front-matter mistakes through the parser and
// checks that the explanation points at the mistake (not where the parser
// gave up) and says how to fix it.
func TestExplainYAML(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		message   string // part of the message
		fix       string // part of the fix
	}{
		{"colon in a title", "title: Error: the sync failed\ndescription: ok\n", 1, 13,
			"colon followed by a space", `title: "Error: the sync failed"`},
		{"colon in a later value", "title: Sync\ndescription: Note: restart first\n", 2, 18,
			"colon followed by a space", `description: "Note: restart first"`},
		{"colon in a value with quotes inside", "title: Error \"E12\": retry\n", 1, 19,
			"colon followed by a space", `title: 'Error "E12": retry'`},
		{"tab indentation", "title: ok\ntags:\n\t- a\n", 3, 1,
			"a tab indents this line", "replace the tab with spaces"},
		{"unclosed double quote", "title: \"Reset your password\ndescription: x\ntags: [a]\n", 1, 8,
			"quote \" that opens this value is never closed", `title: "Reset your password"`},
		{"unclosed single quote", "title: ok\ndescription: 'Use the app\n", 2, 14,
			"never closed", `description: 'Use the app'`},
		{"unclosed list", "title: ok\ntags: [billing, refund\ndescription: x\n", 2, 7,
			"list opened with [ here is never closed", "tags: [billing, refund]"},
		// An apostrophe inside a word of an earlier list is no quote: it
		// hid that list's "]", and the error named it (rv24z).
		// In the first field of a mapping in a list (redirects.yaml):
		// the parser's line, the one before, was all it said (rv24z).
		{"unclosed list in a list of mappings", "- from: /a\n  to: /b\n- from: [oops\n  to: /c\n- from: /d\n  to: /e\n", 3, 9,
			"list opened with [ here is never closed", "from: [oops]"},
		{"unclosed list after an apostrophe in a word", "en:\n  - [no-show, didn't show up]\n  - [c, d]\n  - [unclosed\n", 4, 5,
			"list opened with [ here is never closed", "- [unclosed]"},
		// On the last line, ending in a comma or on the bracket alone:
		// the parser's "did not find expected node content" was all it said.
		{"unclosed list on the last line, after a comma", "title: ok\ntags: [a, b,\n", 2, 7,
			"list opened with [ here is never closed", "add ] at the end: tags: [a, b]"},
		{"unclosed empty list on the last line", "title: ok\ntags: [\n", 2, 7,
			"list opened with [ here is never closed", "tags: []"},
		// A mapping opened inside a list that closes: the parser's "did
		// not find expected ',' or '}'" (a newcomer, rv20d).
		{"unclosed mapping inside a list", "title: ok\nkeywords: [money, {back]\n", 2, 19,
			"mapping opened with { here, inside the list, is never closed", "remove the {: keywords: [money, back]"},
		{"unclosed mapping", "title: ok\nparams: {a: b\n", 2, 9,
			"mapping opened with {", "params: {a: b}"},
		{"text after a quoted part", "title: \"Sync\" is slow\n", 1, 15,
			"text follows", `title: '"Sync" is slow'`},
		{"brackets starting a title", "title: [Beta] New editor\n", 1, 15,
			"read as a list, and text follows its closing ]", `title: "[Beta] New editor"`},
		{"braces starting a title", "title: {Beta} New editor\n", 1, 15,
			"read as a mapping, and text follows its closing }", `title: "{Beta} New editor"`},
		{"at sign", "title: @mentions in comments\n", 1, 8,
			"cannot start with @", `title: "@mentions in comments"`},
		{"backtick", "title: `npm install` fails\n", 1, 8,
			"cannot start with `", "title: \"`npm install` fails\""},
		{"asterisk emphasis", "title: *Important* notice\n", 1, 8,
			"cannot start with *", `title: "*Important* notice"`},
		{"percent", "title: ok\ndescription: %APPDATA% folder\n", 2, 14,
			"cannot start with %", `description: "%APPDATA% folder"`},
		{"over-indented field", "title: ok\nweight: 2\n  tags: [a]\n", 3, 1,
			"indented, so YAML reads it as the rest of `weight: 2` above it", "remove the 2 spaces"},
		{"line without a colon", "title: ok\nthis is a note\ndescription: x\n", 2, 1,
			"neither a field", "# to make it a comment"},
		{"list item after a key", "title: ok\ntags: - billing\n", 2, 7,
			"cannot follow a field name", "tags: [billing]"},
		{"bad escape", "title: ok\ndescription: \"C:\\Users\\me\"\n", 2, 17,
			`\U`, "single quotes"},
		{"empty list item", "title: ok\ntags: [a, , b]\n", 2, 9,
			"empty item", "remove the extra comma"},
		{"block text not indented", "title: ok\ndescription: >\nThe text.\n", 3, 1,
			"must be indented", "two spaces"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n yaml.Node
			err := yaml.Unmarshal([]byte(tt.src), &n)
			if err == nil {
				t.Fatalf("the parser accepted %q", tt.src)
			}
			e := ExplainYAML([]byte(tt.src), err)
			if e.Line != tt.line || e.Column != tt.col {
				t.Errorf("at %d:%d, want %d:%d (%s; parser: %v)", e.Line, e.Column, tt.line, tt.col, e, err)
			}
			if !strings.Contains(e.Message, tt.message) {
				t.Errorf("message %q lacks %q", e.Message, tt.message)
			}
			if !strings.Contains(e.Fix, tt.fix) {
				t.Errorf("fix %q lacks %q", e.Fix, tt.fix)
			}
			if e.Unwrap() != err {
				t.Error("the parser's error is lost")
			}
		})
	}
}

func TestExplainYAMLTypeError(t *testing.T) {
	var v struct{ Size int }
	src := []byte("size: ten\n")
	err := yaml.Unmarshal(src, &v)
	e := ExplainYAML(src, err)
	if e.Line != 1 || e.Message != "expected a whole number, found text (ten)" {
		t.Errorf("got %d %q", e.Line, e.Message)
	}
	if ExplainYAML(src, nil) != nil {
		t.Error("no error explained as one")
	}
}

// TestYAMLProblemInFrontMatter: the file line of a front-matter mistake is
// the YAML line plus the opening ---.
func TestYAMLProblemInFrontMatter(t *testing.T) {
	lib := load(t, map[string]string{"billing/a.md": "---\ntitle: Error: sync failed\n---\nBody.\n"})
	if len(lib.Problems) != 1 {
		t.Fatalf("problems: %v", lib.Problems)
	}
	p := lib.Problems[0]
	want := `billing/a.md:2:13: error: front matter: the value holds a colon followed by a space, which YAML reads as the start of another field. Fix: put the value in quotes: title: "Error: sync failed"`
	if p.String() != want {
		t.Errorf("got  %s\nwant %s", p, want)
	}
}
