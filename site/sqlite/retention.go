package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/guichet/guichet/site"
)

// Prune rolls raw searches and events older than before into the daily
// aggregate tables (daily_searches, daily_articles, and the dashboard's
// insight_days and insight_article_days unless RollUp did already) and
// deletes them, so totals survive while raw rows — queries as typed, comments, visitor
// hashes — do not. Only whole UTC days are rolled up: before is truncated
// to midnight. Widget openings older than that are deleted without a daily
// total. It works one day at a time, each in its own transaction, so a long
// backlog never holds the writer for more than a day's rows, and ctx stops
// it between days. It returns the number of raw rows deleted.
func (db *DB) Prune(ctx context.Context, before time.Time) (int64, error) {
	cut := millis(before.UTC().Truncate(24 * time.Hour))
	var deleted int64
	for ctx.Err() == nil {
		var oldest sql.NullInt64
		if err := db.reader.QueryRowContext(ctx, `
			SELECT min(t) FROM (
				SELECT min(created_at) AS t FROM searches WHERE created_at < ?1
				UNION ALL SELECT min(created_at) FROM events WHERE created_at < ?1
				UNION ALL SELECT min(created_at) FROM widget_opens WHERE created_at < ?1
				UNION ALL SELECT min(created_at) FROM contacts WHERE created_at < ?1
				UNION ALL SELECT min(created_at) FROM contact_requests WHERE created_at < ?1 AND visitor <> '')`, cut).Scan(&oldest); err != nil {
			return deleted, fmt.Errorf("prune events: %w", err)
		}
		if !oldest.Valid {
			return deleted, nil
		}
		from := millis(fromMillis(oldest.Int64).Truncate(24 * time.Hour))
		n, err := db.pruneDay(ctx, from, min(from+24*60*60*1000, cut))
		if err != nil {
			return deleted, err
		}
		deleted += n
	}
	return deleted, ctx.Err()
}

// pruneDay rolls up and deletes the raw rows created in [from, to), unix
// milliseconds, in one transaction.
func (db *DB) pruneDay(ctx context.Context, from, to int64) (int64, error) {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("prune events: %w", err)
	}
	defer tx.Rollback()
	// The dashboard's totals of a whole day first, from every raw row.
	if day := from - from%dayMillis; day+dayMillis <= to {
		if _, err := rollUpDay(ctx, tx, day, millis(db.now())); err != nil {
			return 0, fmt.Errorf("prune events: roll up insights: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO daily_searches (day, locale, source, normalized, searches, visitors, zero_results)
		SELECT strftime('%Y-%m-%d', created_at / 1000, 'unixepoch'), locale, source, normalized,
		       count(*), count(DISTINCT NULLIF(visitor, '')), sum(results = 0)
		FROM searches WHERE created_at >= ? AND created_at < ?
		GROUP BY 1, 2, 3, 4
		ON CONFLICT (day, locale, source, normalized) DO UPDATE SET
			searches     = searches + excluded.searches,
			visitors     = visitors + excluded.visitors,
			zero_results = zero_results + excluded.zero_results`, from, to); err != nil {
		return 0, fmt.Errorf("prune events: aggregate searches: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO daily_articles (day, article_id, locale, clicks, helpful_yes, helpful_no)
		SELECT strftime('%Y-%m-%d', created_at / 1000, 'unixepoch'), article_id, locale,
		       sum(type = 'click'), sum(type = 'vote' AND helpful = 1), sum(type = 'vote' AND helpful = 0)
		FROM events WHERE created_at >= ? AND created_at < ? AND article_id != ''
		GROUP BY 1, 2, 3
		ON CONFLICT (day, article_id, locale) DO UPDATE SET
			clicks      = clicks + excluded.clicks,
			helpful_yes = helpful_yes + excluded.helpful_yes,
			helpful_no  = helpful_no + excluded.helpful_no`, from, to); err != nil {
		return 0, fmt.Errorf("prune events: aggregate events: %w", err)
	}
	var deleted int64
	for _, q := range []string{
		`DELETE FROM searches WHERE created_at >= ? AND created_at < ?`,
		`DELETE FROM events WHERE created_at >= ? AND created_at < ?`,
		`DELETE FROM widget_opens WHERE created_at >= ? AND created_at < ?`,
		`DELETE FROM contacts WHERE created_at >= ? AND created_at < ?`,
	} {
		res, err := tx.ExecContext(ctx, q, from, to)
		if err != nil {
			return 0, fmt.Errorf("prune events: delete: %w", err)
		}
		n, _ := res.RowsAffected()
		deleted += n
	}
	// A contact request stays (it is a ticket); its sender's visitor hash,
	// read by the insights of the day just rolled up, goes as the other raw
	// rows' do (not counted as deleted).
	if _, err := tx.ExecContext(ctx, `UPDATE contact_requests SET visitor = '' WHERE created_at >= ? AND created_at < ? AND visitor <> ''`, from, to); err != nil {
		return 0, fmt.Errorf("prune events: clear contact visitors: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("prune events: %w", err)
	}
	return deleted, nil
}

// DailySearches returns the aggregated number of searches and visitors for
// a normalised query on each day it was aggregated, oldest first.
func (db *DB) DailySearches(ctx context.Context, normalized string) ([]site.DailySearch, error) {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT day, sum(searches), sum(visitors), sum(zero_results)
		FROM daily_searches WHERE normalized = ? GROUP BY day ORDER BY day`, normalized)
	if err != nil {
		return nil, fmt.Errorf("daily searches: %w", err)
	}
	defer rows.Close()
	var out []site.DailySearch
	for rows.Next() {
		var d site.DailySearch
		if err := rows.Scan(&d.Day, &d.Searches, &d.Visitors, &d.ZeroResults); err != nil {
			return nil, fmt.Errorf("daily searches: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
