package gaps

import (
	"strings"
	"sync"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/site/textnorm"
)

// Analyzer reads a query in a locale the way search reads it (package
// search implements it with the index's analyzers and synonyms.yaml).
type Analyzer interface {
	// Analyze returns text's words and terms. An unknown locale is read
	// as the default one.
	Analyze(locale, text string) Analysis
	// Spread is the share of the locale's published articles that hold a
	// term of Analyze, from 0 (the content does not use it) to 1: a word
	// most articles use says little about what a query asks. Articles
	// is how many there are.
	Spread(locale, term string) float64
	Articles(locale string) int
}

// VerbFormer is an Analyzer that also reads a word as the other forms of
// its verb the content writes, as search does (search.Analyzer): the
// answered check counts "cambiare" of a query as held by an article that
// writes "cambio".
type VerbFormer interface {
	// VerbForms returns the terms the content writes for other forms of
	// the verb word (folded, as typed; term its analysed term) is a form
	// of; nil when none.
	VerbForms(locale, word, term string) []string
}

// Analysis is a query as search reads it.
type Analysis struct {
	// Words are the words as typed, folded and lower-cased, each with the
	// term it stands for.
	Words []Word
	// Terms carry the meaning, in order: the words' terms without stop
	// words, a run of words equal to a synonym entry replaced by its
	// group's token (a term starting with "~").
	Terms []string
}

// Word is one word of a query.
type Word struct {
	Plain string // folded and lower-cased, as typed
	Term  string // its analysed term (stem); "" for a stop word
	// Synonym: the word is part of a run that a synonyms.yaml entry
	// matched (its group's token is among the Terms): a word of the
	// writers' vocabulary, no typo of another ("eticket" for "e-ticket"
	// is no misspelling of "ticket").
	Synonym bool
}

// plainAnalyzer stands in when no analyzer is given: normalised words,
// each its own term.
type plainAnalyzer struct{}

func (plainAnalyzer) Spread(_, _ string) float64 { return 0 }
func (plainAnalyzer) Articles(string) int        { return 0 }

func (plainAnalyzer) Analyze(_, text string) Analysis {
	var a Analysis
	for _, w := range strings.Fields(textnorm.Key(text)) {
		a.Words = append(a.Words, Word{Plain: w, Term: w})
		a.Terms = append(a.Terms, w)
	}
	return a
}

// lightWords are words of queries that say something is wrong, or how,
// rather than what: they appear in the failed searches of every topic
// ("payment failed", "wifi not working", "can't get my ticket"). By
// language, folded and lower-cased as Word.Plain: the complaint words
// search reads past in tickets (i18n.ComplaintWords), and the verbs any
// topic's query may use (genericVerbs). They weigh little when grouping;
// frequency among the failed queries finds the others.
var lightWords = func() map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, lang := range []string{"en", "fr", "de", "nl", "es", "it", "pt"} {
		m := map[string]bool{}
		for w := range i18n.ComplaintWords(lang) {
			m[w] = true
		}
		for w := range genericVerbs[lang] {
			m[w] = true
		}
		out[lang] = m
	}
	return out
}()

