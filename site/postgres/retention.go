package postgres

import (
	"context"
	"database/sql"
	"time"

	"github.com/guichet/guichet/site"
)

// Advisory lock keys: (lockSpace, lockMigrate), (lockSpace, lockPrune)
// and (lockSpace, lockWrite); the jobs of Once take (lockJobSpace, hash of the job name).
const (
	lockMigrate  = 0
	lockPrune    = 1
	lockWrite    = 2 // event batches (writeBatch)
	lockJobSpace = lockSpace + 1
)

// Prune rolls raw searches and events older than before (whole UTC days)
// into the daily totals (the dashboard's too, unless RollUp did already)
// and deletes them, one day per transaction, and
// returns the raw rows deleted. Each day's transaction first takes an
// advisory lock, so replicas pruning at once take turns and the later one
// finds the day already rolled up: nothing is counted twice.
func (db *DB) Prune(ctx context.Context, before time.Time) (int64, error) {
	cut := before.UTC().Truncate(24 * time.Hour)
	var deleted int64
	for ctx.Err() == nil {
		var oldest sql.NullTime
		if err := db.pool.QueryRowContext(ctx, `
			SELECT min(t) FROM (
				SELECT min(created_at) AS t FROM searches WHERE created_at < $1
				UNION ALL SELECT min(created_at) FROM events WHERE created_at < $1
				UNION ALL SELECT min(created_at) FROM widget_opens WHERE created_at < $1
				UNION ALL SELECT min(created_at) FROM contacts WHERE created_at < $1
				UNION ALL SELECT min(created_at) FROM contact_requests WHERE created_at < $1 AND visitor <> '') m`, cut).Scan(&oldest); err != nil {
			return deleted, fail("prune events", err)
		}
		if !oldest.Valid {
			return deleted, nil
		}
		from := oldest.Time.UTC().Truncate(24 * time.Hour)
		to := from.Add(24 * time.Hour)
		if to.After(cut) {
			to = cut
		}
		var n int64
		err := db.inTx(ctx, "prune events", func(tx *sql.Tx) error {
			var err error
			n, err = pruneDay(ctx, tx, from, to, db.now())
			return err
		})
		if err != nil {
			return deleted, err
		}
		deleted += n
	}
	return deleted, ctx.Err()
}

func pruneDay(ctx context.Context, tx *sql.Tx, from, to, now time.Time) (int64, error) {
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, $2)`, lockSpace, lockPrune); err != nil {
		return 0, err
	}
	// Each statement below sees what a replica that held the lock before
	// committed (read committed). The dashboard's totals of a whole day
	// first, from every raw row.
	if to.Sub(from) == 24*time.Hour {
		if _, err := rollUpDay(ctx, tx, from, now); err != nil {
			return 0, err
		}
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO daily_searches (day, locale, source, normalized, searches, visitors, zero_results)
		SELECT (created_at AT TIME ZONE 'UTC')::date, locale, source, normalized,
		       count(*), count(DISTINCT NULLIF(visitor, '')), count(*) FILTER (WHERE results = 0)
		FROM searches WHERE created_at >= $1 AND created_at < $2
		GROUP BY 1, 2, 3, 4
		ON CONFLICT (day, locale, source, normalized) DO UPDATE SET
			searches     = daily_searches.searches + excluded.searches,
			visitors     = daily_searches.visitors + excluded.visitors,
			zero_results = daily_searches.zero_results + excluded.zero_results`, from, to); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO daily_articles (day, article_id, locale, clicks, helpful_yes, helpful_no)
		SELECT (created_at AT TIME ZONE 'UTC')::date, article_id, locale,
		       count(*) FILTER (WHERE type = 'click'), count(*) FILTER (WHERE type = 'vote' AND helpful),
		       count(*) FILTER (WHERE type = 'vote' AND NOT helpful)
		FROM events WHERE created_at >= $1 AND created_at < $2 AND article_id <> ''
		GROUP BY 1, 2, 3
		ON CONFLICT (day, article_id, locale) DO UPDATE SET
			clicks      = daily_articles.clicks + excluded.clicks,
			helpful_yes = daily_articles.helpful_yes + excluded.helpful_yes,
			helpful_no  = daily_articles.helpful_no + excluded.helpful_no`, from, to); err != nil {
		return 0, err
	}
	var deleted int64
	for _, q := range []string{
		`DELETE FROM searches WHERE created_at >= $1 AND created_at < $2`,
		`DELETE FROM events WHERE created_at >= $1 AND created_at < $2`,
		`DELETE FROM widget_opens WHERE created_at >= $1 AND created_at < $2`,
		`DELETE FROM contacts WHERE created_at >= $1 AND created_at < $2`,
	} {
		res, err := tx.ExecContext(ctx, q, from, to)
		if err != nil {
			return 0, err
		}
		n, _ := res.RowsAffected()
		deleted += n
	}
	// A contact request stays (it is a ticket); its sender's visitor hash,
	// read by the insights of the day just rolled up, goes as the other raw
	// rows' do (not counted as deleted).
	if _, err := tx.ExecContext(ctx, `UPDATE contact_requests SET visitor = '' WHERE created_at >= $1 AND created_at < $2 AND visitor <> ''`, from, to); err != nil {
		return 0, err
	}
	return deleted, nil
}

// DailySearches returns the aggregated number of searches and visitors for
// a normalised query on each day it was aggregated, oldest first.
func (db *DB) DailySearches(ctx context.Context, normalized string) ([]site.DailySearch, error) {
	rows, err := db.pool.QueryContext(ctx, `
		SELECT to_char(day, 'YYYY-MM-DD'), sum(searches), sum(visitors), sum(zero_results)
		FROM daily_searches WHERE normalized = $1 GROUP BY day ORDER BY day`, normalized)
	if err != nil {
		return nil, fail("daily searches", err)
	}
	defer rows.Close()
	var out []site.DailySearch
	for rows.Next() {
		var d site.DailySearch
		if err := rows.Scan(&d.Day, &d.Searches, &d.Visitors, &d.ZeroResults); err != nil {
			return nil, fail("daily searches", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("daily searches", err)
	}
	return out, nil
}
