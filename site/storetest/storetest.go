// Package storetest is the one test suite every events store passes
// (site/sqlite and site/postgres, see site/store): the same calls must give
// the same answers on both. Run is for any store; Replicas is for stores
// several processes share (PostgreSQL), opened twice on one database.
package storetest

import (
	"context"
	"errors"
	"maps"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/insights"
	"github.com/guichet/guichet/site/recorder"
	"github.com/guichet/guichet/site/store"
	"github.com/guichet/guichet/site/tickets"
)

// start is the suite's "now": the clock the stores are opened with.
func start() time.Time { return time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC) }

// Opener opens a new, empty store whose clock is now, closed when the test
// ends.
type Opener func(t *testing.T, now func() time.Time) store.Store

// Run runs the suite on the stores open makes.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, Opener)
	}{
		{"Tokens", testTokens},
		{"Sessions", testSessions},
		{"Searches", testSearches},
		{"Satisfied", testSatisfied},
		{"NoVoteSatisfiesNothing", testNoVoteSatisfiesNothing},
		{"RelatedOnlySatisfiedByItsArticles", testRelatedOnlySatisfiedByItsArticles},
		{"ClickOnItsResults", testClickOnItsResults},
		{"FoundInstead", testFoundInstead},
		{"FirstHit", testFirstHit},
		{"Feedback", testFeedback},
		{"OneVoteADay", testOneVoteADay},
		{"Tickets", testTickets},
		{"TopicLinks", testTopicLinks},
		{"Decisions", testDecisions},
		{"PublishedSince", testPublishedSince},
		{"Prune", testPrune},
		{"Dashboard", testDashboard},
		{"DashboardRolledAndLive", testDashboardRolledAndLive},
		{"ContactRequestIsTheContact", testContactRequestIsTheContact},
		{"Secrets", testSecrets},
		{"Once", testOnce},
		{"Deliveries", testDeliveries},
		{"Subscriptions", testSubscriptions},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open) })
	}
}

func fixed(now time.Time) func() time.Time { return func() time.Time { return now } }

// record writes what fn records through the store's Recorder and flushes.
func record(t *testing.T, s store.Store, fn func(r *recorder.Recorder)) {
	t.Helper()
	r := s.Recorder(recorder.Options{FlushInterval: time.Hour})
	fn(r)
	ctx := context.Background()
	if err := r.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if err := r.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if st := r.Stats(); st.Dropped != 0 || st.WriteErrors != 0 {
		t.Fatalf("recorder %+v", st)
	}
}

func testTokens(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	if _, _, err := s.CreateToken(ctx, "root", "x"); site.ErrorCode(err) != site.EINVALID {
		t.Errorf("bad scope: %v", err)
	}
	secret, tok, err := s.CreateToken(ctx, site.ScopeTickets, "helpdesk")
	if err != nil {
		t.Fatal(err)
	}
	if id, err := s.Authenticate(ctx, secret, site.ScopeTickets); err != nil || id != tok.ID {
		t.Errorf("authenticate: %q %v", id, err)
	}
	for _, c := range []struct{ secret, scope string }{{secret, site.ScopeAdmin}, {secret + "x", site.ScopeTickets}, {"", site.ScopeTickets}} {
		if _, err := s.Authenticate(ctx, c.secret, c.scope); site.ErrorCode(err) != site.EUNAUTHORIZED {
			t.Errorf("authenticate %q as %s: %v", c.secret, c.scope, err)
		}
	}
	list, err := s.Tokens(ctx)
	if err != nil || len(list) != 1 || list[0].Name != "helpdesk" || !list[0].CreatedAt.Equal(t0) || list[0].RevokedAt != nil {
		t.Fatalf("tokens %+v %v", list, err)
	}
	if err := s.RevokeToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, secret, site.ScopeTickets); site.ErrorCode(err) != site.EUNAUTHORIZED {
		t.Errorf("revoked token accepted: %v", err)
	}
	if err := s.RevokeToken(ctx, "nope"); site.ErrorCode(err) != site.ENOTFOUND {
		t.Errorf("revoke unknown: %v", err)
	}
	list, _ = s.Tokens(ctx)
	if len(list) != 1 || list[0].RevokedAt == nil || !list[0].RevokedAt.Equal(t0) {
		t.Errorf("revoked token listed as %+v", list)
	}
}

