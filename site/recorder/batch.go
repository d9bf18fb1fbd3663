package recorder

import (
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// Batch is the events the writer has taken from the queue but not yet
// written. Searches sharing an ID are coalesced into one here, so a typing
// session costs one upsert per batch, not one per keystroke.
type Batch struct {
	// Searches holds one entry per search ID, in the order first seen.
	Searches []Search
	// Events are the clicks, votes and readings, in the order recorded.
	Events []site.Event
	// Opens are the openings of the widget, in the order recorded.
	Opens []site.WidgetOpen

	n    int            // items added, before coalescing
	byID map[string]int // search ID → index in Searches
}

// Search is one coalesced search: the latest record of its ID in the
// batch (its Time is that record's) and the earliest time seen, when the
// session started. Writers keep the stored row's start and replace its
// query unless the stored one is newer: records can arrive out of order
// and across batches.
type Search struct {
	site.SearchEvent
	First time.Time
}

// NewBatch returns an empty batch.
func NewBatch() *Batch { return &Batch{byID: map[string]int{}} }

// Len is how many events were added, before coalescing.
func (b *Batch) Len() int { return b.n }

func (b *Batch) reset() {
	b.n = 0
	clear(b.Searches) // drop string references
	b.Searches = b.Searches[:0]
	clear(b.byID)
	clear(b.Events)
	b.Events = b.Events[:0]
	clear(b.Opens)
	b.Opens = b.Opens[:0]
}

func (b *Batch) add(it item) {
	b.n++
	if it.isOpen {
		b.Opens = append(b.Opens, it.open)
		return
	}
	if !it.isSearch {
		b.Events = append(b.Events, it.event)
		return
	}
	b.addSearch(it.search)
}

// AddSearch adds a search record as the writer would (see addSearch): for
// writers' tests and benchmarks, which build batches by hand.
func (b *Batch) AddSearch(e site.SearchEvent) {
	b.n++
	b.addSearch(e)
}

// addSearch adds a search record, coalescing it with the batch's record of
// the same ID: the latest keystroke wins (to the millisecond, which is what
// stores keep; on a tie, the one added last), and the session keeps its
// earliest time. An empty ID gets a new one.
func (b *Batch) addSearch(e site.SearchEvent) {
	if e.ID == "" {
		e.ID = site.NewID()
	}
	if e.Normalized == "" {
		e.Normalized = textnorm.Key(e.Query)
	}
	if len(e.Hits) > site.MaxRecordedHits {
		e.Hits = e.Hits[:site.MaxRecordedHits]
	}
	i, ok := b.byID[e.ID]
	if !ok {
		b.byID[e.ID] = len(b.Searches)
		b.Searches = append(b.Searches, Search{SearchEvent: e, First: e.Time})
		return
	}
	row := &b.Searches[i]
	if e.Time.UnixMilli() < row.First.UnixMilli() {
		row.First = e.Time
	}
	if e.Time.UnixMilli() >= row.Time.UnixMilli() {
		first := row.First
		row.SearchEvent = e
		row.First = first
	}
}
