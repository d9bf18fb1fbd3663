package content

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/guichet/guichet/site"
)

// readingsFile is the Memo's file readings kept in the render cache's
// folder, so that a restart on unchanged content reads no Markdown file:
// each file's size, modification and change times and inode are compared
// with those it was read at, as git's index does, and only a file whose
// stamp differs is read and parsed again. The files' last commit dates are
// kept with them: a restart at the same commit runs no `git log`.
//
// It is a columns file (columns.go), mapped into memory at start and read
// in place: a start reads each file's stamp from it, and the rest of a
// reading (front matter, problems) when the file's reading is reused,
// straight into the article, its texts slices of the mapped file. The
// file is checked whole (CRC-32C) when it is opened: a damaged, cut or
// foreign file restores nothing, and every file is read.
const readingsFile = "readings.bin"

// readingsMagic starts the readings file; it changes with its layout and
// with what a reading holds (2: descriptions as plain text; 3: typos of
// the fields of check.ignore_fields named; 4: the field an id came from;
// 5: Docusaurus sidebar labels accepted, a title taken from a heading
// without its HTML tags; 6: nor a script's or style's content, its
// spaces collapsed).
const readingsMagic = "GCREADS6"

// The columns of the readings file.
const (
	readRecords  = iota // a record per file, recordInts numbers each (see the rec… offsets)
	readLists           // the texts of the records' lists: start, end each
	readProblems        // the records' problems, problemInts numbers each
	readDates           // commit dates: path (start, end), Unix seconds (2 numbers)
	readHeader          // content folder (start, end), git head (start, end), whether dates are kept
	readColumns
)

// Offsets in a record. A text is two numbers (its span in the block), a
// 64-bit number two (low half first), a list two (its start in its
// column and its length plus one; 0: nil).
const (
	recPath     = 0
	recSize     = 2
	recModTime  = 4
	recChanged  = 6
	recInode    = 8
	recIgnore   = 10
	recFlags    = 12
	recLine     = 13
	recIDLine   = 14
	recSlugLine = 15
	recSum      = 16
	recRaw      = 18
	recProblems = 20
	recStrings  = 22 // the article's texts, in the order of articleTexts
	recLists    = recStrings + 2*articleTexts
	recWeight   = recLists + 2*articleLists
	recPublish  = recWeight + 2 // time.Time.MarshalBinary; empty: the zero time
	recUpdated  = recPublish + 2
	recExtra    = recUpdated + 2 // encodeValue; empty: nil
	recCatTitle = recExtra + 2
	recCatDesc  = recCatTitle + 2
	recCatWt    = recCatDesc + 2
	recCatIcon  = recCatWt + 2
	recIDField  = recCatIcon + 2
	recordInts  = recIDField + 2

	articleTexts = 12
	articleLists = 7
	problemInts  = 12
	dateInts     = 4
)

// Record flags; the inheritSet is kept in the bits from flagSetShift.
const (
	flagIndex = 1 << iota
	flagOK
	flagHasID
	flagUpdated
	flagDraft
	flagNoArticle
	flagSetShift = 8
)

// articleFieldCount is how many fields site.Article has: the record
// stores every one (TOC, Headings and Sections, never set by a reading,
// must be empty), and a test fails when a field is added.
const articleFieldCount = 27

// reading is a Markdown file's reading, as source.read left it (without
// the body, read again when the file must be rendered).
type reading struct {
	sum   [sha256.Size]byte
	line  int
	probs []site.Problem
	ok    bool
	meta  meta
	cat   categoryMeta
	raw   []byte
}

func articleTextsOf(a *site.Article) [articleTexts]*string {
	return [articleTexts]*string{&a.ID, &a.Locale, &a.Slug, &a.Title, &a.Description, &a.FAQ,
		&a.SourcePath, &a.URL, &a.CategoryID, &a.SectionID, (*string)(&a.HTML), &a.Text}
}

func articleListsOf(a *site.Article) [articleLists]*[]string {
	return [articleLists]*[]string{&a.Tags, &a.Keywords, &a.Contexts, &a.TicketTags, &a.Aliases, &a.SearchTests, &a.Files}
}

// readingsView is the readings file mapped at start.
type readingsView struct {
	c *columns
}