func testSessions(t *testing.T, open Opener) {
	t0 := start()
	now := t0
	var mu sync.Mutex
	s := open(t, func() time.Time { mu.Lock(); defer mu.Unlock(); return now })
	ctx := context.Background()
	_, admin, _ := s.CreateToken(ctx, site.ScopeAdmin, "lead")
	_, tick, _ := s.CreateToken(ctx, site.ScopeTickets, "helpdesk")
	secret, err := s.StartSession(ctx, admin.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if id, err := s.Session(ctx, secret); err != nil || id != admin.ID {
		t.Fatalf("session: %q %v", id, err)
	}
	if _, err := s.Session(ctx, secret+"x"); site.ErrorCode(err) != site.EUNAUTHORIZED {
		t.Errorf("unknown session: %v", err)
	}
	wrong, _ := s.StartSession(ctx, tick.ID, time.Hour)
	if _, err := s.Session(ctx, wrong); site.ErrorCode(err) != site.EUNAUTHORIZED {
		t.Errorf("session of a tickets token: %v", err)
	}
	mu.Lock()
	now = now.Add(time.Hour)
	mu.Unlock()
	if _, err := s.Session(ctx, secret); site.ErrorCode(err) != site.EUNAUTHORIZED {
		t.Errorf("expired session: %v", err)
	}
	second, _ := s.StartSession(ctx, admin.ID, time.Hour)
	third, _ := s.StartSession(ctx, admin.ID, time.Hour)
	if err := s.EndSession(ctx, second); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session(ctx, second); site.ErrorCode(err) != site.EUNAUTHORIZED {
		t.Errorf("ended session: %v", err)
	}
	if err := s.EndSession(ctx, "never"); err != nil {
		t.Errorf("end unknown session: %v", err)
	}
	if _, err := s.Session(ctx, third); err != nil {
		t.Fatal(err)
	}
	s.RevokeToken(ctx, admin.ID)
	if _, err := s.Session(ctx, third); site.ErrorCode(err) != site.EUNAUTHORIZED {
		t.Errorf("session of a revoked token: %v", err)
	}
}

func testSearches(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	record(t, s, func(r *recorder.Recorder) {
		// A typing session: one row, its last query, its first time.
		for i, q := range []string{"re", "ref", "refund"} {
			r.RecordSearch(site.SearchEvent{ID: "typing", Query: q, Locale: "en", Results: i, Hits: []string{"billing/refund", "billing/fees"},
				Source: site.SourceSite, Visitor: "v1", Time: t0.Add(time.Duration(i) * time.Second)})
		}
		r.RecordSearch(site.SearchEvent{ID: "other", Query: "Passwort vergessen", Locale: "de", Source: site.SourceWidget,
			Context: "login", Path: "/login", Visitor: "v2", Time: t0.Add(time.Minute)})
	})
	if n, err := s.CountSearches(ctx); err != nil || n != 2 {
		t.Fatalf("count %d %v", n, err)
	}
	got, err := s.SearchByID(ctx, "typing")
	if err != nil {
		t.Fatal(err)
	}
	if got.Query != "refund" || got.Normalized != "refund" || got.Results != 2 || !got.Time.Equal(t0) ||
		!slices.Equal(got.Hits, []string{"billing/refund", "billing/fees"}) || got.Visitor != "v1" {
		t.Errorf("typing session stored as %+v", got)
	}
	// Keystrokes of the session written by later batches (another
	// replica's, say): a newer one takes the row, an older one arriving
	// late does not, and the session keeps its first time.
	record(t, s, func(r *recorder.Recorder) {
		r.RecordSearch(site.SearchEvent{ID: "typing", Query: "refunds", Locale: "en", Results: 3, Source: site.SourceSite, Visitor: "v1", Time: t0.Add(5 * time.Second)})
	})
	record(t, s, func(r *recorder.Recorder) {
		r.RecordSearch(site.SearchEvent{ID: "typing", Query: "ref", Locale: "en", Results: 1, Source: site.SourceSite, Visitor: "v1", Time: t0.Add(time.Second)})
	})
	if got, err := s.SearchByID(ctx, "typing"); err != nil || got.Query != "refunds" || got.Results != 3 || !got.Time.Equal(t0) {
		t.Errorf("typing session over three batches stored as %+v %v, want refunds from %v", got, err, t0)
	}
	if _, err := s.SearchByID(ctx, "nope"); site.ErrorCode(err) != site.ENOTFOUND {
		t.Errorf("unknown search: %v", err)
	}
	recent, err := s.RecentSearches(ctx, 0)
	if err != nil || len(recent) != 2 || recent[0].ID != "other" || recent[0].Context != "login" || recent[0].Hits != nil {
		t.Errorf("recent %+v %v", recent, err)
	}
	if one, _ := s.RecentSearches(ctx, 1); len(one) != 1 {
		t.Errorf("limit 1: %d", len(one))
	}
	// Both are unsatisfied: the gap report reads both.
	var failed []string
	if err := s.GapRecords(ctx, t0.Add(-time.Hour), func(r gaps.Record) error {
		failed = append(failed, r.Locale+":"+r.Query+":"+r.Path)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	sort.Strings(failed)
	if !slices.Equal(failed, []string{"de:Passwort vergessen:/login", "en:refunds:"}) {
		t.Errorf("gap records %q", failed)
	}
	stop := errors.New("stop")
	if err := s.GapRecords(ctx, t0.Add(-time.Hour), func(gaps.Record) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("GapRecords does not stop at fn's error: %v", err)
	}
}

func testSatisfied(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	yes := true
	record(t, s, func(r *recorder.Recorder) {
		// A click written before its search (another batch, another replica).
		r.RecordEvent(site.Event{Type: site.EventClick, SearchID: "clicked", ArticleID: "a", Locale: "en", Position: 1, Time: t0.Add(time.Second)})
		r.RecordSearch(site.SearchEvent{ID: "clicked", Query: "Álpha", Locale: "en", Results: 1, Hits: []string{"a"}, Visitor: "v1", Time: t0})
		r.RecordSearch(site.SearchEvent{ID: "read", Query: "beta", Locale: "en", Results: 1, Hits: []string{"b"}, Visitor: "v2", Time: t0})
		r.RecordSearch(site.SearchEvent{ID: "late", Query: "gamma", Locale: "en", Results: 1, Hits: []string{"c"}, Visitor: "v3", Time: t0})
		r.RecordSearch(site.SearchEvent{ID: "unrelated", Query: "delta", Locale: "en", Results: 1, Hits: []string{"d"}, Visitor: "v4", Time: t0})
	})
	record(t, s, func(r *recorder.Recorder) {
		r.RecordEvent(site.Event{Type: site.EventView, ArticleID: "b", Locale: "en", Visitor: "v2", Time: t0.Add(10 * time.Minute)})
		r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "c", Locale: "en", Helpful: &yes, Visitor: "v3", Time: t0.Add(31 * time.Minute)})
		r.RecordEvent(site.Event{Type: site.EventView, ArticleID: "x", Locale: "en", Visitor: "v4", Time: t0.Add(time.Minute)})
	})
	var failed, satisfied []string
	s.GapRecords(ctx, t0.Add(-time.Hour), func(r gaps.Record) error { failed = append(failed, r.Query); return nil })
	s.SatisfiedSearches(ctx, t0.Add(-time.Hour), func(r gaps.Record) error {
		// The query as typed, accents and all: the top searches show
		// it, not the normalised key.
		if want := map[string]string{"alpha": "Álpha", "beta": "beta"}[r.Normalized]; !r.Satisfied || r.Query != want {
			t.Errorf("satisfied record %+v, want query %q", r, want)
		}
		satisfied = append(satisfied, r.Normalized)
		return nil
	})
	sort.Strings(failed)
	sort.Strings(satisfied)
	if !slices.Equal(failed, []string{"delta", "gamma"}) || !slices.Equal(satisfied, []string{"alpha", "beta"}) {
		t.Errorf("failed %q, satisfied %q", failed, satisfied)
	}
	clicks, err := s.ArticleClicks(ctx, t0.Add(-time.Hour))
	if err != nil || len(clicks) != 1 || clicks["a"] != 1 {
		t.Errorf("clicks %v %v", clicks, err)
	}
}

// testNoVoteSatisfiesNothing: a "No" on an article a search returned
// says that article did not answer; it satisfied the search all the same,
// so a visitor who searched "change delivery address" and voted "No" on
// "How do I cancel my subscription?" (its third result) left the gap
// report and counted among the searches that found an answer (rv23a). A
// "No" satisfies nothing, whichever order the vote's rows come in; a vote
// changed to "Yes" satisfies as a "Yes" does.
func testNoVoteSatisfiesNothing(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	yes, no := true, false
	record(t, s, func(r *recorder.Recorder) {
		r.RecordSearch(site.SearchEvent{ID: "said-no", Query: "change delivery address", Locale: "en", Results: 3, Hits: []string{"orders", "delivery", "cancel"}, Visitor: "v1", Time: t0})
		r.RecordSearch(site.SearchEvent{ID: "no-then-yes", Query: "pause deliveries", Locale: "en", Results: 1, Hits: []string{"skip"}, Visitor: "v2", Time: t0})
		r.RecordSearch(site.SearchEvent{ID: "said-yes", Query: "gift box", Locale: "en", Results: 1, Hits: []string{"gift"}, Visitor: "v3", Time: t0})
	})
	record(t, s, func(r *recorder.Recorder) {
		r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "cancel", Locale: "en", Helpful: &no, Visitor: "v1", Time: t0.Add(time.Minute)})
		r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "skip", Locale: "en", Helpful: &no, Visitor: "v2", Time: t0.Add(time.Minute)})
		r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "gift", Locale: "en", Helpful: &yes, Visitor: "v3", Time: t0.Add(time.Minute)})
	})
	record(t, s, func(r *recorder.Recorder) {
		r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "skip", Locale: "en", Helpful: &yes, Visitor: "v2", Time: t0.Add(2 * time.Minute)})
	})
	var failed []string
	if err := s.GapRecords(ctx, t0.Add(-time.Hour), func(r gaps.Record) error { failed = append(failed, r.Query); return nil }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(failed, []string{"change delivery address"}) {
		t.Errorf("failed searches %q, want only the one voted \"No\" (a \"Yes\" satisfies, a \"No\" does not)", failed)
	}
}

