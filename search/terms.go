package search

import (
	"strings"

	"github.com/guichet/guichet/site/gaps"
)

// Terms returns the terms that carry the meaning of text in locale, sorted,
// each once: the key the gap report groups failed searches by
// (gaps.MeaningKey): analysed with the locale's analyzer (case, accents,
// plurals and verb forms, stop words), a run of words equal to an entry of
// a synonym group replaced by that group's token. Nothing is corrected
// toward the content's vocabulary. An unknown locale uses the default one.
func (ix *Index) Terms(locale, text string) []string {
	return strings.Fields(gaps.MeaningKey(ix.Analyzer(), locale, text))
}
