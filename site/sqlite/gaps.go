package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

var _ gaps.Store = (*DB)(nil)

// GapRecords calls fn with every failed record the gap report reads since
// a time, each kind in time order: the searches no click, vote or reading
// satisfied (see migration 0010), with the article their visitor opened
// instead (0018) and the article it showed first (0023); the unlinked tickets (their cleaned
// subject as the query, each ticket a person of its own, with the article
// search found nearest); the openings of the widget on screens no article
// fitted; the confirmed subscriptions not yet notified, as failed searches
// of people waiting (whatever their age). It stops at the first error fn
// returns.
func (db *DB) GapRecords(ctx context.Context, since time.Time, fn func(gaps.Record) error) error {
	if err := db.searchRecords(ctx, failedSearches, failedSearch, since, fn); err != nil {
		return err
	}
	if err := db.unlinkedTickets(ctx, since, fn); err != nil {
		return err
	}
	if err := db.waitingRecords(ctx, fn); err != nil {
		return err
	}
	return db.screensWithoutHelp(ctx, since, fn)
}

// failedSearches reads the failed searches from their own index, which
// holds every column read (see migrations 0011, 0018 and 0023), each row
// as one text (see searchRecords); failedSearch reads one by its rowid.
const (
	failedSearches = `
	SELECT rowid || char(0) || query || char(0) || normalized || char(0) || locale || char(0) || source || char(0) ||
		context || char(0) || path || char(0) || visitor || char(0) || results || char(0) || 0 || char(0) ||
		created_at || char(0) || found || char(0) || first_hit
	FROM searches INDEXED BY searches_failed WHERE satisfied = 0 AND created_at >= ?`
	failedSearch = `
	SELECT query, normalized, locale, source, context, path, visitor, results, 0, created_at, found, first_hit
	FROM searches WHERE rowid = ?`
)

// SatisfiedSearches calls fn with every satisfied search since a time, in
// storage order, with its query as typed (the top searches show it so,
// accents and all, not its normalised key).
func (db *DB) SatisfiedSearches(ctx context.Context, since time.Time, fn func(gaps.Record) error) error {
	return db.searchRecords(ctx, `
		SELECT rowid || char(0) || query || char(0) || normalized || char(0) || locale || char(0) || source || char(0) ||
			context || char(0) || path || char(0) || visitor || char(0) || results || char(0) || 1 || char(0) ||
			created_at || char(0) || '' || char(0) || ''
		FROM searches WHERE +created_at >= ? AND satisfied = 1`, `
		SELECT query, normalized, locale, source, context, path, visitor, results, 1, created_at, '', ''
		FROM searches WHERE rowid = ?`, since, fn)
}

// searchFields is how many fields a row of searchRecords' statements
// holds after its rowid: query, normalized, locale, source, context,
// path, visitor, results, satisfied (0 or 1), created_at (unix ms),
// found, first_hit.
const searchFields = 12

// searchRecords runs stmt, whose rows are each one text of a rowid and
// searchFields fields joined by NUL bytes, and calls fn with each as a
// Record; a row whose texts hold a NUL byte themselves (written by hand,
// or by an older version) is read again by its rowid with byRowid, which
// selects the same fields as columns. One text a row rather than a column
// a field: the driver copies each text column into a string of its own
// and boxes every value, which made the reading of a million searches a
// sixth of the gap report's time and a quarter of its allocations
// (BENCHMARKS.md, "Load"). The Record's texts are slices of the row's;
// the report copies what it keeps (gaps.Record).
func (db *DB) searchRecords(ctx context.Context, stmt, byRowid string, since time.Time, fn func(gaps.Record) error) error {
	// One connection for both statements: a row read again never waits
	// for another reader.
	conn, err := db.reader.Conn(ctx)
	if err != nil {
		return fmt.Errorf("read searches: %w", err)
	}
	defer conn.Close()
	rows, err := conn.QueryContext(ctx, stmt, millis(since))
	if err != nil {
		return fmt.Errorf("read searches: %w", err)
	}
	defer rows.Close()
	// Sources, contexts and paths repeat: keep one copy of each.
	intern := map[string]string{}
	str := func(s string) string {
		if v, ok := intern[s]; ok {
			return v
		}
		s = strings.Clone(s)
		if len(intern) < 100000 {
			intern[s] = s
		}
		return s
	}
	var (
		row    string
		r      gaps.Record
		fields [1 + searchFields]string
	)
	for rows.Next() {
		if err := rows.Scan(&row); err != nil {
			return fmt.Errorf("read searches: %w", err)
		}
		n := 0
		for rest, more := row, true; more; n++ {
			var f string
			f, rest, more = strings.Cut(rest, "\x00")
			if n < len(fields) {
				fields[n] = f
			}
		}
		var results int
		var created int64
		if n == len(fields) {
			var err1, err2 error
			results, err1 = strconv.Atoi(fields[8])
			created, err2 = strconv.ParseInt(fields[10], 10, 64)
			if err := errors.Join(err1, err2); err != nil {
				return fmt.Errorf("read searches: %w", err)
			}
		} else {
			var err error
			if results, created, err = readSearchRow(ctx, conn, byRowid, fields[0], fields[1:]); err != nil {
				return err
			}
		}
		f := fields[1:]
		// Most queries are typed as they normalise, and a visitor's
		// searches are stored one after the other: the strings are
		// shared rather than copied again.
		r.Query, r.Normalized = f[0], f[1]
		if f[6] != r.Visitor {
			r.Visitor = f[6]
		}
		r.Locale, r.Source, r.Context, r.Path = str(f[2]), str(f[3]), str(f[4]), str(f[5])
		r.Results, r.Satisfied = results, f[8] == "1"
		r.Found, r.FirstHit = str(f[10]), str(f[11])
		r.Time = fromMillis(created)
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read searches: %w", err)
	}
	return nil
}

