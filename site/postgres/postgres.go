// Package postgres is Guichet's events store on PostgreSQL, for several
// replicas sharing one database: the same data and behaviour as
// site/sqlite (site/storetest runs the same suite on both), through
// database/sql and the pgx driver. Open applies the embedded, numbered
// migrations (one replica at a time); writes that replicas may race on
// retry on deadlocks; the background jobs that must run once take an
// advisory lock (Once, Prune); ticket writes notify the other replicas
// (LISTEN/NOTIFY, WatchTickets). An error from a database that cannot be
// reached is a site.EUNAVAILABLE error, which the HTTP layer answers 503.
//
// Times are timestamptz kept to the millisecond, as SQLite keeps them.
package postgres

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	neturl "net/url"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/recorder"
)

// lockSpace is the first key of every advisory lock Guichet takes, so its
// locks never meet another program's in a shared database.
const lockSpace = 0x67756963 // "guic"

// Options tunes Open.
type Options struct {
	// Application is reported to PostgreSQL as application_name (default
	// "guichet"): pg_stat_activity tells the replicas apart, and restore
	// refuses while a "guichet serve" is connected.
	Application string
	// MaxConns bounds the connections of this process (default 16).
	MaxConns int
	Logger   *slog.Logger
}

// DB is an open PostgreSQL events store: a pool of connections shared by
// reads and writes (PostgreSQL lets them run side by side).
type DB struct {
	// Now is the clock used for times the callers leave zero. Set it
	// before using the DB; defaults to time.Now.
	Now func() time.Time

	pool   *sql.DB
	config *pgx.ConnConfig // for the LISTEN connection
	name   string          // the URL without its password, for messages
	schema int             // the migrations this program knows, for Ping
	url    string          // the URL as given, its password as xxxxx, for commands to copy
	log    *slog.Logger

	listenMu sync.Mutex // one WatchTickets connection at a time

	recMu     sync.Mutex
	recorders []*recorder.Recorder // told when a Ping succeeds (Recorder.Reachable)
}

// Open connects to the database at url (postgres://user:password@host/name),
// checks it answers and applies pending migrations. Close the DB when done.
func Open(ctx context.Context, url string, opts Options) (*DB, error) {
	// A file the URL names that cannot be read is said by its name
	// (the driver's "unable to add CA to cert pool" names none).
	if err := CheckFiles(url); err != nil {
		return nil, fmt.Errorf("open PostgreSQL database: %w", err)
	}
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("open PostgreSQL database: %w", readable(url, err))
	}
	if opts.Application == "" {
		opts.Application = "guichet"
	}
	if _, set := cfg.RuntimeParams["application_name"]; !set {
		cfg.RuntimeParams["application_name"] = opts.Application
	}
	// A database host that does not answer must not hold a request for
	// the operating system's minutes-long TCP timeout.
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 5 * time.Second
	}
	cfg.RuntimeParams["timezone"] = "UTC"
	if opts.MaxConns <= 0 {
		opts.MaxConns = 16
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	db := &DB{Now: time.Now, config: cfg, name: describe(cfg), url: describe(cfg), log: opts.Logger}
	if _, err := neturl.Parse(url); err == nil {
		db.url = site.RedactURL(url) // keeps sslmode and the other parameters
	}
	db.pool = stdlib.OpenDB(*cfg)
	db.pool.SetMaxOpenConns(opts.MaxConns)
	db.pool.SetMaxIdleConns(opts.MaxConns)
	// Connections are renewed now and then, so a restarted or failed-over
	// server is reached again without a restart of ours.
	db.pool.SetConnMaxLifetime(30 * time.Minute)
	db.pool.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.migrate(ctx); err != nil {
		db.pool.Close()
		return nil, fmt.Errorf("open events database %s: %w", db.name, err)
	}
	return db, nil
}

// describe names the database for messages, without its password.
func describe(cfg *pgx.ConnConfig) string {
	return fmt.Sprintf("postgres://%s@%s/%s", cfg.User, net.JoinHostPort(cfg.Host, fmt.Sprint(cfg.Port)), cfg.Database)
}

// Close closes the pool. Close any Recorder first.
func (db *DB) Close() error {
	if err := db.pool.Close(); err != nil {
		return fmt.Errorf("close events database %s: %w", db.name, err)
	}
	return nil
}