// restoreReadings fills an empty Memo with the readings kept in dir for
// the content folder content. A missing, damaged or foreign file restores
// nothing: every file is then read, as on a first start.
func (m *Memo) restoreReadings(dir, content string) {
	if m == nil || dir == "" {
		return
	}
	// The file is opened without the lock, so that the render cache's
	// shards (Memo.renderedFor) load meanwhile.
	m.mu.Lock()
	if len(m.files) > 0 || m.readingsDir == dir {
		m.mu.Unlock()
		return
	}
	m.readingsDir = dir
	m.mu.Unlock()
	b, release, err := mapShard(filepath.Join(dir, readingsFile))
	if err != nil {
		return
	}
	files, gitHead, git, ok := openReadings(b, content)
	if !ok {
		release() // nothing taken from it
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.files) > 0 {
		return // a Load remembered readings meanwhile: they are newer
	}
	m.files = files
	if git != nil {
		m.gitDir, m.gitHead, m.git = content, gitHead, git
	}
	m.saved = true
}

// openReadings checks the readings file b, kept for the content folder
// content, and returns the memo entry of each file (its stamp read, the
// rest left in b) and the commit dates.
func openReadings(b, content string) (map[string]*readMemo, string, map[string]time.Time, bool) {
	c, err := openColumns(b, readingsMagic, readColumns)
	if err != nil {
		return nil, "", nil, false
	}
	head, recs, dates := c.cols[readHeader], c.cols[readRecords], c.cols[readDates]
	if head.len() != 5 || recs.len()%recordInts != 0 || dates.len()%dateInts != 0 {
		return nil, "", nil, false
	}
	if folder, ok := c.span(head.at(0), head.at(1)); !ok || folder != content {
		return nil, "", nil, false
	}
	gitHead, ok := c.span(head.at(2), head.at(3))
	if !ok {
		return nil, "", nil, false
	}
	var git map[string]time.Time
	if head.at(4) != 0 {
		git = make(map[string]time.Time, dates.len()/dateInts)
		for i := 0; i < dates.len(); i += dateInts {
			p, ok := c.span(dates.at(i), dates.at(i+1))
			if !ok {
				return nil, "", nil, false
			}
			git[p] = time.Unix(int64(dates.at64(i+2)), 0).UTC()
		}
	}
	v := &readingsView{c: c}
	n := recs.len() / recordInts
	slab := make([]readMemo, n)
	files := make(map[string]*readMemo, n)
	for i := range slab {
		r, at := &slab[i], i*recordInts
		p, ok1 := c.span(recs.at(at+recPath), recs.at(at+recPath+1))
		ignore, ok2 := c.span(recs.at(at+recIgnore), recs.at(at+recIgnore+1))
		if !ok1 || !ok2 {
			return nil, "", nil, false
		}
		r.stamp = fileStamp{size: int64(recs.at64(at + recSize)), modTime: int64(recs.at64(at + recModTime)),
			changed: recs.at64(at + recChanged), inode: recs.at64(at + recInode)}
		r.ignore, r.index = ignore, recs.at(at+recFlags)&flagIndex != 0
		r.file, r.rec = v, i
		files[p] = r
	}
	return files, gitHead, git, true
}

// reading decodes record i; false when it does not decode (the file is
// then read). Lists and maps are new: nothing decoded is shared.
func (v *readingsView) reading(i int) (reading, bool) {
	c := v.c
	recs := c.cols[readRecords]
	at := i * recordInts
	ok := true
	text := func(k int) string {
		t, good := c.span(recs.at(at+k), recs.at(at+k+1))
		ok = ok && good
		return t
	}
	num := func(k int) int { return int(int32(recs.at(at + k))) }
	var r reading
	flags := recs.at(at + recFlags)
	r.ok = flags&flagOK != 0
	r.line = num(recLine)
	if sum := text(recSum); len(sum) == sha256.Size {
		copy(r.sum[:], sum)
	} else {
		return r, false
	}
	if raw := text(recRaw); raw != "" {
		r.raw = []byte(raw) // for the error panel: a copy, never the mapped file
	}
	var good bool
	if r.probs, good = v.problems(recs.at(at+recProblems), recs.at(at+recProblems+1)); !good {
		return r, false
	}
	m := &r.meta
	m.hasID, m.updated = flags&flagHasID != 0, flags&flagUpdated != 0
	m.set = inheritSet(flags >> flagSetShift)
	m.idLine, m.slugLine, m.idField = num(recIDLine), num(recSlugLine), text(recIDField)
	a := &site.Article{}
	if flags&flagNoArticle == 0 {
		m.a = a
	}
	for k, f := range articleTextsOf(a) {
		*f = text(recStrings + 2*k)
	}
	for k, f := range articleListsOf(a) {
		*f, good = v.list(recs.at(at+recLists+2*k), recs.at(at+recLists+2*k+1))
		ok = ok && good
	}
	a.Weight = int(int64(recs.at64(at + recWeight)))
	a.Draft = flags&flagDraft != 0
	for _, t := range []struct {
		k  int
		to *time.Time
	}{{recPublish, &a.PublishAt}, {recUpdated, &a.Updated}} {
		if b := text(t.k); b != "" && t.to.UnmarshalBinary(bytesOf(b)) != nil {
			ok = false
		}
	}
	if b := text(recExtra); b != "" {
		d := valueDecoder{s: b}
		extra, isMap := d.value(0).(map[string]any)
		ok = ok && d.ok && d.s == "" && isMap
		a.Extra = extra
	}
	r.cat = categoryMeta{title: text(recCatTitle), description: text(recCatDesc), weight: int(int64(recs.at64(at + recCatWt))), icon: text(recCatIcon)}
	return r, ok
}

