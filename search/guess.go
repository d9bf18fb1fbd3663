package search

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"

	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/site/textnorm"

	"github.com/guichet/guichet/site"
)

// Guessing the language of a ticket that does not say (helpdesk exports
// rarely carry one). Each word of the text that is a stop word of a
// candidate language — the lists the index analyses that language with,
// plus the words of tickets (ticketStops) — is a vote, shared among the
// languages that list it: "de" is French, Spanish and Portuguese, "mon"
// only French, "the" only English. Content words are not looked at: they
// are the help center's vocabulary, shared across its translations
// ("client", "SMS", "export"). When the stop words do not say (French
// subjects are often a noun and its adjective: "Carte bloquée",
// "Remboursement vétérinaire"), a guesser made from the index
// (Index.LocaleGuesser) reads the content words instead: a word only one
// locale's articles use is a vote for that locale, by the same evidence
// and margin.
const (
	// guessEvidence: the votes the winning language needs, one word only
	// it uses, or two it shares with one other language.
	guessEvidence = 1.0
	// guessMargin: the winner has at least this many times the votes of
	// the runner-up; else the text is mixed ("Re: Comment rembourser un
	// client? thanks for your help").
	guessMargin = 2.0
)

// LocaleGuesser tells which of a site's locales a text is written in. Only
// locales whose language the search analysis has stop words for can be
// guessed (English, French, German, Spanish, Italian, Portuguese, Dutch and
// the others of languages_table.go); text in another language, or that
// does not say clearly, is left to the caller's default. It is safe for
// concurrent use.
type LocaleGuesser struct {
	// locales are the candidates, one per language: the default locale
	// for its language, else the first configured locale of it.
	locales       []string
	defaultLocale string
	// votes maps a folded stop word to the candidates listing it.
	votes map[string][]int
	// content holds, for each candidate, the analysis and vocabulary of
	// its articles (nil entries for a locale without articles); nil for
	// a guesser of stop words only.
	content []*localeIndex
}

// LocaleGuesser returns the guesser of the index's site (its default
// locale and locales, see NewLocaleGuesser) that, when the stop words do
// not say, reads the words only one locale's articles use.
func (ix *Index) LocaleGuesser() *LocaleGuesser {
	g := NewLocaleGuesser(ix.defaultLocale, ix.view.Lib.Config.Locales)
	g.content = make([]*localeIndex, len(g.locales))
	for i, loc := range g.locales {
		g.content[i] = ix.locales[loc]
	}
	return g
}

// NewLocaleGuesser returns the guesser of a site with these locales and
// this default locale (which need not be repeated in locales).
func NewLocaleGuesser(defaultLocale string, locales []string) *LocaleGuesser {
	g := &LocaleGuesser{defaultLocale: defaultLocale, votes: map[string][]int{}}
	seen := map[string]bool{}
	for _, loc := range append([]string{defaultLocale}, locales...) {
		lang := guessLanguage(loc)
		if loc == "" || seen[lang] {
			continue
		}
		seen[lang] = true
		words := guessWords(lang)
		if len(words) == 0 {
			continue
		}
		i := len(g.locales)
		g.locales = append(g.locales, loc)
		for _, w := range words {
			if l := g.votes[w]; len(l) == 0 || l[len(l)-1] != i {
				g.votes[w] = append(l, i)
			}
		}
	}
	return g
}

// guessLanguage is the language of a locale, Norwegian and Indonesian
// aliases resolved as analysisOf resolves them.
func guessLanguage(locale string) string {
	switch lang := i18n.Language(locale); lang {
	case "nb", "nn":
		return "no"
	case "in":
		return "id"
	default:
		return lang
	}
}

