package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/recorder"
)

var _ recorder.Writer = (*DB)(nil)

// WriteBatch stores a batch of events in one transaction (recorder.Writer).
func (db *DB) WriteBatch(ctx context.Context, b *recorder.Batch) error {
	if err := db.writeBatch(ctx, b); err != nil {
		return fmt.Errorf("write events: %w", db.explainWrite(err))
	}
	return nil
}

func (db *DB) writeBatch(ctx context.Context, b *recorder.Batch) error {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // no-op after Commit
	if err := writeSearches(ctx, tx, b.Searches); err != nil {
		return err
	}
	if err := writeEvents(ctx, tx, b.Events); err != nil {
		return err
	}
	if err := writeOpens(ctx, tx, b.Opens); err != nil {
		return err
	}
	if err := writeContacts(ctx, tx, b.Contacts); err != nil {
		return err
	}
	return tx.Commit()
}

// writeSearches upserts rows: a search ID already stored by an earlier batch
// takes the newer query, keeping its created_at, unless the stored row is
// already newer (records can arrive out of order).
func writeSearches(ctx context.Context, tx *sql.Tx, rows []recorder.Search) error {
	if len(rows) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `
		INSERT INTO searches (id, query, normalized, locale, results, hits, first_hit, source, context, path, visitor, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET
			query      = excluded.query,
			normalized = excluded.normalized,
			locale     = excluded.locale,
			results    = excluded.results,
			hits       = excluded.hits,
			first_hit  = excluded.first_hit,
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
		first := "" // what the search showed first (0023)
		if len(r.Hits) > 0 {
			first = r.Hits[0]
		}
		if _, err := stmt.ExecContext(ctx, r.ID, r.Query, r.Normalized, r.Locale, r.Results, strings.Join(r.Hits, "\n"), first,
			r.Source, r.Context, r.Path, r.Visitor, millis(r.First), millis(r.Time)); err != nil {
			return fmt.Errorf("search %s: %w", r.ID, err)
		}
	}
	return nil
}

// writeEvents inserts clicks, votes and readings. A visitor has one vote
// per article and day (UTC), held by a unique index (0019): a vote
// replaces the stored one unless that one is later, so one person cannot
// stuff the ratings, and a "No" written after its own reason does not undo
// it.
func writeEvents(ctx context.Context, tx *sql.Tx, events []site.Event) error {
	if len(events) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `
		INSERT INTO events (type, search_id, article_id, locale, position, helpful, reason, comment, source, context, path, visitor, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (article_id, visitor, created_at / 86400000) WHERE type = 'vote' AND visitor != ''
		DO UPDATE SET
			search_id  = excluded.search_id,
			locale     = excluded.locale,
			position   = excluded.position,
			helpful    = excluded.helpful,
			reason     = excluded.reason,
			comment    = excluded.comment,
			source     = excluded.source,
			context    = excluded.context,
			path       = excluded.path,
			created_at = excluded.created_at
		WHERE excluded.created_at >= events.created_at`)
	if err != nil {
		return fmt.Errorf("prepare events: %w", err)
	}
	defer stmt.Close()
	for _, e := range events {
		var helpful sql.NullBool
		if e.Helpful != nil {
			helpful = sql.NullBool{Bool: *e.Helpful, Valid: true}
		}
		if _, err := stmt.ExecContext(ctx, e.Type, e.SearchID, e.ArticleID, e.Locale, e.Position,
			helpful, e.Reason, e.Comment, e.Source, e.Context, e.Path, e.Visitor, millis(e.Time)); err != nil {
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
		INSERT INTO widget_opens (locale, path, context, matched, visitor, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("prepare widget opens: %w", err)
	}
	defer stmt.Close()
	for _, o := range opens {
		if _, err := stmt.ExecContext(ctx, o.Locale, o.Path, o.Context, o.Matched, o.Visitor, millis(o.Time)); err != nil {
			return fmt.Errorf("widget open: %w", err)
		}
	}
	return nil
}

// writeContacts inserts contacts: "Contact support" followed, or the
// contact form opened.
func writeContacts(ctx context.Context, tx *sql.Tx, contacts []site.Event) error {
	if len(contacts) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `
		INSERT INTO contacts (article_id, locale, source, path, context, visitor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("prepare contacts: %w", err)
	}
	defer stmt.Close()
	for _, e := range contacts {
		if _, err := stmt.ExecContext(ctx, e.ArticleID, e.Locale, e.Source, e.Path, e.Context, e.Visitor, millis(e.Time)); err != nil {
			return fmt.Errorf("contact: %w", err)
		}
	}
	return nil
}