// genericVerbs are, by language, the verbs a query about any topic may
// use ("get my refund", "can't find my ticket", "parcel not received",
// "app not working"), folded and lower-cased as Word.Plain. "Work" weighs
// little in a failed search, but ticket linking keeps it ("working
// hours"): it is no complaint word.
var genericVerbs = map[string]map[string]bool{
	"en": wordSet(`work works working worked get gets getting got take takes taking took make makes making made use using used bring put find see go going
		receive receives received receiving arrive arrives arrived arriving`),
	"fr": wordSet(`faire fait prendre mettre utiliser trouver voir aller avoir obtenir
		recu recue recus recues recevoir arrive arrivee arrives arrivees arrivent`),
	"de": wordSet(`machen macht mache bekommen bekomme finden finde benutzen nutzen
		erhalten erhalte erhielt angekommen ankommen`),
	"nl": wordSet(`doen maken krijgen krijg kreeg vinden vind gebruiken
		ontvangen ontvang aangekomen aankomen binnengekomen`),
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// MeaningKey returns the key of a text's meaning in locale as a gap's
// phrasings have it (Gap.Key): its terms, sorted, each once; the words
// themselves for a text of stop words only. Typos and compounds are not
// fixed: that needs the other failed queries. Text is read as meaningText
// reads it.
func MeaningKey(an Analyzer, locale, text string) string {
	a := an.Analyze(locale, meaningText(text))
	return keyOf(a, a.Terms)
}

// QuestionKey returns MeaningKey without the numbers that name one
// customer's case (site.Reference: the "4821" of "Where is order 4821?"),
// as the report groups phrasings: the question whoever asks it, so that
// "Where is order 5555?" has the key of "Where is order 4821?". Codes stay
// ("error E42" and "error E43" keep two keys).
func QuestionKey(an Analyzer, locale, text string) string {
	a := an.Analyze(locale, meaningText(text))
	return keyOf(a, dropReferences(a.Words, a.Terms))
}

// keyOf joins terms, a's terms or some of them, sorted and each once; a's
// words themselves when there are none.
func keyOf(a Analysis, terms []string) string {
	if len(terms) == 0 {
		terms = nil // a new slice: analyses are shared
		for _, w := range a.Words {
			terms = append(terms, "="+w.Plain)
		}
	}
	return strings.Join(sortedSet(terms), " ")
}

// meaningText is the text of a phrasing whose meaning is read: its first
// maxQueryWords words, the placeholders of redacted numbers read as a
// number (site.RedactedAsNumbers), so that "[number]" is no word two
// phrasings share ("KB[number] patch" and "error [number] update" asked
// nothing alike), without the greetings that open it and the sign-offs
// that close it, as search reads them (textnorm.TrimCourtesy): "bom dia,
// estorno" and "bom dia, erro E-15" share no word.
func meaningText(text string) string {
	return site.FirstWords(site.RedactedAsNumbers(textnorm.TrimCourtesy(text)), maxQueryWords)
}

// maxCachedAnalyses bounds the analyses a cachedAnalyzer keeps (about 450
// bytes each: 80 MB for the 179,000 failed phrasings of a million
// searches).
const maxCachedAnalyses = 1 << 19

// cachedAnalyzer keeps the analysis of each text it was asked for: most of
// a report's phrasings were in the previous report too, and analysing
// them is a good part of its work. The analyses are those of one
// analyzer: a new content publication brings a new cachedAnalyzer. Once
// full, it stops keeping new texts (they are still analysed).
type cachedAnalyzer struct {
	Analyzer
	mu sync.RWMutex
	m  map[cacheKey]Analysis
}

type cacheKey struct{ locale, text string }

func newCachedAnalyzer(a Analyzer) *cachedAnalyzer {
	return &cachedAnalyzer{Analyzer: a, m: map[cacheKey]Analysis{}}
}

// VerbForms is the analyzer's (see VerbFormer); nil when it reads no
// verb forms.
func (c *cachedAnalyzer) VerbForms(locale, word, term string) []string {
	if vf, ok := c.Analyzer.(VerbFormer); ok {
		return vf.VerbForms(locale, word, term)
	}
	return nil
}

func (c *cachedAnalyzer) Analyze(locale, text string) Analysis {
	k := cacheKey{locale, text}
	c.mu.RLock()
	a, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return a
	}
	a = c.Analyzer.Analyze(locale, text)
	c.mu.Lock()
	if len(c.m) < maxCachedAnalyses {
		c.m[k] = a
	}
	c.mu.Unlock()
	return a
}

// lookup fills out with the analyses kept of the texts of in, and returns
// the indexes of those it has none of.
func (c *cachedAnalyzer) lookup(locale string, in []meaningInput, out []Analysis) (missing []int) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	for i, m := range in {
		a, ok := c.m[cacheKey{locale, m.text}]
		if !ok {
			missing = append(missing, i)
			continue
		}
		out[i] = a
	}
	return missing
}

// keep keeps the analyses of the texts of in (while there is room).
func (c *cachedAnalyzer) keep(locale string, in []meaningInput, analyses []Analysis) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, m := range in {
		if len(c.m) >= maxCachedAnalyses {
			return
		}
		c.m[cacheKey{locale, m.text}] = analyses[i]
	}
}
