// Package store opens the events store a process was configured with:
// the SQLite file in the data folder by default, or a PostgreSQL database
// shared by several replicas (--database postgres://…). Store is what both
// adapters, site/sqlite and site/postgres, implement; site/storetest is the
// one test suite both pass.
package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/contact"
	"github.com/guichet/guichet/site/datadir"
	"github.com/guichet/guichet/site/delivery"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/insights"
	"github.com/guichet/guichet/site/postgres"
	"github.com/guichet/guichet/site/recorder"
	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/site/tickets"
)

// Store is the events store: visitors' searches and events, tickets and
// their topics, gap decisions, tokens and admin sessions, secrets. Errors
// are *site.Error where they mean something to a caller (ENOTFOUND,
// EINVALID, EUNAUTHORIZED, and EUNAVAILABLE when the database cannot be
// reached), wrapped with the operation.
type Store interface {
	gaps.Store
	tickets.Store
	tickets.RelinkStore
	tickets.TopicStore
	tickets.CountStore
	site.Jobs
	recorder.Writer
	// The contact form's requests and subscriptions, and the delivery
	// queue they fill.
	contact.Store
	delivery.Store
	insights.Store

	// Recorder starts the batched event writer on the store; close it
	// before the store.
	Recorder(opts recorder.Options) *recorder.Recorder
	// RecentSearches returns the latest searches, newest first (limit
	// 1..1000; 0 means 100).
	RecentSearches(ctx context.Context, limit int) ([]site.SearchEvent, error)
	// SearchByID returns one search, or ENOTFOUND.
	SearchByID(ctx context.Context, id string) (site.SearchEvent, error)
	// CountSearches counts the stored searches (a typing session once).
	CountSearches(ctx context.Context) (int, error)
	// RecentEvents returns the latest clicks, votes and readings, newest
	// first (limit as RecentSearches).
	RecentEvents(ctx context.Context, limit int) ([]site.Event, error)
	// ArticleClicks counts result clicks per article since a time.
	ArticleClicks(ctx context.Context, since time.Time) (map[string]int, error)
	// NotHelpful returns the articles with "No" votes since a time.
	NotHelpful(ctx context.Context, since time.Time, limit int) ([]site.ArticleFeedback, error)
	// TicketTotals counts the tickets created in [from, to) (a zero to
	// has no end) of locale ("" every locale) by link method ("" unlinked).
	TicketTotals(ctx context.Context, from, to time.Time, locale string) (map[string]int, error)
	// ArticleTicketCount counts the tickets linked to article id in
	// locale created in [from, to), to the millisecond.
	ArticleTicketCount(ctx context.Context, id, locale string, from, to time.Time) (int, error)

	// RollUp stores the dashboard's daily totals of every day that ended
	// an hour or more before now and is not rolled up yet, and returns
	// how many days it rolled up; replicas take turns.
	RollUp(ctx context.Context, now time.Time) (int, error)
	// Prune rolls raw events older than before (whole UTC days) into the
	// daily totals (the dashboard's too) and deletes them; it returns the
	// raw rows deleted.
	// Replicas sharing the store prune one at a time.
	Prune(ctx context.Context, before time.Time) (int64, error)
	// DailySearches returns the daily totals of a normalised query, oldest
	// first.
	DailySearches(ctx context.Context, normalized string) ([]site.DailySearch, error)

	// CreateToken makes a token and returns its secret, shown once.
	CreateToken(ctx context.Context, scope, name string) (string, site.Token, error)
	// Tokens lists the tokens, newest first.
	Tokens(ctx context.Context) ([]site.Token, error)
	// RevokeToken revokes a token and ends its admin sessions; ENOTFOUND
	// when there is none.
	RevokeToken(ctx context.Context, id string) error
	// Authenticate checks a token of scope and returns its ID.
	Authenticate(ctx context.Context, secret, scope string) (string, error)
	// StartSession opens an admin session for a token and returns its
	// secret, the cookie value.
	StartSession(ctx context.Context, tokenID string, ttl time.Duration) (string, error)
	// Session returns the token ID of a live session.
	Session(ctx context.Context, secret string) (string, error)
	// EndSession ends a session; ending an unknown one is not an error.
	EndSession(ctx context.Context, secret string) error

	// Secret returns the secret stored under name, made the first time.
	Secret(ctx context.Context, name string, size int) ([]byte, error)
	// VisitorKey returns the day's visitor-hash key, the same on every
	// replica, and forgets those older than yesterday.
	VisitorKey(ctx context.Context, day string) ([]byte, error)

	// Backup writes a copy of the database to a new file.
	Backup(ctx context.Context, file string) error
	// Ping checks that the database answers, for /healthz.
	Ping(ctx context.Context) error
	// Close closes the store; close its Recorder first.
	Close() error
}

var (
	_ Store = (*sqlite.DB)(nil)
	_ Store = (*postgres.DB)(nil)
)

