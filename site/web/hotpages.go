package web

import (
	"bytes"
	"compress/gzip"
	"container/list"
	"sync"
)

// Category and article pages are rendered when first requested, not when
// content is published: a restart or a reload renders nothing no request
// needs, and a help center of 100,000 articles does not hold 100,000 pages
// in memory. A rendered page is kept gzipped (served as is to the clients
// that accept gzip, decompressed on the fly for the others) in a cache of
// hot pages bounded in bytes; a page pushed out is rendered again on its
// next request, to the same bytes and ETag.

// hotPagesBytes bounds the compressed pages kept per snapshot: about
// 10,000 article pages of typical length.
const hotPagesBytes = 64 << 20

// lazyPage renders one page on demand.
type lazyPage struct {
	name string
	data func() any

	mu  sync.Mutex
	cur *blob         // the rendered page, nil until requested or once evicted
	el  *list.Element // its entry in the hot list while cur is set
}

// hotPages is the bounded cache of rendered lazy pages of one snapshot,
// least recently used first out.
type hotPages struct {
	max int64

	mu   sync.Mutex
	size int64
	lru  *list.List // of *lazyPage, most recent at the front
}

func newHotPages(max int64) *hotPages {
	return &hotPages{max: max, lru: list.New()}
}

// newLazyBlob is a page rendered by template name with data on its first
// request.
func newLazyBlob(name string, data func() any) *blob {
	return &blob{ctype: htmlType, lazy: &lazyPage{name: name, data: data}}
}

// ready returns the blob to write: b itself unless b is a lazy page, which
// is then rendered (or taken from the hot pages).
func (b *blob) ready(render func(string, any) ([]byte, error), hot *hotPages) (*blob, error) {
	lp := b.lazy
	if lp == nil {
		return b, nil
	}
	lp.mu.Lock()
	if cur := lp.cur; cur != nil {
		el := lp.el
		lp.mu.Unlock()
		hot.touch(el)
		return cur, nil
	}
	lp.mu.Unlock()
	body, err := render(lp.name, lp.data())
	if err != nil {
		return nil, err
	}
	cur := compressedBlob(b.ctype, body)
	lp.mu.Lock()
	if lp.cur != nil { // rendered meanwhile by another request
		cur = lp.cur
		lp.mu.Unlock()
		return cur, nil
	}
	lp.cur = cur
	lp.mu.Unlock()
	hot.add(lp, cur.size())
	return cur, nil
}

// compressedBlob prepares a rendered page and keeps only its gzipped
// bytes when compression pays off.
func compressedBlob(ctype string, body []byte) *blob {
	b := newBlob(ctype, body)
	if gz := b.gzipped(); gz != nil {
		b.body = nil
	}
	return b
}

// size is what the blob holds in memory.
func (b *blob) size() int64 { return int64(len(b.body) + len(b.gz)) }

// plain returns the uncompressed body, decompressing it when only the
// gzipped bytes are kept.
func (b *blob) plain() []byte {
	if b.body != nil || b.gz == nil {
		return b.body
	}
	zr, err := gzip.NewReader(bytes.NewReader(b.gz))
	if err != nil {
		return nil
	}
	var buf bytes.Buffer
	buf.Grow(len(b.gz) * 4)
	buf.ReadFrom(zr)
	return buf.Bytes()
}

// add counts a newly rendered page and evicts the least recently used
// ones beyond the bound.
func (h *hotPages) add(lp *lazyPage, n int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	lp.mu.Lock()
	lp.el = h.lru.PushFront(lp)
	lp.mu.Unlock()
	h.size += n
	for h.size > h.max && h.lru.Len() > 1 {
		el := h.lru.Back()
		old := h.lru.Remove(el).(*lazyPage)
		old.mu.Lock()
		if old.cur != nil {
			h.size -= old.cur.size()
		}
		old.cur, old.el = nil, nil
		old.mu.Unlock()
	}
}

// touch marks a page as just used.
func (h *hotPages) touch(el *list.Element) {
	if el == nil {
		return
	}
	h.mu.Lock()
	h.lru.MoveToFront(el) // a no-op once evicted: the element left the list
	h.mu.Unlock()
}
