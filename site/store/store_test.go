package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/postgres"
	"github.com/guichet/guichet/site/postgres/pgtest"
	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/site/store"
	"github.com/guichet/guichet/site/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// TestSQLite runs the store suite on a SQLite file.
func TestSQLite(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) store.Store {
		db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "guichet.db"))
		if err != nil {
			t.Fatal(err)
		}
		db.Now = now
		t.Cleanup(func() { db.Close() })
		return db
	})
}

// openPostgres opens a store on the database at url, as a replica would.
func openPostgres(t testing.TB, url string, now func() time.Time) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(context.Background(), url, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Now = now
	t.Cleanup(func() { db.Close() })
	return db
}

// TestPostgres runs the store suite on a real PostgreSQL (pgtest).
func TestPostgres(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) store.Store {
		return openPostgres(t, pgtest.DSN(t), now)
	})
}

// TestPostgresReplicas runs the replica checks on two stores sharing one
// PostgreSQL database.
func TestPostgresReplicas(t *testing.T) {
	storetest.Replicas(t, func(t *testing.T, now func() time.Time) (store.Store, store.Store) {
		url := pgtest.DSN(t)
		return openPostgres(t, url, now), openPostgres(t, url, now)
	})
}

// TestPostgresMigrationOneVote: votes counted more than once a visitor,
// article and UTC day before 0008 are cleaned up, the latest by its time
// staying, so the unique index can hold the rule.
func TestPostgresMigrationOneVote(t *testing.T) {
	ctx := context.Background()
	url := pgtest.DSN(t)
	conn, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	names, err := filepath.Glob("../postgres/migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE schema_migrations (version integer NOT NULL PRIMARY KEY, applied_at timestamptz NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for i, name := range names {
		if filepath.Base(name) >= "0008" { // the schema before 0008
			break
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := conn.ExecContext(ctx, string(b)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := conn.ExecContext(ctx, `INSERT INTO schema_migrations VALUES ($1, now())`, i+1); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := conn.ExecContext(ctx, `
		INSERT INTO events (type, article_id, helpful, reason, visitor, created_at) VALUES
			('vote', 'fees', false, '', 'v1', '2026-11-20 10:00:00Z'), ('vote', 'fees', false, 'inaccurate', 'v1', '2026-11-20 10:00:03Z'),
			('vote', 'fees', true, '', 'v2', '2026-11-20 10:00:05Z'), ('vote', 'fees', false, '', 'v2', '2026-11-20 10:00:01Z'),
			('vote', 'fees', false, '', 'v3', '2026-11-20 23:59:00Z'), ('vote', 'fees', true, '', 'v3', '2026-11-21 00:01:00Z'),
			('vote', 'fees', false, '', '', '2026-11-20 00:00:00Z'), ('vote', 'fees', false, '', '', '2026-11-20 00:00:00Z'),
			('click', 'fees', NULL, '', 'v1', '2026-11-20 10:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	openPostgres(t, url, time.Now) // migrates
	rows, err := conn.QueryContext(ctx, `
		SELECT type, coalesce(helpful::text, '-'), reason, visitor, to_char(created_at AT TIME ZONE 'UTC', 'DD HH24:MI:SS')
		FROM events ORDER BY visitor, created_at, type`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var typ, helpful, reason, visitor, at string
		if err := rows.Scan(&typ, &helpful, &reason, &visitor, &at); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s %s %s %s %s", visitor, typ, helpful, reason, at))
	}
	want := []string{
		" vote false  20 00:00:00", " vote false  20 00:00:00", // no visitor: each counts
		"v1 click -  20 10:00:00", "v1 vote false inaccurate 20 10:00:03",
		"v2 vote true  20 10:00:05",
		"v3 vote false  20 23:59:00", "v3 vote true  21 00:01:00",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events after 0008:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestPostgresMigrationFirstHit: the searches stored before 0013 read
// the first of their recorded results as the article they showed first
// (gaps.Record.FirstHit), as SQLite's 0023 fills it.
func TestPostgresMigrationFirstHit(t *testing.T) {
	ctx := context.Background()
	url := pgtest.DSN(t)
	conn, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	names, err := filepath.Glob("../postgres/migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE schema_migrations (version integer NOT NULL PRIMARY KEY, applied_at timestamptz NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for i, name := range names {
		if filepath.Base(name) >= "0013" { // the schema before 0013
			break
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := conn.ExecContext(ctx, string(b)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := conn.ExecContext(ctx, `INSERT INTO schema_migrations VALUES ($1, now())`, i+1); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := conn.ExecContext(ctx, `
		INSERT INTO searches (id, query, normalized, locale, results, hits, created_at, updated_at) VALUES
			('s1', 'refund', 'refund', 'en', 2, '{billing/refund,billing/fees}', '2026-11-20 10:00:00Z', '2026-11-20 10:00:00Z'),
			('s2', 'card', 'card', 'en', 1, '{payments}', '2026-11-20 10:00:00Z', '2026-11-20 10:00:00Z'),
			('s3', 'qwxz', 'qwxz', 'en', 0, '{}', '2026-11-20 10:00:00Z', '2026-11-20 10:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	db := openPostgres(t, url, time.Now) // migrates
	first := map[string]string{}
	if err := db.GapRecords(ctx, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), func(r gaps.Record) error {
		first[r.Query] = r.FirstHit
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(first), fmt.Sprint(map[string]string{"refund": "billing/refund", "card": "payments", "qwxz": ""}); got != want {
		t.Errorf("after 0013: shown first %s, want %s", got, want)
	}
}

// TestPostgresNewerSchemaWhileRunning: a replica still running the old
// binary after another replica's newer binary migrated the database fails
// its health check, naming the versions (/healthz answers 503 and
// guichet_database_up reads 0), rather than answering ok while the new
// schema refuses its writes.
func TestPostgresNewerSchemaWhileRunning(t *testing.T) {
	ctx := context.Background()
	url := pgtest.DSN(t)
	old := openPostgres(t, url, time.Now)
	check := store.Health(old, nil)
	if err := check(ctx); err != nil {
		t.Fatalf("health of a store on its own schema: %v", err)
	}
	var latest int
	conn, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&latest); err != nil {
		t.Fatal(err)
	}
	// The newer binary's migration, applied while the old one runs.
	if _, err := conn.ExecContext(ctx, `INSERT INTO schema_migrations VALUES ($1, now())`, latest+1); err != nil {
		t.Fatal(err)
	}
	err = check(ctx)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("schema version %d is newer than this program's (%d)", latest+1, latest)) ||
		!strings.Contains(err.Error(), "upgrade this replica") {
		t.Errorf("health of an old replica on a newer schema: %v", err)
	}
}

// TestPostgresJobWaitersHoldNoConnection: while another replica holds a
// job (a long check of which gaps new content answers), callers waiting
// for it on this replica, one per publication, hold none of its pool's
// connections: the store still answers, and the job runs once the lock
// is released, with connections of its own. Waiters held one each, took
// the whole pool and hung the replica (/healthz 503, events lost, the
// job deadlocked).
func TestPostgresJobWaitersHoldNoConnection(t *testing.T) {
	ctx := context.Background()
	url := pgtest.DSN(t)
	db, err := postgres.Open(ctx, url, postgres.Options{MaxConns: 3})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	// The other replica, inside the job.
	other, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	holder, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	if _, err := holder.ExecContext(ctx, `SELECT pg_advisory_lock(x'67756964'::int, hashtext('check answered gaps'))`); err != nil {
		t.Fatal(err)
	}
	var ran sync.WaitGroup
	runs := 0
	var mu sync.Mutex
	for i := range 6 { // more publications than connections
		ran.Add(1)
		go func() {
			defer ran.Done()
			_, err := db.Once(ctx, "check answered gaps", fmt.Sprint("content-", i), func(ctx context.Context) error {
				mu.Lock()
				runs++
				mu.Unlock()
				return db.Ping(ctx) // the job needs the store too
			})
			if err != nil {
				t.Error(err)
			}
		}()
	}
	time.Sleep(300 * time.Millisecond)
	pingCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := db.Ping(pingCtx); err != nil {
		t.Errorf("the store while 6 callers wait for a job another replica holds: %v", err)
	}
	if _, err := holder.ExecContext(ctx, `SELECT pg_advisory_unlock(x'67756964'::int, hashtext('check answered gaps'))`); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { ran.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the waiting jobs did not end once the lock was released")
	}
	if runs == 0 {
		t.Error("no waiting job ran")
	}
}