// list returns the list at start with length count-1 (nil for 0).
func (v *readingsView) list(start, count uint32) ([]string, bool) {
	if count == 0 {
		return nil, true
	}
	col := v.c.cols[readLists]
	n := uint64(count - 1)
	if (uint64(start)+n)*2 > uint64(col.len()) {
		return nil, false
	}
	out := make([]string, n)
	for k := range out {
		i := (int(start) + k) * 2
		t, ok := v.c.span(col.at(i), col.at(i+1))
		if !ok {
			return nil, false
		}
		out[k] = t
	}
	return out, true
}

// problems returns the problems at start with length count-1 (nil for 0).
func (v *readingsView) problems(start, count uint32) ([]site.Problem, bool) {
	if count == 0 {
		return nil, true
	}
	col := v.c.cols[readProblems]
	if (uint64(start)+uint64(count-1))*problemInts > uint64(col.len()) {
		return nil, false
	}
	out := make([]site.Problem, count-1)
	ok := true
	for k := range out {
		i := (int(start) + k) * problemInts
		text := func(j int) string {
			t, good := v.c.span(col.at(i+j), col.at(i+j+1))
			ok = ok && good
			return t
		}
		out[k] = site.Problem{Severity: site.Severity(text(0)), Kind: text(2), File: text(4),
			Line: int(int32(col.at(i + 6))), Column: int(int32(col.at(i + 7))), Field: text(8), Message: text(10)}
	}
	return out, ok
}

// saveReadings writes the Memo's readings to dir, atomically, when they
// differ from what dir holds. Errors are returned for logging only: the
// file is an optimisation.
func (m *Memo) saveReadings(dir, content string) error {
	if m == nil || dir == "" {
		return nil
	}
	m.mu.Lock()
	if m.saved && m.readingsDir == dir {
		m.mu.Unlock()
		return nil
	}
	files, git := m.files, map[string]time.Time(nil)
	gitHead := m.gitHead
	if m.gitDir == content {
		git = m.git
	}
	m.mu.Unlock()
	w := encodeReadings(files, content, gitHead, git)
	if err := writeAtomic(dir, readingsFile, func(b *bufio.Writer) error { return w.write(b, readingsMagic, true) }); err != nil {
		return fmt.Errorf("save file readings: %w", err)
	}
	m.mu.Lock()
	m.readingsDir, m.saved = dir, true
	m.mu.Unlock()
	return nil
}

// encodeReadings lays out the readings of files (by path) and the commit
// dates git at gitHead (nil: none kept) for content folder content. A
// reading that cannot be stored (a front-matter value of a type
// encodeValue does not know) is left out: its file is read at the next
// start.
func encodeReadings(files map[string]*readMemo, content, gitHead string, git map[string]time.Time) *columnsWriter {
	w := newColumnsWriter(readColumns)
	span := func(s string) []uint32 {
		a, b := w.put(s)
		return []uint32{a, b}
	}
	hasGit := uint32(0)
	if git != nil {
		hasGit = 1
		for p, t := range git {
			sec := uint64(t.Unix())
			w.add(readDates, append(span(p), uint32(sec), uint32(sec>>32))...)
		}
	}
	w.add(readHeader, append(append(span(content), span(gitHead)...), hasGit)...)
	rec := make([]uint32, recordInts)
	for p, r := range files {
		d, ok := r.data()
		if !ok || !encodeRecord(w, rec, p, r, &d) {
			continue // read again at the next start
		}
		w.add(readRecords, rec...)
	}
	return w
}

