package postgres

import (
	"context"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/postgres/pgtest"
	"github.com/guichet/guichet/site/recorder"
)

// TestWriteBatchReplicasOverlap: a search written by one replica and its
// click by another, in transactions that overlap (the click posted to the
// second replica within the 200 ms the search waits in the first one's
// queue), leave the search satisfied. Each transaction's trigger looked
// for the other side in committed rows only, so both missed it and the
// search stayed a failed one ("no click" in the gap report).
func TestWriteBatchReplicasOverlap(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	one, err := Open(ctx, dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer one.Close()
	two, err := Open(ctx, dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer two.Close()
	at := time.Date(2026, 12, 2, 14, 14, 20, 0, time.UTC)
	search := recorder.NewBatch()
	search.Searches = append(search.Searches, recorder.Search{SearchEvent: site.SearchEvent{
		ID: "0123456789abcdef0123456789abcdef", Query: "heating schedule", Normalized: "heating schedule",
		Locale: "en", Results: 3, Hits: []string{"heating/schedule", "heating/boiler", "setup/install"},
		Source: "site", Visitor: "v1", Time: at}, First: at})
	click := recorder.NewBatch()
	click.Events = append(click.Events, site.Event{Type: site.EventClick, SearchID: "0123456789abcdef0123456789abcdef",
		ArticleID: "heating/schedule", Locale: "en", Position: 1, Source: "site", Visitor: "v1", Time: at.Add(time.Millisecond)})

	// Replica one's batch is in its transaction, not committed yet, when
	// replica two writes the click.
	tx, err := one.pool.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := writeBatch(ctx, tx, search); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- two.WriteBatch(ctx, click) }()
	select {
	case err := <-done: // written at once: the overlap the triggers missed
		if err != nil {
			t.Fatal(err)
		}
		done <- nil
	case <-time.After(300 * time.Millisecond): // waiting for replica one's batch
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	var satisfied bool
	if err := one.pool.QueryRowContext(ctx, `SELECT satisfied FROM searches WHERE id = $1`,
		"0123456789abcdef0123456789abcdef").Scan(&satisfied); err != nil {
		t.Fatal(err)
	}
	if !satisfied {
		t.Error("a search clicked through another replica while its own batch was being written is not satisfied")
	}
}
