package postgres

import (
	"context"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/postgres/pgtest"
	"github.com/guichet/guichet/site/recorder"
)

// TestIdleReplicaRecoversWithTheDatabase: events lost while PostgreSQL
// was down longer than the recorder retries left the replica's events
// "failing" (/healthz 503) after PostgreSQL came back, until its next
// search or click was stored, which on an idle replica may take hours.
// A check that finds the database answering (the ping of /healthz or of a
// scrape) clears it.
func TestIdleReplicaRecoversWithTheDatabase(t *testing.T) {
	pg := pgtest.Own(t)
	ctx := context.Background()
	db, err := Open(ctx, pg.URL("postgres"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rec := db.Recorder(recorder.Options{RetryFor: 300 * time.Millisecond})
	defer rec.Close(ctx)
	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	rec.RecordSearch(site.SearchEvent{Query: "refund", Locale: "en"})
	if err := rec.Flush(ctx); err == nil || rec.Stats().Failing == "" {
		t.Fatalf("events stored with PostgreSQL stopped: %v, failing %q", err, rec.Stats().Failing)
	}
	if err := db.Ping(ctx); err == nil {
		t.Fatal("ping answered with PostgreSQL stopped")
	}
	if rec.Stats().Failing == "" {
		t.Fatal("a failed ping cleared the failure")
	}
	if err := pg.Start(); err != nil {
		t.Fatal(err)
	}
	var perr error
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if perr = db.Ping(ctx); perr == nil {
			break
		}
	}
	if perr != nil {
		t.Fatalf("PostgreSQL back, ping: %v", perr)
	}
	if f := rec.Stats().Failing; f != "" {
		t.Errorf("PostgreSQL answers again, nothing recorded since: events still failing: %s", f)
	}
	// And the next events are stored.
	rec.RecordSearch(site.SearchEvent{Query: "invoice", Locale: "en"})
	if err := rec.Flush(ctx); err != nil || rec.Stats().Failing != "" {
		t.Errorf("after the outage: %v, failing %q", err, rec.Stats().Failing)
	}
}