// guessWords returns the folded stop words of a language: those the index
// analyses it with (for English the whole Snowball list: the words search
// keeps for their meaning, "not", "up", are English all the same) and the
// ticket words of ticketStops. None for a language without a stop list.
func guessWords(lang string) []string {
	var lists [][]byte
	switch lang {
	case "en":
		lists = [][]byte{en.EnglishStopWords, []byte(englishExtraStops)}
	case "fr":
		lists = [][]byte{fr.FrenchStopWords, []byte(frenchExtraStops)}
	default:
		if la, ok := languages()[lang]; ok && len(la.stops) > 0 {
			lists = [][]byte{la.stops}
		}
	}
	if len(lists) == 0 {
		return nil
	}
	var extra []string
	for w := range ticketStops[lang] {
		extra = append(extra, w)
	}
	lists = append(lists, []byte(strings.Join(extra, "\n")))
	words := foldedStops("", lists...)
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w.(string)
	}
	return out
}

// hyphenLetter is a letter standing alone before a hyphen and a word of
// two letters or more: "e-bike", "E-mail", "x-ray".
var hyphenLetter = regexp.MustCompile(`(^|[^\p{L}\p{M}\p{N}'-])(\p{L})-(\p{L}\p{L})`)

// GuessLocale returns the locale whose language a ticket's subject and the
// start of its body are clearly written in, or "" for the default locale's
// language and when they do not say:
// no stop word of any candidate language (short subjects such as
// "Invoice", numbers only, text in a language without a stop list), or
// words of several languages in close numbers. Words with a digit ("D5",
// "C210", "E12") are models and codes, no language's. A guesser made by
// Index.LocaleGuesser then reads, when no stop word said anything, the
// words only one locale's articles use ("Carte bloquée" on a site whose
// French articles say "bloquée" and "carte"), and as well when the stop
// words were all shared by languages and did not decide ("was" is English
// and German). Only the site's locales are
// ever returned.
func (g *LocaleGuesser) GuessLocale(subject, body string) string {
	if len(g.locales) < 2 {
		return "" // nothing to choose between
	}
	score := make([]float64, len(g.locales))
	ownScore := make([]float64, len(g.locales)) // the stop words one language has alone
	own := false                                // some stop word is one language's alone
	vote := func(w string) bool {
		ls := g.votes[w]
		if len(ls) == len(g.locales) {
			// Every candidate lists it ("urgent", "support", "question"
			// in English and French): a stop word that tells no language
			// apart, so no evidence that would keep the content words
			// from deciding ("Urgent : imprimante bruyante").
			return true
		}
		for _, i := range ls {
			score[i] += 1 / float64(len(ls))
		}
		if len(ls) == 1 {
			own = true
			ownScore[ls[0]]++
		}
		return len(ls) > 0
	}
	text := subject + "\n" + site.FirstWords(body, linkBodyWords)
	// A letter a hyphen joins to a word is part of that word ("e-bike",
	// "e-mail"), no Spanish "e"; "a-t-il" keeps its words.
	text = hyphenLetter.ReplaceAllString(text, "$1$2$3")
	toks := strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(text, "’", "'")), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) && r != '\''
	})
	for k, tok := range toks {
		tok = strings.Trim(tok, "'")
		if utf8.RuneCountInString(tok) == 1 && k+1 < len(toks) && strings.Trim(toks[k+1], "0123456789") == "" {
			continue // the letter of a code typed with a space ("E 12"), no Spanish "e"
		}
		if tok == "" || hasDigit(tok) || vote(tok) {
			// A word with a digit is a model or a code of any language
			// (the "D" of "D5" is no French "d'"); a stop word with its
			// apostrophe ("don't", "it's") and a word as accented ("à"
			// is French, where "a" is English too) have voted.
			continue
		}
		if f := textnorm.Fold(tok); f != tok {
			if tok = f; vote(tok) {
				continue // typed with an accent no stop list has
			}
		}
		// An elided word counts by its article or pronoun ("l'abonnement",
		// "s'allume", "dell'ordine"); what follows the apostrophe only when
		// it is more than a letter (the "s" of "client's" is not French).
		parts := strings.Split(tok, "'")
		for k, p := range parts {
			if k == 0 || len(p) > 1 {
				vote(p)
			}
		}
	}
	loc, ok := g.decide(score)
	if !ok {
		// The words languages share ("la", "a") did not decide, but only
		// one language has words of its own, and it leads: those words
		// tell the languages apart ("non riesco a ricaricare la tessera"
		// is Italian, though French has "la" and "a" too; it took the
		// default locale; rv21b).
		if i, ok2 := soleOwner(score, ownScore); ok2 {
			loc, ok = g.locales[i], true
			if loc == g.defaultLocale {
				loc = ""
			}
		}
	}
	var said float64
	for _, s := range score {
		said += s
	}
	if ok || g.content == nil || said >= guessEvidence && own {
		return loc // stop words decided, or said too much to be overruled
	}
	// The stop words say nothing, or only words languages share ("was"
	// is English and German: "Kamerabild unscharf - was tun?" took the
	// default locale on a Spanish, English and German site): the words
	// of one locale's content.
	clear(score)
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) }) {
		var in []int
		for i, li := range g.content {
			if li != nil && li.usesWord(w) {
				in = append(in, i)
			}
		}
		if len(in) == 0 {
			// A word no article writes: the locales whose articles
			// write the verb it is a form of, as search reads it (a
			// German "Stornierung" took the default locale; rv20l).
			for i, li := range g.content {
				if li != nil && li.usesVerbOf(w) {
					in = append(in, i)
				}
			}
		}
		if len(in) == 1 {
			score[in[0]]++
		}
	}
	loc, _ = g.decide(score)
	return loc
}

