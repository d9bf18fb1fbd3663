package i18n

import (
	"strings"
	"unicode/utf8"
)

// Compounds: languages that write a compound noun as one word
// ("Kletterschuhe", "fietsverzekering"), where English writes two. Search
// (package search) reads an unknown compound as its parts and finds the
// compounds a word is the head of; the gap report (package site/gaps)
// groups a compound with its parts typed apart. Both read these facts.

// closedCompounds are the languages (Language) that write compounds
// closed.
var closedCompounds = map[string]bool{"de": true, "nl": true, "sv": true, "da": true, "nb": true, "no": true, "fi": true}

// ClosedCompounds reports whether language lang (Language of a locale)
// writes compounds closed: German, Dutch, Swedish, Danish, Norwegian,
// Finnish.
func ClosedCompounds(lang string) bool { return closedCompounds[lang] }

// compoundLinkers are, by language, the letters that may join a
// compound's parts ("Versicherung-s-schutz", "Kind-er-garten",
// "boek-en-kast"; "Fugen"), none first.
var compoundLinkers = map[string][]string{
	"de": {"", "s", "es", "n", "en", "e", "er"},
	"nl": {"", "s", "en", "e", "er"},
	"sv": {"", "s"},
	"da": {"", "s", "e"},
	"nb": {"", "s", "e"},
	"no": {"", "s", "e"},
	"fi": {""},
}

// CompoundLinkers returns the letters that may join a compound's two
// parts in lang, none ("") first; nil for a language that writes
// compounds apart. The slice is shared: do not change it.
func CompoundLinkers(lang string) []string { return compoundLinkers[lang] }

// MinCompoundPart is the fewest letters, as typed, of each part a
// compound is read as: shorter ones ("Rad", "Tag") end or begin too many
// words by chance.
const MinCompoundPart = 4

// boundPrefixes are, by language, the prefixes of three letters or more
// that make words but are never words themselves: a word they begin is
// no compound of the rest ("Zerstörung" is no "Störung", "Entsperrung"
// no "Sperrung", "ontkoppeling" no "koppeling").
// The particles of separable verbs are among them too: a noun they make
// is a verb's ("Ausdruck", "Eindruck", "Einladung", "Übersicht",
// "Auflösung" are no kind of "Druck", "Ladung", "Sicht", "Lösung"), at the
// cost of the few real compounds they begin ("Überdruck"). Folded, as
// terms are ("über" is "uber").
var boundPrefixes = map[string]map[string]bool{
	"de": wordSet("ver", "zer", "ent", "emp", "aus", "ein", "auf", "uber", "ueber", "bei", "mit", "nach", "vor", "unter",
		"durch", "gegen", "hinter", "wider", "wieder", "ruck", "rueck", "zuruck", "zurueck", "weg", "her", "hin", "los",
		"miss", "pro", "trans", "fort", "heim", "voran", "voraus", "vorbei", "zusammen"),
	"nl": wordSet("ver", "ont", "uit", "aan", "door", "over", "onder", "voor", "mee", "her", "toe", "weg", "terug", "samen"),
}

// BoundPrefix reports whether p (folded) begins words of lang without
// being a word itself, so that a word it begins is no compound of the
// rest.
func BoundPrefix(lang, p string) bool { return boundPrefixes[lang][p] }

// Cut is one way to read a word as a compound of two parts: first, the
// letters linking the parts (one of CompoundLinkers), and rest, the head.
type Cut struct{ First, Link, Rest string }

// CompoundCuts returns the ways to read word (folded, lower-cased) as a
// compound of two parts in lang: the first MinCompoundPart letters or
// more and no bound prefix (BoundPrefix), the second minHead letters or
// more (MinCompoundPart for a word typed whole; fewer for one still being
// typed, whose head is only begun), the linking letters of the language
// between them; by the first part's length, shortest first, then in the
// order of CompoundLinkers. None for a language that writes compounds
// apart, or a word shorter than two parts. Which cut, if any, is the
// word's is the caller's to say: search and the gap report know
// different words.
func CompoundCuts(lang, word string, minHead int) []Cut {
	if !ClosedCompounds(lang) || utf8.RuneCountInString(word) < MinCompoundPart+minHead {
		return nil
	}
	var cuts []Cut
	n := 0 // runes before i
	for i := range word {
		if n < MinCompoundPart || BoundPrefix(lang, word[:i]) {
			n++
			continue
		}
		n++
		for _, l := range compoundLinkers[lang] {
			rest, ok := strings.CutPrefix(word[i:], l)
			if ok && utf8.RuneCountInString(rest) >= minHead {
				cuts = append(cuts, Cut{word[:i], l, rest})
			}
		}
	}
	return cuts
}

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
