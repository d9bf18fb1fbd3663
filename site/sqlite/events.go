package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/guichet/guichet/site"
)

// RecentEvents returns the latest clicks and votes, newest first. limit is
// clamped to 1..MaxRecentLimit; 0 means DefaultRecentLimit.
func (db *DB) RecentEvents(ctx context.Context, limit int) ([]site.Event, error) {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT type, search_id, article_id, locale, position, helpful, reason, comment, source, created_at
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
			&helpful, &e.Reason, &e.Comment, &e.Source, &created); err != nil {
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
