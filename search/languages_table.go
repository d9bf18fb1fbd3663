package search

import (
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/analysis/lang/bg"
	"github.com/blevesearch/bleve/v2/analysis/lang/ca"
	"github.com/blevesearch/bleve/v2/analysis/lang/ckb"
	"github.com/blevesearch/bleve/v2/analysis/lang/cs"
	"github.com/blevesearch/bleve/v2/analysis/lang/da"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/lang/el"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/lang/eu"
	"github.com/blevesearch/bleve/v2/analysis/lang/fa"
	"github.com/blevesearch/bleve/v2/analysis/lang/fi"
	"github.com/blevesearch/bleve/v2/analysis/lang/ga"
	"github.com/blevesearch/bleve/v2/analysis/lang/gl"
	"github.com/blevesearch/bleve/v2/analysis/lang/hi"
	"github.com/blevesearch/bleve/v2/analysis/lang/hr"
	"github.com/blevesearch/bleve/v2/analysis/lang/hu"
	"github.com/blevesearch/bleve/v2/analysis/lang/hy"
	"github.com/blevesearch/bleve/v2/analysis/lang/id"
	"github.com/blevesearch/bleve/v2/analysis/lang/it"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/analysis/lang/no"
	"github.com/blevesearch/bleve/v2/analysis/lang/pl"
	"github.com/blevesearch/bleve/v2/analysis/lang/pt"
	"github.com/blevesearch/bleve/v2/analysis/lang/ro"
	"github.com/blevesearch/bleve/v2/analysis/lang/ru"
	"github.com/blevesearch/bleve/v2/analysis/lang/sv"
	"github.com/blevesearch/bleve/v2/analysis/lang/tr"

	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/site/textnorm"
)

// langAnalysis is what bleve offers for one language beyond English and
// French (analysis.go): its stop words, the filters every analyzer of the
// locale runs after lower-casing (normalisation, elision), and the
// stemmer the full-text analyzer runs after the stop filter.
type langAnalysis struct {
	stops []byte // bleve's stop list, one word a line
	extra string // more stop words, space-separated (analysis.go)
	// keep: words of bleve's list that name something in a help center,
	// space-separated: Spanish "estado" is a form of "estar" and the
	// status of an order ("estado de tu pedido"; "estado tarjeta" was
	// answered as "tarjeta"); German "andern" and "andere", forms of
	// "ander" (other), are what "ändern" (to change) and "ändere" (I
	// change) are once folded ("Adresse ändern" was answered as
	// "Adresse", "ändern" alone as common words, and the ticket "Wie
	// ändere ich meine Adresse?" linked to the password article).
	keep string
	norm []string // filters after lower case, in every analyzer
	stem []string // filters after the stop filter, full text only
	// elided: words written with an apostrophe before the next word
	// ("l'", "quest'"), cut off it in every analyzer after norm; one word
	// a line, as bleve's lists
	elided []byte
	cjk    bool // Chinese, Japanese, Korean: ideographs in bigrams
}

