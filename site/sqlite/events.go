package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"time"

	"github.com/guichet/guichet/site"
)

// RecentEvents returns the latest clicks and votes, newest first. limit is
// clamped to 1..MaxRecentLimit; 0 means DefaultRecentLimit.
func (db *DB) RecentEvents(ctx context.Context, limit int) ([]site.Event, error) {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT type, search_id, article_id, locale, position, helpful, reason, comment, source, context, path, visitor, created_at
		FROM events
		ORDER BY created_at DESC, id DESC
		LIMIT ?`, recentLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("recent events: %w", err)
	}
	defer rows.Close()
	var list []site.Event
	for rows.Next() {
		var e site.Event
		var helpful sql.NullBool
		var created int64
		if err := rows.Scan(&e.Type, &e.SearchID, &e.ArticleID, &e.Locale, &e.Position,
			&helpful, &e.Reason, &e.Comment, &e.Source, &e.Context, &e.Path, &e.Visitor, &created); err != nil {
			return nil, fmt.Errorf("recent events: %w", err)
		}
		if helpful.Valid {
			e.Helpful = &helpful.Bool
		}
		e.Time = fromMillis(created)
		list = append(list, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("recent events: %w", err)
	}
	return list, nil
}

// ArticleClicks counts the result clicks per article id (all locales
// together) since the given time: how often searchers chose each article.
func (db *DB) ArticleClicks(ctx context.Context, since time.Time) (map[string]int, error) {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT article_id, count(*)
		FROM events
		WHERE type = 'click' AND created_at >= ? AND article_id != ''
		GROUP BY article_id`, millis(since))
	if err != nil {
		return nil, fmt.Errorf("count article clicks: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("count article clicks: %w", err)
		}
		out[id] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count article clicks: %w", err)
	}
	return out, nil
}

// Secret returns the secret stored under name, creating it from
// crypto/rand (size bytes) the first time, so it survives restarts.
func (db *DB) Secret(ctx context.Context, name string, size int) ([]byte, error) {
	fresh := make([]byte, size)
	if _, err := rand.Read(fresh); err != nil {
		return nil, fmt.Errorf("secret %s: %w", name, err)
	}
	if _, err := db.writer.ExecContext(ctx, `INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`, name, fresh); err != nil {
		return nil, fmt.Errorf("secret %s: %w", name, err)
	}
	var v []byte
	if err := db.writer.QueryRowContext(ctx, `SELECT value FROM secrets WHERE name = ?`, name).Scan(&v); err != nil {
		return nil, fmt.Errorf("secret %s: %w", name, err)
	}
	return v, nil
}

// VisitorKey returns the secret under which the visitors of day
// ("2026-11-30", UTC) are hashed, creating it the first time, and deletes
// the keys of the days before yesterday: a copy of the database then holds
// no key that could turn an older visitor hash back into an address.
// Replicas sharing the store share the day's key.
func (db *DB) VisitorKey(ctx context.Context, day string) ([]byte, error) {
	if _, err := db.writer.ExecContext(ctx, `DELETE FROM secrets WHERE (name LIKE 'visitor-hash:%' AND name < ?) OR name = 'visitor-hash'`,
		"visitor-hash:"+previousDay(day)); err != nil {
		return nil, fmt.Errorf("visitor key: %w", db.explainWrite(err))
	}
	key, err := db.Secret(ctx, "visitor-hash:"+day, 32)
	if err != nil {
		return nil, fmt.Errorf("visitor key: %w", db.explainWrite(err))
	}
	return key, nil
}

// previousDay returns the day before day (YYYY-MM-DD), day itself when it
// cannot be read.
func previousDay(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, -1).Format("2006-01-02")
}
