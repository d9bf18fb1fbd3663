// Package recorder is the event writer both stores share: Record methods
// queue a visitor's search, click, vote, reading or widget opening and
// return at once; one writer goroutine coalesces the queue into batches
// (a typing session becomes one search) and hands each batch to the
// store's Writer, which writes it in one transaction. A batch the store
// could not take because it was unreachable (site.EUNAVAILABLE) is kept
// and written again once it answers, within Options.RetryFor.
package recorder

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// Defaults of Options.
const (
	DefaultQueueSize     = 8192
	DefaultBatchSize     = 256
	DefaultFlushInterval = 200 * time.Millisecond
	DefaultRetryFor      = 30 * time.Second
)

// Writer stores batches: all of a batch in one transaction, or none of it.
// An error whose site.ErrorCode is EUNAVAILABLE says the store could not be
// reached and the batch may be written again.
type Writer interface {
	WriteBatch(ctx context.Context, b *Batch) error
}

// Options tunes a Recorder; zero values take the defaults.
type Options struct {
	// QueueSize is how many events may wait for the writer; when full,
	// new events are dropped.
	QueueSize int
	// BatchSize is how many queued events trigger a write.
	BatchSize int
	// FlushInterval is the longest an event waits before it is written.
	FlushInterval time.Duration
	// RetryFor is how long a batch is tried again while the store is
	// unreachable before its events are dropped (default 30 s).
	RetryFor time.Duration
	// Logger receives drop and write-failure reports; default slog.Default().
	Logger *slog.Logger
	// Now is the clock of events recorded without a time; default time.Now.
	Now func() time.Time
	// Sleep waits between writes while the store is unreachable; default
	// time.Sleep. RetryFor counts the time waited, or the time gone by
	// if longer.
	Sleep func(time.Duration)
}

// Recorder implements site.EventRecorder over a Writer. Safe for
// concurrent use.
type Recorder struct {
	w        Writer
	log      *slog.Logger
	now      func() time.Time
	sleep    func(time.Duration)
	batch    int
	interval time.Duration
	retryFor time.Duration

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
	answered    atomic.Uint64 // Reachable calls: the store answered a check
	batches     atomic.Uint64
	lastDropLog atomic.Int64           // unix nanoseconds
	failing     atomic.Pointer[string] // the last batch's error, nil once one is written
	// failMu orders the writer's setting of failing against Reachable's
	// clearing of it; unreachable says the last batch failed because the
	// store could not be reached (site.EUNAVAILABLE).
	failMu      sync.Mutex
	unreachable bool

	// Owned by the writer goroutine.
	writeErr error // first write failure since the last Flush or the stop
	// While batches fail: when the failures began, the events lost since,
	// those not logged yet, and when the last error line was written (one
	// a minute at most, failLogEvery: a full disk under traffic would
	// write one a batch).
	failSince           time.Time
	lostSince, unlogged int
	lastFailLog         time.Time

	closeErr error // set before done is closed
}

var _ site.EventRecorder = (*Recorder)(nil)

// item is one queued event: a search when isSearch, a widget opening when
// isOpen, else a click, vote or reading. Held by value so that Record does
// not allocate.
type item struct {
	isSearch bool
	isOpen   bool
	search   site.SearchEvent
	event    site.Event
	open     site.WidgetOpen
}

