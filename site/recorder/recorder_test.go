package recorder

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// writer keeps copies of the batches it was given, fails with err when
// set, and, when gate is set, signals entered and waits for gate before
// each write (to hold the writer goroutine still).
type writer struct {
	mu      sync.Mutex
	batches []Batch
	err     error
	entered chan struct{}
	gate    chan struct{}
	calls   int
}

func (w *writer) WriteBatch(ctx context.Context, b *Batch) error {
	if w.entered != nil {
		w.entered <- struct{}{}
	}
	if w.gate != nil {
		<-w.gate
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.calls++
	if w.err != nil {
		return w.err
	}
	c := Batch{n: b.n}
	c.Searches = append([]Search(nil), b.Searches...)
	c.Events = append([]site.Event(nil), b.Events...)
	c.Contacts = append([]site.Event(nil), b.Contacts...)
	c.Opens = append([]site.WidgetOpen(nil), b.Opens...)
	w.batches = append(w.batches, c)
	return nil
}

func (w *writer) all() (searches []Search, events, contacts []site.Event, opens []site.WidgetOpen) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, b := range w.batches {
		searches = append(searches, b.Searches...)
		events = append(events, b.Events...)
		contacts = append(contacts, b.Contacts...)
		opens = append(opens, b.Opens...)
	}
	return
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

var t0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func newRecorder(t *testing.T, w Writer, opts Options) *Recorder {
	t.Helper()
	if opts.Logger == nil {
		opts.Logger = quiet()
	}
	if opts.Now == nil {
		opts.Now = func() time.Time { return t0 }
	}
	if opts.FlushInterval == 0 {
		opts.FlushInterval = time.Hour // tests flush explicitly
	}
	r := New(w, opts)
	t.Cleanup(func() { r.Close(context.Background()) })
	return r
}

// A typing session is one row holding the last keystroke and the time it
// started, whatever order the keystrokes arrive in.
func TestRecordSearchCoalescesSessions(t *testing.T) {
	ms := time.Millisecond
	cases := []struct {
		name      string
		records   []site.SearchEvent
		wantRows  int
		wantQuery map[string]string
		wantFirst map[string]time.Time
	}{
		{"keystrokes in order", []site.SearchEvent{
			{ID: "s1", Query: "res", Time: t0},
			{ID: "s1", Query: "reset", Time: t0.Add(300 * ms)},
			{ID: "s1", Query: "reset password", Time: t0.Add(900 * ms)},
		}, 1, map[string]string{"s1": "reset password"}, map[string]time.Time{"s1": t0}},
		{"out of order: the latest wins, the earliest starts", []site.SearchEvent{
			{ID: "s1", Query: "reset password", Time: t0.Add(900 * ms)},
			{ID: "s1", Query: "res", Time: t0},
			{ID: "s1", Query: "reset", Time: t0.Add(300 * ms)},
		}, 1, map[string]string{"s1": "reset password"}, map[string]time.Time{"s1": t0}},
		{"same millisecond: the one added last wins", []site.SearchEvent{
			{ID: "s1", Query: "invoice", Time: t0},
			{ID: "s1", Query: "invoices", Time: t0.Add(200 * time.Microsecond)},
		}, 1, map[string]string{"s1": "invoices"}, map[string]time.Time{"s1": t0}},
		{"two sessions stay two", []site.SearchEvent{
			{ID: "a", Query: "refund", Time: t0},
			{ID: "b", Query: "billing", Time: t0.Add(ms)},
			{ID: "a", Query: "refund policy", Time: t0.Add(2 * ms)},
		}, 2, map[string]string{"a": "refund policy", "b": "billing"}, map[string]time.Time{"a": t0, "b": t0.Add(ms)}},
		{"no ID: each record is its own search", []site.SearchEvent{
			{Query: "refund", Time: t0},
			{Query: "refund", Time: t0},
		}, 2, nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := &writer{}
			r := newRecorder(t, w, Options{})
			for _, e := range tc.records {
				r.RecordSearch(e)
			}
			if err := r.Flush(context.Background()); err != nil {
				t.Fatal(err)
			}
			searches, _, _, _ := w.all()
			if len(searches) != tc.wantRows {
				t.Fatalf("%d rows written, want %d: %+v", len(searches), tc.wantRows, searches)
			}
			for _, s := range searches {
				if s.ID == "" {
					t.Errorf("search written without an ID: %+v", s)
				}
				if q, ok := tc.wantQuery[s.ID]; ok && s.Query != q {
					t.Errorf("%s: query %q, want %q", s.ID, s.Query, q)
				}
				if f, ok := tc.wantFirst[s.ID]; ok && !s.First.Equal(f) {
					t.Errorf("%s: started %v, want %v", s.ID, s.First, f)
				}
			}
			if st := r.Stats(); st.Written != uint64(len(tc.records)) || st.Dropped != 0 {
				t.Errorf("stats %+v, want %d written, none dropped", st, len(tc.records))
			}
		})
	}
}

