package content

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"html/template"
	"io"
	"maps"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/guichet/guichet/site"
)

// A render cache shard on disk is a columns file (columns.go): the
// entries, their headings, their sections and the sections' verbatim
// lines as columns of numbers, every text — path, key, HTML, plain text,
// lead, heading texts and ids, section texts — a span of one block (the
// paths and keys first, side by side, then the rest entry by entry), and
// what few entries have (problems, links, includes, files) in the gob
// part. Reading a shard decodes nothing but that gob part: each entry's
// texts are slices of the block, an article's sections slices of its
// text, and its lists slices of one allocation per shard. On Unix the
// shard file is mapped into memory (mapShard) rather than read: a restart
// copies none of the rendered text (67 MB at 10,000 articles, 665 MB at
// 100,000), and the pages of an article are read from the file system's
// cache when the article is first served or indexed.

// shardMagic starts a shard file; it changes with the layout.
const shardMagic = "GCSHARD2"

// The columns of a shard, and how many numbers each holds per entry,
// heading or section.
const (
	shardEntries  = iota // path, key, HTML, text, lead (start, end each); heading, contents, section counts
	shardHeadings        // the headings, then the table of contents, of each entry in turn: level, id (start, end), text (start, end)
	shardSections        // the sections of each entry in turn: heading (as in shardHeadings; level 0 for none), text (start, end), verbatim lines (start in shardVerbatim, count)
	shardVerbatim        // the sections' verbatim lines (Section.Verbatim)
	shardColumns
)

const (
	entryInts   = 13
	headingInts = 5
	sectionInts = headingInts + 4
)

// shardRare is the gob part of a shard: what few entries have, by entry
// index.
type shardRare struct {
	Extras map[int]*shardExtra
}

// shardExtra is what an entry has besides its texts and headings.
type shardExtra struct {
	Problems []site.Problem
	Anchors  []anchorRef
	Includes map[string][sha256.Size]byte
	Files    []string
}