// testRelatedOnlySatisfiedByItsArticles: a search that found only related
// articles (search's weak results) is recorded with no result and the
// articles it showed; a click on one of them, a reading or a "Yes" of one
// satisfies it as any search's, whichever row comes first, and it is
// otherwise read back failed with no result.
func testRelatedOnlySatisfiedByItsArticles(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	yes := true
	// A click stored before its search (the recorder's batches).
	record(t, s, func(r *recorder.Recorder) {
		r.RecordEvent(site.Event{Type: site.EventClick, SearchID: "early", ArticleID: "refund", Position: 1, Locale: "en", Visitor: "v4", Time: t0})
	})
	record(t, s, func(r *recorder.Recorder) {
		for _, e := range []site.SearchEvent{
			{ID: "clicked", Query: "refund bitcoin", Visitor: "v1"},
			{ID: "read", Query: "refund in bitcoin", Visitor: "v2"},
			{ID: "liked", Query: "bitcoin refund please", Visitor: "v3"},
			{ID: "early", Query: "refund with bitcoin", Visitor: "v4"},
			{ID: "left", Query: "bitcoin refunds", Visitor: "v5"},
		} {
			e.Locale, e.Results, e.Hits, e.Time = "en", 0, []string{"refund", "payment"}, t0
			r.RecordSearch(e)
		}
	})
	record(t, s, func(r *recorder.Recorder) {
		r.RecordEvent(site.Event{Type: site.EventClick, SearchID: "clicked", ArticleID: "payment", Position: 2, Locale: "en", Visitor: "v1", Time: t0.Add(time.Minute)})
		r.RecordEvent(site.Event{Type: site.EventView, ArticleID: "refund", Locale: "en", Visitor: "v2", Time: t0.Add(time.Minute)})
		r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "refund", Locale: "en", Helpful: &yes, Visitor: "v3", Time: t0.Add(time.Minute)})
	})
	var failed []gaps.Record
	if err := s.GapRecords(ctx, t0.Add(-time.Hour), func(r gaps.Record) error { failed = append(failed, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(failed) != 1 || failed[0].Query != "bitcoin refunds" || failed[0].Failure() != gaps.NoResults {
		t.Errorf("failed searches %+v, want only %q, with no result (a click on, a reading or a \"Yes\" of an article it showed satisfies)", failed, "bitcoin refunds")
	}
}

// testClickOnItsResults: a click satisfies its search only when the article
// clicked is one of the search's results: one it returned (hits), or one
// further down its results than the hits recorded (a later page: position
// past the hits, within its number of results). A click that names the
// search but another article (an app listing its popular articles under
// "no results") satisfies nothing, whichever of the two rows is written
// first, so the search stays in the gap report.
func testClickOnItsResults(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	ten := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}
	searches := []site.SearchEvent{
		{ID: "nothing", Query: "nothing found", Results: 0},
		{ID: "weak", Query: "weak results", Results: 3, Hits: []string{"a", "b", "c"}},
		{ID: "own", Query: "own result", Results: 2, Hits: []string{"a", "b"}},
		{ID: "paged", Query: "second page", Results: 25, Hits: ten},
		{ID: "beyond", Query: "past the end", Results: 12, Hits: ten},
		{ID: "early-other", Query: "early other", Results: 0},
		{ID: "early-own", Query: "early own", Results: 1, Hits: []string{"a"}},
	}
	clicks := []site.Event{
		{SearchID: "nothing", ArticleID: "popular", Position: 1},
		{SearchID: "weak", ArticleID: "x", Position: 1},
		{SearchID: "own", ArticleID: "b", Position: 2},
		{SearchID: "paged", ArticleID: "k", Position: 14},
		{SearchID: "beyond", ArticleID: "z", Position: 40},
	}
	early := []site.Event{
		{SearchID: "early-other", ArticleID: "popular", Position: 1},
		{SearchID: "early-own", ArticleID: "a", Position: 1},
	}
	event := func(e site.Event) site.Event {
		e.Type, e.Locale, e.Visitor, e.Time = site.EventClick, "en", "v-"+e.SearchID, t0.Add(time.Minute)
		return e
	}
	record(t, s, func(r *recorder.Recorder) {
		for _, e := range early { // written before their searches (another batch, another replica)
			r.RecordEvent(event(e))
		}
	})
	record(t, s, func(r *recorder.Recorder) {
		for _, q := range searches {
			q.Locale, q.Visitor, q.Time = "en", "v-"+q.ID, t0
			r.RecordSearch(q)
		}
	})
	record(t, s, func(r *recorder.Recorder) {
		for _, e := range clicks {
			r.RecordEvent(event(e))
		}
	})
	var failed []string
	if err := s.GapRecords(ctx, t0.Add(-time.Hour), func(r gaps.Record) error { failed = append(failed, r.Query); return nil }); err != nil {
		t.Fatal(err)
	}
	sort.Strings(failed)
	want := []string{"early other", "nothing found", "past the end", "weak results"}
	if !slices.Equal(failed, want) {
		t.Errorf("failed searches %q, want %q (a click on another article than the search's results satisfies nothing)", failed, want)
	}
}

// testFirstHit: a failed search is read with the first article it
// returned (gaps.Record.FirstHit), the first of its latest results when a
// later keystroke of the same search rewrote them; none when it found
// nothing.
func testFirstHit(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	record(t, s, func(r *recorder.Recorder) {
		r.RecordSearch(site.SearchEvent{ID: "typed", Query: "refu", Locale: "en", Visitor: "v1", Time: t0,
			Results: 1, Hits: []string{"refunds"}})
		r.RecordSearch(site.SearchEvent{ID: "shown", Query: "card declined", Locale: "en", Visitor: "v2", Time: t0,
			Results: 2, Hits: []string{"payments", "cards"}})
		r.RecordSearch(site.SearchEvent{ID: "nothing", Query: "vat number", Locale: "en", Visitor: "v3", Time: t0})
	})
	record(t, s, func(r *recorder.Recorder) {
		r.RecordSearch(site.SearchEvent{ID: "typed", Query: "refund twice", Locale: "en", Visitor: "v1", Time: t0.Add(2 * time.Second),
			Results: 2, Hits: []string{"fees", "refunds"}})
	})
	first := map[string]string{}
	if err := s.GapRecords(ctx, t0.Add(-time.Hour), func(r gaps.Record) error {
		if r.Kind == "" {
			first[r.Query] = r.FirstHit
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"refund twice": "fees", "card declined": "payments", "vat number": ""}
	if !maps.Equal(first, want) {
		t.Errorf("articles shown first %v, want %v", first, want)
	}
}

// testFoundInstead: a failed search keeps the first article its visitor
// opened after it within the visit (a click on another search's result or
// a popular article under "no results", a reading, a "Yes" vote) that it
// did not return (gaps.Record.Found); nothing another visitor did, a "No"
// vote (which takes back the article it is about), what came over 30 minutes after its last keystroke, or a reading
// that began before the search: a reading is recorded once the article
// was on screen for site.ReadingDelay, so one recorded sooner after the
// search is of the page the visitor typed the search on.
func testFoundInstead(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	yes, no := true, false
	at := func(min int) time.Time { return t0.Add(time.Duration(min) * time.Minute) }
	record(t, s, func(r *recorder.Recorder) {
		for _, q := range []site.SearchEvent{
			{ID: "read", Query: "refund twice", Visitor: "v1"},
			{ID: "reread", Query: "money back", Visitor: "v1", Time: at(1)},
			{ID: "clicked", Query: "charged double", Visitor: "v2"},
			{ID: "clicked-next", Query: "duplicate charge", Visitor: "v2", Time: at(2), Results: 2, Hits: []string{"refunds", "fees"}},
			{ID: "popular", Query: "invoice copy", Visitor: "v3"},
			{ID: "said-no", Query: "export data", Visitor: "v4"},
			{ID: "late", Query: "delete account", Visitor: "v5"},
			{ID: "other-visitor", Query: "change plan", Visitor: "v6"},
			{ID: "own-result", Query: "card declined", Visitor: "v7", Results: 1, Hits: []string{"payments"}},
			{ID: "typed-on", Query: "lost parcel", Visitor: "v8"},
			{ID: "read-then-no", Query: "vat number", Visitor: "v9"},
		} {
			q.Locale = "en"
			if q.Time.IsZero() {
				q.Time = t0
			}
			r.RecordSearch(q)
		}
	})
	record(t, s, func(r *recorder.Recorder) {
		for _, e := range []site.Event{
			{Type: site.EventView, ArticleID: "refunds", Visitor: "v1", Time: at(3)},
			{Type: site.EventView, ArticleID: "fees", Visitor: "v1", Time: at(4)}, // the first one counts
			{Type: site.EventClick, SearchID: "clicked-next", ArticleID: "refunds", Position: 1, Visitor: "v2", Time: at(3)},
			{Type: site.EventClick, SearchID: "popular", ArticleID: "invoices", Position: 1, Visitor: "v3", Time: at(1)},
			{Type: site.EventVote, ArticleID: "export", Helpful: &no, Visitor: "v4", Time: at(2)},
			{Type: site.EventView, ArticleID: "close-account", Visitor: "v5", Time: at(45)},
			{Type: site.EventView, ArticleID: "plans", Visitor: "someone-else", Time: at(1)},
			{Type: site.EventVote, ArticleID: "payments", Helpful: &yes, Visitor: "v7", Time: at(1)},
			// v8 typed the search 4 s after opening "shipping": its reading
			// (recorded 6 s after the search) began before the search.
			{Type: site.EventView, ArticleID: "shipping", Visitor: "v8", Time: t0.Add(site.ReadingDelay - 4*time.Second)},
			{Type: site.EventView, ArticleID: "tracking", Visitor: "v8", Time: at(2)},
			// v9 read "invoices", then said it did not help.
			{Type: site.EventView, ArticleID: "invoices", Visitor: "v9", Time: at(1)},
			{Type: site.EventVote, ArticleID: "invoices", Helpful: &no, Visitor: "v9", Time: at(2)},
		} {
			e.Locale = "en"
			r.RecordEvent(e)
		}
	})
	found := map[string]string{}
	if err := s.GapRecords(ctx, t0.Add(-time.Hour), func(r gaps.Record) error {
		if r.Kind == "" {
			found[r.Query] = r.Found
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"refund twice": "refunds", "money back": "refunds", "charged double": "refunds",
		"invoice copy": "invoices", "export data": "", "delete account": "", "change plan": "",
		"lost parcel": "tracking", "vat number": "",
	}
	if !maps.Equal(found, want) {
		t.Errorf("articles found instead %v, want %v (and the satisfied searches absent)", found, want)
	}
}

func testFeedback(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	yes, no := true, false
	record(t, s, func(r *recorder.Recorder) {
		// One visitor changes their mind the same day: the later vote counts.
		r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "fees", Locale: "en", Helpful: &yes, Visitor: "v1", Time: t0})
		r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "fees", Locale: "en", Helpful: &no, Reason: "inaccurate", Comment: "wrong fee", Visitor: "v1", Time: t0.Add(time.Minute)})
		r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "fees", Locale: "en", Helpful: &yes, Visitor: "v2", Time: t0})
		r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "login", Locale: "en", Helpful: &no, Reason: "unclear", Visitor: "v3", Time: t0})
		r.RecordOpen(site.WidgetOpen{Locale: "en", Path: "/billing", Matched: true, Visitor: "v1", Time: t0})
		r.RecordOpen(site.WidgetOpen{Locale: "en", Path: "/reports", Context: "reports", Matched: false, Visitor: "v2", Time: t0})
	})
	fb, err := s.NotHelpful(ctx, t0.Add(-time.Hour), 10)
	if err != nil || len(fb) != 2 {
		t.Fatalf("not helpful %+v %v", fb, err)
	}
	if fb[0].ArticleID != "login" || fb[0].No != 1 || fb[0].Yes != 0 || fb[0].Reasons["unclear"] != 1 {
		t.Errorf("first %+v", fb[0])
	}
	if fb[1].ArticleID != "fees" || fb[1].No != 1 || fb[1].Yes != 1 || !slices.Equal(fb[1].Comments, []string{"wrong fee"}) {
		t.Errorf("second %+v", fb[1])
	}
	events, err := s.RecentEvents(ctx, 10)
	if err != nil || len(events) != 3 || events[0].Comment != "wrong fee" || events[0].Helpful == nil || *events[0].Helpful {
		t.Errorf("recent events %+v %v", events, err)
	}
	var screens []string
	s.GapRecords(ctx, t0.Add(-time.Hour), func(r gaps.Record) error {
		if r.Kind == gaps.NoHelp {
			screens = append(screens, r.Path+"|"+r.Context+"|"+r.Source)
		}
		return nil
	})
	if !slices.Equal(screens, []string{"/reports|reports|" + site.SourceWidget}) {
		t.Errorf("screens without help %q", screens)
	}
}