// encodeRecord fills rec with the record of the reading d of file p; false
// when it cannot be stored.
func encodeRecord(w *columnsWriter, rec []uint32, p string, r *readMemo, d *reading) bool {
	a := d.meta.a
	if a == nil {
		a = &site.Article{}
	}
	if a.TOC != nil || a.Headings != nil || a.Sections != nil {
		return false // not a reading's: rendering sets them
	}
	var extra []byte
	if a.Extra != nil {
		var ok bool
		if extra, ok = appendValue(nil, a.Extra, 0); !ok {
			return false
		}
	}
	clear(rec)
	text := func(k int, s string) { rec[k], rec[k+1] = w.put(s) }
	num64 := func(k int, v uint64) { rec[k], rec[k+1] = uint32(v), uint32(v>>32) }
	text(recPath, p)
	num64(recSize, uint64(r.stamp.size))
	num64(recModTime, uint64(r.stamp.modTime))
	num64(recChanged, r.stamp.changed)
	num64(recInode, r.stamp.inode)
	text(recIgnore, r.ignore)
	flags := uint32(d.meta.set) << flagSetShift
	for _, f := range []struct {
		on  bool
		bit uint32
	}{{r.index, flagIndex}, {d.ok, flagOK}, {d.meta.hasID, flagHasID}, {d.meta.updated, flagUpdated}, {a.Draft, flagDraft}, {d.meta.a == nil, flagNoArticle}} {
		if f.on {
			flags |= f.bit
		}
	}
	rec[recFlags] = flags
	rec[recLine], rec[recIDLine], rec[recSlugLine] = uint32(int32(d.line)), uint32(int32(d.meta.idLine)), uint32(int32(d.meta.slugLine))
	text(recSum, string(d.sum[:]))
	text(recRaw, string(d.raw))
	if d.probs != nil {
		rec[recProblems] = uint32(len(w.cols[readProblems]) / problemInts)
		rec[recProblems+1] = uint32(len(d.probs) + 1)
		for _, pr := range d.probs {
			row := make([]uint32, 0, problemInts)
			for _, s := range []string{string(pr.Severity), pr.Kind, pr.File} {
				s, e := w.put(s)
				row = append(row, s, e)
			}
			row = append(row, uint32(int32(pr.Line)), uint32(int32(pr.Column)))
			for _, s := range []string{pr.Field, pr.Message} {
				s, e := w.put(s)
				row = append(row, s, e)
			}
			w.add(readProblems, row...)
		}
	}
	for k, f := range articleTextsOf(a) {
		text(recStrings+2*k, *f)
	}
	for k, f := range articleListsOf(a) {
		if *f == nil {
			continue
		}
		rec[recLists+2*k] = uint32(len(w.cols[readLists]) / 2)
		rec[recLists+2*k+1] = uint32(len(*f) + 1)
		for _, s := range *f {
			s, e := w.put(s)
			w.add(readLists, s, e)
		}
	}
	num64(recWeight, uint64(int64(a.Weight)))
	for _, t := range []struct {
		k int
		t time.Time
	}{{recPublish, a.PublishAt}, {recUpdated, a.Updated}} {
		if t.t != (time.Time{}) {
			b, err := t.t.MarshalBinary()
			if err != nil {
				return false
			}
			text(t.k, string(b))
		}
	}
	if extra != nil {
		text(recExtra, string(extra))
	}
	text(recCatTitle, d.cat.title)
	text(recCatDesc, d.cat.description)
	num64(recCatWt, uint64(int64(d.cat.weight)))
	text(recCatIcon, d.cat.icon)
	text(recIDField, d.meta.idField)
	return true
}

// writeAtomic writes dir/name through a temporary file renamed into place,
// so that a reader never sees half a file.
func writeAtomic(dir, name string, write func(*bufio.Writer) error) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+name+"-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 1<<20)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, name))
	}
	return err
}

// The tags of encodeValue.
const (
	valNil = iota
	valString
	valFalse
	valTrue
	valInt
	valInt64
	valUint64
	valFloat64
	valTime
	valList
	valNilList
	valMap
	valNilMap
)

// maxValueDepth bounds the nesting of a stored front-matter value.
const maxValueDepth = 100

