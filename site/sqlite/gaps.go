package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/guichet/guichet/site/gaps"
)

// visitWindow is how long after a search a click or vote still counts as
// its outcome.
const visitWindow = 30 * time.Minute

// GapSearches returns the searches since the given time with what followed
// each one: Clicked is true when a result of that search was opened, or
// when the same visitor voted on an article within 30 minutes. locale, when
// not empty, keeps one locale.
func (db *DB) GapSearches(ctx context.Context, since time.Time, locale string) ([]gaps.Search, error) {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT s.query, s.normalized, s.locale, s.source, s.context, s.visitor, s.results, s.created_at,
		       EXISTS (SELECT 1 FROM events e WHERE e.search_id = s.id AND e.type = 'click')
		       OR (s.visitor != '' AND EXISTS (SELECT 1 FROM events e WHERE e.visitor = s.visitor
		            AND e.type = 'vote' AND e.created_at BETWEEN s.created_at AND s.created_at + ?))
		FROM searches s
		WHERE s.created_at >= ? AND (? = '' OR s.locale = ?)`,
		visitWindow.Milliseconds(), millis(since), locale, locale)
	if err != nil {
		return nil, fmt.Errorf("gap searches: %w", err)
	}
	defer rows.Close()
	var out []gaps.Search
	for rows.Next() {
		var s gaps.Search
		var created int64
		if err := rows.Scan(&s.Query, &s.Normalized, &s.Locale, &s.Source, &s.Context, &s.Visitor, &s.Results, &created, &s.Clicked); err != nil {
			return nil, fmt.Errorf("gap searches: %w", err)
		}
		s.Time = fromMillis(created)
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("gap searches: %w", err)
	}
	return out, nil
}
