package textnorm

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Refund", "Refund"},
		{"e\u0301te\u0301", "été"},           // NFD → NFC
		{"pass\u00ADword", "password"},       // soft hyphen
		{"wi\u200Bfi", "wifi"},               // zero-width space
		{"\uFEFFtitle", "title"},             // byte-order mark
		{"a\u200Db\u200Cc\u2060d", "abcd"},   // joiners, word joiner
		{"\u202Eevil\u202C", "evil"},         // bidi override
		{"caf\u200Be\u0301", "café"},         // invisible between letter and accent
		{"✔\uFE0F", "✔"},                     // variation selector
		{"Wi\u2011Fi", "Wi\u2011Fi"},         // hyphens are kept
		{"100\u00A0€", "100\u00A0€"},         // visible spaces are kept
		{"\u0600\u0661", "\u0600\u0661"},     // Arabic number sign is visible
		{"Œuvre Straße", "Œuvre Straße"},     // case and letters kept
		{"bad \xff byte", "bad \uFFFD byte"}, // invalid UTF-8
		{"", ""},
	} {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Refund", "refund"},
		{"ANNULÉ", "annule"},
		{"e\u0301ve\u0300nement", "evenement"},
		{"Œuvre", "oeuvre"},
		{"cœur", "coeur"},
		{"Æther", "aether"},
		{"Straße", "strasse"},
		{"STRAẞE", "strasse"},
		{"Łódź", "lodz"},
		{"Ørsted", "orsted"},
		{"Þór", "thor"},
		{"Đakovo", "dakovo"},
		{"İstanbul", "istanbul"},
		{"ﬁle ﬂow", "file flow"},
		{"Ｗｉｆｉ", "wifi"},
		{"m²", "m2"},
		{"pass\u00ADword", "password"},
		{"wi\u200Bfi", "wifi"},
		{"l’opération", "l'operation"},
		{"Wi\u2011Fi", "wi-fi"},
		{"Wi\u2010Fi", "wi-fi"},
		{"2019–2021", "2019–2021"}, // an en dash is not a hyphen
		{"100\u00A0€", "100 €"},
		{"q\u0301", "q"},                 // accent on a letter without precomposed form
		{"Κωδικός", "κωδικοσ"},           // Greek: accents and final sigma folded
		{"ΚΩΔΙΚΟΣ", "κωδικοσ"},           // capitals, written without accents
		{"Ά Ϊ ΰ", "α ι υ"},               // tonos and dialytika
		{"كلمة المرور", "كلمه المرور"},   // Arabic: teh marbuta typed as heh
		{"إعدادات أمان", "اعدادات امان"}, // hamza on and under alef
		{"مستشفى", "مستشفي"},             // alef maksura typed as yeh
		{"كَلِمَةُ", "كلمه"},             // vowel marks dropped
		{"كلـــمة", "كلمه"},              // kashida dropped
		{"کلیک", "كليك"},                 // Persian keheh and yeh
		{"Ёлка", "ёлка"},                 // other scripts: lower case only
		{"й", "й"},                       // and no accent stripping
		{"हिन्दी", "हिन्दी"},             // combining marks of other scripts kept
		{"Windows™", "windows™"},         // symbols kept
		{"Ççé", "cce"},
		{"ª º", "ª º"}, // as Lucene
	} {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKey(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Refund", "refund"},
		{"  E-mail  not arriving! ", "e mail not arriving"},
		{"Où est ma facture ?", "ou est ma facture"},
		{"œuvre/æther", "oeuvre aether"},
		{"pass\u00ADword reset", "password reset"},
		{"l’opération", "l operation"},
		{"0x8004DE8A", "0x8004de8a"},
		{"हिन्दी भाषा", "हिन्दी भाषा"},
		{"!!!", ""},
		{"", ""},
	} {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBlank(t *testing.T) {
	for _, tt := range []struct {
		in    string
		blank bool
	}{
		{"", true},
		{" \t\n\u00A0\u3000", true}, // spaces, the ideographic one too
		{"\xff\xfe", true},          // invalid UTF-8 only
		{"\uFFFD", true},            // what such bytes become
		{" \uFFFD\xc3 ", true},
		{"\u200B\u00AD\uFEFF", true}, // invisible characters only
		{"\x00", true},               // control characters only (?q=%00)
		{" \x01\x1b\x7f\u0085 ", true},
		{"a\x00", false},
		{"a", false},
		{"\xffrefund", false},
		{"?", false}, // punctuation is typed: it is searched (and finds nothing)
		{"🙂", false},
		{"\u0600", false}, // a visible format character
	} {
		if got := Blank(tt.in); got != tt.blank {
			t.Errorf("Blank(%q) = %v, want %v", tt.in, got, tt.blank)
		}
	}
}

func TestInvisible(t *testing.T) {
	for _, r := range []rune{0xAD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x202A, 0x2066, 0xFE0F, 0x180E, 0x034F, 0xE0041} {
		if !Invisible(r) {
			t.Errorf("Invisible(%U) = false", r)
		}
	}
	for _, r := range []rune{' ', '\u00A0', '\u3000', 'a', 'é', '-', '\u0301', '\u0600', '\u2011', '\n'} {
		if Invisible(r) {
			t.Errorf("Invisible(%U) = true", r)
		}
	}
}

// TestIdempotent checks f(f(s)) == f(s) on awkward inputs.
func TestIdempotent(t *testing.T) {
	inputs := []string{
		"ſ\u0307", "æ\u0301", "ɔ\u0301", "и\u0306", "Ǆemal", "ǅ", "ﬃ", "①②", "Ⅻ", "𝐀𝐁𝐂",
		"a\u200B\u0301", "\u0301start", "K\u212A", "Σίσυφος", "ΌΣΟΣ", "i\u0307", "ŉ", "ʼn",
	}
	for _, s := range inputs {
		for name, f := range map[string]func(string) string{"Normalize": Normalize, "Fold": Fold, "Key": Key} {
			once := f(s)
			if twice := f(once); twice != once {
				t.Errorf("%s(%q) = %q, but %s of that = %q", name, s, once, name, twice)
			}
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Œuvre", "e\u0301", "pass\u00ADword", "Wi\u2011Fi", "\xff", "ǅ\u0301", "ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, fo, k := Normalize(s), Fold(s), Key(s)
		for _, out := range []string{n, fo, k} {
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 from %q: %q", s, out)
			}
			if strings.ContainsFunc(out, Invisible) {
				t.Fatalf("invisible character left in %q (from %q)", out, s)
			}
		}
		if Fold(fo) != fo {
			t.Fatalf("Fold not idempotent on %q: %q then %q", s, fo, Fold(fo))
		}
		if Key(k) != k {
			t.Fatalf("Key not idempotent on %q: %q then %q", s, k, Key(k))
		}
		if Fold(n) != fo {
			t.Fatalf("Fold(Normalize(%q)) = %q, Fold = %q", s, Fold(n), fo)
		}
	})
}

func TestHasWords(t *testing.T) {
	for s, want := range map[string]bool{
		"refund": true, "🍕 2": true, "ça": true, "كلمة": true, "²": true,
		"": false, "🍕🍕": false, "???": false, "½": false, "ـــ": false, "\u064e": false, "→ !!": false,
	} {
		if got := HasWords(s); got != want {
			t.Errorf("HasWords(%q) = %v, want %v", s, got, want)
		}
	}
}