// What a visitor typed is redacted before it is queued, its counting key
// is made from the redacted text whatever the caller set, events go to the
// right list, a missing time is the clock's, and an unknown type is dropped.
func TestRecordRedactsSortsAndStamps(t *testing.T) {
	w := &writer{}
	r := newRecorder(t, w, Options{})
	r.RecordSearch(site.SearchEvent{ID: "s", Query: "refund for jane@example.com order 12345678",
		Normalized: "caller key", Hits: make([]string, site.MaxRecordedHits+5)})
	r.RecordEvent(site.Event{Type: site.EventVote, SearchID: "s", Comment: "call me on +33 6 12 34 56 78"})
	r.RecordEvent(site.Event{Type: site.EventContact, SearchID: "s", Time: t0.Add(time.Minute)})
	r.RecordEvent(site.Event{Type: "bogus"})
	r.RecordOpen(site.WidgetOpen{Path: "/account/jane@example.com"})
	if err := r.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	searches, events, contacts, opens := w.all()
	if len(searches) != 1 || len(events) != 1 || len(contacts) != 1 || len(opens) != 1 {
		t.Fatalf("written %d searches, %d events, %d contacts, %d opens; want one each",
			len(searches), len(events), len(contacts), len(opens))
	}
	s := searches[0]
	if s.Query != "refund for [email] order [number]" {
		t.Errorf("query stored as %q", s.Query)
	}
	if s.Normalized == "caller key" || s.Normalized == "" {
		t.Errorf("normalized %q: not made from the redacted query", s.Normalized)
	}
	if len(s.Hits) != site.MaxRecordedHits {
		t.Errorf("%d hits kept, want %d", len(s.Hits), site.MaxRecordedHits)
	}
	if !s.Time.Equal(t0) || !events[0].Time.Equal(t0) || !opens[0].Time.Equal(t0) {
		t.Errorf("zero times not set from the clock: %v %v %v", s.Time, events[0].Time, opens[0].Time)
	}
	if !contacts[0].Time.Equal(t0.Add(time.Minute)) {
		t.Errorf("a given time was replaced: %v", contacts[0].Time)
	}
	if events[0].Comment != "call me on [phone]" {
		t.Errorf("comment stored as %q", events[0].Comment)
	}
	if opens[0].Path != "/account/[email]" {
		t.Errorf("open path stored as %q", opens[0].Path)
	}
	if st := r.Stats(); st.Dropped != 1 || st.Written != 4 {
		t.Errorf("stats %+v: want the unknown event dropped and 4 written", st)
	}
}

