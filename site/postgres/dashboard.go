package postgres

import (
	"context"
	"database/sql"
	"time"

	"github.com/guichet/guichet/site/insights"
)

// rollupDelay is how long after its end a day is rolled up: a click may
// still satisfy one of its last searches until then.
const rollupDelay = time.Hour

// querier is a transaction or the pool.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// activities reads the raw activity of [from, to) by visitor then time:
// what insights.Tally counts.
func activities(ctx context.Context, q querier, from, to time.Time) ([]insights.Activity, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT 'search' AS kind, visitor, created_at, locale, source, context, path, '' AS article_id, results, satisfied, false AS helpful
		FROM searches WHERE created_at >= $1 AND created_at < $2
		UNION ALL
		SELECT type, visitor, created_at, locale, source, context, path, article_id, 0, false, coalesce(helpful, false)
		FROM events WHERE created_at >= $1 AND created_at < $2 AND type IN ('click', 'vote', 'view')
		UNION ALL
		SELECT 'contact', visitor, created_at, locale, source, context, path, article_id, 0, false, false
		FROM contacts WHERE created_at >= $1 AND created_at < $2
		UNION ALL
		SELECT 'contact', visitor, created_at, locale, 'contact', context, path, article_id, 0, false, false
		FROM contact_requests WHERE created_at >= $1 AND created_at < $2 AND visitor <> ''
		UNION ALL
		SELECT 'open', visitor, created_at, locale, 'widget', context, path, '', 0, false, false
		FROM widget_opens WHERE created_at >= $1 AND created_at < $2
		ORDER BY 2, 3`, ts(from), ts(to))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []insights.Activity
	for rows.Next() {
		var a insights.Activity
		if err := rows.Scan(&a.Kind, &a.Visitor, &a.Time, &a.Locale, &a.Source, &a.Context, &a.Path, &a.ArticleID, &a.Results, &a.Satisfied, &a.Helpful); err != nil {
			return nil, err
		}
		a.Time = a.Time.UTC()
		out = append(out, a)
	}
	return out, rows.Err()
}

// liveDays returns the starts of the UTC days in [from, to) that are not
// rolled up and have raw rows, and whether any day is rolled up.
func (db *DB) liveDays(ctx context.Context, from, to time.Time) ([]time.Time, bool, error) {
	first, last := from.UTC().Format(time.DateOnly), to.UTC().Format(time.DateOnly)
	rolled := map[string]bool{}
	rows, err := db.pool.QueryContext(ctx, `SELECT day FROM insight_rollups WHERE day >= $1 AND day < $2`, first, last)
	if err != nil {
		return nil, false, err
	}
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			rows.Close()
			return nil, false, err
		}
		rolled[d] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	var oldest sql.NullTime
	if err := db.pool.QueryRowContext(ctx, `
		SELECT min(t) FROM (
			SELECT min(created_at) AS t FROM searches WHERE created_at >= $1 AND created_at < $2
			UNION ALL SELECT min(created_at) FROM events WHERE created_at >= $1 AND created_at < $2
			UNION ALL SELECT min(created_at) FROM contacts WHERE created_at >= $1 AND created_at < $2
			UNION ALL SELECT min(created_at) FROM contact_requests WHERE created_at >= $1 AND created_at < $2 AND visitor <> ''
			UNION ALL SELECT min(created_at) FROM widget_opens WHERE created_at >= $1 AND created_at < $2) m`,
		ts(from), ts(to)).Scan(&oldest); err != nil {
		return nil, false, err
	}
	var from0 time.Time
	if oldest.Valid {
		from0 = oldest.Time
	}
	return insights.LiveDays(from0, to, rolled), len(rolled) > 0, nil
}

// tallyLive calls fn with the totals of each live day, from its raw rows.
func (db *DB) tallyLive(ctx context.Context, live []time.Time, fn func(insights.Totals)) error {
	for _, t := range live {
		acts, err := activities(ctx, db.pool, t, t.Add(24*time.Hour))
		if err != nil {
			return err
		}
		fn(insights.Tally(acts))
	}
	return nil
}

// DayTotals returns the daily totals of the UTC days in [from, to), sorted:
// those of the days rolled up from insight_days, the others tallied from
// their raw rows one day at a time.
func (db *DB) DayTotals(ctx context.Context, from, to time.Time) ([]insights.Day, error) {
	live, anyRolled, err := db.liveDays(ctx, from, to)
	if err != nil {
		return nil, fail("insights day totals", err)
	}
	var out insights.Totals
	if anyRolled {
		rows, err := db.pool.QueryContext(ctx, `
			SELECT d.day, locale, source, screen, searches, no_result_searches, no_click_searches, clicked_searches,
			       views, helpful_votes, not_helpful_votes, contacts, widget_opens, visits, self_service_visits, deflected_visits
			FROM insight_days d JOIN insight_rollups r ON r.day = d.day
			WHERE d.day >= $1 AND d.day < $2`, from.UTC().Format(time.DateOnly), to.UTC().Format(time.DateOnly))
		if err != nil {
			return nil, fail("insights day totals", err)
		}
		for rows.Next() {
			var d insights.Day
			if err := rows.Scan(&d.Day, &d.Locale, &d.Source, &d.Screen, &d.Searches, &d.NoResultSearches, &d.NoClickSearches, &d.ClickedSearches,
				&d.Views, &d.HelpfulVotes, &d.NotHelpfulVotes, &d.Contacts, &d.WidgetOpens, &d.Visits, &d.SelfServiceVisits, &d.DeflectedVisits); err != nil {
				rows.Close()
				return nil, fail("insights day totals", err)
			}
			out.Days = append(out.Days, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fail("insights day totals", err)
		}
	}
	if err := db.tallyLive(ctx, live, func(t insights.Totals) { out.Days = append(out.Days, t.Days...) }); err != nil {
		return nil, fail("insights day totals", err)
	}
	out.Sort()
	return out.Days, nil
}

// ArticleTotals returns each article's figures summed over the UTC days in
// [from, to) (Day empty), by article and locale, sorted. A rolled-up day
// with views and no reader was rolled up by a release before readers were
// counted (an older replica still running): its views stand for them.
func (db *DB) ArticleTotals(ctx context.Context, from, to time.Time) ([]insights.ArticleDay, error) {
	live, anyRolled, err := db.liveDays(ctx, from, to)
	if err != nil {
		return nil, fail("insights article totals", err)
	}
	sums := insights.ArticleSums{}
	if anyRolled {
		rows, err := db.pool.QueryContext(ctx, `
			SELECT article_id, locale, sum(views), sum(CASE WHEN readers = 0 THEN views ELSE readers END), sum(helpful), sum(not_helpful), sum(contacts_after_reading)
			FROM insight_article_days a JOIN insight_rollups r ON r.day = a.day
			WHERE a.day >= $1 AND a.day < $2
			GROUP BY article_id, locale`, from.UTC().Format(time.DateOnly), to.UTC().Format(time.DateOnly))
		if err != nil {
			return nil, fail("insights article totals", err)
		}
		for rows.Next() {
			var a insights.ArticleDay
			if err := rows.Scan(&a.ArticleID, &a.Locale, &a.Views, &a.Readers, &a.Helpful, &a.NotHelpful, &a.ContactsAfterReading); err != nil {
				rows.Close()
				return nil, fail("insights article totals", err)
			}
			sums.Add(a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fail("insights article totals", err)
		}
	}
	if err := db.tallyLive(ctx, live, func(t insights.Totals) {
		for _, a := range t.Articles {
			sums.Add(a)
		}
	}); err != nil {
		return nil, fail("insights article totals", err)
	}
	return sums.List(), nil
}

// RollUp rolls up every day that ended at least an hour before now and
// is not rolled up yet, from the oldest raw row on, and returns how many
// it rolled up. Replicas take turns (the prune lock); the later one finds
// the day done.
func (db *DB) RollUp(ctx context.Context, now time.Time) (int, error) {
	cut := now.UTC().Add(-rollupDelay).Truncate(24 * time.Hour)
	var oldest sql.NullTime
	if err := db.pool.QueryRowContext(ctx, `
		SELECT min(t) FROM (
			SELECT min(created_at) AS t FROM searches
			UNION ALL SELECT min(created_at) FROM events
			UNION ALL SELECT min(created_at) FROM contacts
			UNION ALL SELECT min(created_at) FROM contact_requests WHERE visitor <> ''
			UNION ALL SELECT min(created_at) FROM widget_opens) m`).Scan(&oldest); err != nil {
		return 0, fail("roll up insights", err)
	}
	if !oldest.Valid {
		return 0, nil
	}
	n := 0
	for d := oldest.Time.UTC().Truncate(24 * time.Hour); d.Before(cut) && ctx.Err() == nil; d = d.Add(24 * time.Hour) {
		var done bool
		err := db.inTx(ctx, "roll up insights", func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, $2)`, lockSpace, lockPrune); err != nil {
				return err
			}
			var err error
			done, err = rollUpDay(ctx, tx, d, db.now())
			return err
		})
		if err != nil {
			return n, err
		}
		if done {
			n++
		}
	}
	return n, ctx.Err()
}