// readSearchRow reads the search of a rowid with byRowid (see
// searchRecords) into f, its texts as fields, and returns its number of
// results and its time.
func readSearchRow(ctx context.Context, conn *sql.Conn, byRowid, rowid string, f []string) (results int, created int64, err error) {
	var satisfied int
	if err := conn.QueryRowContext(ctx, byRowid, rowid).Scan(&f[0], &f[1], &f[2], &f[3], &f[4], &f[5], &f[6],
		&results, &satisfied, &created, &f[10], &f[11]); err != nil {
		return 0, 0, fmt.Errorf("read search %s: %w", rowid, err)
	}
	f[8] = strconv.Itoa(satisfied)
	return results, created, nil
}

func (db *DB) unlinkedTickets(ctx context.Context, since time.Time, fn func(gaps.Record) error) error {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT subject, topic, locale, source, created_at, nearest_id, link_score FROM tickets
		WHERE article_id = '' AND created_at >= ? ORDER BY created_at, external_id`, millis(since))
	if err != nil {
		return fmt.Errorf("read unlinked tickets: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var subject, topic string
		var created int64
		// No visitor: each ticket is a person of its own (gaps.Record).
		r := gaps.Record{Kind: gaps.UnlinkedTicket}
		if err := rows.Scan(&subject, &topic, &r.Locale, &r.Source, &created, &r.Nearest, &r.NearestScore); err != nil {
			return fmt.Errorf("read unlinked tickets: %w", err)
		}
		r.Query = topic
		if r.Query == "" {
			r.Query = subject // stored before topics were kept
		}
		r.Time = fromMillis(created)
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read unlinked tickets: %w", err)
	}
	return nil
}

// LinkedTickets calls fn with every ticket since a time that is linked
// to an article (gaps.Store).
func (db *DB) LinkedTickets(ctx context.Context, since time.Time, fn func(gaps.LinkedTicket) error) error {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT subject, topic, locale, article_id FROM tickets
		WHERE article_id != '' AND created_at >= ?`, millis(since))
	if err != nil {
		return fmt.Errorf("read linked tickets: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var subject string
		var t gaps.LinkedTicket
		if err := rows.Scan(&subject, &t.Topic, &t.Locale, &t.Article); err != nil {
			return fmt.Errorf("read linked tickets: %w", err)
		}
		if t.Topic == "" {
			t.Topic = subject // stored before topics were kept
		}
		if err := fn(t); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read linked tickets: %w", err)
	}
	return nil
}

