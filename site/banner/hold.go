package banner

import (
	"bytes"
	"io"
	"sync"
)

// Held is a writer (the log's) that keeps what is written to it until
// Release, then writes it and lets everything through: the lines a start
// logs while the content loads ("content published", its warnings) come
// after the banner, which names the address and the data folder first.
type Held struct {
	mu       sync.Mutex
	w        io.Writer
	buf      bytes.Buffer
	released bool
}

// Hold returns a Held writing to w.
func Hold(w io.Writer) *Held { return &Held{w: w} }

// Write implements io.Writer.
func (h *Held) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.released {
		return h.w.Write(p)
	}
	return h.buf.Write(p)
}

// Release writes what was held and lets later writes through; only the
// first call does anything.
func (h *Held) Release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.released {
		h.released = true
		h.w.Write(h.buf.Bytes())
		h.buf = bytes.Buffer{}
	}
}