// A full batch is written without waiting for the interval or a Flush.
func TestBatchSizeTriggersWrite(t *testing.T) {
	w := &writer{entered: make(chan struct{}, 10)}
	r := newRecorder(t, w, Options{BatchSize: 3})
	for i := 0; i < 3; i++ {
		r.RecordEvent(site.Event{Type: site.EventClick})
	}
	select {
	case <-w.entered:
	case <-time.After(10 * time.Second):
		t.Fatal("a full batch was not written")
	}
	r.RecordEvent(site.Event{Type: site.EventClick})
	if err := r.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.batches) != 2 || len(w.batches[0].Events) != 3 || len(w.batches[1].Events) != 1 {
		t.Fatalf("batches %+v, want 3 then 1 events", w.batches)
	}
}

// When the writer cannot keep up, the queue holds QueueSize events and
// the rest are dropped and counted; Record never blocks.
func TestFullQueueDropsAndCounts(t *testing.T) {
	w := &writer{entered: make(chan struct{}, 10), gate: make(chan struct{})}
	r := newRecorder(t, w, Options{BatchSize: 1, QueueSize: 2})
	r.RecordEvent(site.Event{Type: site.EventClick}) // taken by the writer, which blocks
	<-w.entered
	for i := 0; i < 5; i++ { // 2 wait in the queue, 3 are dropped
		r.RecordEvent(site.Event{Type: site.EventClick})
	}
	if got := r.Dropped(); got != 3 {
		t.Errorf("dropped %d, want 3", got)
	}
	close(w.gate)
	if err := r.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, events, _, _ := w.all()
	if st := r.Stats(); len(events) != 3 || st.Written != 3 || st.Queued != 3 {
		t.Errorf("%d events written, stats %+v; want the 3 queued ones", len(events), st)
	}
}

// Close writes what is queued, later records are dropped, and Flush after
// Close reports how Close went.
func TestCloseWritesQueuedThenDrops(t *testing.T) {
	w := &writer{}
	r := newRecorder(t, w, Options{})
	for i := 0; i < 5; i++ {
		r.RecordSearch(site.SearchEvent{Query: "export csv"})
	}
	if err := r.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if searches, _, _, _ := w.all(); len(searches) != 5 {
		t.Fatalf("%d searches written on Close, want 5", len(searches))
	}
	r.RecordSearch(site.SearchEvent{Query: "late"})
	r.RecordOpen(site.WidgetOpen{})
	if got := r.Dropped(); got != 2 {
		t.Errorf("dropped %d after Close, want 2", got)
	}
	if err := r.Flush(context.Background()); err != nil {
		t.Errorf("Flush after a clean Close: %v", err)
	}
	if err := r.Close(context.Background()); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// A write that fails is reported once by the next Flush (or Close), its
// events counted as dropped; an unreachable store is tried again until
// RetryFor, and a batch written after a retry loses nothing.
func TestWriteFailures(t *testing.T) {
	unavailable := site.Errorf(site.EUNAVAILABLE, "database is locked")
	cases := []struct {
		name        string
		errs        []error // returned by successive writes
		retryFor    time.Duration
		wantErr     error
		wantWritten uint64
		wantDropped uint64
		wantCalls   int
	}{
		{"constraint error: not retried", []error{errors.New("constraint failed")}, 0, errors.New("constraint failed"), 0, 3, 1},
		{"unreachable past RetryFor: dropped", []error{unavailable}, time.Millisecond, unavailable, 0, 3, 1},
		{"unreachable then back: written", []error{unavailable, nil}, time.Minute, nil, 3, 0, 2},
		// Waits 0.1, 0.2, 0.4, 0.8, 1.6, 2, 2, 2 s: 9.1 s; 2 s more
		// would pass 10 s.
		{"unreachable for good: tried for RetryFor, then dropped", []error{unavailable, unavailable, unavailable, unavailable,
			unavailable, unavailable, unavailable, unavailable, unavailable, unavailable}, 10 * time.Second, unavailable, 0, 3, 9},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := &flaky{errs: tc.errs}
			var slept []time.Duration // the writer goroutine's; read after Flush
			at := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
			r := newRecorder(t, w, Options{RetryFor: tc.retryFor, Sleep: func(d time.Duration) { slept = append(slept, d) }, Now: func() time.Time { return at }})
			for i := 0; i < 3; i++ {
				r.RecordEvent(site.Event{Type: site.EventView})
			}
			err := r.Flush(context.Background())
			if (err == nil) != (tc.wantErr == nil) || err != nil && err.Error() != tc.wantErr.Error() {
				t.Fatalf("Flush = %v, want %v", err, tc.wantErr)
			}
			if err := r.Flush(context.Background()); err != nil {
				t.Errorf("second Flush reports the old error again: %v", err)
			}
			st := r.Stats()
			if st.Written != tc.wantWritten || st.Dropped != tc.wantDropped || w.calls != tc.wantCalls {
				t.Errorf("stats %+v after %d writes; want %d written, %d dropped, %d writes",
					st, w.calls, tc.wantWritten, tc.wantDropped, tc.wantCalls)
			}
			// /healthz shows what was lost and when, so that a replica
			// whose database is back (and answers its health check) tells
			// an old loss from one under way.
			want := ""
			if tc.wantDropped > 0 {
				want = "3 events lost at 2026-11-30T10:00:00Z: " + tc.wantErr.Error()
			}
			if st.Failing != want {
				t.Errorf("Failing = %q, want %q", st.Failing, want)
			}
			// Each retry waits twice as long as the one before, 2 s at most.
			for i, d := range slept {
				want := min(100*time.Millisecond<<i, 2*time.Second)
				if d != want {
					t.Errorf("wait %d before retrying = %v, want %v (all: %v)", i+1, d, want, slept)
				}
			}
			if len(slept) != tc.wantCalls-1 {
				t.Errorf("waited %d times for %d writes", len(slept), tc.wantCalls)
			}
		})
	}
}

