package sqlite

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

func TestSearchByIDNotFound(t *testing.T) {
	db := openTest(t)
	got, err := db.SearchByID(context.Background(), "missing")
	if site.ErrorCode(err) != site.ENOTFOUND {
		t.Fatalf("err = %v, want %s", err, site.ENOTFOUND)
	}
	if got.ID != "" || got.Query != "" {
		t.Errorf("got %+v with the error", got)
	}
}

func TestRecentSearchesNewestFirst(t *testing.T) {
	db := openTest(t)
	db.Now = fakeClock(t0, time.Minute)
	r := newTestRecorder(t, db, RecorderOptions{})
	for i := range 5 {
		r.RecordSearch(site.SearchEvent{ID: fmt.Sprint("s", i), Query: fmt.Sprint("query ", i)})
	}
	flush(t, r)
	ctx := context.Background()
	list, err := db.RecentSearches(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 {
		t.Fatalf("%d searches, want 3", len(list))
	}
	for i, e := range list {
		want := 4 - i
		if e.ID != fmt.Sprint("s", want) || !e.Time.Equal(t0.Add(time.Duration(want)*time.Minute)) ||
			e.Time.Location() != time.UTC {
			t.Errorf("search %d = %+v, want s%d at %v UTC", i, e, want, t0.Add(time.Duration(want)*time.Minute))
		}
	}
	if all, _ := db.RecentSearches(ctx, 0); len(all) != 5 {
		t.Errorf("limit 0: %d searches, want 5", len(all))
	}
}

func TestNewID(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		id := site.NewID()
		if len(id) != 32 || seen[id] {
			t.Fatalf("site.NewID() = %q: want 32 hex digits, unique", id)
		}
		seen[id] = true
	}
}