// Options says which store to open.
type Options struct {
	// Database is a postgres:// or postgresql:// URL; empty means the
	// SQLite file guichet.db in Data.
	Database string
	// Data is the data folder.
	Data string
	// Existing asks for a SQLite file a server already made: its absence
	// is an error rather than a new empty database (commands that read
	// what was recorded). Otherwise a missing guichet.db is made, but in a
	// data folder that exists: a command's missing folder is an error
	// (serve makes its folder before it opens the store).
	Existing bool
	// Application names the process to PostgreSQL (application_name),
	// e.g. "guichet serve".
	Application string
	// Logger, when set (a server), also hears, on PostgreSQL, of a SQLite
	// file left in the data folder, whose history the server does not read.
	Logger *slog.Logger
	// Now is the store's clock for the times callers leave to it (when a
	// queued delivery is due, migration records): the application's own
	// clock, so a message queued is due by the clock that claims it.
	// Default time.Now.
	Now func() time.Time
}

// SQLitePath is the SQLite file of a data folder.
func SQLitePath(data string) string { return filepath.Join(data, "guichet.db") }

// IsPostgres reports whether database names a PostgreSQL database.
func IsPostgres(database string) bool {
	return strings.HasPrefix(database, "postgres://") || strings.HasPrefix(database, "postgresql://")
}

// Check validates a --database value, naming the flag; the URL's password
// never appears in the error.
func Check(database string) error {
	if database == "" {
		return nil
	}
	if !IsPostgres(database) {
		return fmt.Errorf("--database %q: want a postgres://user:password@host:port/name URL (or leave it empty for the SQLite file in --data)", Redact(database))
	}
	if err := site.CheckServerURL(database); err != nil {
		return fmt.Errorf("--database %q: %v", Redact(database), err)
	}
	if err := postgres.CheckURL(database); err != nil {
		return fmt.Errorf("--database %q: %v", Redact(database), err)
	}
	return nil
}

// Redact returns database with its password, if any, replaced by "xxxxx",
// for messages and logs (site.RedactURL).
func Redact(database string) string { return site.RedactURL(database) }

// Open opens the configured store and applies its pending migrations.
func Open(ctx context.Context, opts Options) (Store, error) {
	if err := Check(opts.Database); err != nil {
		return nil, err
	}
	if IsPostgres(opts.Database) {
		db, err := postgres.Open(ctx, opts.Database, postgres.Options{Application: opts.Application, Logger: opts.Logger})
		if err != nil {
			return nil, err
		}
		if path := SQLitePath(opts.Data); opts.Logger != nil && opts.Data != "" {
			if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
				// A server moved from SQLite to PostgreSQL: nothing copies
				// the history, which an empty database silently lacks.
				opts.Logger.Warn(path+" is a SQLite database this server does not read: on PostgreSQL, the tokens, tickets, gap decisions and events it holds are not read nor copied (nothing imports them); keep it as the record of the SQLite days, or serve without --database to use it again", "file", path)
			}
		}
		if opts.Now != nil {
			db.Now = opts.Now
		}
		return db, nil
	}
	path := SQLitePath(opts.Data)
	if opts.Existing {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("events database %s: %w (run guichet serve first, or pass --data or --database)", path, err)
		}
	} else if _, err := os.Stat(filepath.Dir(path)); errors.Is(err, fs.ErrNotExist) {
		// A mistyped --data, or a command run from another folder than
		// the server's: a new database there would hold what the command
		// writes (a token, imported tickets) where no server reads it.
		return nil, fmt.Errorf("data folder %s does not exist: pass the --data (or --database) the server runs with, or run guichet serve first", filepath.Dir(path))
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	if opts.Now != nil {
		db.Now = opts.Now
	}
	return db, nil
}

// Describe names the store of opts for people: the SQLite file, or the
// PostgreSQL URL without its password.
func Describe(opts Options) string {
	if IsPostgres(opts.Database) {
		return Redact(opts.Database)
	}
	return SQLitePath(opts.Data)
}

// CommandFlags is what a command run by hand needs to reach the store of
// opts, for messages such as serve's banner: "--data DIR" for the SQLite
// file, or "--database 'URL'" with the URL's password shown as xxxxx for
// the operator to fill in (a --data would make a SQLite database beside
// the replicas' PostgreSQL).
func CommandFlags(opts Options) string {
	if IsPostgres(opts.Database) {
		return "--database '" + Redact(opts.Database) + "'"
	}
	return "--data " + opts.Data
}

// DataHint says what the data folder of opts holds and how to back up
// the events store, self being how the user runs guichet: the SQLite file
// with guichet backup, PostgreSQL with pg_dump (guichet backup refuses it).
func DataHint(opts Options, self string) string {
	if IsPostgres(opts.Database) {
		return "search index and caches; events in PostgreSQL (back up with: pg_dump --format=custom)"
	}
	return "events database, search index (back up with: " + self + " backup FILE --data " + opts.Data + ")"
}

