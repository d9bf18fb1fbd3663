package search

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/token/edgengram"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// mappingVersion is part of every on-disk index key: bump it whenever the
// analyzers, the fields or the way documents are built change, so that old
// indexes are rebuilt instead of reused.
const mappingVersion = "guichet-search-3"

// Index fields. Content fields use the locale's full analyzer (stemming,
// stop words); the autocomplete fields hold edge n-grams of unstemmed words.
const (
	fieldTitle       = "title"
	fieldKeywords    = "keywords"
	fieldTags        = "tags"
	fieldHeadings    = "headings"
	fieldDescription = "description"
	fieldBody        = "body"
	fieldTitleAC     = "title_ac" // edge n-grams of the title
	fieldMoreAC      = "more_ac"  // edge n-grams of headings, keywords and tags
)

// contentFields lists the fields analysed with the locale's full analyzer;
// their terms make up the vocabulary used for typo tolerance.
func contentFields() []string {
	return []string{fieldTitle, fieldKeywords, fieldTags, fieldHeadings, fieldDescription, fieldBody}
}

// Analyzer names inside a locale's mapping.
const (
	analyzerText    = "guichet_text"    // full: folding, stop words, stemming
	analyzerPlain   = "guichet_plain"   // folding and lower case only: query words
	analyzerAC      = "guichet_ac"      // plain + edge n-grams: autocomplete fields
	filterEdgeNgram = "guichet_edge"    // edge n-gram token filter
	maxNgram        = 20                // longest autocomplete prefix indexed
	ngramFilterMin  = float64(1)        // shortest prefix indexed
	ngramFilterMax  = float64(maxNgram) // as float64 for the registry config
)

// analyzers holds the analyzers of one locale.
type analyzers struct {
	text  analysis.Analyzer
	plain analysis.Analyzer
	ac    analysis.Analyzer
}

// language returns the base language of a locale tag ("fr-CA" → "fr").
func language(locale string) string {
	locale = strings.ToLower(locale)
	if i := strings.IndexAny(locale, "-_"); i >= 0 {
		locale = locale[:i]
	}
	return locale
}

// newMapping returns the index mapping of one locale. The analyzers are
// defined in the mapping, so an index reopened from disk carries the
// analyzers it was built with. Documents are indexed with IndexAdvanced, so
// the mapping serves to name and construct analyzers, not to map structs.
//
// English: possessive, lower case, English stop words, Snowball (Porter2)
// stemming. French: lower case, elision (l', d'…), French stop words, French
// light stemmer. Other languages: lower case only. All fold accents first
// (ASCII folding char filter), so "annule" and "annulé" are the same term.
func newMapping(locale string) (*mapping.IndexMappingImpl, error) {
	m := mapping.NewIndexMapping()
	var pre, post []any // filters before lower-casing and after it (text only)
	switch language(locale) {
	case "en":
		pre = []any{en.PossessiveName}
		post = []any{en.StopName, en.SnowballStemmerName}
	case "fr":
		pre = nil
		post = []any{fr.StopName, fr.LightStemmerName}
	}
	plain := append(append([]any{}, pre...), lowercase.Name)
	if language(locale) == "fr" {
		plain = append(plain, fr.ElisionName)
	}
	text := append(append([]any{}, plain...), post...)
	ac := append(append([]any{}, plain...), filterEdgeNgram)

	if err := m.AddCustomTokenFilter(filterEdgeNgram, map[string]any{
		"type": edgengram.Name, "back": false, "min": ngramFilterMin, "max": ngramFilterMax,
	}); err != nil {
		return nil, fmt.Errorf("search: mapping %s: %w", locale, err)
	}
	for name, filters := range map[string][]any{analyzerText: text, analyzerPlain: plain, analyzerAC: ac} {
		err := m.AddCustomAnalyzer(name, map[string]any{
			"type":          custom.Name,
			"char_filters":  []any{asciifolding.Name},
			"tokenizer":     unicode.Name,
			"token_filters": filters,
		})
		if err != nil {
			return nil, fmt.Errorf("search: mapping %s: analyzer %s: %w", locale, name, err)
		}
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
	}{{analyzerText, &a.text}, {analyzerPlain, &a.plain}, {analyzerAC, &a.ac}} {
		an := m.AnalyzerNamed(x.name)
		if an == nil {
			return a, fmt.Errorf("search: analyzer %s missing from mapping", x.name)
		}
		*x.dst = an
	}
	return a, nil
}
