package sqlite

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/tickets"
)

// records reads every gap record since a time.
func records(t *testing.T, db *DB, since time.Time) []gaps.Record {
	t.Helper()
	var out []gaps.Record
	if err := db.GapRecords(context.Background(), since, func(r gaps.Record) error {
		out = append(out, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSatisfiedSearches: a search is satisfied by a click on one of its
// results, or by its visitor's "Yes" vote on or reading of an article it
// returned within 30 minutes; nothing else (a "No" says it did not answer).
func TestSatisfiedSearches(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{})
	now := time.Now().UTC().Truncate(time.Millisecond)
	yes, no := true, false
	search := func(q, visitor string, results int, hits ...string) string {
		id := site.NewID()
		r.RecordSearch(site.SearchEvent{ID: id, Query: q, Results: results, Hits: hits, Visitor: visitor, Locale: "en", Time: now})
		return id
	}
	event := func(typ, visitor, article, searchID string, after time.Duration, helpful *bool) {
		r.RecordEvent(site.Event{Type: typ, SearchID: searchID, ArticleID: article, Helpful: helpful, Visitor: visitor, Locale: "en", Time: now.Add(after)})
	}
	id := search("clicked", "a", 3, "x", "y")
	event(site.EventClick, "a", "y", id, time.Second, nil)
	search("voted on a result", "b", 3, "x", "y")
	event(site.EventVote, "b", "y", "", 5*time.Minute, &no) // a "No" on its own result: no answer (a reading, if any, satisfies)
	search("voted yes on a result", "k", 3, "x", "y")
	event(site.EventVote, "k", "y", "", 5*time.Minute, &yes)
	search("voted on another article", "c", 3, "x", "y")
	event(site.EventVote, "c", "z", "", time.Minute, &no) // an unrelated page: not this search's outcome
	search("read a result", "d", 3, "x", "y")
	event(site.EventView, "d", "x", "", 10*time.Minute, nil)
	search("voted too late", "e", 3, "x")
	event(site.EventVote, "e", "x", "", 2*time.Hour, &yes)
	search("someone else voted", "f", 3, "x")
	event(site.EventVote, "g", "x", "", time.Minute, &yes)
	search("nothing found", "h", 0)
	event(site.EventView, "h", "x", "", time.Minute, nil)
	search("voted before searching", "i", 3, "x")
	event(site.EventVote, "i", "x", "", -time.Minute, &yes)
	flush(t, r)
	// A click written before its search (another batch) still counts.
	early := site.NewID()
	r.RecordEvent(site.Event{Type: site.EventClick, SearchID: early, ArticleID: "x", Visitor: "j", Time: now})
	flush(t, r)
	r.RecordSearch(site.SearchEvent{ID: early, Query: "clicked before written", Results: 1, Hits: []string{"x"}, Visitor: "j", Time: now})
	flush(t, r)

	got := map[string]bool{}
	for _, rec := range records(t, db, now.Add(-time.Hour)) {
		got[rec.Query] = rec.Satisfied
	}
	err := db.SatisfiedSearches(context.Background(), now.Add(-time.Hour), func(r gaps.Record) error {
		if r.Query != r.Normalized || !r.Satisfied {
			t.Errorf("satisfied search read as %+v (its query as typed)", r)
		}
		got[r.Normalized] = r.Satisfied
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{
		"clicked": true, "voted on a result": false, "voted yes on a result": true, "voted on another article": false, "read a result": true,
		"voted too late": false, "someone else voted": false, "nothing found": false, "voted before searching": false,
		"clicked before written": true,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("satisfied %v\nwant      %v", got, want)
	}
}

// TestGapRecords: failed searches, unlinked tickets (their topic, the
// nearest article), openings of the widget with no help.
func TestGapRecords(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{})
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Millisecond)
	r.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "second", Locale: "fr", Visitor: "v", Time: now.Add(-time.Minute)})
	r.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "first", Locale: "en", Visitor: "v", Time: now.Add(-2 * time.Minute)})
	r.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "too old", Locale: "en", Visitor: "v", Time: now.Add(-48 * time.Hour)})
	r.RecordOpen(site.WidgetOpen{Locale: "en", Path: "/orders/12", Matched: false, Visitor: "v", Time: now})
	r.RecordOpen(site.WidgetOpen{Locale: "en", Path: "/home", Matched: true, Visitor: "v", Time: now})
	flush(t, r)
	if _, err := db.WriteTickets(ctx, []site.StoredTicket{
		{Ticket: site.Ticket{ExternalID: "t1", Subject: "Fwd: export CSV thanks", Locale: "en", CreatedAt: now}, Topic: "export CSV",
			Link: site.TicketLink{Nearest: "data/export", Score: 0.4}, Key: "k"},
		{Ticket: site.Ticket{ExternalID: "t2", Subject: "refund", Locale: "en", CreatedAt: now}, Topic: "refund",
			Link: site.TicketLink{ArticleID: "billing/refund", Method: site.LinkSearch, Score: 0.9}, Key: "k"},
	}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, rec := range records(t, db, now.Add(-time.Hour)) {
		got = append(got, fmt.Sprintf("%s/%s/%s/%s/%s/%.1f", rec.Failure(), rec.Query, rec.Locale, rec.Path, rec.Nearest, rec.NearestScore))
	}
	sort.Strings(got)
	want := []string{"no_help//en//orders/12//0.0", "no_results/first/en///0.0", "no_results/second/fr///0.0", "unlinked_ticket/export CSV/en//data/export/0.4"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("records\n%v\nwant\n%v", got, want)
	}
}

