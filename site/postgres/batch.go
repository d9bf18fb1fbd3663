package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/recorder"
)

var _ recorder.Writer = (*DB)(nil)

// WriteBatch stores a batch of events in one transaction
// (recorder.Writer), run again when it lost a race with another replica's
// batch. Searches are written in ID order, so two replicas updating the
// same searches take their row locks in the same order.
func (db *DB) WriteBatch(ctx context.Context, b *recorder.Batch) error {
	searches := append([]recorder.Search(nil), b.Searches...)
	sort.Slice(searches, func(i, j int) bool { return searches[i].ID < searches[j].ID })
	return db.inTx(ctx, "write events", func(tx *sql.Tx) error {
		if err := writeSearches(ctx, tx, searches); err != nil {
			return err
		}
		if err := writeEvents(ctx, tx, b.Events); err != nil {
			return err
		}
		return writeOpens(ctx, tx, b.Opens)
	})
}

// writeSearches upserts rows: a search ID already stored takes the newer
// query, keeping its created_at, unless the stored row is already newer.
func writeSearches(ctx context.Context, tx *sql.Tx, rows []recorder.Search) error {
	if len(rows) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `
		INSERT INTO searches (id, query, normalized, locale, results, hits, source, context, path, visitor, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
		ON CONFLICT (id) DO UPDATE SET
			query      = excluded.query,
			normalized = excluded.normalized,
			locale     = excluded.locale,
			results    = excluded.results,
			hits       = excluded.hits,
			source     = excluded.source,
			context    = excluded.context,
			path       = excluded.path,
			visitor    = excluded.visitor,
			updated_at = excluded.updated_at
		WHERE excluded.updated_at >= searches.updated_at`)
	if err != nil {
		return fmt.Errorf("prepare searches: %w", err)
	}
	defer stmt.Close()
	for _, r := range rows {
		if _, err := stmt.ExecContext(ctx, r.ID, r.Query, r.Normalized, r.Locale, r.Results, list(r.Hits),
			r.Source, r.Context, r.Path, r.Visitor, ts(r.First), ts(r.Time)); err != nil {
			return fmt.Errorf("search %s: %w", r.ID, err)
		}
	}
	return nil
}

// list is s as a text[] argument: never NULL.
func list(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// writeEvents inserts clicks, votes and readings; a later vote of a
// visitor on an article the same day replaces the earlier one.
func writeEvents(ctx context.Context, tx *sql.Tx, events []site.Event) error {
	if len(events) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `
		INSERT INTO events (type, search_id, article_id, locale, position, helpful, reason, comment, source, context, path, visitor, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`)
	if err != nil {
		return fmt.Errorf("prepare events: %w", err)
	}
	defer stmt.Close()
	dedupe, err := tx.PrepareContext(ctx, `
		DELETE FROM events WHERE type = 'vote' AND article_id = $1 AND visitor = $2 AND created_at >= $3 AND created_at < $4`)
	if err != nil {
		return fmt.Errorf("prepare vote dedupe: %w", err)
	}
	defer dedupe.Close()
	for _, e := range events {
		if e.Type == site.EventVote && e.Visitor != "" {
			day := e.Time.UTC().Truncate(24 * time.Hour)
			if _, err := dedupe.ExecContext(ctx, e.ArticleID, e.Visitor, day, day.Add(24*time.Hour)); err != nil {
				return fmt.Errorf("vote dedupe: %w", err)
			}
		}
		var helpful sql.NullBool
		if e.Helpful != nil {
			helpful = sql.NullBool{Bool: *e.Helpful, Valid: true}
		}
		if _, err := stmt.ExecContext(ctx, e.Type, e.SearchID, e.ArticleID, e.Locale, e.Position,
			helpful, e.Reason, e.Comment, e.Source, e.Context, e.Path, e.Visitor, ts(e.Time)); err != nil {
			return fmt.Errorf("%s event: %w", e.Type, err)
		}
	}
	return nil
}

// writeOpens inserts openings of the widget panel.
func writeOpens(ctx context.Context, tx *sql.Tx, opens []site.WidgetOpen) error {
	if len(opens) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `
		INSERT INTO widget_opens (locale, path, context, matched, visitor, created_at) VALUES ($1, $2, $3, $4, $5, $6)`)
	if err != nil {
		return fmt.Errorf("prepare widget opens: %w", err)
	}
	defer stmt.Close()
	for _, o := range opens {
		if _, err := stmt.ExecContext(ctx, o.Locale, o.Path, o.Context, o.Matched, o.Visitor, ts(o.Time)); err != nil {
			return fmt.Errorf("widget open: %w", err)
		}
	}
	return nil
}