// testOneVoteADay: a visitor's votes on an article count once a UTC day,
// the later by its time staying whichever is written first (a "No"
// written after its own reason, a "Yes" after a "No" replacing it), in the
// figures, their roll-up and what the vote satisfies or takes back.
func testOneVoteADay(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	yes, no := true, false
	d := time.Date(2026, 11, 20, 23, 59, 0, 0, time.UTC) // a minute before the next UTC day
	min := func(m int) time.Time { return d.Add(time.Duration(m) * time.Minute) }
	vote := func(visitor, article string, helpful *bool, reason string, at time.Time) site.Event {
		return site.Event{Type: site.EventVote, ArticleID: article, Locale: "en", Source: site.SourceSite, Helpful: helpful, Reason: reason, Visitor: visitor, Time: at}
	}
	record(t, s, func(r *recorder.Recorder) {
		r.RecordSearch(site.SearchEvent{ID: "s5", Query: "export csv", Locale: "en", Visitor: "v5", Time: min(-10)})
		r.RecordSearch(site.SearchEvent{ID: "s6", Query: "import csv", Locale: "en", Visitor: "v6", Time: min(-10)})
		r.RecordSearch(site.SearchEvent{ID: "s7", Query: "setup guide", Locale: "en", Results: 1, Hits: []string{"guide"}, Visitor: "v7", Time: min(-10)})
	})
	record(t, s, func(r *recorder.Recorder) {
		r.RecordEvent(vote("v1", "fees", &no, "inaccurate", d.Add(3*time.Second))) // the reason, written before its "No"
		r.RecordEvent(vote("v2", "fees", &yes, "", d.Add(5*time.Second)))          // in one batch, out of order
		r.RecordEvent(vote("v2", "fees", &no, "", d))
		r.RecordEvent(vote("v3", "fees", &yes, "", min(-60)))
		r.RecordEvent(vote("v4", "fees", &no, "", d)) // and a "Yes" the next day
		r.RecordEvent(vote("", "fees", &no, "", d))   // no visitor: each counts
		r.RecordEvent(vote("", "fees", &no, "", d))
		r.RecordEvent(vote("v5", "export", &no, "", min(-5)))
		r.RecordEvent(vote("v6", "import", &yes, "", min(-5)))
		r.RecordEvent(vote("v7", "guide", &no, "", min(-50))) // before the search
	})
	record(t, s, func(r *recorder.Recorder) {
		r.RecordEvent(vote("v1", "fees", &no, "", d))
		r.RecordEvent(vote("v3", "fees", &no, "missing_information", min(-59)))
		r.RecordEvent(vote("v4", "fees", &yes, "", min(2)))
		r.RecordEvent(vote("v5", "export", &yes, "", min(-4))) // found after all
		r.RecordEvent(vote("v6", "import", &no, "", min(-4)))  // not found after all
		r.RecordEvent(vote("v7", "guide", &yes, "", min(-5)))  // after the search: satisfies it
	})
	from, to := d.Truncate(24*time.Hour), d.Truncate(24*time.Hour).Add(48*time.Hour)
	check := func(when string) {
		t.Helper()
		days, err := s.DayTotals(ctx, from, to)
		if err != nil {
			t.Fatal(err)
		}
		votes := map[string][2]int{}
		for _, x := range days {
			v := votes[x.Day]
			votes[x.Day] = [2]int{v[0] + x.HelpfulVotes, v[1] + x.NotHelpfulVotes}
		}
		if want := map[string][2]int{"2026-11-20": {3, 6}, "2026-11-21": {1, 0}}; !maps.Equal(votes, want) {
			t.Errorf("%s: votes per day [yes no] %v, want %v", when, votes, want)
		}
		arts, err := s.ArticleTotals(ctx, from, to)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string][2]int{}
		for _, a := range arts {
			got[a.ArticleID] = [2]int{a.Helpful, a.NotHelpful}
		}
		if want := map[string][2]int{"fees": {2, 5}, "export": {1, 0}, "import": {0, 1}, "guide": {1, 0}}; !maps.Equal(got, want) {
			t.Errorf("%s: votes per article [yes no] %v, want %v", when, got, want)
		}
	}
	check("raw")
	comments, err := s.VoteComments(ctx, from, to, "", 10)
	var reasons []string
	for _, c := range comments {
		reasons = append(reasons, c.Reason)
	}
	sort.Strings(reasons)
	if err != nil || !slices.Equal(reasons, []string{"inaccurate", "missing_information"}) {
		t.Errorf("reasons of the votes that stand %q %v", reasons, err)
	}
	found := map[string]string{}
	if err := s.GapRecords(ctx, from, func(r gaps.Record) error {
		if r.Kind == "" {
			found[r.Query] = r.Found
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"export csv": "export", "import csv": ""}; !maps.Equal(found, want) {
		t.Errorf("failed searches and the article found instead %v, want %v (the satisfied one absent)", found, want)
	}
	if n, err := s.RollUp(ctx, to.Add(time.Hour)); err != nil || n != 2 {
		t.Fatalf("rolled up %d days, %v", n, err)
	}
	check("rolled up")
}

func ticket(id, subject, article string, created time.Time) site.StoredTicket {
	t := site.StoredTicket{Ticket: site.Ticket{ExternalID: id, Subject: subject, Body: "body of " + id, Tags: []string{"billing", "vip"},
		Locale: "en", Source: "zendesk", CreatedAt: created}, Topic: subject, Key: "k1"}
	if article != "" {
		t.Link = site.TicketLink{ArticleID: article, Method: site.LinkSearch, Score: 0.9}
	} else {
		t.Link = site.TicketLink{Nearest: "billing/fees", Score: 0.2}
	}
	return t
}

func testTickets(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	v0, err := s.TicketVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	day := t0.Truncate(24 * time.Hour)
	res, err := s.WriteTickets(ctx, []site.StoredTicket{
		ticket("z-1", "Refund please", "billing/refund", t0.Add(-time.Hour)),
		ticket("a-2", "Refund again", "billing/refund", t0.Add(-25*time.Hour)),
		ticket("m-3", "Printer on fire", "", t0.Add(-time.Hour)),
	})
	if err != nil || !slices.Equal(res, []string{site.TicketCreated, site.TicketCreated, site.TicketCreated}) {
		t.Fatalf("write %v %v", res, err)
	}
	if v1, _ := s.TicketVersion(ctx); v1 == v0 {
		t.Error("ticket version unchanged by a write")
	}
	stored, err := s.ExistingTickets(ctx, []string{"z-1", "m-3", "nope"})
	if err != nil || len(stored) != 2 {
		t.Fatalf("existing %v %v", stored, err)
	}
	if z := stored["z-1"]; !slices.Equal(z.Tags, []string{"billing", "vip"}) || !z.CreatedAt.Equal(t0.Add(-time.Hour)) ||
		z.Link.ArticleID != "billing/refund" || z.Link.Score != 0.9 || z.Key != "k1" || z.Body != "body of z-1" {
		t.Errorf("stored ticket %+v", z)
	}
	days := func() map[string]int {
		list, err := s.TicketDays(ctx, day.Add(-48*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, d := range list {
			out[d.ArticleID+" "+d.Day.Format("01-02")] += d.Tickets
		}
		return out
	}
	if got := days(); len(got) != 2 || got["billing/refund 11-30"] != 1 || got["billing/refund 11-29"] != 1 {
		t.Errorf("ticket days %v", got)
	}
	// Updating moves the daily count with the link.
	moved := ticket("z-1", "Refund please", "billing/fees", t0.Add(-time.Hour))
	if res, err := s.WriteTickets(ctx, []site.StoredTicket{moved}); err != nil || res[0] != site.TicketUpdated {
		t.Fatalf("update %v %v", res, err)
	}
	if got := days(); got["billing/fees 11-30"] != 1 || got["billing/refund 11-30"] != 0 {
		t.Errorf("after update %v", got)
	}
	totals, err := s.TicketTotals(ctx, time.Time{}, time.Time{}, "")
	if err != nil || totals[site.LinkSearch] != 2 || totals[""] != 1 {
		t.Errorf("totals %v %v", totals, err)
	}
	// Those of a period and a locale, as the admin page reads them.
	if totals, err := s.TicketTotals(ctx, t0.Add(-2*time.Hour), t0, "en"); err != nil || totals[site.LinkSearch] != 1 || totals[""] != 1 {
		t.Errorf("totals of the last two hours %v %v; want z-1 and m-3", totals, err)
	}
	if totals, err := s.TicketTotals(ctx, time.Time{}, time.Time{}, "fr"); err != nil || len(totals) != 0 {
		t.Errorf("totals in fr %v %v; want none", totals, err)
	}
	// One article's, to the millisecond: "since the update" of the
	// admin page splits the update's day at its time.
	for _, c := range []struct {
		id       string
		from, to time.Time
		want     int
	}{
		{"billing/fees", day, t0.Add(-time.Hour), 0}, // z-1 created at that very time: after
		{"billing/fees", day, t0.Add(-time.Hour + time.Millisecond), 1},
		{"billing/refund", day.Add(-24 * time.Hour), t0, 1}, // a-2
		{"billing/refund", day, t0, 0},
	} {
		if n, err := s.ArticleTicketCount(ctx, c.id, "en", c.from, c.to); err != nil || n != c.want {
			t.Errorf("tickets of %s in [%s, %s): %d %v, want %d", c.id, c.from, c.to, n, err, c.want)
		}
	}
	if n, err := s.ArticleTicketCount(ctx, "billing/fees", "fr", day, t0); err != nil || n != 0 {
		t.Errorf("tickets of billing/fees in fr: %d %v, want 0", n, err)
	}
	var unlinked []string
	s.GapRecords(ctx, t0.Add(-48*time.Hour), func(r gaps.Record) error {
		if r.Kind == gaps.UnlinkedTicket {
			unlinked = append(unlinked, r.Query+"|"+r.Visitor+"|"+r.Nearest)
		}
		return nil
	})
	if !slices.Equal(unlinked, []string{"Printer on fire||billing/fees"}) {
		t.Errorf("unlinked %q", unlinked)
	}
	// The linked ones, since a time (what names a gap of tickets gone).
	var linked []string
	if err := s.LinkedTickets(ctx, t0.Add(-2*time.Hour), func(lt gaps.LinkedTicket) error {
		linked = append(linked, lt.Topic+"|"+lt.Locale+"|"+lt.Article)
		return nil
	}); err != nil || !slices.Equal(linked, []string{"Refund please|en|billing/fees"}) {
		t.Errorf("linked %q %v", linked, err)
	}
	// Relinking on new content: pages in external ID order.
	page, err := s.TicketsToRelink(ctx, "k2", "", 2)
	if err != nil || len(page) != 2 || page[0].ExternalID != "a-2" || page[1].ExternalID != "m-3" {
		t.Fatalf("to relink %+v %v", page, err)
	}
	rest, _ := s.TicketsToRelink(ctx, "k2", page[1].ExternalID, 2)
	if len(rest) != 1 || rest[0].ExternalID != "z-1" {
		t.Fatalf("second page %+v", rest)
	}
	for i := range page {
		page[i].Key = "k2"
		page[i].Link = site.TicketLink{ArticleID: "printers/fire", Method: site.LinkTag, Score: 1}
	}
	if err := s.SetTicketLinks(ctx, page); err != nil {
		t.Fatal(err)
	}
	if left, _ := s.TicketsToRelink(ctx, "k2", "", 10); len(left) != 1 || left[0].ExternalID != "z-1" {
		t.Errorf("left to relink %+v", left)
	}
	if got := days(); got["printers/fire 11-30"] != 1 || got["printers/fire 11-29"] != 1 || got["billing/refund 11-29"] != 0 {
		t.Errorf("after relink %v", got)
	}
}

func testTopicLinks(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	s.WriteTickets(ctx, []site.StoredTicket{ticket("1", "Printer on fire", "", t0), ticket("2", "Something else", "", t0)})
	n, err := s.SaveTopicLinks(ctx, []tickets.TopicLink{
		{Locale: "en", Topic: "text:printer on fire", Label: "Printer on FIRE", ArticleID: "printers/fire", GapID: "g1", Created: t0},
		{Locale: "en", Topic: "key:abc", ArticleID: "printers/fire", GapID: "g1", Created: t0},
	})
	if err != nil || n != 1 {
		t.Fatalf("linked %d %v", n, err)
	}
	links, err := s.TopicLinks(ctx)
	if err != nil || len(links) != 2 || links[0].Topic != "key:abc" || !links[1].Created.Equal(t0) || links[1].Label != "Printer on FIRE" {
		t.Errorf("links %+v %v", links, err)
	}
	got, _ := s.ExistingTickets(ctx, []string{"1", "2"})
	if got["1"].Link.ArticleID != "printers/fire" || got["1"].Link.Method != site.LinkManual || got["2"].Link.ArticleID != "" {
		t.Errorf("tickets after linking %+v", got)
	}
	// Undone: the links made from the gap go, and the tickets linked by
	// hand are to be relinked (the others, linked on the content of key
	// k1, are not).
	if todo, err := s.TicketsToRelink(ctx, "k1", "", 10); err != nil || len(todo) != 0 {
		t.Errorf("tickets to relink before unlinking: %+v %v", todo, err)
	}
	if n, err := s.DeleteTopicLinks(ctx, "other"); err != nil || n != 0 {
		t.Errorf("unlinking a gap never linked: %d %v", n, err)
	}
	if n, err := s.DeleteTopicLinks(ctx, "g1"); err != nil || n != 2 {
		t.Fatalf("unlinked %d %v", n, err)
	}
	if links, err := s.TopicLinks(ctx); err != nil || len(links) != 0 {
		t.Errorf("links after unlinking %+v %v", links, err)
	}
	if todo, err := s.TicketsToRelink(ctx, "k1", "", 10); err != nil || len(todo) != 1 || todo[0].ExternalID != "1" {
		t.Errorf("tickets to relink after unlinking: %+v %v, want ticket 1, linked by hand", todo, err)
	}
}

func testDecisions(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	at := t0.Add(-time.Hour)
	d := gaps.Decision{ID: "g1", Kind: "search", Locale: "en", Status: "new_article", Note: "write it", Keys: []string{"k1", "k2"},
		Joined: []string{"k1", "k2 k3"}, Parted: []string{"k4"}, Query: "Dog Grooming Booth"}
	if err := s.SaveDecisions(ctx, d); err != nil {
		t.Fatal(err)
	}
	d2 := gaps.Decision{ID: "g0", Kind: "ticket", Locale: "fr", AnsweredAt: &at, AnsweredBy: "billing/refund", Updated: at}
	if err := s.SaveDecisions(ctx, d2); err != nil {
		t.Fatal(err)
	}
	d.Status, d.Note, d.Version = "ignored", "", 1
	if err := s.SaveDecisions(ctx, d); err != nil {
		t.Fatal(err)
	}
	list, err := s.Decisions(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("decisions %+v %v", list, err)
	}
	if g := list[0]; g.ID != "g0" || g.AnsweredAt == nil || !g.AnsweredAt.Equal(at) || g.AnsweredBy != "billing/refund" || g.Keys != nil ||
		g.Joined != nil || g.Parted != nil || g.MergedInto != "" || !g.Updated.Equal(at) || g.Version != 1 {
		t.Errorf("g0 %+v", g)
	}
	if g := list[1]; g.Status != "ignored" || g.Note != "" || !slices.Equal(g.Keys, []string{"k1", "k2"}) || !g.Updated.Equal(t0) || g.AnsweredAt != nil ||
		!slices.Equal(g.Joined, []string{"k1", "k2 k3"}) || !slices.Equal(g.Parted, []string{"k4"}) || g.Version != 2 || g.Query != "Dog Grooming Booth" {
		t.Errorf("g1 %+v", g)
	}
	// Saved over a version that is no longer the stored one (another
	// process saved meanwhile), or as new over a stored one: refused, and
	// nothing of the transaction is stored.
	for _, stale := range [][]gaps.Decision{
		{{ID: "g1", Kind: "search", Locale: "en", Status: "new_article", Version: 1}},
		{{ID: "g1", Kind: "search", Locale: "en", Status: "new_article"}},
		{{ID: "g2", Kind: "search", Locale: "en", Status: "new_article"}, {ID: "g0", Kind: "ticket", Locale: "fr", Status: "new_article"}},
	} {
		if err := s.SaveDecisions(ctx, stale...); site.ErrorCode(err) != site.ECONFLICT {
			t.Errorf("stale save of %s: %v, want a conflict", stale[len(stale)-1].ID, err)
		}
	}
	if list, _ := s.Decisions(ctx); len(list) != 2 || list[0].Status != "" || list[1].Status != "ignored" {
		t.Errorf("after stale saves: %+v", list)
	}
	// A gap merged into another, with the gap it went into, in one
	// transaction: only where it went.
	if err := s.SaveDecisions(ctx, gaps.Decision{ID: "g9", Kind: "search", Locale: "en", Joined: []string{"k1"}},
		gaps.Decision{ID: "g1", Kind: "search", Locale: "en", MergedInto: "g9", Version: 2}); err != nil {
		t.Fatal(err)
	}
	list, _ = s.Decisions(ctx)
	if g := list[1]; g.MergedInto != "g9" || g.Keys != nil || g.Joined != nil || g.Parted != nil || g.Status != "" || g.Version != 3 {
		t.Errorf("g1 merged %+v", g)
	}
	if err := s.SaveDecisions(ctx, gaps.Decision{ID: "bad", Kind: "search", Locale: "en", Status: "maybe"}); err == nil {
		t.Error("unknown status stored")
	}
}

func testPublishedSince(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	v := []gaps.ArticleVersion{{ID: "a", Locale: "en", Version: "1"}, {ID: "b", Locale: "en", Version: "1"}}
	got, err := s.PublishedSince(ctx, t0, v)
	if err != nil || len(got) != 2 || !got[gaps.VersionKey("a", "en")].IsZero() {
		t.Fatalf("first %v %v", got, err)
	}
	later := t0.Add(time.Hour)
	v = []gaps.ArticleVersion{{ID: "a", Locale: "en", Version: "1"}, {ID: "b", Locale: "en", Version: "2"}, {ID: "c", Locale: "fr", Version: "1"}}
	got, err = s.PublishedSince(ctx, later, v)
	if err != nil || !got[gaps.VersionKey("a", "en")].IsZero() || !got[gaps.VersionKey("b", "en")].Equal(later) || !got[gaps.VersionKey("c", "fr")].Equal(later) {
		t.Errorf("second %v %v", got, err)
	}
	got, _ = s.PublishedSince(ctx, later.Add(time.Hour), v)
	if !got[gaps.VersionKey("b", "en")].Equal(later) {
		t.Errorf("unchanged version re-dated: %v", got)
	}
}

func testPrune(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	old := time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)
	yes := true
	record(t, s, func(r *recorder.Recorder) {
		r.RecordSearch(site.SearchEvent{ID: "1", Query: "refund", Locale: "en", Results: 3, Visitor: "v1", Time: old})
		r.RecordSearch(site.SearchEvent{ID: "2", Query: "Refund", Locale: "en", Results: 0, Visitor: "v2", Time: old.Add(time.Hour)})
		r.RecordSearch(site.SearchEvent{ID: "3", Query: "refund", Locale: "en", Results: 3, Visitor: "v1", Time: old.Add(2 * time.Hour)})
		r.RecordSearch(site.SearchEvent{ID: "4", Query: "refund", Locale: "en", Results: 3, Visitor: "v1", Time: t0})
		r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "a", Locale: "en", Helpful: &yes, Visitor: "v1", Time: old})
		r.RecordOpen(site.WidgetOpen{Locale: "en", Path: "/x", Time: old})
	})
	n, err := s.Prune(ctx, t0.Add(-30*24*time.Hour))
	if err != nil || n != 5 {
		t.Fatalf("pruned %d %v", n, err)
	}
	if left, _ := s.CountSearches(ctx); left != 1 {
		t.Errorf("%d searches left", left)
	}
	days, err := s.DailySearches(ctx, "refund")
	if err != nil || len(days) != 1 || days[0] != (site.DailySearch{Day: "2026-01-10", Searches: 3, Visitors: 2, ZeroResults: 1}) {
		t.Errorf("daily %+v %v", days, err)
	}
	if n, _ := s.Prune(ctx, t0.Add(-30*24*time.Hour)); n != 0 {
		t.Errorf("pruned again: %d", n)
	}
}

