package search

import (
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/lang/it"
	"github.com/blevesearch/bleve/v2/analysis/token/edgengram"
	"github.com/blevesearch/bleve/v2/analysis/token/elision"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/analysis/tokenmap"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/guichet/guichet/site/i18n"
)

// mappingVersion is part of every on-disk index key: bump it whenever the
// analyzers, the fields or the way documents are built change, so that old
// indexes are rebuilt instead of reused (10: stable document IDs, term
// counts per field; 11: prefixes of stems whose beginning the stemmer
// removed, in the autocomplete fields; 12: contractions typed without
// their apostrophe are stop words; 13: a colon between letters separates
// words, words with full stops are compounds, Arabic letter variants are
// folded; 14: a full stop between a digit and a letter is inside a word,
// "relais2.exe"; 16: French request words, "être", "besoin" and the
// conditionals, are stop words; 17: Italian and Spanish question, request
// and greeting words are stop words; 18: Italian words of five letters lose
// their ending of number and gender; 19: Portuguese and German question,
// request and greeting words are stop words; 20: Italian elides
// demonstratives and question words too, "quest'", "dov'"; 21: Italian
// words of five letters keep their gender, "posto" is no "posta"; 22:
// "thx", "merci beaucoup", "s'il vous plaît" are stop words; 23: English
// irregular plurals are their singular, "children" is "child"; 24: and
// irregular pasts their verb, "paid" is "pay"; 25: Spanish "estado" is
// no stop word; 26: Portuguese plurals in -ões are their singular in -ão,
// "devoluções" is "devolução"; 27: Dutch plurals in 's, "foto's" and
// "fotos", are their singular; 28: Spanish words of four letters meet
// their plural, "pago" and "pagos", "día" and "días"; 29: German
// "ändern" is no stop word; 30: nor is "ändere"; 31: "how much",
// "cuánto", "quanto", "wieviel", is a question word).
const mappingVersion = "guichet-search-31"

// Index fields. Content fields use the locale's full analyzer (stemming,
// stop words); the autocomplete fields hold edge n-grams of unstemmed words.
const (
	fieldTitle    = "title"
	fieldKeywords = "keywords"
	// fieldMore holds headings, description and tags: one field rather
	// than three, because bleve multiplies the score of a word by the
	// share of its per-field clauses that match (coordination), which
	// would favour a word spread thinly over many fields over a word in
	// the title.
	fieldMore    = "more"
	fieldBody    = "body"
	fieldTitleAC = "title_ac" // edge n-grams of the title
	fieldMoreAC  = "more_ac"  // edge n-grams of headings, keywords and tags
	// fieldPhrases holds each keyword and tag of several words as one
	// token, its analysed terms joined by phraseSep, so that a query
	// containing a whole keyword phrase ("double booked appointments")
	// outranks articles that merely use its words here and there; and
	// likewise each pair of consecutive terms of the title.
	fieldPhrases = "phrases"
	phraseSep    = "_"
)

// contentFields lists the fields analysed with the locale's full analyzer;
// their terms make up the vocabulary used for typo tolerance.
func contentFields() []string {
	return []string{fieldTitle, fieldKeywords, fieldMore, fieldBody}
}

// Analyzer names inside a locale's mapping.
const (
	analyzerText    = "guichet_text"    // full: folding, stop words, stemming
	analyzerPlain   = "guichet_plain"   // folding and lower case only: query words
	analyzerAC      = "guichet_ac"      // plain + edge n-grams: autocomplete fields
	analyzerPhrase  = "guichet_phrase"  // whitespace only: pre-analysed phrases
	filterElided    = "guichet_elided"  // the words a locale writes elided (quest', dov')
	filterElision   = "guichet_elision" // cuts them off the word after them
	filterStop      = "guichet_stop"    // the locale's stop words, when customised
	filterEdgeNgram = "guichet_edge"    // edge n-gram token filter
	charFilterFold  = "guichet_fold"    // textnorm.Fold: the one text normalisation
	tokenizerWords  = "guichet_words"   // Unicode words plus joined hyphenated compounds
	maxNgram        = 20                // longest autocomplete prefix indexed
	ngramFilterMin  = float64(1)        // shortest prefix indexed
	ngramFilterMax  = float64(maxNgram) // as float64 for the registry config
)

