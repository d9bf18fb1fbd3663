package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/guichet/guichet/site"
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
		SELECT s.query, s.normalized, s.locale, s.source, s.context, s.path, s.visitor, s.results, s.created_at,
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
		if err := rows.Scan(&s.Query, &s.Normalized, &s.Locale, &s.Source, &s.Context, &s.Path, &s.Visitor, &s.Results, &created, &s.Clicked); err != nil {
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

// ScreensWithoutHelp returns the openings of the widget since a time on
// host pages no article's contexts fitted, as records for the gap report:
// kind gaps.NoHelp, with the context key and path the report groups by
// (gaps.Screen).
// locale, when not empty, keeps one locale.
func (db *DB) ScreensWithoutHelp(ctx context.Context, since time.Time, locale string) ([]gaps.Search, error) {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT locale, path, context, visitor, created_at FROM widget_opens
		WHERE matched = 0 AND created_at >= ? AND (? = '' OR locale = ?)`, millis(since), locale, locale)
	if err != nil {
		return nil, fmt.Errorf("read widget openings: %w", err)
	}
	defer rows.Close()
	var out []gaps.Search
	for rows.Next() {
		s := gaps.Search{Kind: gaps.NoHelp, Source: site.SourceWidget}
		var created int64
		if err := rows.Scan(&s.Locale, &s.Path, &s.Context, &s.Visitor, &created); err != nil {
			return nil, fmt.Errorf("read widget openings: %w", err)
		}
		s.Time = fromMillis(created)
		out = append(out, s)
	}
	return out, rows.Err()
}

// WidgetOpens counts the openings of the widget since a time, and how many
// of them found no article for the host page.
func (db *DB) WidgetOpens(ctx context.Context, since time.Time) (total, unmatched int, err error) {
	err = db.reader.QueryRowContext(ctx, `
		SELECT count(*), coalesce(sum(matched = 0), 0) FROM widget_opens WHERE created_at >= ?`, millis(since)).Scan(&total, &unmatched)
	if err != nil {
		return 0, 0, fmt.Errorf("count widget openings: %w", err)
	}
	return total, unmatched, nil
}

// SetTriage records the team's decision on a gap (status new_article,
// product_fix, ignored or answered, and a note), replacing any earlier one.
// Marking a gap answered by hand sets its answer time to now.
func (db *DB) SetTriage(ctx context.Context, g gaps.Gap, status, note string) error {
	var answered any
	if status == gaps.StatusAnswered {
		answered = millis(db.now())
	}
	_, err := db.writer.ExecContext(ctx, `
		INSERT INTO gap_triage (id, kind, locale, key, status, note, answered_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET status = excluded.status, note = excluded.note,
			answered_at = coalesce(gap_triage.answered_at, excluded.answered_at), updated_at = excluded.updated_at`,
		g.ID, g.Kind, g.Locale, g.Key, status, note, answered, millis(db.now()))
	if err != nil {
		return fmt.Errorf("triage gap %s: %w", g.ID, err)
	}
	return nil
}

// MarkAnswered records that published content now answers the gap, at the
// given time, keeping the status and note the team chose and the first
// answer time.
func (db *DB) MarkAnswered(ctx context.Context, g gaps.Gap, at time.Time) error {
	_, err := db.writer.ExecContext(ctx, `
		INSERT INTO gap_triage (id, kind, locale, key, status, note, answered_at, updated_at)
		VALUES (?, ?, ?, ?, 'answered', '', ?, ?)
		ON CONFLICT (id) DO UPDATE SET status = 'answered',
			answered_at = coalesce(gap_triage.answered_at, excluded.answered_at), updated_at = excluded.updated_at`,
		g.ID, g.Kind, g.Locale, g.Key, millis(at), millis(db.now()))
	if err != nil {
		return fmt.Errorf("mark gap %s answered: %w", g.ID, err)
	}
	return nil
}

// Triage returns every decision by gap ID.
func (db *DB) Triage(ctx context.Context) (map[string]gaps.Triage, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT id, status, note, answered_at FROM gap_triage`)
	if err != nil {
		return nil, fmt.Errorf("read gap triage: %w", err)
	}
	defer rows.Close()
	out := map[string]gaps.Triage{}
	for rows.Next() {
		var t gaps.Triage
		var answered sql.NullInt64
		if err := rows.Scan(&t.ID, &t.Status, &t.Note, &answered); err != nil {
			return nil, fmt.Errorf("read gap triage: %w", err)
		}
		if answered.Valid {
			at := fromMillis(answered.Int64)
			t.AnsweredAt = &at
		}
		out[t.ID] = t
	}
	return out, rows.Err()
}
