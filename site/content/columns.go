package content

import (
	"bufio"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"strings"
	"unsafe"
)

// A columns file is what the render cache's shards and the readings file
// are stored as, so that a restart reads them in place (mapped, see
// mapShard) instead of decoding them: a few columns of 32-bit numbers, an
// optional gob part for what few entries have, and one block of bytes
// that every text is a span of (a pair of offsets in a column). Reading
// one allocates nothing: a number is read from the mapped column when it
// is needed, and a text is a string over the mapped block.
//
// Layout, little-endian:
//
//	magic (8 bytes) | column count n (u32) | flags (u32) |
//	each column's length in numbers (n × u32) | gob part's length (u32) |
//	block's length (u64) | CRC-32C of the header, columns and gob part (u32) |
//	CRC-32C of the block, 0 when flags has no sumBlock (u32) |
//	the columns | the gob part | the block
//
// The header, columns and gob part are checked with their CRC when the
// file is opened; the block too when the writer asked for it (the
// readings, whose texts are front matter: a damaged byte would serve a
// wrong title), not for the render cache, whose blocks hold every
// article's HTML (665 MB at 100,000 articles: checking them would read
// them all at every start) and are only bounds-checked.

const (
	columnsSumBlock = 1 << iota // flags: the block has its CRC
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// columnsWriter builds a columns file in memory.
type columnsWriter struct {
	cols  [][]uint32
	extra []byte
	block strings.Builder
	// spans remembers the span of texts already in the block, so that a
	// text repeated (a locale, an empty field list) is stored once.
	spans map[string][2]uint32
}

func newColumnsWriter(ncols int) *columnsWriter {
	return &columnsWriter{cols: make([][]uint32, ncols), spans: map[string][2]uint32{}}
}

// add appends numbers to column c.
func (w *columnsWriter) add(c int, v ...uint32) { w.cols[c] = append(w.cols[c], v...) }

// put adds s to the block and returns its span. Short texts are stored
// once however often they are put.
func (w *columnsWriter) put(s string) (uint32, uint32) {
	if s == "" {
		return 0, 0
	}
	if len(s) <= 64 {
		if sp, ok := w.spans[s]; ok {
			return sp[0], sp[1]
		}
	}
	start := w.block.Len()
	w.block.WriteString(s)
	sp := [2]uint32{uint32(start), uint32(w.block.Len())}
	if len(s) <= 64 {
		w.spans[s] = sp
	}
	return sp[0], sp[1]
}

// errTooLarge: a span or count past what 32 bits hold.
var errTooLarge = errors.New("over 4 GiB")

// write writes the file with magic; sumBlock adds the block's CRC.
func (w *columnsWriter) write(out *bufio.Writer, magic string, sumBlock bool) error {
	if len(magic) != 8 {
		panic("columns magic must be 8 bytes")
	}
	if w.block.Len() > math.MaxUint32 {
		return errTooLarge
	}
	var flags uint32
	if sumBlock {
		flags |= columnsSumBlock
	}
	head := []byte(magic)
	head = binary.LittleEndian.AppendUint32(head, uint32(len(w.cols)))
	head = binary.LittleEndian.AppendUint32(head, flags)
	for _, c := range w.cols {
		if len(c) > math.MaxUint32/4 {
			return errTooLarge
		}
		head = binary.LittleEndian.AppendUint32(head, uint32(len(c)))
	}
	head = binary.LittleEndian.AppendUint32(head, uint32(len(w.extra)))
	head = binary.LittleEndian.AppendUint64(head, uint64(w.block.Len()))
	var body []byte
	for _, c := range w.cols {
		for _, v := range c {
			body = binary.LittleEndian.AppendUint32(body, v)
		}
	}
	body = append(body, w.extra...)
	sum := crc32.Update(crc32.Checksum(head, castagnoli), castagnoli, body)
	var blockSum uint32
	if sumBlock {
		blockSum = crc32.Checksum(bytesOf(w.block.String()), castagnoli)
	}
	head = binary.LittleEndian.AppendUint32(head, sum)
	head = binary.LittleEndian.AppendUint32(head, blockSum)
	out.Write(head)
	out.Write(body)
	_, err := out.WriteString(w.block.String())
	return err
}

// nums is a column of numbers as stored: 4 bytes each, read in place.
type nums string

func (n nums) len() int { return len(n) / 4 }

// at returns the i-th number; i must be below len.
func (n nums) at(i int) uint32 {
	s := n[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// at64 returns the number stored as two, low half first, at i and i+1.
func (n nums) at64(i int) uint64 { return uint64(n.at(i)) | uint64(n.at(i+1))<<32 }

// columns is a columns file opened in place.
type columns struct {
	cols  []nums
	extra string
	block string
}

// span returns the text at start:end of the block, false when it is not
// inside the block.
func (c *columns) span(start, end uint32) (string, bool) {
	if start > end || uint64(end) > uint64(len(c.block)) {
		return "", false
	}
	return c.block[start:end], true
}

// openColumns checks b as a columns file with magic and ncols columns and
// returns its parts, every one a slice of b.
func openColumns(b, magic string, ncols int) (*columns, error) {
	const fixed = 8 + 4 + 4
	bad := func(why string) (*columns, error) { return nil, errors.New(why) }
	if len(b) < fixed || b[:8] != magic {
		return bad("not a file of this kind or version")
	}
	head := nums(b[8:])
	if int(head.at(0)) != ncols {
		return bad("wrong column count")
	}
	flags := head.at(1)
	headLen := fixed + 4*ncols + 4 + 8 + 4 + 4
	if len(b) < headLen {
		return bad("cut short")
	}
	lens := nums(b[fixed:])
	var body uint64
	for i := range ncols {
		body += 4 * uint64(lens.at(i))
	}
	extraLen := uint64(lens.at(ncols))
	blockLen := lens.at64(ncols + 1)
	sum, blockSum := lens.at(ncols+3), lens.at(ncols+4)
	if uint64(len(b)-headLen) != body+extraLen+blockLen {
		return bad("cut short or too long")
	}
	rest := b[headLen:]
	got := crc32.Update(crc32.Checksum(bytesOf(b[:headLen-8]), castagnoli), castagnoli, bytesOf(rest[:body+extraLen]))
	if got != sum {
		return bad("checksum mismatch")
	}
	c := &columns{cols: make([]nums, ncols)}
	at := uint64(0)
	for i := range ncols {
		n := 4 * uint64(lens.at(i))
		c.cols[i] = nums(rest[at : at+n])
		at += n
	}
	c.extra = rest[at : at+extraLen]
	c.block = rest[at+extraLen:]
	if flags&columnsSumBlock == 0 && blockSum != 0 ||
		flags&columnsSumBlock != 0 && crc32.Checksum(bytesOf(c.block), castagnoli) != blockSum {
		return bad("checksum mismatch in the block")
	}
	return c, nil
}

// bytesOf returns the bytes of s without a copy, for reading only: s may
// be a mapped file, read-only.
func bytesOf(s string) []byte {
	if s == "" {
		return nil
	}
	return unsafe.Slice(unsafe.StringData(s), len(s))
}