// A failed write during Close is Close's error.
func TestCloseReportsWriteError(t *testing.T) {
	r := newRecorder(t, &flaky{errs: []error{errors.New("disk full")}}, Options{})
	r.RecordEvent(site.Event{Type: site.EventClick})
	if err := r.Close(context.Background()); err == nil || err.Error() != "disk full" {
		t.Fatalf("Close = %v, want the write error", err)
	}
	if err := r.Flush(context.Background()); err == nil {
		t.Error("Flush after a failed Close reports nothing")
	}
}

// A write that failed long before the stop, and was followed by writes
// that succeeded, is not Close's error: the server, stopped gracefully
// after a disk that was full had been freed, exited 1 naming the old
// failure (already logged and counted when it happened).
func TestCloseForgetsEarlierFailure(t *testing.T) {
	f := &flaky{errs: []error{errors.New("disk full")}}
	r := newRecorder(t, f, Options{BatchSize: 1})
	r.RecordEvent(site.Event{Type: site.EventClick})
	r.RecordEvent(site.Event{Type: site.EventClick})
	deadline := time.Now().Add(10 * time.Second)
	for r.Stats().Written < 1 || r.Stats().Failing != "" {
		if time.Now().After(deadline) {
			t.Fatalf("stats %+v: the second write did not succeed", r.Stats())
		}
		time.Sleep(5 * time.Millisecond)
	}
	r.RecordEvent(site.Event{Type: site.EventClick})
	if err := r.Close(context.Background()); err != nil {
		t.Fatalf("Close = %v, want nil: every write since the failure succeeded", err)
	}
}

// flaky returns errs in turn, then nil.
type flaky struct {
	mu    sync.Mutex
	errs  []error
	calls int
}

func (f *flaky) WriteBatch(ctx context.Context, b *Batch) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if len(f.errs) == 0 {
		return nil
	}
	err := f.errs[0]
	f.errs = f.errs[1:]
	return err
}