// languages lists the languages bleve v2.6.1 has an analyzer or a stop
// list for, by ISO 639-1 code (and the Norwegian, Indonesian and Hebrew
// aliases). A locale of another language is indexed with the standard
// analysis (folding, lower case, compounds) and `guichet check` says so.
func languages() map[string]langAnalysis {
	return map[string]langAnalysis{
		"ar":  {stops: ar.ArabicStopWords, norm: []string{ar.NormalizeName}, stem: []string{ar.StemmerName}},
		"bg":  {stops: bg.BulgarianStopWords},
		"ca":  {stops: ca.CatalanStopWords, norm: []string{ca.ElisionName}},
		"ckb": {stops: ckb.SoraniStopWords, norm: []string{ckb.NormalizeName}, stem: []string{ckb.StemmerName}},
		"cs":  {stops: cs.CzechStopWords},
		"da":  {stops: da.DanishStopWords, stem: []string{da.SnowballStemmerName}},
		// German and Spanish normalisation (ae for ä…) runs with the stemmer:
		// the plain analyzer must fold exactly as textnorm.Fold.
		"de": {stops: de.GermanStopWords, extra: germanExtraStops, keep: "andern andere", stem: []string{de.NormalizeName, de.LightStemmerName}},
		"el": {stops: el.GreekStopWords},
		"es": {stops: es.SpanishStopWords, extra: spanishExtraStops, keep: "estado estados", stem: []string{es.NormalizeName, filterSpanishShort, es.LightStemmerName}},
		"eu": {stops: eu.BasqueStopWords},
		"fa": {stops: fa.PersianStopWords, norm: []string{ar.NormalizeName, fa.NormalizeName}},
		"fi": {stops: fi.FinnishStopWords, stem: []string{fi.SnowballStemmerName}},
		"ga": {stops: ga.IrishStopWords, norm: []string{ga.ElisionName}},
		"gl": {stops: gl.GalicianStopWords},
		"hi": {stops: hi.HindiStopWords, norm: []string{hi.NormalizeName}, stem: []string{hi.StemmerName}},
		"hr": {stops: hr.CroatianStopWords, stem: []string{hr.SuffixTransformationFilterName, hr.StemmerName}},
		"hu": {stops: hu.HungarianStopWords, stem: []string{hu.SnowballStemmerName}},
		"hy": {stops: hy.ArmenianStopWords},
		"id": {stops: id.IndonesianStopWords},
		"it": {stops: it.ItalianStopWords, extra: italianExtraStops, elided: italianElided(), stem: []string{filterItalianShort, it.LightStemmerName}},
		"nl": {stops: nl.DutchStopWords, stem: []string{filterDutchPlural, nl.SnowballStemmerName, filterDutchUndouble}},
		"no": {stops: no.NorwegianStopWords, stem: []string{no.SnowballStemmerName}},
		"pl": {stops: pl.PolishStopWords, stem: []string{pl.SnowballStemmerName}},
		"pt": {stops: pt.PortugueseStopWords, extra: portugueseExtraStops, stem: []string{filterPortuguesePlural, pt.LightStemmerName}},
		"ro": {stops: ro.RomanianStopWords, stem: []string{ro.SnowballStemmerName}},
		"ru": {stops: ru.RussianStopWords, stem: []string{ru.SnowballStemmerName}},
		"sv": {stops: sv.SwedishStopWords, stem: []string{sv.SnowballStemmerName}},
		"tr": {stops: tr.TurkishStopWords, stem: []string{tr.SnowballStemmerName}},
		"ja": {cjk: true},
		"zh": {cjk: true},
		"ko": {cjk: true},
	}
}

// analysisOf returns the analysis of a locale's language, resolving
// aliases (nb and nn are Norwegian, in is Indonesian).
func analysisOf(locale string) (langAnalysis, bool) {
	lang := i18n.Language(locale)
	switch lang {
	case "nb", "nn":
		lang = "no"
	case "in":
		lang = "id"
	}
	la, ok := languages()[lang]
	return la, ok
}

// HasAnalyzer reports whether search analyses locale's language with its
// own rules (stop words, stemming or CJK bigrams) rather than the standard
// analysis every language gets.
func HasAnalyzer(locale string) bool {
	switch i18n.Language(locale) {
	case "en", "fr":
		return true
	}
	_, ok := analysisOf(locale)
	return ok
}

// foldedStops returns the words of stop lists (bleve's format: a word or
// more a line, # comments), each also in its folded form: text is folded
// before the stop filter sees it.
func foldedStops(keep string, lists ...[]byte) []any {
	tm := analysis.NewTokenMap()
	for _, list := range lists {
		if err := tm.LoadBytes(list); err != nil {
			return nil
		}
	}
	for _, w := range strings.Fields(keep) {
		delete(tm, w)
	}
	out := make([]any, 0, 2*len(tm))
	for w := range tm {
		out = append(out, w)
		if f := textnorm.Fold(w); f != w && !tm[f] {
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b any) int { return strings.Compare(a.(string), b.(string)) })
	return out
}
