package sqlite

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

func TestGapSearchesKnowWhatFollowed(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{})
	now := time.Now().UTC()
	yes := true
	ids := []string{NewID(), NewID(), NewID(), NewID()}
	r.RecordSearch(site.SearchEvent{ID: ids[0], Query: "clicked", Results: 3, Visitor: "a", Time: now})
	r.RecordEvent(site.Event{Type: site.EventClick, SearchID: ids[0], ArticleID: "x", Visitor: "a", Time: now.Add(time.Second)})
	r.RecordSearch(site.SearchEvent{ID: ids[1], Query: "voted", Results: 3, Visitor: "b", Time: now})
	r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "x", Helpful: &yes, Visitor: "b", Time: now.Add(5 * time.Minute)})
	r.RecordSearch(site.SearchEvent{ID: ids[2], Query: "voted too late", Results: 3, Visitor: "c", Time: now})
	r.RecordEvent(site.Event{Type: site.EventVote, ArticleID: "x", Helpful: &yes, Visitor: "c", Time: now.Add(2 * time.Hour)})
	r.RecordSearch(site.SearchEvent{ID: ids[3], Query: "old", Visitor: "d", Locale: "fr", Time: now.Add(-48 * time.Hour)})
	flush(t, r)
	got, err := db.GapSearches(context.Background(), now.Add(-time.Hour), "")
	if err != nil {
		t.Fatal(err)
	}
	clicked := map[string]bool{}
	for _, s := range got {
		clicked[s.Query] = s.Clicked
	}
	want := map[string]bool{"clicked": true, "voted": true, "voted too late": false}
	if fmt.Sprint(clicked) != fmt.Sprint(want) {
		t.Errorf("clicked %v, want %v", clicked, want)
	}
	fr, _ := db.GapSearches(context.Background(), now.Add(-72*time.Hour), "fr")
	if len(fr) != 1 || fr[0].Query != "old" {
		t.Errorf("locale filter: %+v", fr)
	}
}

// BenchmarkGapReport100k reads 100,000 recorded searches (and their clicks)
// and groups them into the gap report.
func BenchmarkGapReport100k(b *testing.B) {
	db := openTest(b)
	r := NewRecorder(db, RecorderOptions{QueueSize: 200000})
	words := []string{"refund", "invoice", "bike", "train", "export", "pdf", "login", "password", "calendar", "sync", "team", "invite", "delete", "account", "sms", "reminder"}
	now := time.Now().UTC()
	for i := 0; i < 100000; i++ {
		id := NewID()
		q := words[i%len(words)] + " " + words[(i/7)%len(words)] + fmt.Sprintf(" w%d", i%300)
		r.RecordSearch(site.SearchEvent{ID: id, Query: q, Locale: "en", Source: site.SourceSite, Visitor: fmt.Sprintf("v%d", i%5000), Results: i % 3, Time: now.Add(-time.Duration(i) * time.Second)})
		if i%3 == 1 {
			r.RecordEvent(site.Event{Type: site.EventClick, SearchID: id, ArticleID: "a", Visitor: fmt.Sprintf("v%d", i%5000), Time: now})
		}
	}
	if err := r.Close(context.Background()); err != nil {
		b.Fatal(err)
	}
	if n, _ := db.CountSearches(context.Background()); n != 100000 {
		b.Fatalf("%d searches stored", n)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rows, err := db.GapSearches(context.Background(), now.Add(-90*24*time.Hour), "")
		if err != nil {
			b.Fatal(err)
		}
		if len(gaps.Group(rows, gaps.Options{Now: now})) == 0 {
			b.Fatal("no gaps")
		}
	}
}
