package pgtest

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"testing"
	"time"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// TestServer starts PostgreSQL, writes to a fresh database, stops and
// starts the server again and finds the row.
func TestServer(t *testing.T) {
	dsn := DSN(t)
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := db.ExecContext(ctx, `CREATE TABLE t (v text); INSERT INTO t VALUES ('kept')`); err != nil {
		t.Fatal(err)
	}
	s := Need(t)
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if err := db.PingContext(ctx); err == nil {
		t.Error("the server answers after Stop")
	}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	var v string
	if err := db.QueryRowContext(ctx, `SELECT v FROM t`).Scan(&v); err != nil || v != "kept" {
		t.Errorf("after a restart: %q, %v", v, err)
	}
}

// TestKept: a database written on a kept cluster is there on the next
// start, and a server left running (by a run that was killed) is stopped
// and started again.
func TestKept(t *testing.T) {
	if _, err := findBin(); err != nil && os.Getenv("CI") != "true" {
		t.Skipf("PostgreSQL is not available: %v", err)
	}
	dir, err := os.MkdirTemp("", "guichet-pgtest-kept-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	exec := func(s *Server, db, stmt string) string {
		t.Helper()
		conn, err := sql.Open("pgx", s.URL(db))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var v string
		if err = conn.QueryRowContext(ctx, stmt).Scan(&v); err != nil && !errors.Is(err, sql.ErrNoRows) {
			t.Fatalf("%s: %v", stmt, err)
		}
		return v
	}
	s, err := startKept(dir)
	if err != nil {
		t.Fatal(err)
	}
	exec(s, "postgres", `CREATE DATABASE kept`)
	exec(s, "kept", `CREATE TABLE t AS SELECT 'kept' AS v`)
	s.Stop()
	for _, run := range []string{"again", "after a kill"} {
		// The first is left running, as a killed run leaves it.
		if s, err = startKept(dir); err != nil {
			t.Fatalf("%s: %v", run, err)
		}
		if v := exec(s, "kept", `SELECT v FROM t`); v != "kept" {
			t.Errorf("%s: %q", run, v)
		}
	}
	s.Stop()
}

// TestCPUTime: the server's CPU time grows by about what a query spends.
func TestCPUTime(t *testing.T) {
	s := Need(t)
	db, err := sql.Open("pgx", DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if err := db.PingContext(ctx); err != nil {
		t.Fatal(err)
	}
	before, err := s.CPUTime()
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM generate_series(1, 3000000) g WHERE md5(g::text) LIKE 'a%'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	after, err := s.CPUTime()
	if err != nil {
		t.Fatal(err)
	}
	if d := after - before; d < 200*time.Millisecond {
		t.Errorf("the server's CPU time grew by %s for 3,000,000 hashes", d)
	} else {
		t.Logf("%s for 3,000,000 hashes", d)
	}
}
