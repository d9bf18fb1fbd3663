package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

var _ gaps.Store = (*DB)(nil)

// GapRecords calls fn with every failed record the gap report reads since
// a time: the searches no click, vote or reading satisfied (with the
// article their visitor opened instead, migration 0007, and the one they
// showed first, 0013), the unlinked
// tickets, the confirmed subscriptions not yet notified (people waiting),
// the openings of the widget on screens no article fitted. It
// stops at the first error fn returns. Searches from every replica count
// together: they are rows of one table.
func (db *DB) GapRecords(ctx context.Context, since time.Time, fn func(gaps.Record) error) error {
	if err := db.searchRecords(ctx, failedSearches, since, fn); err != nil {
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

// failedSearches reads the failed searches since $1 from the index that
// holds them (searches_failed, migration 0009) alone, in its order.
const failedSearches = `
	SELECT query, normalized, locale, source, context, path, visitor, results, false, created_at, found, first_hit
	FROM searches WHERE NOT satisfied AND created_at >= $1 ORDER BY created_at, seq`

// SatisfiedSearches calls fn with every satisfied search since a time,
// with its query as typed (the top searches show it so, accents and all,
// not its normalised key).
func (db *DB) SatisfiedSearches(ctx context.Context, since time.Time, fn func(gaps.Record) error) error {
	return db.searchRecords(ctx, `
		SELECT query, normalized, locale, source, context, path, visitor, results, true, created_at, '', ''
		FROM searches WHERE satisfied AND created_at >= $1 ORDER BY created_at, seq`, since, fn)
}

func (db *DB) searchRecords(ctx context.Context, stmt string, since time.Time, fn func(gaps.Record) error) error {
	rows, err := db.pool.QueryContext(ctx, stmt, ts(since))
	if err != nil {
		return fail("read searches", err)
	}
	defer rows.Close()
	intern := map[string]string{}
	str := func(s string) string {
		if v, ok := intern[s]; ok {
			return v
		}
		if len(intern) < 100000 {
			intern[s] = s
		}
		return s
	}
	var locale, source, context, path, found, firstHit string
	for rows.Next() {
		var r gaps.Record
		if err := rows.Scan(&r.Query, &r.Normalized, &locale, &source, &context, &path, &r.Visitor, &r.Results, &r.Satisfied, &r.Time, &found, &firstHit); err != nil {
			return fail("read searches", err)
		}
		if r.Query == r.Normalized {
			r.Query = r.Normalized
		}
		r.Locale, r.Source, r.Context, r.Path = str(locale), str(source), str(context), str(path)
		r.Found, r.FirstHit = str(found), str(firstHit)
		r.Time = r.Time.UTC()
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fail("read searches", err)
	}
	return nil
}

func (db *DB) unlinkedTickets(ctx context.Context, since time.Time, fn func(gaps.Record) error) error {
	rows, err := db.pool.QueryContext(ctx, `
		SELECT subject, topic, locale, source, created_at, nearest_id, link_score FROM tickets
		WHERE article_id = '' AND created_at >= $1 ORDER BY created_at, external_id COLLATE "C"`, ts(since))
	if err != nil {
		return fail("read unlinked tickets", err)
	}
	defer rows.Close()
	for rows.Next() {
		var subject, topic string
		// No visitor: each ticket is a person of its own (gaps.Record).
		r := gaps.Record{Kind: gaps.UnlinkedTicket}
		if err := rows.Scan(&subject, &topic, &r.Locale, &r.Source, &r.Time, &r.Nearest, &r.NearestScore); err != nil {
			return fail("read unlinked tickets", err)
		}
		r.Query = topic
		if r.Query == "" {
			r.Query = subject
		}
		r.Time = r.Time.UTC()
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fail("read unlinked tickets", err)
	}
	return nil
}

// LinkedTickets calls fn with every ticket since a time that is linked
// to an article (gaps.Store).
func (db *DB) LinkedTickets(ctx context.Context, since time.Time, fn func(gaps.LinkedTicket) error) error {
	rows, err := db.pool.QueryContext(ctx, `
		SELECT subject, topic, locale, article_id FROM tickets
		WHERE article_id != '' AND created_at >= $1`, ts(since))
	if err != nil {
		return fail("read linked tickets", err)
	}
	defer rows.Close()
	for rows.Next() {
		var subject string
		var t gaps.LinkedTicket
		if err := rows.Scan(&subject, &t.Topic, &t.Locale, &t.Article); err != nil {
			return fail("read linked tickets", err)
		}
		if t.Topic == "" {
			t.Topic = subject // stored before topics were kept
		}
		if err := fn(t); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fail("read linked tickets", err)
	}
	return nil
}

func (db *DB) screensWithoutHelp(ctx context.Context, since time.Time, fn func(gaps.Record) error) error {
	rows, err := db.pool.QueryContext(ctx, `
		SELECT locale, path, context, visitor, created_at FROM widget_opens
		WHERE NOT matched AND created_at >= $1 ORDER BY created_at, id`, ts(since))
	if err != nil {
		return fail("read widget openings", err)
	}
	defer rows.Close()
	for rows.Next() {
		r := gaps.Record{Kind: gaps.NoHelp, Source: site.SourceWidget}
		if err := rows.Scan(&r.Locale, &r.Path, &r.Context, &r.Visitor, &r.Time); err != nil {
			return fail("read widget openings", err)
		}
		r.Time = r.Time.UTC()
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fail("read widget openings", err)
	}
	return nil
}

// Decisions returns every stored gap decision.
func (db *DB) Decisions(ctx context.Context) ([]gaps.Decision, error) {
	rows, err := db.pool.QueryContext(ctx, `
		SELECT id, kind, locale, status, note, answered_at, answered_by, array_to_string(keys, E'\n'),
			array_to_string(joined, E'\n'), array_to_string(parted, E'\n'), merged_into, updated_at, version, query
		FROM gap_decisions ORDER BY id COLLATE "C"`)
	if err != nil {
		return nil, fail("read gap decisions", err)
	}
	defer rows.Close()
	var out []gaps.Decision
	for rows.Next() {
		var d gaps.Decision
		var answered sql.NullTime
		var keys, joined, parted string
		if err := rows.Scan(&d.ID, &d.Kind, &d.Locale, &d.Status, &d.Note, &answered, &d.AnsweredBy, &keys, &joined, &parted, &d.MergedInto, &d.Updated, &d.Version, &d.Query); err != nil {
			return nil, fail("read gap decisions", err)
		}
		if answered.Valid {
			at := answered.Time.UTC()
			d.AnsweredAt = &at
		}
		d.Keys, d.Joined, d.Parted = splitLines(keys), splitLines(joined), splitLines(parted)
		d.Updated = d.Updated.UTC()
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("read gap decisions", err)
	}
	return out, nil
}

// SaveDecisions stores gap decisions in one transaction, each over the
// version it was read at (see gaps.Store): a correction another replica
// saved first is kept, and this one is refused with site.ECONFLICT. A
// zero Updated is set to now.
func (db *DB) SaveDecisions(ctx context.Context, ds ...gaps.Decision) error {
	return db.inTx(ctx, "save gap decisions", func(tx *sql.Tx) error {
		for _, d := range ds {
			if d.Updated.IsZero() {
				d.Updated = db.now()
			}
			var answered sql.NullTime
			if d.AnsweredAt != nil {
				answered = sql.NullTime{Time: ts(*d.AnsweredAt), Valid: true}
			}
			res, err := tx.ExecContext(ctx, `
				INSERT INTO gap_decisions (id, kind, locale, status, note, answered_at, answered_by, keys, joined, parted, merged_into, updated_at, version, query)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 + 1, $14)
				ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, locale = excluded.locale, status = excluded.status,
					note = excluded.note, answered_at = excluded.answered_at, answered_by = excluded.answered_by,
					keys = excluded.keys, joined = excluded.joined, parted = excluded.parted,
					merged_into = excluded.merged_into, updated_at = excluded.updated_at, version = excluded.version,
					query = excluded.query
				WHERE gap_decisions.version = $13`,
				d.ID, d.Kind, d.Locale, d.Status, d.Note, answered, d.AnsweredBy, list(d.Keys),
				list(d.Joined), list(d.Parted), d.MergedInto, ts(d.Updated), d.Version, d.Query)
			if err != nil {
				return fmt.Errorf("save decision on gap %s: %w", d.ID, err)
			}
			if n, err := res.RowsAffected(); err != nil {
				return fmt.Errorf("save decision on gap %s: %w", d.ID, err)
			} else if n == 0 {
				return site.Errorf(site.ECONFLICT, "Gap %s was changed meanwhile by someone else.", d.ID)
			}
		}
		return nil
	})
}

// PublishedSince records the versions of the published articles and
// returns, for each (see gaps.VersionKey), when its current version was
// first published: now for an article or a version not seen before; the
// first time any is recorded, the articles there are dated zero.
func (db *DB) PublishedSince(ctx context.Context, now time.Time, versions []gaps.ArticleVersion) (map[string]time.Time, error) {
	var out map[string]time.Time
	err := db.inTx(ctx, "record article versions", func(tx *sql.Tx) error {
		out = make(map[string]time.Time, len(versions))
		// Replicas publishing at once take turns.
		if _, err := tx.ExecContext(ctx, `LOCK TABLE article_versions IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return err
		}
		var any bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM article_versions)`).Scan(&any); err != nil {
			return err
		}
		at := ts(now)
		if !any {
			at = time.Unix(0, 0).UTC() // published before anyone kept track
		}
		upsert, err := tx.PrepareContext(ctx, `
			INSERT INTO article_versions (article_id, locale, version, published_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (article_id, locale) DO UPDATE SET version = excluded.version, published_at = excluded.published_at
			WHERE article_versions.version <> excluded.version
			RETURNING published_at`)
		if err != nil {
			return err
		}
		defer upsert.Close()
		for _, v := range versions {
			var t time.Time
			err := upsert.QueryRowContext(ctx, v.ID, v.Locale, v.Version, at).Scan(&t)
			if errors.Is(err, sql.ErrNoRows) { // the same version: unchanged
				err = tx.QueryRowContext(ctx, `SELECT published_at FROM article_versions WHERE article_id = $1 AND locale = $2`, v.ID, v.Locale).Scan(&t)
			}
			if err != nil {
				return fmt.Errorf("record version of %s (%s): %w", v.ID, v.Locale, err)
			}
			t = t.UTC()
			if t.Unix() == 0 {
				t = time.Time{}
			}
			out[gaps.VersionKey(v.ID, v.Locale)] = t
		}
		return nil
	})
	return out, err
}