// testDashboard: the dashboard's figures of a day (insights.Tally over its
// raw rows), contacts stored redacted, tickets per day and the comments of
// "not helpful" votes; the same after the day is rolled up, and after its
// raw rows are pruned; a day is rolled up once, an hour after it ended.
func testDashboard(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	d1 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	no := false
	record(t, s, func(r *recorder.Recorder) {
		// v1 searches, reads the result, rates it, then contacts support.
		r.RecordSearch(site.SearchEvent{ID: "s1", Query: "lost parcel", Locale: "en", Source: site.SourceSite, Results: 2, Hits: []string{"lost"}, Visitor: "v1", Time: d1})
		r.RecordEvent(site.Event{Type: site.EventView, ArticleID: "lost", Locale: "en", Source: site.SourceSite, Visitor: "v1", Time: d1.Add(time.Minute)})
		r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "lost", Locale: "en", Source: site.SourceSite, Helpful: &no, Reason: "inaccurate", Comment: "Form is gone", Visitor: "v1", Time: d1.Add(2 * time.Minute)})
		r.RecordEvent(site.Event{Type: site.EventContact, ArticleID: "lost", Locale: "en", Source: site.SourceSite, Path: "/u/jane@example.com", Visitor: "v1", Time: d1.Add(3 * time.Minute)})
		// v2 in the widget: a search with no result, then nothing.
		r.RecordOpen(site.WidgetOpen{Locale: "fr", Context: "checkout", Visitor: "v2", Time: d1})
		r.RecordSearch(site.SearchEvent{ID: "s2", Query: "zzqx", Locale: "fr", Source: site.SourceWidget, Context: "checkout", Visitor: "v2", Time: d1.Add(time.Minute)})
		r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "lost", Locale: "fr", Source: site.SourceWidget, Context: "checkout", Helpful: &no, Comment: "form IS  gone", Visitor: "v2", Time: d1.Add(2 * time.Minute)})
	})
	if _, err := s.WriteTickets(ctx, []site.StoredTicket{ticket("t1", "Parcel lost", "lost", d1)}); err != nil {
		t.Fatal(err)
	}
	from, to := d1.Truncate(24*time.Hour), d1.Truncate(24*time.Hour).Add(24*time.Hour)
	read := func() ([]insights.Day, []insights.ArticleDay) {
		t.Helper()
		days, err := s.DayTotals(ctx, from, to)
		if err != nil {
			t.Fatal(err)
		}
		arts, err := s.ArticleTotals(ctx, from, to)
		if err != nil {
			t.Fatal(err)
		}
		return days, arts
	}
	days, arts := read()
	want := []insights.Day{
		{Day: "2026-11-20", Locale: "en", Source: "site", Searches: 1, ClickedSearches: 1, Views: 1, NotHelpfulVotes: 1, Contacts: 1, Visits: 1, SelfServiceVisits: 1},
		{Day: "2026-11-20", Locale: "fr", Source: "widget", Screen: "checkout", Searches: 1, NoResultSearches: 1, NotHelpfulVotes: 1, WidgetOpens: 1, Visits: 1, SelfServiceVisits: 1, DeflectedVisits: 1},
	}
	if !slices.Equal(days, want) {
		t.Errorf("day totals\n got %+v\nwant %+v", days, want)
	}
	wantArts := []insights.ArticleDay{
		{ArticleID: "lost", Locale: "en", Views: 1, Readers: 1, NotHelpful: 1, ContactsAfterReading: 1},
		{ArticleID: "lost", Locale: "fr", NotHelpful: 1},
	}
	if !slices.Equal(arts, wantArts) {
		t.Errorf("article totals\n got %+v\nwant %+v", arts, wantArts)
	}
	tk, err := s.TicketsByDay(ctx, from, to)
	if err != nil || len(tk) != 1 || tk[0] != (insights.TicketDay{Day: "2026-11-20", Locale: "en", ArticleID: "lost", Tickets: 1}) {
		t.Errorf("tickets by day %+v %v", tk, err)
	}
	comments, err := s.VoteComments(ctx, from, to, "", 10)
	if err != nil || len(comments) != 2 || comments[0].Comment != "form IS gone" || comments[1].Reason != "inaccurate" {
		t.Errorf("comments %+v %v", comments, err)
	}
	if fr, _ := s.VoteComments(ctx, from, to, "fr", 10); len(fr) != 1 {
		t.Errorf("French comments %+v", fr)
	}
	// Rolled up: not before an hour after the day ended, then once.
	if n, err := s.RollUp(ctx, to.Add(30*time.Minute)); err != nil || n != 0 {
		t.Errorf("rolled up %d days half an hour after the day, %v", n, err)
	}
	if n, err := s.RollUp(ctx, to.Add(time.Hour)); err != nil || n != 1 {
		t.Errorf("rolled up %d days an hour after, %v", n, err)
	}
	if n, _ := s.RollUp(ctx, to.Add(time.Hour)); n != 0 {
		t.Errorf("rolled up %d days again", n)
	}
	if d, a := read(); !slices.Equal(d, want) || !slices.Equal(a, wantArts) {
		t.Errorf("rolled up: %+v %+v", d, a)
	}
	if _, err := s.Prune(ctx, to); err != nil {
		t.Fatal(err)
	}
	if d, a := read(); !slices.Equal(d, want) || !slices.Equal(a, wantArts) {
		t.Errorf("pruned: %+v %+v", d, a)
	}
	if c, _ := s.VoteComments(ctx, from, to, "", 10); len(c) != 0 {
		t.Errorf("comments outlived their raw rows: %+v", c)
	}
}

