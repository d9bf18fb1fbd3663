package search

import (
	"bufio"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/blevesearch/bleve/v2/document"
)

// countsFile holds a locale index's term counts next to its bleve files.
const countsFile = "guichet-terms.gob"

// termCounts are the document frequencies of an index's terms, counted
// from the documents bleve analysed while indexing, and kept in countsFile
// for reopening. (bleve's own dictionary counts cannot be trusted once
// segments are merged on disk: zapx's dictionary iterator reports 1 for
// every term after one found in a single document.)
type termCounts struct {
	// vocab maps every term of the content fields to its largest
	// document frequency in any one of them.
	vocab map[string]int
	// phrases holds the terms of the phrases field.
	phrases map[string]bool
	// fields counts documents per content field while indexing.
	fields map[string]map[string]int
}

func newTermCounts() *termCounts {
	c := &termCounts{phrases: map[string]bool{}, fields: map[string]map[string]int{}}
	for _, f := range contentFields() {
		c.fields[f] = map[string]int{}
	}
	return c
}

// add counts the terms of one document that bleve has analysed.
func (c *termCounts) add(d *document.Document) {
	for _, f := range d.Fields {
		tf, ok := f.(*document.TextField)
		if !ok {
			continue
		}
		if tf.Name() == fieldPhrases {
			for term := range tf.AnalyzedTokenFrequencies() {
				c.phrases[term] = true
			}
			continue
		}
		if m := c.fields[tf.Name()]; m != nil {
			for term := range tf.AnalyzedTokenFrequencies() {
				m[term]++
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
	for term := range o.phrases {
		c.phrases[term] = true
	}
}

// finish computes vocab from the per-field counts.
func (c *termCounts) finish() {
	c.vocab = map[string]int{}
	for _, m := range c.fields {
		for term, n := range m {
			c.vocab[term] = max(c.vocab[term], n)
		}
	}
	c.fields = nil
}

// storedCounts is the form of termCounts in countsFile.
type storedCounts struct {
	Vocab   map[string]int
	Phrases []string
}

// write saves the counts into the index directory dir.
func (c *termCounts) write(dir string) error {
	f, err := os.Create(filepath.Join(dir, countsFile))
	if err != nil {
		return fmt.Errorf("write term counts: %w", err)
	}
	s := storedCounts{Vocab: c.vocab, Phrases: make([]string, 0, len(c.phrases))}
	for p := range c.phrases {
		s.Phrases = append(s.Phrases, p)
	}
	slices.Sort(s.Phrases)
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
	c := &termCounts{vocab: s.Vocab, phrases: make(map[string]bool, len(s.Phrases))}
	if c.vocab == nil {
		c.vocab = map[string]int{}
	}
	for _, p := range s.Phrases {
		c.phrases[p] = true
	}
	return c, nil
}
