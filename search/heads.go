package search

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/guichet/guichet/site/i18n"
)

// Compound heads. German and Dutch (and the Nordic languages) write their
// compounds as one word, the head last: "Parkgebühr" is a "Gebühr",
// "Einspeisevergütung" a "Vergütung", "Batteriespeicher" a "Speicher".
// A query word also finds the indexed terms that end with its stem after
// a modifier of at least minModifier letters (its compounds), at
// headFactor of an exact match, so that an article writing the word
// itself ranks first and one writing only its compounds is still found
// ("Vergütung" found nothing where the articles write only
// "Einspeisevergütung"). A word shorter than minHead letters finds no
// compounds: short words end too many others ("Zahl" in "Auszahlung").
// The word is counted as typed, not as stemmed: "Panne" and "Nummer",
// whose stems "pann" and "numm" have four letters, find "Reifenpanne"
// and "Rahmennummer" (they found nothing).

const (
	headFactor  = 0.7 // a match through a compound the word is the head of
	minHead     = 5   // letters of the shortest stem whose compounds are searched
	minModifier = 3   // letters before the head in a compound
	maxHeads    = 8   // compounds searched per word, those in most articles first
)

// compoundHeads returns the indexed terms of li that are compounds with
// stem, the stem of word, as their head ("einspeisevergut" for "vergut"),
// those most articles have first, at most maxHeads; nil in a language
// that writes compounds apart, for a short word, or for a stem of fewer
// than minHead-1 letters.
func (li *localeIndex) compoundHeads(word, stem string) []string {
	if !i18n.ClosedCompounds(i18n.Language(li.locale)) || utf8.RuneCountInString(word) < minHead ||
		utf8.RuneCountInString(stem) < minHead-1 {
		return nil
	}
	li.reversedOnce.Do(func() {
		li.reversed = make([]string, 0, len(li.vocab))
		for t := range li.vocab {
			li.reversed = append(li.reversed, reverse(t))
		}
		sort.Strings(li.reversed)
	})
	r := reverse(stem)
	lang := i18n.Language(li.locale)
	var out []string
	for i := sort.SearchStrings(li.reversed, r); i < len(li.reversed) && strings.HasPrefix(li.reversed[i], r); i++ {
		t := reverse(li.reversed[i])
		if i18n.BoundPrefix(lang, t[:len(t)-len(stem)]) {
			continue
		}
		if utf8.RuneCountInString(t)-utf8.RuneCountInString(stem) >= minModifier && !hasDigit(t) {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		return cmp.Or(cmp.Compare(li.vocab[b], li.vocab[a]), cmp.Compare(a, b))
	})
	if len(out) > maxHeads {
		out = out[:maxHeads]
	}
	return out
}

// reverse returns s with its runes in reverse order.
func reverse(s string) string {
	r := []rune(s)
	slices.Reverse(r)
	return string(r)
}

// headOf returns the head of a compound no article writes
// ("akkuladegerat" is a "ladegerat", "rechnungsadresse" an "adresse"): the
// longest end of stem, of at least minHead letters after a modifier of at
// least minModifier that is no bound prefix, that the articles write; ""
// when stem is indexed, in a language that writes compounds apart, or when
// no end is. The other way round from compoundHeads: a customer's own
// compound finds the word the articles use, at headFactor. The head is
// counted as typed in word, as compoundHeads counts its word: a stem of
// minHead-1 letters is a head when the end of word it stems has minHead
// ("ziekenhuiskosten" is "kosten", stemmed "kost"; it found nothing).
func (li *localeIndex) headOf(word, stem string) string {
	if !i18n.ClosedCompounds(i18n.Language(li.locale)) || li.vocab[stem] > 0 || hasDigit(stem) {
		return ""
	}
	lang := i18n.Language(li.locale)
	runes := []rune(stem)
	typed := utf8.RuneCountInString(word)
	for i := minModifier; len(runes)-i >= minHead-1; i++ {
		if len(runes)-i < minHead && typed-i < minHead {
			break
		}
		head := string(runes[i:])
		if li.vocab[head] > 0 && !i18n.BoundPrefix(lang, string(runes[:i])) {
			return head
		}
	}
	return ""
}

// unknownModifier returns, for a compound no article writes whose head
// the articles write (headOf), its first part when that part is no word
// of the content, as its term (or its letters when it has none): the
// "fussboden" of "Fußbodenheizung" where an article writes "Heizung" and
// none "Fußboden". Such a compound names what the help center lacks,
// more than the head it shares with an article; "" when the first part
// is a word the content writes ("Akku" of "Akkuladegerät") or word has
// no such head.
func (li *localeIndex) unknownModifier(word, stem string) string {
	h := li.headOf(word, stem)
	if h == "" {
		return ""
	}
	first := ""
	for _, c := range i18n.CompoundCuts(i18n.Language(li.locale), word, i18n.MinCompoundPart) {
		if li.termOf(c.Rest) != h {
			continue
		}
		tf := li.termOf(c.First)
		if tf != "" && li.vocab[tf] > 0 {
			return "" // "Rechnungs|adresse": the content writes "Rechnung"
		}
		if first == "" {
			first = cmp.Or(tf, c.First)
		}
	}
	if first == "" {
		// A first part shorter than the cuts read: its letters.
		first = strings.TrimSuffix(stem, h)
		if first == stem || li.vocab[first] > 0 {
			return ""
		}
	}
	return first
}