// testContactRequestIsTheContact: with the help center's own contact
// form, a request sent is its visit's contact; a visit that typed a
// subject there, opened a suggestion and sent nothing was deflected; a
// request stored before requests kept their sender counts for no visit.
func testContactRequestIsTheContact(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	d1 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	record(t, s, func(r *recorder.Recorder) {
		// v3: a search nobody took, then the contact form: its subject's
		// suggestions, one opened, nothing sent.
		r.RecordSearch(site.SearchEvent{ID: "s3", Query: "reset code", Locale: "en", Source: site.SourceSite, Results: 2, Hits: []string{"lost", "reset"}, Visitor: "v3", Time: d1})
		r.RecordSearch(site.SearchEvent{ID: "s4", Query: "reset code never arrives", Locale: "en", Source: site.SourceContact, Results: 3, Hits: []string{"reset", "lost", "pay"}, Visitor: "v3", Time: d1.Add(time.Minute)})
		r.RecordEvent(site.Event{Type: site.EventClick, SearchID: "s4", ArticleID: "reset", Position: 1, Locale: "en", Source: site.SourceContact, Visitor: "v3", Time: d1.Add(2 * time.Minute)})
		// v4 reads an article, then sends a request.
		r.RecordEvent(site.Event{Type: site.EventView, ArticleID: "lost", Locale: "en", Source: site.SourceSite, Visitor: "v4", Time: d1})
	})
	for _, req := range []site.ContactRequest{
		{ID: "c4", Subject: "Parcel lost", Description: "Still nothing", Locale: "en", Context: "article", Path: "/en/lost", SearchID: "s5", ArticleID: "lost", CreatedAt: d1.Add(3 * time.Minute), Visitor: "v4"},
		{ID: "c0", Subject: "Old request", Description: "Sent before", Locale: "en", CreatedAt: d1.Add(4 * time.Minute)},
	} {
		if err := s.SaveContact(ctx, req, nil); err != nil {
			t.Fatal(err)
		}
	}
	from, to := d1.Truncate(24*time.Hour), d1.Truncate(24*time.Hour).Add(24*time.Hour)
	days, err := s.DayTotals(ctx, from, to)
	want := []insights.Day{
		{Day: "2026-11-20", Locale: "en", Source: "contact", Searches: 1, ClickedSearches: 1, Contacts: 1},
		{Day: "2026-11-20", Locale: "en", Source: "site", Searches: 1, NoClickSearches: 1, Views: 1, Visits: 2, SelfServiceVisits: 2, DeflectedVisits: 1},
	}
	if err != nil || !slices.Equal(days, want) {
		t.Errorf("day totals %v\n got %+v\nwant %+v", err, days, want)
	}
	arts, err := s.ArticleTotals(ctx, from, to)
	if err != nil || !slices.Equal(arts, []insights.ArticleDay{{ArticleID: "lost", Locale: "en", Views: 1, Readers: 1, ContactsAfterReading: 1}}) {
		t.Errorf("article totals: %+v %v; want lost read once, before a contact", arts, err)
	}
	if n, err := s.RollUp(ctx, to.Add(time.Hour)); err != nil || n != 1 {
		t.Fatalf("rolled up %d days, %v", n, err)
	}
	if d, err := s.DayTotals(ctx, from, to); err != nil || !slices.Equal(d, want) {
		t.Errorf("rolled up: %+v %v", d, err)
	}
}