// appendValue appends v, a front-matter field's value as YAML decodes it
// (Article.Extra), to b: a tag byte, then the value. false when v holds a
// type it does not know (a mapping with non-string keys) or nests too deep.
func appendValue(b []byte, v any, depth int) ([]byte, bool) {
	if depth > maxValueDepth {
		return nil, false
	}
	u32 := func(b []byte, n int) []byte {
		return append(b, byte(n), byte(n>>8), byte(n>>16), byte(n>>24))
	}
	u64 := func(b []byte, n uint64) []byte {
		for range 8 {
			b, n = append(b, byte(n)), n>>8
		}
		return b
	}
	str := func(b []byte, s string) []byte { return append(u32(b, len(s)), s...) }
	switch v := v.(type) {
	case nil:
		return append(b, valNil), true
	case string:
		return str(append(b, valString), v), true
	case bool:
		if v {
			return append(b, valTrue), true
		}
		return append(b, valFalse), true
	case int:
		return u64(append(b, valInt), uint64(v)), true
	case int64:
		return u64(append(b, valInt64), uint64(v)), true
	case uint64:
		return u64(append(b, valUint64), v), true
	case float64:
		return u64(append(b, valFloat64), math.Float64bits(v)), true
	case time.Time:
		t, err := v.MarshalBinary()
		if err != nil {
			return nil, false
		}
		return str(append(b, valTime), string(t)), true
	case []any:
		if v == nil {
			return append(b, valNilList), true
		}
		b = u32(append(b, valList), len(v))
		for _, e := range v {
			var ok bool
			if b, ok = appendValue(b, e, depth+1); !ok {
				return nil, false
			}
		}
		return b, true
	case map[string]any:
		if v == nil {
			return append(b, valNilMap), true
		}
		b = u32(append(b, valMap), len(v))
		for _, k := range slices.Sorted(maps.Keys(v)) {
			b = str(b, k)
			var ok bool
			if b, ok = appendValue(b, v[k], depth+1); !ok {
				return nil, false
			}
		}
		return b, true
	}
	return nil, false
}

// valueDecoder reads what appendValue wrote; its strings are slices of s.
type valueDecoder struct {
	s  string
	ok bool
}

func (d *valueDecoder) take(n int) string {
	if n < 0 || n > len(d.s) {
		d.ok, d.s = false, ""
		return ""
	}
	t := d.s[:n]
	d.s = d.s[n:]
	return t
}

func (d *valueDecoder) u64() uint64 {
	t := d.take(8)
	if len(t) < 8 {
		return 0
	}
	var n uint64
	for i := 7; i >= 0; i-- {
		n = n<<8 | uint64(t[i])
	}
	return n
}

func (d *valueDecoder) u32() int {
	t := d.take(4)
	if len(t) < 4 {
		return 0
	}
	return int(nums(t).at(0))
}

func (d *valueDecoder) str() string { return d.take(d.u32()) }

// value decodes one value; d.ok must be set before the first call.
func (d *valueDecoder) value(depth int) any {
	if depth == 0 {
		d.ok = true
	}
	if depth > maxValueDepth {
		d.ok = false
	}
	tag := d.take(1)
	if !d.ok || len(tag) == 0 {
		d.ok = false
		return nil
	}
	switch tag[0] {
	case valNil:
		return nil
	case valString:
		return d.str()
	case valFalse:
		return false
	case valTrue:
		return true
	case valInt:
		return int(d.u64())
	case valInt64:
		return int64(d.u64())
	case valUint64:
		return d.u64()
	case valFloat64:
		return math.Float64frombits(d.u64())
	case valTime:
		var t time.Time
		if err := t.UnmarshalBinary(bytesOf(d.str())); err != nil {
			d.ok = false
		}
		return t
	case valNilList:
		return []any(nil)
	case valList:
		n := d.u32()
		if n > len(d.s) { // every element takes a byte at least
			d.ok = false
			return nil
		}
		out := make([]any, n)
		for i := range out {
			out[i] = d.value(depth + 1)
		}
		return out
	case valNilMap:
		return map[string]any(nil)
	case valMap:
		n := d.u32()
		if n > len(d.s)/5 { // a key's length and a tag at least
			d.ok = false
			return nil
		}
		out := make(map[string]any, n)
		for range n {
			k := d.str()
			out[k] = d.value(depth + 1)
		}
		return out
	}
	d.ok = false
	return nil
}

// data returns the reading r holds, decoding it from the readings file
// when it came from there (then nothing in it is shared with the memo).
func (r *readMemo) data() (reading, bool) {
	if r.file != nil {
		return r.file.reading(r.rec)
	}
	if r.got == nil {
		return reading{}, false
	}
	return *r.got, true
}