// analyzers holds the analyzers of one locale.
type analyzers struct {
	text   analysis.Analyzer
	plain  analysis.Analyzer
	ac     analysis.Analyzer
	phrase analysis.Analyzer
}

// englishKeep are words of the Snowball English stop list that carry the
// meaning of help-center queries: "is Relais down", "sign out other
// devices", "emails not arriving", "no-show", "charged after cancelling".
var englishKeep = map[string]bool{
	"up": true, "down": true, "out": true, "off": true, "over": true, "under": true,
	"no": true, "not": true, "before": true, "after": true, "against": true,
	"all": true, "other": true, "more": true, "same": true, "only": true, "own": true, "few": true,
}

// englishExtraStops are modal verbs and words of questions and chat that
// say nothing about the answer, and contractions the tokenizer keeps whole,
// also as customers type them without the apostrophe ("cant sign in" is
// "can't sign in", not a word to find in every suggestion); "im" and "id"
// are left out: IM and ID are words of help centers.
const englishExtraStops = `can will may might must shall want need please hi hello thanks thank thx anyone somebody someone
can't don't doesn't didn't isn't aren't wasn't weren't won't wouldn't couldn't shouldn't haven't hasn't
cant dont doesnt didnt isnt arent wasnt werent wont wouldnt couldnt shouldnt havent hasnt
i'm i've i'd it's that's what's there's ive thats whats theres`

// englishStops returns the English stop words: the Snowball list without
// englishKeep, plus englishExtraStops.
func englishStops() []any {
	tm := analysis.NewTokenMap()
	if err := tm.LoadBytes(en.EnglishStopWords); err != nil {
		return nil
	}
	tm.LoadLine(englishExtraStops)
	out := make([]any, 0, len(tm))
	for w := range tm {
		if !englishKeep[w] {
			out = append(out, w)
		}
	}
	slices.SortFunc(out, func(a, b any) int { return strings.Compare(a.(string), b.(string)) })
	return out
}

// frenchExtraStops are the French words of questions and chat that say
// nothing about the answer, as englishExtraStops and the question words of
// the English list ("how", "why", "where", "do") are in English.
// The Snowball list has the forms of "être" but not the infinitive, which
// requests are written with ("je voudrais être remboursé"), as English
// ones with "be"; "besoin" is "need", and the conditionals of pouvoir,
// vouloir and aimer are "could" and "would".
const frenchExtraStops = `comment pourquoi quand quoi lequel laquelle lesquels faire fais fait font peux peut pouvez peuvent
puis dois doit devez faut veux voulez voudrais voudrait bonjour merci beaucoup plaît svp stp
être besoin pouvons voulons pourrais pourrait pourrions pourriez voudrions voudriez aimerais aimerait aimerions aimeriez`

// italianExtraStops and spanishExtraStops are the words of questions,
// requests and greetings the Snowball lists leave out, as frenchExtraStops
// are in French: question words ("quando", "cuándo", "cuánto", "cosa"), the present
// and conditional of potere/poder, volere/querer, dovere/deber, riuscire
// and necesitar ("can", "want", "need", "would"), "bisogno" ("need"),
// greetings, thanks and "per favore"/"por favor". Their forms without
// accents are added by foldedStops.
const italianExtraStops = `quando cosa qual quali posso puoi può possiamo potete possono potrei potresti potrebbe potremmo potreste
voglio vuoi vuole vogliamo volete vogliono vorrei vorresti vorrebbe vorremmo vorreste devo devi deve dobbiamo dovete devono dovrei
riesco riesci riesce riusciamo riuscite riescono bisogno ciao salve buongiorno buonasera grazie favore cortesemente gentilmente`

const spanishExtraStops = `cómo cuándo dónde cuál cuáles cuánto cuánta cuántos cuántas puedo puedes puede podemos podéis pueden podría podrías podríamos podrían
quiero quieres quiere queremos queréis quieren quisiera querría debo debes debe debemos deben debería necesito necesitas necesita
necesitamos necesitan hola buenas buenos gracias favor saludos`

// portugueseExtraStops and germanExtraStops are the same words in
// Portuguese and German that the Snowball lists leave out (they have
// "como", "quando", "wo", "wie", "kann", "will"): question words, the
// present and conditional of poder, conseguir, querer, gostar, precisar,
// dever, möchten, können, brauchen, greetings and thanks. Greetings that
// are also words of help questions stay words: "dia" and "tarde" (day,
// late), "Tag" and "Morgen" (day, tomorrow).
const portugueseExtraStops = `onde quais quanto quanta quantos quantas posso pode podemos podem poderia poderiam consigo consegue conseguimos quero queria quer queremos querem
gostaria gostaríamos preciso precisa precisamos precisam devo deve olá oi obrigado obrigada obrigados valeu favor`

