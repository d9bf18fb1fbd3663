package sqlite

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// Recorder defaults.
const (
	DefaultQueueSize     = 8192
	DefaultBatchSize     = 256
	DefaultFlushInterval = 200 * time.Millisecond
)

// RecorderOptions tunes a Recorder; zero values take the defaults.
type RecorderOptions struct {
	// QueueSize is how many events may wait for the writer; when full,
	// new events are dropped.
	QueueSize int
	// BatchSize is how many queued events trigger a write.
	BatchSize int
	// FlushInterval is the longest an event waits before it is written.
	FlushInterval time.Duration
	// Logger receives drop and write-failure reports; default slog.Default().
	Logger *slog.Logger
}

// Recorder is the SQLite site.EventRecorder: Record methods queue the event
// and return at once; one writer goroutine writes the queue in batches, each
// in one transaction. Safe for concurrent use.
type Recorder struct {
	db       *DB
	log      *slog.Logger
	batch    int
	interval time.Duration

	queue chan item
	flush chan chan error // Flush requests; each gets one reply
	stop  chan struct{}   // closed by Close
	done  chan struct{}   // closed when the writer has returned

	// mu orders Record against Close: Record sends under the read lock, so
	// once Close holds the write lock and sets closed, nothing more enters
	// the queue and the writer can drain it completely.
	mu     sync.RWMutex
	closed bool

	dropped     atomic.Uint64
	queued      atomic.Uint64
	written     atomic.Uint64
	writeErrors atomic.Uint64
	lastDropLog atomic.Int64 // unix nanoseconds

	// Owned by the writer goroutine.
	writeErr error // first write failure since the last Flush
	batches  int   // transactions written, for tests

	closeErr error // set before done is closed
}

var _ site.EventRecorder = (*Recorder)(nil)

// item is one queued event: a search when isSearch, a widget opening when
// isOpen, else a click or vote. Held by value so that Record does not
// allocate.
type item struct {
	isSearch bool
	isOpen   bool
	search   site.SearchEvent
	event    site.Event
	open     site.WidgetOpen
}