// Compounds typed whole whose parts the content writes apart: a customer
// writes "Akkuwechsel", "Diebstahlmeldung", "fietsverzekering" where the
// articles write "Akku" and "Wechsel", "Diebstahl" and "melden", "fiets"
// and "verzekering". A query word no article has, of a language that
// writes compounds closed, whose beginning is a word the content writes and
// whose end (after the letters that may link the parts) is one too, is
// searched as those two words, as if typed apart; so is one whose end is
// one typo away from a word the content writes ("fietsverzekring"), or a
// form of a verb it writes ("Meldung" of "melden"), when the word as a
// whole is neither.

const (
	// maxUnknownHeads bounds the ends no article writes looked up for a
	// correction, longest first.
	maxUnknownHeads = 4
)

// compoundParts returns the two words, folded, the letters linking them
// and their terms, that plain (a folded word no article has; stem its
// term) is the compound of ("akku", "", "wechsel" for "akkuwechsel";
// "versicherungs", "", "schutz" for "versicherungsschutz", whose first
// part has the term of "versicherung"), or ok false. The first part is a word the
// content writes (the cuts are i18n.CompoundCuts, as the gap report's: each
// part i18n.MinCompoundPart letters or more, the first no bound prefix); the second,
// after the language's linking letters, is a word the content writes too,
// the longest such; failing that, a word of minHead letters or more with
// a correction one typo away or a verb's form the content writes (its
// term is then not in the vocabulary: it is searched as that word typed
// alone is), when plain itself has neither.
func (li *localeIndex) compoundParts(plain, stem string) (a, link, b, ta, tb string, ok bool) {
	lang := i18n.Language(li.locale)
	if li.vocab[stem] > 0 || hasDigit(plain) {
		return "", "", "", "", "", false
	}
	type cut struct{ a, link, b, ta, tb string }
	var known *cut
	var unknown []cut
	var first, tf string // the last cut's first part and its term
	for _, c := range i18n.CompoundCuts(lang, plain, i18n.MinCompoundPart) {
		if c.First != first {
			first, tf = c.First, li.termOf(c.First)
		}
		if tf == "" || li.vocab[tf] == 0 {
			continue
		}
		// The longest head; of one head, the longest first part, its
		// linking letters in it when its term is the same
		// ("fiets|verzekering", not "fiet|s|verzekering").
		rest := c.Rest
		n := utf8.RuneCountInString(rest)
		if known != nil && n < utf8.RuneCountInString(known.b) {
			continue
		}
		tr := li.termOf(rest)
		switch {
		case tr == "":
		case li.vocab[tr] > 0:
			known = &cut{first, c.Link, rest, tf, tr}
		case n < minHead:
		default:
			c := cut{first, c.Link, rest, tf, tr}
			if k := slices.IndexFunc(unknown, func(u cut) bool { return u.b == rest }); k >= 0 {
				unknown[k] = c
			} else if len(unknown) < maxUnknownHeads {
				unknown = append(unknown, c)
			}
		}
	}
	if known == nil && len(unknown) == 0 {
		return "", "", "", "", "", false
	}
	// A typo of a word the content writes, or a form of a verb it
	// writes ("Freischaltung" of "freischalten"), is no compound.
	if len(li.typoCandidates(plain, stem)) > 0 || len(li.verbForms(plain, stem, false)) > 0 {
		return "", "", "", "", "", false
	}
	if known != nil {
		return known.a, known.link, known.b, known.ta, known.tb, true
	}
	for _, c := range unknown {
		if len(li.verbForms(c.b, c.tb, false)) > 0 || len(li.typoCandidates(c.b, c.tb)) > 0 {
			return c.a, c.link, c.b, c.ta, c.tb, true
		}
	}
	return "", "", "", "", "", false
}

// minTypedHead is the fewest letters of a compound's second part being
// typed that autocomplete reads as the beginning of a word ("Akkuwec":
// "Akku" and the "Wechsel" being typed); fewer begin too many words.
const minTypedHead = 3

// typingCompound returns the parts of plain (a folded word being typed in
// autocomplete that no article's word begins), read as a compound whose
// first part is a word the content writes and whose second part is being
// typed: "akku", "", "wec" for "akkuwec" where the articles write "Akku"
// and "Wechsel" apart, as compoundParts reads the word once typed whole.
// The cut is one of i18n.CompoundCuts' with a head of minTypedHead
// letters or more that some article's word begins (continues); of
// several, the longest first part. ok false in a language that writes
// compounds apart.
func (li *localeIndex) typingCompound(ctx context.Context, plain string) (a, link, b, ta string, ok bool) {
	if hasDigit(plain) {
		return "", "", "", "", false
	}
	cuts := i18n.CompoundCuts(i18n.Language(li.locale), plain, minTypedHead)
	for _, c := range slices.Backward(cuts) {
		tf := li.termOf(c.First)
		if tf != "" && li.vocab[tf] > 0 && li.continues(ctx, c.Rest) {
			return c.First, c.Link, c.Rest, tf, true
		}
	}
	return "", "", "", "", false
}
