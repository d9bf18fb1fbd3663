package sqlite

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/recorder"
)

var t0 = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// newTestRecorder returns a Recorder on db that logs nowhere, closed at the
// end of the test.
func newTestRecorder(t testing.TB, db *DB, opts RecorderOptions) *Recorder {
	t.Helper()
	opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	r := NewRecorder(db, opts)
	t.Cleanup(func() {
		if err := r.Close(context.Background()); err != nil {
			t.Error(err)
		}
	})
	return r
}

func flush(t testing.TB, r *Recorder) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := r.Flush(ctx); err != nil {
		t.Fatal(err)
	}
}

func countSearches(t testing.TB, db *DB) int {
	t.Helper()
	n, err := db.CountSearches(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func countEvents(t testing.TB, db *DB) int {
	t.Helper()
	var n int
	if err := db.reader.QueryRow(`SELECT count(*) FROM events`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestTypingSessionCollapses(t *testing.T) {
	db := openTest(t)
	db.Now = fakeClock(t0, time.Second)
	r := newTestRecorder(t, db, RecorderOptions{})
	id := site.NewID()
	for i, q := range []string{"r", "re", "ref", "refu", "refun", "Refund"} {
		r.RecordSearch(site.SearchEvent{ID: id, Query: q, Locale: "en", Results: 10 - i, Source: site.SourceSite})
	}
	flush(t, r)
	if n := countSearches(t, db); n != 1 {
		t.Fatalf("%d rows, want 1", n)
	}
	got, err := db.SearchByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	want := site.SearchEvent{ID: id, Query: "Refund", Normalized: "refund", Locale: "en",
		Results: 5, Source: site.SourceSite, Time: t0}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestTypingSessionAcrossBatches(t *testing.T) {
	db := openTest(t)
	db.Now = fakeClock(t0, time.Second)
	r := newTestRecorder(t, db, RecorderOptions{})
	id := site.NewID()
	for _, q := range []string{"r", "re", "ref"} {
		r.RecordSearch(site.SearchEvent{ID: id, Query: q})
	}
	flush(t, r)
	for _, q := range []string{"refu", "refun", "refund"} {
		r.RecordSearch(site.SearchEvent{ID: id, Query: q})
	}
	flush(t, r)
	// A late, older keystroke must not overwrite the newer query.
	r.RecordSearch(site.SearchEvent{ID: id, Query: "re", Time: t0.Add(2 * time.Second)})
	flush(t, r)

	if n := countSearches(t, db); n != 1 {
		t.Fatalf("%d rows, want 1", n)
	}
	got, err := db.SearchByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Query != "refund" || got.Normalized != "refund" || !got.Time.Equal(t0) {
		t.Errorf("got %+v, want query refund, created at %v", got, t0)
	}
	var updated int64
	db.reader.QueryRow(`SELECT updated_at FROM searches WHERE id = ?`, id).Scan(&updated)
	if want := t0.Add(5 * time.Second); !fromMillis(updated).Equal(want) {
		t.Errorf("updated_at = %v, want %v", fromMillis(updated), want)
	}
}

func TestEmptySearchIDGetsNewID(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{})
	r.RecordSearch(site.SearchEvent{Query: "a"})
	r.RecordSearch(site.SearchEvent{Query: "b"})
	flush(t, r)
	list, err := db.RecentSearches(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID == list[1].ID || len(list[0].ID) != 32 {
		t.Fatalf("got %+v, want two rows with distinct 32-hex IDs", list)
	}
}

func TestBatching10000Events(t *testing.T) {
	db := openTest(t)
	// Room for all, so that the count is exact however slow the machine.
	r := newTestRecorder(t, db, RecorderOptions{QueueSize: 16_384})
	const n = 10_000
	for i := range n {
		r.RecordEvent(site.Event{Type: site.EventClick, SearchID: fmt.Sprint(i % 100), ArticleID: "billing/refund", Position: i%5 + 1})
		if i%2 == 0 {
			r.RecordSearch(site.SearchEvent{ID: fmt.Sprint(i / 2 % 100), Query: fmt.Sprint("q", i)})
		}
	}
	flush(t, r)
	if got := countEvents(t, db); got != n {
		t.Errorf("%d events stored, want %d (dropped %d)", got, n, r.Dropped())
	}
	if got := countSearches(t, db); got != 100 {
		t.Errorf("%d searches stored, want 100", got)
	}
	if r.Dropped() != 0 {
		t.Errorf("dropped %d", r.Dropped())
	}
	// Flush returned, so the writer is idle and its counter stable.
	if max := uint64(2 * (n + n/2) / recorder.DefaultBatchSize); r.Batches() > max {
		t.Errorf("%d transactions for %d items, want at most %d", r.Batches(), n+n/2, max)
	}
	t.Logf("%d transactions", r.Batches())
}

func TestFlushAfterInterval(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{FlushInterval: 10 * time.Millisecond})
	r.RecordEvent(site.Event{Type: site.EventClick})
	deadline := time.Now().Add(5 * time.Second)
	for countEvents(t, db) != 1 {
		if time.Now().After(deadline) {
			t.Fatal("event not written by the interval timer")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestCloseFlushes(t *testing.T) {
	db := openTest(t)
	r := NewRecorder(db, RecorderOptions{FlushInterval: time.Hour, BatchSize: 1 << 20})
	for i := range 1000 {
		r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: fmt.Sprint(i)})
	}
	if err := r.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := countEvents(t, db); got != 1000 {
		t.Errorf("%d events after Close, want 1000", got)
	}
}

func TestRecordAfterClose(t *testing.T) {
	db := openTest(t)
	r := NewRecorder(db, RecorderOptions{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	ctx := context.Background()
	if err := r.Close(ctx); err != nil {
		t.Fatal(err)
	}
	r.RecordSearch(site.SearchEvent{Query: "late"})
	r.RecordEvent(site.Event{Type: site.EventClick})
	if err := r.Close(ctx); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if err := r.Flush(ctx); err != nil {
		t.Errorf("Flush after Close: %v", err)
	}
	if r.Dropped() != 2 {
		t.Errorf("Dropped = %d, want 2", r.Dropped())
	}
	if countSearches(t, db)+countEvents(t, db) != 0 {
		t.Error("events recorded after Close were stored")
	}
}

func TestQueueFullDrops(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{QueueSize: 1})
	// Hold the only writer connection: the writer blocks on its first batch
	// and the queue fills.
	conn, err := db.writer.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	const n = 100
	for range n {
		r.RecordEvent(site.Event{Type: site.EventClick})
	}
	conn.Close()
	flush(t, r)
	stored := countEvents(t, db)
	if stored+int(r.Dropped()) != n || r.Dropped() == 0 {
		t.Errorf("stored %d + dropped %d, want %d with drops", stored, r.Dropped(), n)
	}
}

func TestUnknownEventTypeDropped(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{})
	r.RecordEvent(site.Event{Type: "bogus"})
	r.RecordEvent(site.Event{Type: site.EventClick})
	flush(t, r)
	if got := countEvents(t, db); got != 1 {
		t.Errorf("%d events, want the click only", got)
	}
	if r.Dropped() != 1 {
		t.Errorf("Dropped = %d, want 1", r.Dropped())
	}
}

func TestEventsRoundTrip(t *testing.T) {
	db := openTest(t)
	db.Now = fakeClock(t0, time.Millisecond)
	r := newTestRecorder(t, db, RecorderOptions{})
	yes, no := true, false
	in := []site.Event{
		{Type: site.EventClick, SearchID: "s1", ArticleID: "billing/refund", Locale: "fr", Position: 2, Source: site.SourceWidget},
		{Type: site.EventVote, ArticleID: "billing/refund", Locale: "en", Helpful: &yes, Source: site.SourceSite},
		{Type: site.EventVote, ArticleID: "billing/refund", Helpful: &no, Reason: "outdated", Comment: "The fee changed.", Source: site.SourceAPI},
	}
	for _, e := range in {
		r.RecordEvent(e)
	}
	flush(t, r)
	got, err := db.RecentEvents(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(in) {
		t.Fatalf("%d events, want %d", len(got), len(in))
	}
	for i, g := range got {
		w := in[len(in)-1-i] // newest first
		w.Time = t0.Add(time.Duration(len(in)-1-i) * time.Millisecond)
		if (g.Helpful == nil) != (w.Helpful == nil) || g.Helpful != nil && *g.Helpful != *w.Helpful {
			t.Errorf("event %d Helpful = %v, want %v", i, g.Helpful, w.Helpful)
		}
		g.Helpful, w.Helpful = nil, nil
		if g != w {
			t.Errorf("event %d\n got %+v\nwant %+v", i, g, w)
		}
	}
}

func TestHostileTextStoredVerbatim(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{})
	hostile := []string{
		`'); DROP TABLE searches;--`,
		`<script>alert("x")</script>`,
		`" OR 1=1 --`,
		"nul\x00byte and ünïcödé 🙂",
	}
	for i, q := range hostile {
		r.RecordSearch(site.SearchEvent{ID: fmt.Sprint("h", i), Query: q, Context: q})
		r.RecordEvent(site.Event{Type: site.EventVote, SearchID: q, ArticleID: q, Reason: q, Comment: q})
	}
	flush(t, r)
	ctx := context.Background()
	for i, q := range hostile {
		got, err := db.SearchByID(ctx, fmt.Sprint("h", i))
		if err != nil {
			t.Fatal(err)
		}
		// Free text loses its control characters (site.CleanText), and
		// nothing else: SQL and markup are stored as typed.
		if got.Query != site.CleanText(q) || got.Context != site.CleanText(q) {
			t.Errorf("stored %q, want %q", got.Query, site.CleanText(q))
		}
		if _, err := db.SearchByID(ctx, q); site.ErrorCode(err) != site.ENOTFOUND {
			t.Errorf("SearchByID(%q) = %v, want not found", q, err)
		}
	}
	if n := countSearches(t, db); n != len(hostile) {
		t.Errorf("searches has %d rows, want %d", n, len(hostile))
	}
	events, err := db.RecentEvents(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range events {
		q := hostile[len(hostile)-1-i]
		if e.SearchID != q || e.ArticleID != q || e.Reason != q || e.Comment != site.CleanText(q) {
			t.Errorf("event %d = %+v, want every text field %q", i, e, q)
		}
	}
}

func TestConcurrentRecorders(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{QueueSize: 512, BatchSize: 64})
	ctx := context.Background()
	const workers, each = 32, 300
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			id := site.NewID()
			for i := range each {
				switch i % 3 {
				case 0:
					r.RecordSearch(site.SearchEvent{ID: id, Query: fmt.Sprint("q", i)})
				case 1:
					r.RecordEvent(site.Event{Type: site.EventClick, SearchID: id, Position: w})
				default:
					r.RecordSearch(site.SearchEvent{Query: "anon"})
				}
				if i%100 == 0 {
					if err := r.Flush(ctx); err != nil {
						t.Error(err)
					}
					if _, err := db.RecentSearches(ctx, 10); err != nil {
						t.Error(err)
					}
				}
			}
		})
	}
	wg.Wait()
	flush(t, r)

	// Drops are allowed under load, but every event is either stored or
	// counted: sessions collapse, so count what reached the tables.
	var sessionRecords, anon, clicks int
	db.reader.QueryRow(`SELECT count(*) FROM searches WHERE query = 'anon'`).Scan(&anon)
	clicks = countEvents(t, db)
	sessions := countSearches(t, db) - anon
	sessionRecords = workers * ((each + 2) / 3)
	stored := anon + clicks
	total := workers*each - sessionRecords
	if sessions > workers || stored+int(r.Dropped()) < total {
		t.Errorf("sessions %d (max %d); anon+clicks %d + dropped %d < %d",
			sessions, workers, stored, r.Dropped(), total)
	}
	if r.Dropped() == 0 && (stored != total || sessions != workers) {
		t.Errorf("no drops but stored %d of %d, %d of %d sessions", stored, total, sessions, workers)
	}
}

func TestConcurrentClose(t *testing.T) {
	db := openTest(t)
	r := NewRecorder(db, RecorderOptions{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 1000 {
				r.RecordEvent(site.Event{Type: site.EventClick})
			}
		})
	}
	for range 3 {
		wg.Go(func() {
			if err := r.Close(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := countEvents(t, db) + int(r.Dropped()); got != 8000 {
		t.Errorf("stored + dropped = %d, want 8000", got)
	}
}

func TestArticleClicks(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{})
	old := time.Now().Add(-40 * 24 * time.Hour)
	yes := true
	for _, e := range []site.Event{
		{Type: site.EventClick, ArticleID: "billing/refund", Locale: "en"},
		{Type: site.EventClick, ArticleID: "billing/refund", Locale: "fr"},
		{Type: site.EventClick, ArticleID: "account/password"},
		{Type: site.EventClick, ArticleID: "account/password", Time: old},
		{Type: site.EventVote, ArticleID: "account/password", Helpful: &yes},
	} {
		r.RecordEvent(e)
	}
	flush(t, r)
	got, err := db.ArticleClicks(context.Background(), time.Now().Add(-30*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"billing/refund": 2, "account/password": 1}
	if len(got) != len(want) || got["billing/refund"] != 2 || got["account/password"] != 1 {
		t.Errorf("clicks %v, want %v", got, want)
	}
}

func TestVisitorStored(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{})
	r.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "refund", Visitor: "v1"})
	r.RecordEvent(site.Event{Type: site.EventClick, ArticleID: "billing/refund", Visitor: "v2"})
	flush(t, r)
	ss, _ := db.RecentSearches(context.Background(), 1)
	es, _ := db.RecentEvents(context.Background(), 1)
	if len(ss) != 1 || ss[0].Visitor != "v1" || len(es) != 1 || es[0].Visitor != "v2" {
		t.Errorf("searches %+v events %+v", ss, es)
	}
}

func TestSecretPersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.db")
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := db.Secret(ctx, "visitor", 32)
	if err != nil || len(a) != 32 {
		t.Fatalf("secret %x, %v", a, err)
	}
	b, _ := db.Secret(ctx, "visitor", 32)
	other, _ := db.Secret(ctx, "other", 32)
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c, _ := db.Secret(ctx, "visitor", 32)
	if !bytes.Equal(a, b) || !bytes.Equal(a, c) || bytes.Equal(a, other) {
		t.Error("secret not stable across calls and restarts, or shared between names")
	}
}

// TestRecorderRedacts: personal data is redacted where events enter the
// store, whatever the caller sent, and the counting key comes from the
// redacted query.
func TestRecorderRedacts(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{})
	no := false
	r.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "Refund for jane@example.com", Normalized: "refund for jane example com", Path: "/u/jane@example.com"})
	r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "a", Helpful: &no, Comment: "mail me: bob@example.org"})
	r.RecordOpen(site.WidgetOpen{Path: "/orders/4111111111111111", Context: "x"})
	flush(t, r)
	var dump strings.Builder
	for _, q := range []string{`SELECT query || normalized || path FROM searches`, `SELECT comment FROM events`, `SELECT path FROM widget_opens`} {
		rows, err := db.reader.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			rows.Scan(&s)
			dump.WriteString(s + "\n")
		}
		rows.Close()
	}
	if s := dump.String(); strings.Contains(s, "jane") || strings.Contains(s, "bob") || strings.Contains(s, "4111") || !strings.Contains(s, "[email]") {
		t.Errorf("stored:\n%s", s)
	}
}