const germanExtraStops = `wann warum weshalb wieso wieviel wieviele möchte möchten möchtest könnte könnten kannst brauche brauchen hallo hi hey moin servus
guten danke dankeschön dank vielen bitte gerne grüße gruß`

// italianElided returns bleve's Italian elided articles and the other
// words Italian writes elided before a vowel, which bleve's list leaves
// out: demonstratives and adjectives ("quest'anno", "quell'ufficio",
// "nessun'altra", "buon'ora", "sant'", "tutt'", "mezz'"), "anch'", "senz'",
// and the question words of "dov'è", "com'è", "cos'è", "quand'è"
// ("qual è" is written without one, and often with: "qual'è"). Without
// them "quest'ufficio" was one word no article has.
func italianElided() []byte {
	return append(append([]byte{}, it.ItalianArticles...), []byte(`
quest
quell
nessun
buon
bell
sant
tutt
mezz
anch
senz
dov
com
cos
quand
qual
`)...)
}

// frenchStops returns the Snowball French stop words and frenchExtraStops,
// with their forms without accents (foldedStops): accents are folded before
// the stop filter sees a word, so "ça" and "été" arrive as "ca" and "ete".
func frenchStops() []any {
	return foldedStops("", fr.FrenchStopWords, []byte(frenchExtraStops))
}