// Ping checks that the database answers a query, for health checks, and
// that no newer program migrated it since this one started: a replica
// left running on the old binary through an upgrade keeps serving, but
// writes the old schema's way, and a batch of its events the new schema
// refuses is lost whole.
func (db *DB) Ping(ctx context.Context) error {
	var latest int
	if err := db.pool.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&latest); err != nil {
		return fail("events database "+db.name, err)
	}
	if latest > db.schema {
		return fmt.Errorf("events database %s: schema version %d is newer than this program's (%d): a newer guichet migrated it while this replica runs, and this replica's writes may fail (events lost): upgrade this replica to the same version", db.name, latest, db.schema)
	}
	// The database answers: events that failed because it could not be
	// reached are no longer failing (an idle replica's /healthz).
	db.recMu.Lock()
	defer db.recMu.Unlock()
	for _, r := range db.recorders {
		r.Reachable()
	}
	return nil
}

// now returns the DB clock's time in UTC, to the millisecond.
func (db *DB) now() time.Time {
	if db.Now == nil {
		return ts(time.Now())
	}
	return ts(db.Now())
}

// ts is the stored form of a time: UTC, to the millisecond, as SQLite
// keeps it, so both stores answer the same.
func ts(t time.Time) time.Time { return t.UTC().Truncate(time.Millisecond) }

// errUnavailable is what a visitor is told when the database is down.
var errUnavailable = site.Errorf(site.EUNAVAILABLE, "the database cannot be reached; try again in a moment")

// fail wraps err with the operation. An error that says the database
// cannot be reached (connection refused or cut, the server shutting down
// or out of connections, a timeout) also wraps errUnavailable, so its code
// is site.EUNAVAILABLE; a *site.Error is returned as it is.
func fail(op string, err error) error {
	var se *site.Error
	if errors.As(err, &se) && !isUnavailable(err) {
		return err
	}
	if why := tlsMismatch(err); why != "" {
		return fmt.Errorf("%s: %s: %w", op, why, err)
	}
	if isUnavailable(err) {
		return fmt.Errorf("%s: %w: %w", op, errUnavailable, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}

// tlsMismatch says what to change when err is a TLS setting the client
// and the server do not share (sslmode=require on a server without TLS,
// a certificate sslmode=verify-ca or verify-full cannot verify): a
// mistake in the configuration, which trying again never mends, "" for
// any other error.
func tlsMismatch(err error) string {
	var verify *tls.CertificateVerificationError
	var authority x509.UnknownAuthorityError
	var host x509.HostnameError
	var invalid x509.CertificateInvalidError
	switch {
	case strings.Contains(err.Error(), "server refused TLS connection"):
		return "the server does not accept TLS, which sslmode asks for: turn ssl on in PostgreSQL, or set sslmode=disable in --database on a network you trust"
	case errors.As(err, &verify), errors.As(err, &authority), errors.As(err, &host), errors.As(err, &invalid):
		return "the server's TLS certificate cannot be verified: give its CA with sslrootcert= and connect by the name the certificate holds, or set sslmode=require (encrypted, unverified)"
	}
	return ""
}

// isUnavailable reports whether err comes from a database that cannot be
// reached rather than from the statement.
func isUnavailable(err error) bool {
	if errors.Is(err, errUnavailable) {
		return true
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case strings.HasPrefix(pe.Code, "08"), // connection exception
			strings.HasPrefix(pe.Code, "53"),  // insufficient resources: too many connections, disk full
			strings.HasPrefix(pe.Code, "57P"): // admin or crash shutdown, cannot connect now
			return true
		}
		return false
	}
	if tlsMismatch(err) != "" {
		return false // the configuration's mistake: trying again never mends it
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	return errors.As(err, &ce) || errors.As(err, &ne) || pgconn.Timeout(err) || pgconn.SafeToRetry(err) ||
		errors.Is(err, pgconn.ErrConnClosed) || errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, context.DeadlineExceeded)
}

// retryable reports whether a transaction failed only because it raced
// another one (a deadlock, a serialization failure): running it again
// succeeds.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

// inTx runs fn in a transaction and commits it, running it again (up to
// five times) when it lost a race with another replica's transaction.
// Errors are wrapped with op (see fail).
func (db *DB) inTx(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	for attempt := 1; ; attempt++ {
		err := db.tryTx(ctx, fn)
		if err == nil {
			return nil
		}
		if !retryable(err) || attempt == 5 || ctx.Err() != nil {
			return fail(op, err)
		}
		time.Sleep(time.Duration(attempt*attempt)*10*time.Millisecond + rand.N(10*time.Millisecond))
	}
}

func (db *DB) tryTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.pool.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // no-op after Commit
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// list is s as a text[] argument: never NULL.
func list(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