// rollUpDay stores the totals of the day starting at from in tx, unless it
// is rolled up already; it says whether it did. The caller holds the prune
// lock.
func rollUpDay(ctx context.Context, tx *sql.Tx, from, now time.Time) (bool, error) {
	day := from.UTC().Format(time.DateOnly)
	var one int
	switch err := tx.QueryRowContext(ctx, `SELECT 1 FROM insight_rollups WHERE day = $1`, day).Scan(&one); err {
	case nil:
		return false, nil
	case sql.ErrNoRows:
	default:
		return false, err
	}
	acts, err := activities(ctx, tx, from, from.Add(24*time.Hour))
	if err != nil {
		return false, err
	}
	tot := insights.Tally(acts)
	for _, d := range tot.Days {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO insight_days (day, locale, source, screen, searches, no_result_searches, no_click_searches, clicked_searches,
				views, helpful_votes, not_helpful_votes, contacts, widget_opens, visits, self_service_visits, deflected_visits)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
			d.Day, d.Locale, d.Source, d.Screen, d.Searches, d.NoResultSearches, d.NoClickSearches, d.ClickedSearches,
			d.Views, d.HelpfulVotes, d.NotHelpfulVotes, d.Contacts, d.WidgetOpens, d.Visits, d.SelfServiceVisits, d.DeflectedVisits); err != nil {
			return false, err
		}
	}
	for _, a := range tot.Articles {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO insight_article_days (day, article_id, locale, views, readers, helpful, not_helpful, contacts_after_reading)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, a.Day, a.ArticleID, a.Locale, a.Views, a.Readers, a.Helpful, a.NotHelpful, a.ContactsAfterReading); err != nil {
			return false, err
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO insight_rollups (day, rolled_at) VALUES ($1, $2)`, day, now)
	return err == nil, err
}

// TicketsByDay counts the tickets created in [from, to) by day, locale and
// linked article ("" unlinked).
func (db *DB) TicketsByDay(ctx context.Context, from, to time.Time) ([]insights.TicketDay, error) {
	rows, err := db.pool.QueryContext(ctx, `
		SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), locale, article_id, count(*)
		FROM tickets WHERE created_at >= $1 AND created_at < $2
		GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`, ts(from), ts(to))
	if err != nil {
		return nil, fail("ticket days", err)
	}
	defer rows.Close()
	var out []insights.TicketDay
	for rows.Next() {
		var t insights.TicketDay
		if err := rows.Scan(&t.Day, &t.Locale, &t.ArticleID, &t.Tickets); err != nil {
			return nil, fail("ticket days", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// VoteComments returns the "not helpful" votes in [from, to) with a
// reason or a comment, of one locale when locale is set, newest first, at
// most limit.
func (db *DB) VoteComments(ctx context.Context, from, to time.Time, locale string, limit int) ([]insights.Comment, error) {
	rows, err := db.pool.QueryContext(ctx, `
		SELECT article_id, locale, reason, comment, created_at FROM events
		WHERE type = 'vote' AND helpful = false AND (comment <> '' OR reason <> '') AND created_at >= $1 AND created_at < $2
		  AND ($3 = '' OR locale = $3)
		ORDER BY created_at DESC, id DESC LIMIT $4`, ts(from), ts(to), locale, limit)
	if err != nil {
		return nil, fail("vote comments", err)
	}
	defer rows.Close()
	var out []insights.Comment
	for rows.Next() {
		c := insights.Comment{Count: 1}
		if err := rows.Scan(&c.ArticleID, &c.Locale, &c.Reason, &c.Comment, &c.Last); err != nil {
			return nil, fail("vote comments", err)
		}
		c.Last = c.Last.UTC()
		out = append(out, c)
	}
	return out, rows.Err()
}