func TestDecisions(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)
	d := gaps.Decision{ID: "abc", Kind: gaps.KindSearch, Locale: "en", Status: gaps.StatusNewArticle, Note: "Ana writes it",
		AnsweredAt: &at, AnsweredBy: "billing/refund", Keys: []string{"refund", "monei ~refund"}, Updated: at}
	if err := db.SaveDecisions(ctx, d); err != nil {
		t.Fatal(err)
	}
	d.AnsweredAt, d.AnsweredBy, d.Status, d.Version = nil, "", "", 1 // back to open, undecided
	if err := db.SaveDecisions(ctx, d); err != nil {
		t.Fatal(err)
	}
	list, err := db.Decisions(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("%v %v", list, err)
	}
	if g := list[0]; g.Status != "" || g.AnsweredAt != nil || g.Note != "Ana writes it" || fmt.Sprint(g.Keys) != "[refund monei ~refund]" || !g.Updated.Equal(at) {
		t.Errorf("decision %+v", g)
	}
	if err := db.SaveDecisions(ctx, gaps.Decision{ID: "x", Kind: gaps.KindSearch, Status: "answered"}); err == nil {
		t.Error("answered is not a team decision")
	}
}

// TestPublishedSince: the articles there the first time are dated zero
// (published before anyone kept track); a new article, or a new version,
// is dated when it was first seen.
func TestPublishedSince(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	t1, t2 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC)
	got, err := db.PublishedSince(ctx, t1, []gaps.ArticleVersion{{ID: "a", Locale: "en", Version: "v1"}, {ID: "b", Locale: "en", Version: "v1"}})
	if err != nil || !got["en|a"].IsZero() || !got["en|b"].IsZero() {
		t.Fatalf("first: %v %v", got, err)
	}
	got, err = db.PublishedSince(ctx, t2, []gaps.ArticleVersion{{ID: "a", Locale: "en", Version: "v1"}, {ID: "b", Locale: "en", Version: "v2"}, {ID: "c", Locale: "en", Version: "v1"}})
	if err != nil || !got["en|a"].IsZero() || !got["en|b"].Equal(t2) || !got["en|c"].Equal(t2) {
		t.Errorf("second: %v %v", got, err)
	}
}

// TestTopicLinks: linking a topic stores it and links, at once, the stored
// unlinked tickets of that topic (by normalised text, in its locale).
func TestTopicLinks(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	tk := func(id, topic, locale, article string) site.StoredTicket {
		st := site.StoredTicket{Ticket: site.Ticket{ExternalID: id, Subject: "Fwd: " + topic, Locale: locale, CreatedAt: now}, Topic: topic, Key: "k"}
		if article != "" {
			st.Link = site.TicketLink{ArticleID: article, Method: site.LinkSearch, Score: 0.8}
		}
		return st
	}
	if _, err := db.WriteTickets(ctx, []site.StoredTicket{
		tk("1", "Export my data!", "en", ""), tk("2", "export my DATA", "en", ""), tk("3", "export my data", "fr", ""),
		tk("4", "export my data", "en", "data/other"), tk("5", "delete account", "en", ""),
	}); err != nil {
		t.Fatal(err)
	}
	n, err := db.SaveTopicLinks(ctx, []tickets.TopicLink{
		{Locale: "en", Topic: "text:export my data", ArticleID: "data/export", GapID: "g1", Created: now},
		{Locale: "en", Topic: "key:data export", ArticleID: "data/export", GapID: "g1", Created: now},
	})
	if err != nil || n != 2 {
		t.Fatalf("linked %d, %v", n, err)
	}
	links, _ := db.TopicLinks(ctx)
	if len(links) != 2 || links[0].ArticleID != "data/export" {
		t.Errorf("links %+v", links)
	}
	stored, _ := db.ExistingTickets(ctx, []string{"1", "2", "3", "4", "5"})
	for id, want := range map[string]string{"1": "manual:data/export", "2": "manual:data/export", "3": ":", "4": "search:data/other", "5": ":"} {
		if got := stored[id].Link.Method + ":" + stored[id].Link.ArticleID; got != want {
			t.Errorf("ticket %s: %s, want %s", id, got, want)
		}
	}
	days, _ := db.TicketDays(ctx, now.Add(-24*time.Hour))
	total := 0
	for _, d := range days {
		if d.ArticleID == "data/export" {
			total += d.Tickets
		}
	}
	if total != 2 {
		t.Errorf("daily counts of the linked article: %d", total)
	}
}
