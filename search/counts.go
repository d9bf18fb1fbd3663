package search

import (
	"bufio"
	"encoding/gob"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"

	"github.com/blevesearch/bleve/v2/document"
)

// countsFile holds a locale index's term counts next to its bleve files.
const countsFile = "guichet-terms.gob"

// termCounts are the document frequencies of an index's terms, counted
// from the documents bleve analysed while indexing, and kept in countsFile
// for reopening. (bleve's own dictionary counts cannot be trusted once
// segments are merged on disk: zapx's dictionary iterator reports 1 for
// every term after one found in a single document; and after an
// incremental update the dictionaries still list the terms of deleted
// documents.) The counts are kept per field, so that an incremental
// update (update.go) subtracts a document's old version and adds its new
// one.
type termCounts struct {
	// fields counts documents per term of each content field; a term in
	// no document is absent.
	fields map[string]map[string]int
	// phrases counts documents per term of the phrases field.
	phrases map[string]int
	// vocab maps every term of the content fields to its largest
	// document frequency in any one of them (see finish).
	vocab map[string]int
	// phraseSet holds the terms of phrases (see finish).
	phraseSet map[string]bool
	// numbered holds the words a phrase writes before a number ("android"
	// of "Use the app on Android 14"; see finish).
	numbered map[string]bool
}

func newTermCounts() *termCounts {
	c := &termCounts{phrases: map[string]int{}, fields: map[string]map[string]int{}}
	for _, f := range contentFields() {
		c.fields[f] = map[string]int{}
	}
	return c
}

// add counts the terms of one document that bleve has analysed.
func (c *termCounts) add(d *document.Document) { c.count(d, 1) }

// sub uncounts the terms of one analysed document, counted before by add.
func (c *termCounts) sub(d *document.Document) { c.count(d, -1) }

func (c *termCounts) count(d *document.Document, n int) {
	for _, f := range d.Fields {
		tf, ok := f.(*document.TextField)
		if !ok {
			continue
		}
		m := c.fields[tf.Name()]
		if tf.Name() == fieldPhrases {
			m = c.phrases
		}
		if m == nil {
			continue
		}
		for term := range tf.AnalyzedTokenFrequencies() {
			if k := m[term] + n; k > 0 {
				m[term] = k
			} else {
				delete(m, term)
			}
		}
	}
}

// merge adds the counts of other documents.
func (c *termCounts) merge(o *termCounts) {
	for f, m := range o.fields {
		for term, n := range m {
			c.fields[f][term] += n
		}
	}
	for term, n := range o.phrases {
		c.phrases[term] += n
	}
}

// clone returns a deep copy of the counts, without vocab and phraseSet.
func (c *termCounts) clone() *termCounts {
	o := &termCounts{phrases: maps.Clone(c.phrases), fields: make(map[string]map[string]int, len(c.fields))}
	for f, m := range c.fields {
		o.fields[f] = maps.Clone(m)
	}
	return o
}

// has reports whether some document has term in field.
func (c *termCounts) has(field, term string) bool {
	if field == fieldPhrases {
		return c.phrases[term] > 0
	}
	return c.fields[field][term] > 0
}

// finish computes vocab and phraseSet from the per-field counts.
func (c *termCounts) finish() {
	c.vocab = map[string]int{}
	for _, m := range c.fields {
		for term, n := range m {
			c.vocab[term] = max(c.vocab[term], n)
		}
	}
	c.phraseSet = make(map[string]bool, len(c.phrases))
	c.numbered = map[string]bool{}
	for term := range c.phrases {
		c.phraseSet[term] = true
		ws := strings.Split(term, phraseSep)
		for i := 1; i < len(ws); i++ {
			if isNumber(ws[i]) && !isNumber(ws[i-1]) {
				c.numbered[ws[i-1]] = true
			}
		}
	}
}

// storedCounts is the form of termCounts in countsFile.
type storedCounts struct {
	Fields  map[string]map[string]int
	Phrases map[string]int
}

// write saves the counts into the index directory dir.
func (c *termCounts) write(dir string) error {
	f, err := os.Create(filepath.Join(dir, countsFile))
	if err != nil {
		return fmt.Errorf("write term counts: %w", err)
	}
	s := storedCounts{Fields: c.fields, Phrases: c.phrases}
	w := bufio.NewWriter(f)
	if err := gob.NewEncoder(w).Encode(&s); err != nil {
		f.Close()
		return fmt.Errorf("write term counts: %w", err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write term counts: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write term counts: %w", err)
	}
	return nil
}

// readTermCounts reads the counts saved in the index directory dir.
func readTermCounts(dir string) (*termCounts, error) {
	f, err := os.Open(filepath.Join(dir, countsFile))
	if err != nil {
		return nil, fmt.Errorf("read term counts: %w", err)
	}
	defer f.Close()
	var s storedCounts
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&s); err != nil {
		return nil, fmt.Errorf("read term counts: %w", err)
	}
	c := newTermCounts()
	for name, m := range s.Fields {
		if c.fields[name] != nil && m != nil {
			c.fields[name] = m
		}
	}
	if s.Phrases != nil {
		c.phrases = s.Phrases
	}
	c.finish()
	return c, nil
}
