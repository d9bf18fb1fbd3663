package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/guichet/guichet/site"
)

// Limits of the Recent… methods.
const (
	DefaultRecentLimit = 100
	MaxRecentLimit     = 1000
)

// recentLimit maps a requested limit to 1..MaxRecentLimit; 0 or less means
// DefaultRecentLimit.
func recentLimit(limit int) int {
	if limit <= 0 {
		return DefaultRecentLimit
	}
	return min(limit, MaxRecentLimit)
}

// searchColumns are the columns scanSearch reads, in order.
const searchColumns = `id, query, normalized, locale, results, hits, source, context, visitor, created_at`

// scanSearch reads one searches row. Time is when the search started
// (created_at); the row holds the session's latest query.
func scanSearch(s interface{ Scan(...any) error }) (site.SearchEvent, error) {
	var e site.SearchEvent
	var created int64
	var hits string
	err := s.Scan(&e.ID, &e.Query, &e.Normalized, &e.Locale, &e.Results, &hits, &e.Source, &e.Context, &e.Visitor, &created)
	e.Time = fromMillis(created)
	if hits != "" {
		e.Hits = strings.Split(hits, "\n")
	}
	return e, err
}

// RecentSearches returns the latest searches, newest first, by start time.
// limit is clamped to 1..MaxRecentLimit; 0 means DefaultRecentLimit.
func (db *DB) RecentSearches(ctx context.Context, limit int) ([]site.SearchEvent, error) {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT `+searchColumns+`
		FROM searches
		ORDER BY created_at DESC, rowid DESC
		LIMIT ?`, recentLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("recent searches: %w", err)
	}
	defer rows.Close()
	var list []site.SearchEvent
	for rows.Next() {
		e, err := scanSearch(rows)
		if err != nil {
			return nil, fmt.Errorf("recent searches: %w", err)
		}
		list = append(list, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("recent searches: %w", err)
	}
	return list, nil
}

// SearchByID returns the search with id, or a site.ENOTFOUND error.
func (db *DB) SearchByID(ctx context.Context, id string) (site.SearchEvent, error) {
	e, err := scanSearch(db.reader.QueryRowContext(ctx, `
		SELECT `+searchColumns+`
		FROM searches
		WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return site.SearchEvent{}, site.Errorf(site.ENOTFOUND, "Search %q not found.", id)
	}
	if err != nil {
		return site.SearchEvent{}, fmt.Errorf("search %q: %w", id, err)
	}
	return e, nil
}

// CountSearches returns the number of stored searches (typing sessions count
// once).
func (db *DB) CountSearches(ctx context.Context) (int, error) {
	var n int
	if err := db.reader.QueryRowContext(ctx, `SELECT count(*) FROM searches`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count searches: %w", err)
	}
	return n, nil
}