func (db *DB) screensWithoutHelp(ctx context.Context, since time.Time, fn func(gaps.Record) error) error {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT locale, path, context, visitor, created_at FROM widget_opens
		WHERE matched = 0 AND created_at >= ? ORDER BY created_at, id`, millis(since))
	if err != nil {
		return fmt.Errorf("read widget openings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		r := gaps.Record{Kind: gaps.NoHelp, Source: site.SourceWidget}
		var created int64
		if err := rows.Scan(&r.Locale, &r.Path, &r.Context, &r.Visitor, &created); err != nil {
			return fmt.Errorf("read widget openings: %w", err)
		}
		r.Time = fromMillis(created)
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read widget openings: %w", err)
	}
	return nil
}

// Decisions returns every stored gap decision.
func (db *DB) Decisions(ctx context.Context) ([]gaps.Decision, error) {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT id, kind, locale, status, note, answered_at, answered_by, keys, joined, parted, merged_into, updated_at, version, query
		FROM gap_decisions ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read gap decisions: %w", err)
	}
	defer rows.Close()
	var out []gaps.Decision
	for rows.Next() {
		var d gaps.Decision
		var answered sql.NullInt64
		var keys, joined, parted string
		var updated int64
		if err := rows.Scan(&d.ID, &d.Kind, &d.Locale, &d.Status, &d.Note, &answered, &d.AnsweredBy, &keys, &joined, &parted, &d.MergedInto, &updated, &d.Version, &d.Query); err != nil {
			return nil, fmt.Errorf("read gap decisions: %w", err)
		}
		if answered.Valid {
			at := fromMillis(answered.Int64)
			d.AnsweredAt = &at
		}
		d.Keys, d.Joined, d.Parted = lines(keys), lines(joined), lines(parted)
		d.Updated = fromMillis(updated)
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read gap decisions: %w", err)
	}
	return out, nil
}

// lines splits a column of lines; empty is none.
func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// SaveDecisions stores gap decisions in one transaction, each over the
// version it was read at (see gaps.Store). A zero Updated is set to now.
func (db *DB) SaveDecisions(ctx context.Context, ds ...gaps.Decision) error {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save gap decisions: %w", err)
	}
	defer tx.Rollback()
	for _, d := range ds {
		if d.Updated.IsZero() {
			d.Updated = db.now()
		}
		var answered any
		if d.AnsweredAt != nil {
			answered = millis(*d.AnsweredAt)
		}
		res, err := tx.ExecContext(ctx, `
			INSERT INTO gap_decisions (id, kind, locale, status, note, answered_at, answered_by, keys, joined, parted, merged_into, updated_at, version, query)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, locale = excluded.locale, status = excluded.status,
				note = excluded.note, answered_at = excluded.answered_at, answered_by = excluded.answered_by,
				keys = excluded.keys, joined = excluded.joined, parted = excluded.parted,
				merged_into = excluded.merged_into, updated_at = excluded.updated_at, version = excluded.version,
				query = excluded.query
			WHERE gap_decisions.version = ?`,
			d.ID, d.Kind, d.Locale, d.Status, d.Note, answered, d.AnsweredBy, strings.Join(d.Keys, "\n"),
			strings.Join(d.Joined, "\n"), strings.Join(d.Parted, "\n"), d.MergedInto, millis(d.Updated), d.Version+1, d.Query, d.Version)
		if err != nil {
			return fmt.Errorf("save decision on gap %s: %w", d.ID, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("save decision on gap %s: %w", d.ID, err)
		} else if n == 0 {
			return site.Errorf(site.ECONFLICT, "Gap %s was changed meanwhile by someone else.", d.ID)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save gap decisions: %w", err)
	}
	return nil
}

// PublishedSince records the versions of the published articles and
// returns, for each (see gaps.VersionKey), when its current version was
// first published: now for an article or a version not seen before. The
// first time any is recorded, the articles already there are dated zero:
// published before anyone kept track.
func (db *DB) PublishedSince(ctx context.Context, now time.Time, versions []gaps.ArticleVersion) (map[string]time.Time, error) {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("record article versions: %w", err)
	}
	defer tx.Rollback()
	var any bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM article_versions)`).Scan(&any); err != nil {
		return nil, fmt.Errorf("record article versions: %w", err)
	}
	at := millis(now)
	if !any {
		at = 0
	}
	upsert, err := tx.PrepareContext(ctx, `
		INSERT INTO article_versions (article_id, locale, version, published_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (article_id, locale) DO UPDATE SET version = excluded.version, published_at = excluded.published_at
		WHERE article_versions.version != excluded.version
		RETURNING published_at`)
	if err != nil {
		return nil, fmt.Errorf("record article versions: %w", err)
	}
	defer upsert.Close()
	read, err := tx.PrepareContext(ctx, `SELECT published_at FROM article_versions WHERE article_id = ? AND locale = ?`)
	if err != nil {
		return nil, fmt.Errorf("record article versions: %w", err)
	}
	defer read.Close()
	out := make(map[string]time.Time, len(versions))
	for _, v := range versions {
		var ms int64
		err := upsert.QueryRowContext(ctx, v.ID, v.Locale, v.Version, at).Scan(&ms)
		if err == sql.ErrNoRows { // the same version: unchanged
			err = read.QueryRowContext(ctx, v.ID, v.Locale).Scan(&ms)
		}
		if err != nil {
			return nil, fmt.Errorf("record version of %s (%s): %w", v.ID, v.Locale, err)
		}
		out[gaps.VersionKey(v.ID, v.Locale)] = fromMillis(ms)
		if ms == 0 {
			out[gaps.VersionKey(v.ID, v.Locale)] = time.Time{}
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("record article versions: %w", err)
	}
	return out, nil
}