// soleOwner returns the language that alone has stop words of its own
// (ownScore, at least guessEvidence) when it also has the best score.
func soleOwner(score, ownScore []float64) (int, bool) {
	owner := -1
	for i, o := range ownScore {
		if o == 0 {
			continue
		}
		if owner >= 0 {
			return 0, false // two languages have words of their own
		}
		owner = i
	}
	if owner < 0 || ownScore[owner] < guessEvidence {
		return 0, false
	}
	for i, s := range score {
		if i != owner && s >= score[owner] {
			return 0, false
		}
	}
	return owner, true
}

// decide returns the locale of the best score and true when it wins by
// guessEvidence and guessMargin ("" for the default locale); "" and false
// when nothing wins.
func (g *LocaleGuesser) decide(score []float64) (string, bool) {
	best, second := -1, 0.0
	for i, s := range score {
		switch {
		case best < 0 || s > score[best]:
			if best >= 0 {
				second = score[best]
			}
			best = i
		case s > second:
			second = s
		}
	}
	if score[best] < guessEvidence || score[best] < guessMargin*second {
		return "", false
	}
	if g.locales[best] == g.defaultLocale {
		return "", true
	}
	return g.locales[best], true
}

// usesWord reports whether some article of the locale holds word (as
// typed, analysed as the locale's text: "bloquée" is "bloqu"); a stop
// word, a number or a word of fewer than four letters says nothing.
func (li *localeIndex) usesWord(word string) bool {
	if utf8.RuneCountInString(word) < 4 {
		return false
	}
	toks := li.an.text.Analyze([]byte(word))
	if len(toks) != 1 {
		return false
	}
	return li.vocab[string(toks[0].Term)] > 0
}

// usesVerbOf reports whether word, which no article of the locale holds,
// is a form of a verb some article writes, as search reads it
// ("Stornierung", "gebucht": "stornieren", "buchen").
func (li *localeIndex) usesVerbOf(word string) bool {
	if utf8.RuneCountInString(word) < 4 {
		return false
	}
	toks, plain := li.an.text.Analyze([]byte(word)), li.an.plain.Analyze([]byte(word))
	return len(toks) == 1 && len(plain) == 1 && len(li.verbForms(string(plain[0].Term), string(toks[0].Term), false)) > 0
}
