package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// TestContactsAfterReadingInTheLocaleRead: a visitor entered the help
// center in French, read the English version of an article (not
// translated, or chosen), then contacted support. The contact after
// reading was counted for the article in French, the visit's first
// locale: a row of an article nobody read in French, with no view and one
// contact, and nothing for the English one that was read. It counts for
// the article in the locale it was read in.
func TestContactsAfterReadingInTheLocaleRead(t *testing.T) {
	db := openTest(t)
	r := newTestRecorder(t, db, RecorderOptions{})
	ctx := context.Background()
	at := time.Date(2026, 11, 18, 10, 0, 0, 0, time.UTC)
	r.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "douane", Locale: "fr", Source: site.SourceSite, Visitor: "v1", Results: 1, Hits: []string{"shipping/faq"}, Time: at})
	r.RecordEvent(site.Event{Type: site.EventView, ArticleID: "shipping/customs", Locale: "en", Source: site.SourceSite, Visitor: "v1", Time: at.Add(time.Minute)})
	r.RecordEvent(site.Event{Type: site.EventContact, ArticleID: "shipping/customs", Locale: "en", Source: site.SourceSite, Visitor: "v1", Time: at.Add(2 * time.Minute)})
	flush(t, r)
	from, to := at.Truncate(24*time.Hour), at.Truncate(24*time.Hour).Add(24*time.Hour)
	for _, when := range []string{"raw rows", "rolled up"} {
		if when == "rolled up" {
			if _, err := db.RollUp(ctx, to.Add(2*time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
		arts, err := db.ArticleTotals(ctx, from, to)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string][2]int{} // id locale → views, contacts after reading
		for _, a := range arts {
			got[a.ArticleID+" "+a.Locale] = [2]int{a.Views, a.ContactsAfterReading}
		}
		if len(got) != 1 || got["shipping/customs en"] != [2]int{1, 1} {
			t.Errorf("%s: article figures (views, contacts after reading) %v; want shipping/customs in en only, read once, then a contact", when, got)
		}
	}
}