// New starts a Recorder writing to w. Close it before closing the store.
func New(w Writer, opts Options) *Recorder {
	if opts.QueueSize <= 0 {
		opts.QueueSize = DefaultQueueSize
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	if opts.FlushInterval <= 0 {
		opts.FlushInterval = DefaultFlushInterval
	}
	if opts.RetryFor <= 0 {
		opts.RetryFor = DefaultRetryFor
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Sleep == nil {
		opts.Sleep = time.Sleep
	}
	r := &Recorder{
		w:        w,
		log:      opts.Logger,
		now:      opts.Now,
		sleep:    opts.Sleep,
		batch:    opts.BatchSize,
		interval: opts.FlushInterval,
		retryFor: opts.RetryFor,
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
// in its text is redacted here, where it enters the store, the text is
// composed (textnorm.Normalize: every way of typing a letter stored alike), and its
// counting key (Normalized) is made from the redacted query, whatever the
// caller set. A search whose key is empty (a query without a word:
// textnorm.HasWords) is not recorded: searches are counted by their key. A zero Time is set to now.
// Never blocks: the search is dropped if the queue is full or the Recorder
// is closed.
func (r *Recorder) RecordSearch(e site.SearchEvent) {
	e.Path = textnorm.Path(e.Path) // as read and composed: one screen however its letters were sent, redacted as read
	e = e.Redacted()
	e.Query = textnorm.Normalize(e.Query) // composed (NFC), as searched and shown
	e.Normalized = textnorm.Key(e.Query)
	if e.Normalized == "" {
		return
	}
	if e.Time.IsZero() {
		e.Time = r.now().UTC()
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
	e.Path = textnorm.Path(e.Path)
	e = e.Redacted()
	if e.Time.IsZero() {
		e.Time = r.now().UTC()
	}
	r.enqueue(item{event: e})
}

// RecordOpen queues an opening of the widget panel. A zero Time is set to
// now. Never blocks, like RecordEvent.
func (r *Recorder) RecordOpen(e site.WidgetOpen) {
	e.Path = textnorm.Path(e.Path)
	e = e.Redacted()
	if e.Time.IsZero() {
		e.Time = r.now().UTC()
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

// Batches returns how many batches the writer wrote or tried to write.
func (r *Recorder) Batches() uint64 { return r.batches.Load() }

// Stats implements site.EventRecorder.
func (r *Recorder) Stats() site.RecorderStats {
	s := site.RecorderStats{
		Queued: r.queued.Load(), Written: r.written.Load(),
		Dropped: r.dropped.Load(), WriteErrors: r.writeErrors.Load(), Answered: r.answered.Load(),
	}
	if f := r.failing.Load(); f != nil {
		s.Failing = *f
	}
	return s
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
	b := NewBatch()
	// The timer runs only while the batch is non-empty, so an idle
	// Recorder does not wake up.
	timer := time.NewTimer(r.interval)
	timer.Stop()
	add := func(it item) {
		if b.Len() == 0 {
			timer.Reset(r.interval)
		}
		b.add(it)
		if b.Len() >= r.batch {
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
			// Close reports what befell the events written now; earlier
			// failures were logged and counted when they happened.
			r.writeErr = nil
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

// write writes and empties b, logging and counting a failure. While the
// store is unreachable it tries again, waiting longer each time up to two
// seconds, for at most retryFor; events queued meanwhile wait (or are
// dropped when the queue is full).
func (r *Recorder) write(b *Batch) {
	n := b.Len()
	if n == 0 {
		return
	}
	var err error
	start := time.Now()
	var waited time.Duration
	for wait := 100 * time.Millisecond; ; wait = min(2*wait, 2*time.Second) {
		// Not tied to any caller's context: events must reach the store
		// even while the server shuts down.
		err = r.w.WriteBatch(context.Background(), b)
		r.batches.Add(1)
		if err == nil || site.ErrorCode(err) != site.EUNAVAILABLE || max(waited, time.Since(start))+wait > r.retryFor {
			break
		}
		r.writeErrors.Add(1)
		if waited == 0 {
			// Once a batch: its retries, every 0.1 to 2 s, wrote a
			// line each (about fifteen a batch while PostgreSQL is down).
			r.log.Warn("write events: the store is unavailable; trying again", "events", n, "for_up_to", r.retryFor, "err", err)
		}
		r.sleep(wait)
		waited += wait
	}
	b.reset()
	if err != nil {
		r.writeErrors.Add(1)
		// Counted without drop's warning, once a second under traffic:
		// the error line below, once a minute, says how many were lost.
		r.dropped.Add(uint64(n))
		now := r.now()
		if r.lostSince == 0 {
			r.failSince = now
		}
		r.lostSince += n
		r.unlogged += n
		if r.lastFailLog.IsZero() || now.Sub(r.lastFailLog) >= failLogEvery {
			r.log.Error("write events", "events", r.unlogged, "lost_since", r.failSince.UTC().Format(time.RFC3339), "lost_total", r.lostSince, "err", err)
			r.unlogged, r.lastFailLog = 0, now
		}
		// Every event lost since the store began failing, not the last
		// batch's alone, so that /healthz does not understate the loss.
		msg := fmt.Sprintf("%d events lost at %s: %v", n, now.UTC().Format(time.RFC3339), err)
		if r.lostSince > n {
			msg = fmt.Sprintf("%d events lost since %s (the last at %s): %v", r.lostSince,
				r.failSince.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339), err)
		}
		r.failMu.Lock()
		r.failing.Store(&msg)
		r.unreachable = site.ErrorCode(err) == site.EUNAVAILABLE
		r.failMu.Unlock()
		if r.writeErr == nil {
			r.writeErr = err
		}
		return
	}
	r.written.Add(uint64(n))
	r.failMu.Lock()
	r.failing.Store(nil)
	r.unreachable = false
	r.failMu.Unlock()
	if r.lostSince > 0 {
		r.log.Info("write events: stored again", "lost_since", r.failSince.UTC().Format(time.RFC3339), "lost_total", r.lostSince)
		r.lostSince, r.unlogged, r.lastFailLog = 0, 0, time.Time{}
	}
}

// Reachable tells the recorder that its store answered a check (the ping
// of /healthz or of a metrics scrape): events that failed only because the
// store could not be reached (PostgreSQL down longer than RetryFor) are no
// longer failing, so that the /healthz of an idle replica recovers with the
// database, not at its next search or click. The events lost stay counted
// (guichet_events_dropped_total, the error lines). A store that answers
// but cannot be written (a full disk, a read-only file) stays failing
// until a batch is stored.
func (r *Recorder) Reachable() {
	r.answered.Add(1)
	r.failMu.Lock()
	defer r.failMu.Unlock()
	if r.unreachable {
		r.failing.Store(nil)
		r.unreachable = false
		r.log.Info("write events: the store answers again; the next events will be stored")
	}
}

// failLogEvery is how often, at most, failing batches write an error line
// (each says how many events were lost since the one before).
const failLogEvery = time.Minute