// TestWriteFailuresLogOnceAMinute: while every batch fails (a full disk
// under traffic), one error line a minute says how many events were lost
// since the line before; the first batch stored again says so once.
func TestWriteFailuresLogOnceAMinute(t *testing.T) {
	full := errors.New("database or disk is full")
	w := &flaky{errs: []error{full, full, full, full, nil}}
	var logs bytes.Buffer
	at := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return at }
	r := newRecorder(t, w, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil)), Now: now})
	for _, step := range []time.Duration{0, 10 * time.Second, 20 * time.Second, 70 * time.Second, 80 * time.Second} {
		mu.Lock()
		at = time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC).Add(step)
		mu.Unlock()
		r.RecordEvent(site.Event{Type: site.EventView})
		r.RecordEvent(site.Event{Type: site.EventView})
		r.Flush(context.Background())
	}
	var errorLines, infoLines []string
	for _, l := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		// The failed writes' own warning, once a second under traffic,
		// made the error line's minute moot (a newcomer, rv20h).
		if strings.Contains(l, "events dropped") {
			t.Errorf("a failed write logs its error line only, not: %s", l)
		}
		switch {
		case strings.Contains(l, "level=ERROR"):
			errorLines = append(errorLines, l)
		case strings.Contains(l, "level=INFO"):
			infoLines = append(infoLines, l)
		}
	}
	// Batches at 0, 10 and 20 s fail: one line (2 events); at 70 s a
	// minute has passed: one line for the 6 events since; at 80 s stored.
	if len(errorLines) != 2 || !strings.Contains(errorLines[0], "events=2 ") || !strings.Contains(errorLines[1], "events=6 ") ||
		!strings.Contains(errorLines[1], "lost_total=8") {
		t.Errorf("error lines:\n%s", strings.Join(errorLines, "\n"))
	}
	if len(infoLines) != 1 || !strings.Contains(infoLines[0], "stored again") || !strings.Contains(infoLines[0], "lost_total=8") ||
		!strings.Contains(infoLines[0], "lost_since=2026-11-30T10:00:00Z") {
		t.Errorf("info lines:\n%s", strings.Join(infoLines, "\n"))
	}
}

// TestFailingCountsEveryLostEvent: /healthz's error counts every event lost
// since the store began failing, not only the last batch's (rv20c: 40
// events lost on a full disk, /healthz said "23 events lost").
func TestFailingCountsEveryLostEvent(t *testing.T) {
	full := errors.New("database or disk is full")
	w := &flaky{errs: []error{full, full, full}}
	at := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return at }
	r := newRecorder(t, w, Options{Now: now})
	for i, n := range []int{2, 3, 1} {
		mu.Lock()
		at = time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC).Add(time.Duration(i) * 10 * time.Second)
		mu.Unlock()
		for j := 0; j < n; j++ {
			r.RecordEvent(site.Event{Type: site.EventView})
		}
		r.Flush(context.Background())
	}
	want := "6 events lost since 2026-11-30T10:00:00Z (the last at 2026-11-30T10:00:20Z): database or disk is full"
	if got := r.Stats().Failing; got != want {
		t.Errorf("Failing = %q, want %q", got, want)
	}
}

// TestReachableClearsOnlyAnUnreachableStore: a store that answers a check
// again clears events that failed because it could not be reached; one
// that failed otherwise (a full disk: it answers, but writes fail) stays
// failing until a batch is stored.
func TestReachableClearsOnlyAnUnreachableStore(t *testing.T) {
	for _, tc := range []struct {
		name  string
		err   error
		clear bool
	}{
		{"unreachable", site.Errorf(site.EUNAVAILABLE, "the database cannot be reached"), true},
		{"disk full", errors.New("database or disk is full"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRecorder(t, &flaky{errs: []error{tc.err}}, Options{RetryFor: time.Millisecond, Sleep: func(time.Duration) {}})
			r.RecordEvent(site.Event{Type: site.EventView})
			r.Flush(context.Background())
			if r.Stats().Failing == "" {
				t.Fatal("not failing")
			}
			r.Reachable()
			if cleared := r.Stats().Failing == ""; cleared != tc.clear {
				t.Errorf("cleared %v, want %v", cleared, tc.clear)
			}
		})
	}
}