// PruneEvery rolls up the days that ended (RollUp) and prunes what is
// older than keep, at once and then every interval until ctx ends, logging
// what it did and failures. Replicas each run it; the store lets one roll
// up and prune at a time.
func PruneEvery(ctx context.Context, s Store, interval, keep time.Duration, now func() time.Time, log *slog.Logger) {
	if now == nil {
		now = time.Now
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if days, err := s.RollUp(ctx, now()); err != nil && ctx.Err() == nil {
			log.Warn("roll up insights", "err", err)
		} else if days > 0 {
			log.Info("rolled up daily insights", "days", days)
		}
		n, err := s.Prune(ctx, now().Add(-keep))
		switch {
		case err != nil && ctx.Err() == nil:
			log.Warn("prune events", "err", err)
		case n > 0:
			log.Info("pruned raw events", "rows", n, "retention_days", int(keep.Hours()/24))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// TicketWatcher is a store that tells at once when tickets change in any
// process (PostgreSQL's LISTEN/NOTIFY).
type TicketWatcher interface {
	// WatchTickets calls changed whenever tickets are written, by any
	// process, until ctx ends.
	WatchTickets(ctx context.Context, changed func())
}

// WatchTickets calls changed whenever tickets change in any process, until
// ctx ends, when s can tell (PostgreSQL); otherwise it returns at once and
// the ticket service's poll notices changes.
func WatchTickets(ctx context.Context, s Store, changed func()) {
	if w, ok := s.(TicketWatcher); ok {
		w.WatchTickets(ctx, changed)
	}
}

// Restored says what Restore did.
type Restored struct {
	From, To string // the backup file and the database it became
	// Kept is where the previous database was kept ("" when there was
	// none); Created is the data folder when Restore made it (a new
	// machine), "" when it existed.
	Kept, Created string
}

// Report is what restore prints: what was restored where, the folder it
// made and who owns it, and where the previous database went.
func (r Restored) Report() string {
	var b strings.Builder
	if r.Created != "" {
		fmt.Fprintf(&b, "Created the data folder %s (it did not exist), readable by its owner and group only\n", r.Created)
		if os.Geteuid() == 0 {
			fmt.Fprintf(&b, "It belongs to root: give it to the user the server runs as before starting it (chown -R guichet: %s for the systemd unit, whose StateDirectory= also does it at start)\n", r.Created)
		}
	}
	fmt.Fprintf(&b, "Restored %s to %s\n", r.From, r.To)
	if r.Kept != "" {
		fmt.Fprintf(&b, "The previous database is kept as %s\n", r.Kept)
	}
	return b.String()
}

// Backup copies the SQLite store of opts to file, a new file, while the
// server runs. A PostgreSQL store is copied with pg_dump: the error says
// how, without connecting to it (Open would migrate it). It returns what
// to tell the operator: the copy and the schema version it holds.
func Backup(ctx context.Context, opts Options, file string) (string, error) {
	if err := Check(opts.Database); err != nil {
		return "", err
	}
	if IsPostgres(opts.Database) {
		return "", postgres.BackupAdvice(Redact(opts.Database), file)
	}
	path := SQLitePath(opts.Data)
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("events database %s: %w (run guichet serve first, or pass --data or --database)", path, err)
	}
	// A database a newer guichet migrated is copied all the same: the copy
	// is what one takes right before going back to an older release.
	db, err := sqlite.OpenForBackup(ctx, path)
	if err != nil {
		return "", err
	}
	defer db.Close()
	version, known, err := db.SchemaVersion(ctx)
	if err != nil {
		return "", err
	}
	if err := db.Backup(ctx, file); err != nil {
		return "", err
	}
	msg := fmt.Sprintf("Backed up %s to %s (schema version %d)", path, file, version)
	if version > known {
		msg += fmt.Sprintf(", newer than this program's (%d): restore it with a guichet of that version or newer", known)
	}
	return msg, nil
}

// Restore puts the SQLite backup file in place of the store of opts, the
// server stopped (it takes the data folder's lock). A data folder that
// does not exist (restoring onto a new machine) is made, as serve makes
// it, once the backup is found sound, so that a mistyped backup leaves no
// folder behind. A PostgreSQL store is restored with pg_restore: the
// error says how.
func Restore(ctx context.Context, opts Options, file string) (Restored, error) {
	r := Restored{From: file, To: SQLitePath(opts.Data)}
	if err := Check(opts.Database); err != nil {
		return r, err
	}
	if IsPostgres(opts.Database) {
		return r, fmt.Errorf("restore %[1]s: guichet restore puts back a SQLite file only; for PostgreSQL stop the replicas and run\n"+
			"  pg_restore --clean --if-exists --dbname='%[2]s' %[1]s\n(%[1]s made by pg_dump --format=custom)", file, Redact(opts.Database))
	}
	if _, err := os.Stat(opts.Data); errors.Is(err, fs.ErrNotExist) {
		if err := sqlite.CheckBackup(ctx, file); err != nil {
			return r, fmt.Errorf("restore %s: %w", file, err)
		}
		r.Created = opts.Data
	}
	if err := datadir.Check(opts.Data, 0); err != nil {
		return r, err
	}
	release, err := datadir.Lock(opts.Data)
	if err != nil {
		return r, err
	}
	defer release()
	r.Kept, err = sqlite.Restore(ctx, file, r.To)
	return r, err
}
