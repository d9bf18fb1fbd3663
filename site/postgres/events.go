package postgres

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/recorder"
)

// Limits of the Recent… methods, as in site/sqlite.
const (
	DefaultRecentLimit = 100
	MaxRecentLimit     = 1000
)

func recentLimit(limit int) int {
	if limit <= 0 {
		return DefaultRecentLimit
	}
	return min(limit, MaxRecentLimit)
}

// Recorder starts the batched event writer on db, on db's clock unless
// opts sets one. Close it before closing db.
func (db *DB) Recorder(opts recorder.Options) *recorder.Recorder {
	if opts.Now == nil {
		opts.Now = db.now
	}
	if opts.Logger == nil {
		opts.Logger = db.log
	}
	r := recorder.New(db, opts)
	db.recMu.Lock()
	db.recorders = append(db.recorders, r)
	db.recMu.Unlock()
	return r
}

// RecentEvents returns the latest clicks, votes and readings, newest first.
func (db *DB) RecentEvents(ctx context.Context, limit int) ([]site.Event, error) {
	rows, err := db.pool.QueryContext(ctx, `
		SELECT type, search_id, article_id, locale, position, helpful, reason, comment, source, context, path, visitor, created_at
		FROM events ORDER BY created_at DESC, id DESC LIMIT $1`, recentLimit(limit))
	if err != nil {
		return nil, fail("recent events", err)
	}
	defer rows.Close()
	var list []site.Event
	for rows.Next() {
		var e site.Event
		var helpful sql.NullBool
		if err := rows.Scan(&e.Type, &e.SearchID, &e.ArticleID, &e.Locale, &e.Position,
			&helpful, &e.Reason, &e.Comment, &e.Source, &e.Context, &e.Path, &e.Visitor, &e.Time); err != nil {
			return nil, fail("recent events", err)
		}
		if helpful.Valid {
			e.Helpful = &helpful.Bool
		}
		e.Time = e.Time.UTC()
		list = append(list, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("recent events", err)
	}
	return list, nil
}

// ArticleClicks counts the result clicks per article id since a time.
func (db *DB) ArticleClicks(ctx context.Context, since time.Time) (map[string]int, error) {
	rows, err := db.pool.QueryContext(ctx, `
		SELECT article_id, count(*) FROM events
		WHERE type = 'click' AND created_at >= $1 AND article_id <> ''
		GROUP BY article_id`, ts(since))
	if err != nil {
		return nil, fail("count article clicks", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fail("count article clicks", err)
		}
		out[id] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fail("count article clicks", err)
	}
	return out, nil
}

// Secret returns the secret stored under name, creating it from
// crypto/rand (size bytes) the first time; every replica reads the same.
func (db *DB) Secret(ctx context.Context, name string, size int) ([]byte, error) {
	fresh := make([]byte, size)
	if _, err := rand.Read(fresh); err != nil {
		return nil, fmt.Errorf("secret %s: %w", name, err)
	}
	if _, err := db.pool.ExecContext(ctx, `INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, name, fresh); err != nil {
		return nil, fail("secret "+name, err)
	}
	var v []byte
	if err := db.pool.QueryRowContext(ctx, `SELECT value FROM secrets WHERE name = $1`, name).Scan(&v); err != nil {
		return nil, fail("secret "+name, err)
	}
	return v, nil
}

// VisitorKey returns the key the visitors of day ("2026-11-30", UTC) are
// hashed with, the same on every replica, and deletes the keys of the days
// before yesterday.
func (db *DB) VisitorKey(ctx context.Context, day string) ([]byte, error) {
	if _, err := db.pool.ExecContext(ctx, `DELETE FROM secrets WHERE (name LIKE 'visitor-hash:%' AND name < $1) OR name = 'visitor-hash'`,
		"visitor-hash:"+previousDay(day)); err != nil {
		return nil, fail("visitor key", err)
	}
	return db.Secret(ctx, "visitor-hash:"+day, 32)
}

func previousDay(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, -1).Format("2006-01-02")
}

// searchColumns are the columns scanSearch reads, in order.
const searchColumns = `id, query, normalized, locale, results, array_to_string(hits, E'\n'), source, context, visitor, created_at`

func scanSearch(s interface{ Scan(...any) error }) (site.SearchEvent, error) {
	var e site.SearchEvent
	var hits string
	err := s.Scan(&e.ID, &e.Query, &e.Normalized, &e.Locale, &e.Results, &hits, &e.Source, &e.Context, &e.Visitor, &e.Time)
	e.Time = e.Time.UTC()
	e.Hits = splitLines(hits)
	return e, err
}

// splitLines splits a list joined by newlines; "" is none.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		out = append(out, s[:i])
		if i == len(s) {
			break
		}
		s = s[i+1:]
	}
	return out
}

// RecentSearches returns the latest searches, newest first, by start time.
func (db *DB) RecentSearches(ctx context.Context, limit int) ([]site.SearchEvent, error) {
	rows, err := db.pool.QueryContext(ctx, `SELECT `+searchColumns+` FROM searches ORDER BY created_at DESC, seq DESC LIMIT $1`, recentLimit(limit))
	if err != nil {
		return nil, fail("recent searches", err)
	}
	defer rows.Close()
	var list []site.SearchEvent
	for rows.Next() {
		e, err := scanSearch(rows)
		if err != nil {
			return nil, fail("recent searches", err)
		}
		list = append(list, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("recent searches", err)
	}
	return list, nil
}

// SearchByID returns the search with id, or a site.ENOTFOUND error.
func (db *DB) SearchByID(ctx context.Context, id string) (site.SearchEvent, error) {
	e, err := scanSearch(db.pool.QueryRowContext(ctx, `SELECT `+searchColumns+` FROM searches WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return site.SearchEvent{}, site.Errorf(site.ENOTFOUND, "Search %q not found.", id)
	}
	if err != nil {
		return site.SearchEvent{}, fail(fmt.Sprintf("search %q", id), err)
	}
	return e, nil
}

// CountSearches returns the number of stored searches.
func (db *DB) CountSearches(ctx context.Context) (int, error) {
	var n int
	if err := db.pool.QueryRowContext(ctx, `SELECT count(*) FROM searches`).Scan(&n); err != nil {
		return 0, fail("count searches", err)
	}
	return n, nil
}

// NotHelpful returns the articles with at least one "No" vote since the
// given time, highest share of "No" first, with reasons and comments.
func (db *DB) NotHelpful(ctx context.Context, since time.Time, limit int) ([]site.ArticleFeedback, error) {
	rows, err := db.pool.QueryContext(ctx, `
		SELECT article_id, locale, count(*) FILTER (WHERE helpful), count(*) FILTER (WHERE NOT helpful)
		FROM events WHERE type = 'vote' AND created_at >= $1
		GROUP BY article_id, locale HAVING count(*) FILTER (WHERE NOT helpful) > 0
		ORDER BY 1.0 * count(*) FILTER (WHERE NOT helpful) / count(*) DESC, count(*) FILTER (WHERE NOT helpful) DESC, article_id
		LIMIT $2`, ts(since), recentLimit(limit))
	if err != nil {
		return nil, fail("not helpful articles", err)
	}
	var out []site.ArticleFeedback
	for rows.Next() {
		f := site.ArticleFeedback{Reasons: map[string]int{}, Comments: []string{}}
		if err := rows.Scan(&f.ArticleID, &f.Locale, &f.Yes, &f.No); err != nil {
			rows.Close()
			return nil, fail("not helpful articles", err)
		}
		out = append(out, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fail("not helpful articles", err)
	}
	for i := range out {
		f := &out[i]
		r, err := db.pool.QueryContext(ctx, `
			SELECT reason, comment FROM events
			WHERE type = 'vote' AND NOT helpful AND article_id = $1 AND locale = $2 AND created_at >= $3
			ORDER BY created_at DESC, id DESC`, f.ArticleID, f.Locale, ts(since))
		if err != nil {
			return nil, fail("not helpful articles", err)
		}
		for r.Next() {
			var reason, comment string
			if err := r.Scan(&reason, &comment); err != nil {
				r.Close()
				return nil, fail("not helpful articles", err)
			}
			if reason != "" {
				f.Reasons[reason]++
			}
			if comment != "" && len(f.Comments) < 10 {
				f.Comments = append(f.Comments, comment)
			}
		}
		r.Close()
	}
	return out, nil
}