// encodeShard writes entries in the shard format.
func encodeShard(w *bufio.Writer, entries map[string]*cachedOutput) error {
	cw := newColumnsWriter(shardColumns)
	heading := func(col int, h site.Heading) {
		is, ie := cw.put(h.ID)
		ts, te := cw.put(h.Text)
		cw.add(col, uint32(h.Level), is, ie, ts, te)
	}
	rare := shardRare{Extras: map[int]*shardExtra{}}
	// The paths and keys first, side by side: a start reads them all
	// (to find an entry, to check its key), and none of the rest.
	paths := slices.Sorted(maps.Keys(entries))
	spans := make([]uint32, 0, 4*len(paths))
	for _, p := range paths {
		ps, pe := cw.put(p)
		ks, ke := cw.put(entries[p].Key)
		spans = append(spans, ps, pe, ks, ke)
	}
	for i, p := range paths {
		o := entries[p]
		ps, pe, ks, ke := spans[4*i], spans[4*i+1], spans[4*i+2], spans[4*i+3]
		hs, he := cw.put(string(o.HTML))
		ts, te := cw.put(o.Text)
		ls, le := cw.put(o.lead)
		if len(o.Headings)+len(o.TOC) > math.MaxUint32 || len(o.Sections) > math.MaxUint32 {
			return errTooLarge
		}
		cw.add(shardEntries, ps, pe, ks, ke, hs, he, ts, te, ls, le, uint32(len(o.Headings)), uint32(len(o.TOC)), uint32(len(o.Sections)))
		for _, h := range o.Headings {
			heading(shardHeadings, h)
		}
		for _, h := range o.TOC {
			heading(shardHeadings, h)
		}
		at := 0 // sections follow one another in the text
		for _, sec := range o.Sections {
			heading(shardSections, sec.Heading)
			if k := strings.Index(o.Text[at:], sec.Text); k >= 0 {
				cw.add(shardSections, ts+uint32(at+k), ts+uint32(at+k+len(sec.Text)))
				at += k + len(sec.Text)
			} else {
				ss, se := cw.put(sec.Text)
				cw.add(shardSections, ss, se)
			}
			cw.add(shardSections, uint32(len(cw.cols[shardVerbatim])), uint32(len(sec.Verbatim)))
			for _, v := range sec.Verbatim {
				if v < 0 || v > math.MaxUint32 {
					return errTooLarge
				}
				cw.add(shardVerbatim, uint32(v))
			}
		}
		if len(o.Problems)+len(o.anchors)+len(o.includes)+len(o.Files) > 0 {
			rare.Extras[i] = &shardExtra{Problems: o.Problems, Anchors: o.anchors, Includes: o.includes, Files: o.Files}
		}
	}
	if len(rare.Extras) > 0 {
		var b bytes.Buffer
		if err := gob.NewEncoder(&b).Encode(rare); err != nil {
			return err
		}
		cw.extra = b.Bytes()
	}
	return cw.write(w, shardMagic, false)
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
// nil.
func decodeShard(b string) (map[string]*cachedOutput, error) {
	c, err := openColumns(b, shardMagic, shardColumns)
	if err != nil {
		return nil, fmt.Errorf("render cache shard: %w", err)
	}
	var rare shardRare
	if c.extra != "" {
		if err := gob.NewDecoder(strings.NewReader(c.extra)).Decode(&rare); err != nil {
			return nil, fmt.Errorf("render cache shard: %w", err)
		}
	}
	bad := errors.New("render cache shard: an offset past the end")
	entries, heads, secs, verbatim := c.cols[shardEntries], c.cols[shardHeadings], c.cols[shardSections], c.cols[shardVerbatim]
	if entries.len()%entryInts != 0 {
		return nil, bad
	}
	ok := true
	get := func(col nums, i int) string {
		t, good := c.span(col.at(i), col.at(i+1))
		ok = ok && good
		return t
	}
	n := entries.len() / entryInts
	// One allocation each for the shard's entries, headings and sections,
	// every entry's lists slices of them (capped: an append copies).
	slab := make([]cachedOutput, n)
	headSlab := make([]site.Heading, 0, heads.len()/headingInts)
	secSlab := make([]site.Section, 0, secs.len()/sectionInts)
	verbSlab := make([]int, 0, verbatim.len())
	// lines returns the verbatim lines at start, count long (nil for 0).
	lines := func(start, count uint32) []int {
		if count == 0 || uint64(start)+uint64(count) > uint64(verbatim.len()) || len(verbSlab)+int(count) > cap(verbSlab) {
			ok = ok && count == 0
			return nil
		}
		at := len(verbSlab)
		for k := range int(count) {
			verbSlab = append(verbSlab, int(verbatim.at(int(start)+k)))
		}
		return verbSlab[at:len(verbSlab):len(verbSlab)]
	}
	var hAt int // next heading
	headings := func(count int) []site.Heading {
		if count <= 0 || (hAt+count)*headingInts > heads.len() || len(headSlab)+count > cap(headSlab) {
			ok = ok && count == 0
			return nil
		}
		start := len(headSlab)
		for k := range count {
			i := (hAt + k) * headingInts
			headSlab = append(headSlab, site.Heading{Level: int(heads.at(i)), ID: get(heads, i+1), Text: get(heads, i+3)})
		}
		hAt += count
		return headSlab[start:len(headSlab):len(headSlab)]
	}
	// sameHeadings reports whether the count headings at hAt are those
	// just read as hs (a table of contents that is every heading).
	sameHeadings := func(hs []site.Heading, count int) bool {
		if count != len(hs) || count == 0 || (hAt+2*count)*headingInts > heads.len() {
			return false
		}
		a, b := (hAt-count)*headingInts, hAt*headingInts
		for k := range count * headingInts {
			if heads.at(a+k) != heads.at(b+k) {
				return false
			}
		}
		return true
	}
	out := make(map[string]*cachedOutput, n)
	for i := range n {
		e := i * entryInts
		o := &slab[i]
		*o = cachedOutput{Key: get(entries, e+2), Output: Output{HTML: template.HTML(get(entries, e+4)), Text: get(entries, e+6), lead: get(entries, e+8)}}
		p := get(entries, e)
		o.Headings = headings(int(entries.at(e + 10)))
		if toc := int(entries.at(e + 11)); sameHeadings(o.Headings, toc) {
			o.TOC = o.Headings
			hAt += toc
		} else {
			o.TOC = headings(toc)
		}
		if count := int(entries.at(e + 12)); count > 0 {
			sAt := len(secSlab)
			if (sAt+count)*sectionInts > secs.len() {
				return nil, bad
			}
			for k := range count {
				v := (sAt + k) * sectionInts
				secSlab = append(secSlab, site.Section{
					Heading:  site.Heading{Level: int(secs.at(v)), ID: get(secs, v+1), Text: get(secs, v+3)},
					Text:     get(secs, v+5),
					Verbatim: lines(secs.at(v+7), secs.at(v+8)),
				})
			}
			o.Sections = secSlab[sAt:len(secSlab):len(secSlab)]
		}
		if x := rare.Extras[i]; x != nil {
			o.Problems, o.anchors, o.includes, o.Files = x.Problems, x.Anchors, x.Includes, x.Files
		}
		if !ok {
			return nil, bad
		}
		out[p] = o
	}
	return out, nil
}