// testDashboardRolledAndLive: a period whose first day is rolled up and
// whose second is not yet reads the one from the daily totals and the
// other from its raw rows, the article's figures summed over both.
func testDashboardRolledAndLive(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	d1 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	d2 := d1.Add(24 * time.Hour)
	yes := true
	record(t, s, func(r *recorder.Recorder) {
		for _, at := range []time.Time{d1, d2} {
			r.RecordEvent(site.Event{Type: site.EventView, ArticleID: "lost", Locale: "en", Source: site.SourceSite, Visitor: "v", Time: at})
			r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "lost", Locale: "en", Source: site.SourceSite, Helpful: &yes, Visitor: "v", Time: at.Add(time.Minute)})
		}
	})
	from, to := d1.Truncate(24*time.Hour), d2.Truncate(24*time.Hour).Add(24*time.Hour)
	// An hour after d1 ended: d1 is rolled up, d2 is still going on.
	if n, err := s.RollUp(ctx, d2.Truncate(24*time.Hour).Add(time.Hour)); err != nil || n != 1 {
		t.Fatalf("rolled up %d days, %v; want d1", n, err)
	}
	days, err := s.DayTotals(ctx, from, to)
	want := []insights.Day{
		{Day: "2026-11-20", Locale: "en", Source: "site", Views: 1, HelpfulVotes: 1, Visits: 1, SelfServiceVisits: 1, DeflectedVisits: 1},
		{Day: "2026-11-21", Locale: "en", Source: "site", Views: 1, HelpfulVotes: 1, Visits: 1, SelfServiceVisits: 1, DeflectedVisits: 1},
	}
	if err != nil || !slices.Equal(days, want) {
		t.Errorf("day totals %+v %v\nwant %+v", days, err, want)
	}
	arts, err := s.ArticleTotals(ctx, from, to)
	if err != nil || !slices.Equal(arts, []insights.ArticleDay{{ArticleID: "lost", Locale: "en", Views: 2, Readers: 2, Helpful: 2}}) {
		t.Errorf("article totals over a rolled-up and a live day: %+v %v", arts, err)
	}
}