// The char filter and tokenizer are registered by name because an index
// reopened from disk rebuilds its analyzers from the names in its stored
// mapping.
func init() {
	if err := registry.RegisterCharFilter(charFilterFold, func(map[string]any, *registry.Cache) (analysis.CharFilter, error) {
		return foldFilter{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenizer(tokenizerWords, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
		return compoundTokenizer{words: unicode.NewUnicodeTokenizer()}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenFilter(filterItalianShort, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return italianShort{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenFilter(filterSpanishShort, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return spanishShort{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenFilter(filterPortuguesePlural, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return portuguesePlural{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenFilter(filterEnglishIrregular, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return englishIrregular{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenFilter(filterDutchPlural, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return dutchPlural{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenFilter(filterDutchUndouble, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return dutchUndouble{}, nil
	}); err != nil {
		panic(err)
	}
}

// newMapping returns the index mapping of one locale. The analyzers are
// defined in the mapping, so an index reopened from disk carries the
// analyzers it was built with. Documents are indexed with IndexAdvanced, so
// the mapping serves to name and construct analyzers, not to map structs.
//
// Other languages bleve knows (languages_table.go): their normalisation,
// elision, stop words and stemmer; Chinese, Japanese and Korean: ideograph
// bigrams. The rest: lower case only.
//
// English: possessive, lower case, English stop words, irregular plurals
// as their singular (englishIrregular), Snowball (Porter2) stemming. French: lower case, elision (l', d'…), French stop words, French
// light stemmer. Other languages: lower case only. All run the text through
// textnorm.Fold first (NFC, invisible characters removed, case and accents
// folded), so "annule", "ANNULÉ" and "annul\u00ADé" are the same term, and
// all split words with compoundTokenizer, so "Wi-Fi" is indexed as "wi",
// "fi" and "wifi".
func newMapping(locale string) (*mapping.IndexMappingImpl, error) {
	m := mapping.NewIndexMapping()
	var pre, post []any // filters before lower-casing and after it (text only)
	var norm []any      // filters after lower-casing, in every analyzer
	la, known := analysisOf(locale)
	switch i18n.Language(locale) {
	case "en":
		pre = []any{en.PossessiveName}
		post = []any{filterStop, filterEnglishIrregular, en.SnowballStemmerName}
		if err := m.AddCustomTokenMap(filterStop, map[string]any{"type": tokenmap.Name, "tokens": englishStops()}); err != nil {
			return nil, fmt.Errorf("search: mapping %s: %w", locale, err)
		}
		if err := m.AddCustomTokenFilter(filterStop, map[string]any{"type": stop.Name, "stop_token_map": filterStop}); err != nil {
			return nil, fmt.Errorf("search: mapping %s: %w", locale, err)
		}
	case "fr":
		pre = nil
		post = []any{filterStop, fr.LightStemmerName}
		if err := m.AddCustomTokenMap(filterStop, map[string]any{"type": tokenmap.Name, "tokens": frenchStops()}); err != nil {
			return nil, fmt.Errorf("search: mapping %s: %w", locale, err)
		}
		if err := m.AddCustomTokenFilter(filterStop, map[string]any{"type": stop.Name, "stop_token_map": filterStop}); err != nil {
			return nil, fmt.Errorf("search: mapping %s: %w", locale, err)
		}
	default:
		switch {
		case known && la.cjk:
			// Ideographs have no spaces between words: index each pair.
			pre = []any{cjk.WidthName}
			norm = []any{cjk.BigramName}
		case known:
			if la.elided != nil {
				if err := m.AddCustomTokenMap(filterElided, map[string]any{"type": tokenmap.Name, "tokens": foldedStops("", la.elided)}); err != nil {
					return nil, fmt.Errorf("search: mapping %s: %w", locale, err)
				}
				if err := m.AddCustomTokenFilter(filterElision, map[string]any{"type": elision.Name, "articles_token_map": filterElided}); err != nil {
					return nil, fmt.Errorf("search: mapping %s: %w", locale, err)
				}
				norm = append(norm, filterElision)
			}
			for _, f := range la.norm {
				norm = append(norm, f)
			}
			post = []any{filterStop}
			for _, f := range la.stem {
				post = append(post, f)
			}
			if err := m.AddCustomTokenMap(filterStop, map[string]any{"type": tokenmap.Name, "tokens": foldedStops(la.keep, la.stops, []byte(la.extra))}); err != nil {
				return nil, fmt.Errorf("search: mapping %s: %w", locale, err)
			}
			if err := m.AddCustomTokenFilter(filterStop, map[string]any{"type": stop.Name, "stop_token_map": filterStop}); err != nil {
				return nil, fmt.Errorf("search: mapping %s: %w", locale, err)
			}
		}
	}
	plain := append(append([]any{}, pre...), lowercase.Name)
	if i18n.Language(locale) == "fr" {
		plain = append(plain, fr.ElisionName)
	}
	plain = append(plain, norm...)
	text := append(append([]any{}, plain...), post...)
	ac := append(append([]any{}, plain...), filterEdgeNgram)
	if known && la.cjk {
		// Prefixes of the words as written, not of ideograph pairs.
		ac = []any{cjk.WidthName, lowercase.Name, filterEdgeNgram}
	}

	if err := m.AddCustomTokenFilter(filterEdgeNgram, map[string]any{
		"type": edgengram.Name, "back": false, "min": ngramFilterMin, "max": ngramFilterMax,
	}); err != nil {
		return nil, fmt.Errorf("search: mapping %s: %w", locale, err)
	}
	for name, filters := range map[string][]any{analyzerText: text, analyzerPlain: plain, analyzerAC: ac} {
		err := m.AddCustomAnalyzer(name, map[string]any{
			"type":          custom.Name,
			"char_filters":  []any{charFilterFold},
			"tokenizer":     tokenizerWords,
			"token_filters": filters,
		})
		if err != nil {
			return nil, fmt.Errorf("search: mapping %s: analyzer %s: %w", locale, name, err)
		}
	}
	if err := m.AddCustomAnalyzer(analyzerPhrase, map[string]any{
		"type":      custom.Name,
		"tokenizer": whitespace.Name,
	}); err != nil {
		return nil, fmt.Errorf("search: mapping %s: analyzer %s: %w", locale, analyzerPhrase, err)
	}
	m.DefaultAnalyzer = analyzerText
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m, nil
}

// loadAnalyzers constructs the analyzers named in a locale's mapping.
func loadAnalyzers(m mapping.IndexMapping) (analyzers, error) {
	var a analyzers
	for _, x := range []struct {
		name string
		dst  *analysis.Analyzer
	}{{analyzerText, &a.text}, {analyzerPlain, &a.plain}, {analyzerAC, &a.ac}, {analyzerPhrase, &a.phrase}} {
		an := m.AnalyzerNamed(x.name)
		if an == nil {
			return a, fmt.Errorf("search: analyzer %s missing from mapping", x.name)
		}
		*x.dst = an
	}
	return a, nil
}
