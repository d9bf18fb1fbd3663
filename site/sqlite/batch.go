package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// batch is the events the writer has taken from the queue but not yet
// written. Searches sharing an ID are coalesced into one row here, so a
// typing session costs one upsert per batch, not one per keystroke.
type batch struct {
	n        int // items added, before coalescing
	searches []searchRow
	byID     map[string]int // search ID → index in searches
	events   []site.Event
	contacts []site.Event
	opens    []site.WidgetOpen
}

// searchRow is one coalesced search: the latest record of its ID in the
// batch, and the earliest time seen.
type searchRow struct {
	site.SearchEvent       // the latest record; Time is its time
	first            int64 // earliest Time in the batch, unix ms
}

func newBatch() *batch { return &batch{byID: map[string]int{}} }

func (b *batch) len() int { return b.n }

func (b *batch) reset() {
	b.n = 0
	clear(b.searches) // drop string references
	b.searches = b.searches[:0]
	clear(b.byID)
	clear(b.events)
	b.events = b.events[:0]
	clear(b.contacts)
	b.contacts = b.contacts[:0]
	clear(b.opens)
	b.opens = b.opens[:0]
}

func (b *batch) add(it item) {
	b.n++
	if it.isOpen {
		b.opens = append(b.opens, it.open)
		return
	}
	if !it.isSearch {
		if it.event.Type == site.EventContact {
			b.contacts = append(b.contacts, it.event)
		} else {
			b.events = append(b.events, it.event)
		}
		return
	}
	e := it.search
	if e.ID == "" {
		e.ID = site.NewID()
	}
	t := millis(e.Time)
	i, ok := b.byID[e.ID]
	if !ok {
		b.byID[e.ID] = len(b.searches)
		b.searches = append(b.searches, searchRow{SearchEvent: e, first: t})
		return
	}
	row := &b.searches[i]
	row.first = min(row.first, t)
	// The latest keystroke wins; on a tie, the one recorded last.
	if t >= millis(row.Time) {
		row.SearchEvent = e
	}
}

// write stores the batch in one transaction.
func (b *batch) write(ctx context.Context, db *DB) error {
	if err := b.writeTx(ctx, db); err != nil {
		return fmt.Errorf("write events: %w", err)
	}
	return nil
}

func (b *batch) writeTx(ctx context.Context, db *DB) error {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // no-op after Commit
	if err := writeSearches(ctx, tx, b.searches); err != nil {
		return err
	}
	if err := writeEvents(ctx, tx, b.events); err != nil {
		return err
	}
	if err := writeOpens(ctx, tx, b.opens); err != nil {
		return err
	}
	if err := writeContacts(ctx, tx, b.contacts); err != nil {
		return err
	}
	return tx.Commit()
}

// writeSearches upserts rows: a search ID already stored by an earlier batch
// takes the newer query, keeping its created_at, unless the stored row is
// already newer (records can arrive out of order).
func writeSearches(ctx context.Context, tx *sql.Tx, rows []searchRow) error {
	if len(rows) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `
		INSERT INTO searches (id, query, normalized, locale, results, hits, source, context, path, visitor, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
		norm := r.Normalized
		if norm == "" {
			norm = textnorm.Key(r.Query)
		}
		hits := r.Hits
		if len(hits) > site.MaxRecordedHits {
			hits = hits[:site.MaxRecordedHits]
		}
		if _, err := stmt.ExecContext(ctx, r.ID, r.Query, norm, r.Locale, r.Results, strings.Join(hits, "\n"),
			r.Source, r.Context, r.Path, r.Visitor, r.first, millis(r.Time)); err != nil {
			return fmt.Errorf("search %s: %w", r.ID, err)
		}
	}
	return nil
}

// writeEvents inserts clicks, votes and readings.
func writeEvents(ctx context.Context, tx *sql.Tx, events []site.Event) error {
	if len(events) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `
		INSERT INTO events (type, search_id, article_id, locale, position, helpful, reason, comment, source, context, path, visitor, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("prepare events: %w", err)
	}
	defer stmt.Close()
	// One vote per visitor, article and day: a later vote replaces the
	// earlier one, so one person cannot stuff the ratings.
	dedupe, err := tx.PrepareContext(ctx, `
		DELETE FROM events WHERE type = 'vote' AND article_id = ? AND visitor = ? AND created_at >= ? AND created_at < ?`)
	if err != nil {
		return fmt.Errorf("prepare vote dedupe: %w", err)
	}
	defer dedupe.Close()
	for _, e := range events {
		if e.Type == site.EventVote && e.Visitor != "" {
			day := e.Time.UTC().Truncate(24 * time.Hour)
			if _, err := dedupe.ExecContext(ctx, e.ArticleID, e.Visitor, millis(day), millis(day.Add(24*time.Hour))); err != nil {
				return fmt.Errorf("vote dedupe: %w", err)
			}
		}
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
