package content

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/guichet/guichet/site"
)

// A render cache shard on disk is an 8-byte length, a gob-encoded
// shardIndex of that length, then one block holding every entry's HTML,
// text and lead one after the other. Reading a shard decodes the small
// index; each entry's texts are slices of the block, and an article's
// sections slices of its text. On Unix the shard file is mapped into
// memory (mapShard) rather than read: a restart copies none of the
// rendered text (67 MB at 10,000 articles, 665 MB at 100,000), and the
// pages of an article are read from the file system's cache when the
// article is first served or indexed.

// shardIndex is the gob-encoded part of a shard.
type shardIndex struct {
	Entries map[string]*storedOutput
}

// span is where a text is in a shard's block: [Start, End).
type span struct{ Start, End int }

// storedOutput is a cachedOutput with its texts as spans of the block.
type storedOutput struct {
	Key              string
	HTML, Text, Lead span
	Headings, TOC    []site.Heading
	Sections         []storedSection
	Problems         []site.Problem
	Anchors          []anchorRef
	Includes         map[string][sha256.Size]byte
	Files            []string
}

// storedSection is a site.Section with its text as a span of the block:
// within the entry's Text when it is found there, as it is whenever the
// renderer made it.
type storedSection struct {
	Heading  site.Heading
	Text     span
	Verbatim []int
}

// encodeShard writes entries in the shard format.
func encodeShard(w *bufio.Writer, entries map[string]*cachedOutput) error {
	var block strings.Builder
	put := func(s string) span {
		start := block.Len()
		block.WriteString(s)
		return span{start, block.Len()}
	}
	idx := shardIndex{Entries: make(map[string]*storedOutput, len(entries))}
	for p, o := range entries {
		so := &storedOutput{
			Key: o.Key, HTML: put(o.HTML), Text: put(o.Text), Lead: put(o.Lead),
			Headings: o.Headings, TOC: o.TOC, Problems: o.Problems, Anchors: o.Anchors, Includes: o.Includes, Files: o.Files,
		}
		at := 0 // sections follow one another in the text
		for _, sec := range o.Sections {
			ss := storedSection{Heading: sec.Heading, Verbatim: sec.Verbatim}
			if i := strings.Index(o.Text[at:], sec.Text); i >= 0 {
				ss.Text = span{so.Text.Start + at + i, so.Text.Start + at + i + len(sec.Text)}
				at += i + len(sec.Text)
			} else {
				ss.Text = put(sec.Text)
			}
			so.Sections = append(so.Sections, ss)
		}
		idx.Entries[p] = so
	}
	var head bytes.Buffer
	if err := gob.NewEncoder(&head).Encode(idx); err != nil {
		return err
	}
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(head.Len()))
	w.Write(n[:])
	w.Write(head.Bytes())
	_, err := w.WriteString(block.String())
	return err
}

// readShard reads the shard file name (mapShard) and decodes it.
func readShard(name string) (map[string]*cachedOutput, error) {
	b, release, err := mapShard(name)
	if err != nil {
		return nil, err
	}
	out, err := decodeShard(b)
	if err != nil {
		release() // nothing decoded from it is kept
		return nil, err
	}
	return out, nil
}

// readWhole reads the file name into a string without a second copy of
// its bytes (a strings.Builder grown to the file's size).
func readWhole(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.Grow(int(info.Size()))
	if _, err := io.Copy(&b, f); err != nil {
		return "", err
	}
	return b.String(), nil
}

// decodeShard reads a shard written by encodeShard.
func decodeShard(b string) (map[string]*cachedOutput, error) {
	if len(b) < 8 {
		return nil, errors.New("render cache shard: too short")
	}
	n := binary.LittleEndian.Uint64([]byte(b[:8]))
	if n > uint64(len(b)-8) {
		return nil, errors.New("render cache shard: index past the end")
	}
	var idx shardIndex
	if err := gob.NewDecoder(strings.NewReader(b[8 : 8+n])).Decode(&idx); err != nil {
		return nil, fmt.Errorf("render cache shard: %w", err)
	}
	block := b[8+n:]
	text := func(s span) (string, bool) {
		if s.Start < 0 || s.Start > s.End || s.End > len(block) {
			return "", false
		}
		return block[s.Start:s.End], true
	}
	out := make(map[string]*cachedOutput, len(idx.Entries))
	for p, so := range idx.Entries {
		o := &cachedOutput{Key: so.Key, Headings: so.Headings, TOC: so.TOC, Problems: so.Problems, Anchors: so.Anchors, Includes: so.Includes, Files: so.Files}
		var ok [3]bool
		o.HTML, ok[0] = text(so.HTML)
		o.Text, ok[1] = text(so.Text)
		o.Lead, ok[2] = text(so.Lead)
		if ok != [3]bool{true, true, true} {
			return nil, errors.New("render cache shard: a text past the end")
		}
		if len(so.Sections) > 0 {
			o.Sections = make([]site.Section, len(so.Sections))
		}
		for i, ss := range so.Sections {
			t, good := text(ss.Text)
			if !good {
				return nil, errors.New("render cache shard: a section past the end")
			}
			o.Sections[i] = site.Section{Heading: ss.Heading, Text: t, Verbatim: ss.Verbatim}
		}
		out[p] = o
	}
	return out, nil
}
