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
	"maps"
	"os"
	"slices"
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

// shardIndex is the gob-encoded part of a shard, column by column (gob
// decodes a slice of numbers or strings in one step, where a slice of
// structs costs a reflective step per field): every text — HTML, plain
// text, lead, heading texts and ids, section texts — is a pair of offsets
// in the block, so decoding allocates no string.
type shardIndex struct {
	Paths, Keys []string
	// Per entry: the HTML, text and lead (start, end each), then how
	// many headings, table of contents entries and sections it has.
	Entries []int
	// The headings, then the table of contents, of each entry in turn:
	// level, id (start, end), text (start, end).
	Headings []int
	// The sections of each entry in turn: heading (as in Headings; level
	// 0 for none), then text (start, end).
	Sections []int
	// Verbatim lines by section (index in Sections' order), when any.
	Verbatim map[int][]int
	// What few entries have, by entry index.
	Extras map[int]*shardExtra
}

// shardExtra is what an entry has besides its texts and headings.
type shardExtra struct {
	Problems []site.Problem
	Anchors  []anchorRef
	Includes map[string][sha256.Size]byte
	Files    []string
}

const (
	entryInts   = 9 // HTML, text, lead spans; heading, contents, section counts
	headingInts = 5
	sectionInts = headingInts + 2
)

// encodeShard writes entries in the shard format.
func encodeShard(w *bufio.Writer, entries map[string]*cachedOutput) error {
	var block strings.Builder
	put := func(s string) (int, int) {
		start := block.Len()
		block.WriteString(s)
		return start, block.Len()
	}
	heading := func(dst []int, h site.Heading) []int {
		is, ie := put(h.ID)
		ts, te := put(h.Text)
		return append(dst, h.Level, is, ie, ts, te)
	}
	paths := slices.Sorted(maps.Keys(entries))
	idx := shardIndex{Paths: paths, Keys: make([]string, len(paths)), Verbatim: map[int][]int{}, Extras: map[int]*shardExtra{}}
	for i, p := range paths {
		o := entries[p]
		idx.Keys[i] = o.Key
		hs, he := put(o.HTML)
		ts, te := put(o.Text)
		ls, le := put(o.Lead)
		idx.Entries = append(idx.Entries, hs, he, ts, te, ls, le, len(o.Headings), len(o.TOC), len(o.Sections))
		for _, h := range o.Headings {
			idx.Headings = heading(idx.Headings, h)
		}
		for _, h := range o.TOC {
			idx.Headings = heading(idx.Headings, h)
		}
		at := 0 // sections follow one another in the text
		for _, sec := range o.Sections {
			if len(sec.Verbatim) > 0 {
				idx.Verbatim[len(idx.Sections)/sectionInts] = sec.Verbatim
			}
			idx.Sections = heading(idx.Sections, sec.Heading)
			if k := strings.Index(o.Text[at:], sec.Text); k >= 0 {
				idx.Sections = append(idx.Sections, ts+at+k, ts+at+k+len(sec.Text))
				at += k + len(sec.Text)
			} else {
				ss, se := put(sec.Text)
				idx.Sections = append(idx.Sections, ss, se)
			}
		}
		if len(o.Problems)+len(o.Anchors)+len(o.Includes)+len(o.Files) > 0 {
			idx.Extras[i] = &shardExtra{Problems: o.Problems, Anchors: o.Anchors, Includes: o.Includes, Files: o.Files}
		}
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

// decodeShard reads a shard written by encodeShard. Empty lists come back
// nil, as gob gives them.
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
	bad := errors.New("render cache shard: an offset past the end")
	if len(idx.Keys) != len(idx.Paths) || len(idx.Entries) != entryInts*len(idx.Paths) {
		return nil, bad
	}
	text := func(start, end int) (string, bool) {
		if start < 0 || start > end || end > len(block) {
			return "", false
		}
		return block[start:end], true
	}
	ok := true
	get := func(start, end int) string {
		t, good := text(start, end)
		ok = ok && good
		return t
	}
	var hAt, sAt int // next heading and section
	headings := func(count int) []site.Heading {
		if count <= 0 || (hAt+count)*headingInts > len(idx.Headings) {
			ok = ok && count == 0
			return nil
		}
		out := make([]site.Heading, count)
		for k := range out {
			h := idx.Headings[(hAt+k)*headingInts:]
			out[k] = site.Heading{Level: h[0], ID: get(h[1], h[2]), Text: get(h[3], h[4])}
		}
		hAt += count
		return out
	}
	out := make(map[string]*cachedOutput, len(idx.Paths))
	for i, p := range idx.Paths {
		e := idx.Entries[i*entryInts : (i+1)*entryInts]
		o := &cachedOutput{Key: idx.Keys[i], HTML: get(e[0], e[1]), Text: get(e[2], e[3]), Lead: get(e[4], e[5])}
		o.Headings = headings(e[6])
		o.TOC = headings(e[7])
		if count := e[8]; count > 0 {
			if (sAt+count)*sectionInts > len(idx.Sections) {
				return nil, bad
			}
			o.Sections = make([]site.Section, count)
			for k := range o.Sections {
				v := idx.Sections[(sAt+k)*sectionInts:]
				o.Sections[k] = site.Section{
					Heading:  site.Heading{Level: v[0], ID: get(v[1], v[2]), Text: get(v[3], v[4])},
					Text:     get(v[5], v[6]),
					Verbatim: idx.Verbatim[sAt+k],
				}
			}
			sAt += count
		}
		if x := idx.Extras[i]; x != nil {
			o.Problems, o.Anchors, o.Includes, o.Files = x.Problems, x.Anchors, x.Includes, x.Files
		}
		if !ok {
			return nil, bad
		}
		out[p] = o
	}
	return out, nil
}