func testSecrets(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	a, err := s.Secret(ctx, "csrf", 32)
	if err != nil || len(a) != 32 {
		t.Fatalf("secret %x %v", a, err)
	}
	if b, _ := s.Secret(ctx, "csrf", 32); string(a) != string(b) {
		t.Error("secret changed")
	}
	d1, _ := s.VisitorKey(ctx, "2026-11-28")
	d2, _ := s.VisitorKey(ctx, "2026-11-29")
	if again, _ := s.VisitorKey(ctx, "2026-11-28"); string(again) != string(d1) || string(d1) == string(d2) {
		t.Error("visitor keys not one per day")
	}
	s.VisitorKey(ctx, "2026-11-30")
	// The key of the 28th is forgotten once the 30th's is made.
	if again, _ := s.VisitorKey(ctx, "2026-11-28"); string(again) == string(d1) {
		t.Error("old visitor key kept")
	}
}

func testOnce(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	var runs atomic.Int32
	fn := func(context.Context) error { runs.Add(1); return nil }
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.Once(ctx, "relink", "k1", fn); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if runs.Load() != 1 {
		t.Errorf("ran %d times for one key", runs.Load())
	}
	failed := errors.New("failed")
	if ran, err := s.Once(ctx, "relink", "k2", func(context.Context) error { return failed }); !ran || !errors.Is(err, failed) {
		t.Errorf("failing job: %v %v", ran, err)
	}
	if ran, err := s.Once(ctx, "relink", "k2", fn); !ran || err != nil {
		t.Errorf("after a failure the job runs again: %v %v", ran, err)
	}
	if ran, _ := s.Once(ctx, "answered", "k2", fn); !ran {
		t.Error("another job shares the key")
	}
}
