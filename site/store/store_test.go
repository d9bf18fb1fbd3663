package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

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