// NewRecorder starts a Recorder writing to db. Close it before closing db.
func NewRecorder(db *DB, opts RecorderOptions) *Recorder {
	if opts.QueueSize <= 0 {
		opts.QueueSize = DefaultQueueSize
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	if opts.FlushInterval <= 0 {
		opts.FlushInterval = DefaultFlushInterval
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	r := &Recorder{
		db:       db,
		log:      opts.Logger,
		batch:    opts.BatchSize,
		interval: opts.FlushInterval,
		queue:    make(chan item, opts.QueueSize),
		flush:    make(chan chan error),
		stop:     make(chan struct{}),
		done:     make(chan struct{}),
	}
	go r.run()
	return r
}

// RecordSearch queues a search. Records sharing an ID collapse into one row
// holding the latest query; an empty ID gets a new one. The personal data
// in its text is redacted here, where it enters the store, and its
// counting key (Normalized) is made from the redacted query, whatever the
// caller set. A zero Time is set to now. Never blocks: the search is
// dropped if the queue is full or the Recorder is closed.
func (r *Recorder) RecordSearch(e site.SearchEvent) {
	e = e.Redacted()
	e.Normalized = textnorm.Key(e.Query)
	if e.Time.IsZero() {
		e.Time = r.db.now()
	}
	r.enqueue(item{isSearch: true, search: e})
}

// RecordEvent queues a click, vote or reading, its personal data redacted
// (see RecordSearch). A zero Time is set to now. Never blocks: the event is
// dropped if its Type is unknown, the queue is full or the Recorder is
// closed.
func (r *Recorder) RecordEvent(e site.Event) {
	switch e.Type {
	case site.EventSearch, site.EventClick, site.EventVote, site.EventView, site.EventContact:
	default:
		r.drop(1, "unknown event type")
		return
	}
	e = e.Redacted()
	if e.Time.IsZero() {
		e.Time = r.db.now()
	}
	r.enqueue(item{event: e})
}

// RecordOpen queues an opening of the widget panel. A zero Time is set to
// now. Never blocks, like RecordEvent.
func (r *Recorder) RecordOpen(e site.WidgetOpen) {
	e = e.Redacted()
	if e.Time.IsZero() {
		e.Time = r.db.now()
	}
	r.enqueue(item{isOpen: true, open: e})
}

func (r *Recorder) enqueue(it item) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.closed {
		r.drop(1, "recorder closed")
		return
	}
	select {
	case r.queue <- it:
		r.queued.Add(1)
	default:
		r.drop(1, "event queue full")
	}
}

// Dropped returns how many events were not stored: queue full, Recorder
// closed, unknown type, or a failed write.
func (r *Recorder) Dropped() uint64 { return r.dropped.Load() }

// Stats implements site.EventRecorder.
func (r *Recorder) Stats() site.RecorderStats {
	return site.RecorderStats{
		Queued: r.queued.Load(), Written: r.written.Load(),
		Dropped: r.dropped.Load(), WriteErrors: r.writeErrors.Load(),
	}
}

// drop counts n lost events and logs at most once a second.
func (r *Recorder) drop(n int, why string) {
	total := r.dropped.Add(uint64(n))
	now := time.Now().UnixNano()
	last := r.lastDropLog.Load()
	if now-last < int64(time.Second) || !r.lastDropLog.CompareAndSwap(last, now) {
		return
	}
	r.log.Warn("events dropped", "reason", why, "dropped_total", total)
}

// Flush waits until every event queued before the call is written, and
// returns the first write error since the previous Flush, if any.
func (r *Recorder) Flush(ctx context.Context) error {
	reply := make(chan error, 1) // the writer never waits on a caller that gave up
	select {
	case r.flush <- reply:
	case <-r.done: // Close already wrote everything
		return r.closeErr
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-reply:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close stops accepting events, writes those queued and stops the writer.
// It is idempotent; later Record calls drop their events. If ctx ends
// first, Close returns its error and the writer finishes in the background.
func (r *Recorder) Close(ctx context.Context) error {
	r.mu.Lock()
	if !r.closed {
		r.closed = true
		close(r.stop)
	}
	r.mu.Unlock()
	select {
	case <-r.done:
		return r.closeErr
	case <-ctx.Done():
		return ctx.Err()
	}
}

// run is the writer goroutine.
func (r *Recorder) run() {
	defer close(r.done)
	b := newBatch()
	// The timer runs only while the batch is non-empty, so an idle
	// Recorder does not wake up.
	timer := time.NewTimer(r.interval)
	timer.Stop()
	add := func(it item) {
		if b.len() == 0 {
			timer.Reset(r.interval)
		}
		b.add(it)
		if b.len() >= r.batch {
			r.write(b)
			timer.Stop()
		}
	}
	for {
		select {
		case it := <-r.queue:
			add(it)
		case <-timer.C:
			r.write(b)
		case reply := <-r.flush:
			// Everything queued before Flush was called is ahead in the
			// queue: take exactly what is there now, so producers that keep
			// queueing cannot starve the reply.
			for n := len(r.queue); n > 0; n-- {
				add(<-r.queue)
			}
			r.write(b)
			timer.Stop()
			reply <- r.writeErr
			r.writeErr = nil
		case <-r.stop:
			// Close set closed under the lock before closing stop, so
			// nothing enters the queue any more: drain it all.
			for drained := false; !drained; {
				select {
				case it := <-r.queue:
					add(it)
				default:
					drained = true
				}
			}
			r.write(b)
			timer.Stop()
			r.closeErr = r.writeErr
			return
		}
	}
}

// write writes and empties b, logging and counting a failure.
func (r *Recorder) write(b *batch) {
	n := b.len()
	if n == 0 {
		return
	}
	// Not tied to any caller's context: events must reach the disk even
	// while the server shuts down. busy_timeout bounds the wait for a lock.
	err := b.write(context.Background(), r.db)
	b.reset()
	r.batches++
	if err != nil {
		r.writeErrors.Add(1)
		r.drop(n, "write failed")
		r.log.Error("write events", "events", n, "err", err)
		if r.writeErr == nil {
			r.writeErr = err
		}
		return
	}
	r.written.Add(uint64(n))
}
