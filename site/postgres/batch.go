package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/recorder"
)

var _ recorder.Writer = (*DB)(nil)

// WriteBatch stores a batch of events in one transaction
// (recorder.Writer), run again when it lost a race with another replica's
// batch.
func (db *DB) WriteBatch(ctx context.Context, b *recorder.Batch) error {
	return db.inTx(ctx, "write events", func(tx *sql.Tx) error { return writeBatch(ctx, tx, b) })
}

// writeBatch writes b in tx. Replicas' batches take turns on an advisory
// lock (lockWrite): the triggers that mark a search satisfied (a click
// naming it, a vote or reading by its visitor) and remember what its
// visitor opened next look for the other side in committed rows, so a
// search written by one replica and its click by another in transactions
// that overlapped (a click within the 200 ms a search waits in its
// replica's queue) each missed the other, and the search stayed failed.
// After the lock, each statement sees every batch committed before.
// Searches are written in ID order, so two replicas updating the same
// searches take their row locks in the same order.
func writeBatch(ctx context.Context, tx *sql.Tx, b *recorder.Batch) error {
	if len(b.Searches) > 0 || len(b.Events) > 0 {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, $2)`, lockSpace, lockWrite); err != nil {
			return err
		}
	}
	searches := append([]recorder.Search(nil), b.Searches...)
	sort.Slice(searches, func(i, j int) bool { return searches[i].ID < searches[j].ID })
	if err := writeSearches(ctx, tx, searches); err != nil {
		return err
	}
	if err := writeEvents(ctx, tx, b.Events); err != nil {
		return err
	}
	if err := writeContacts(ctx, tx, b.Contacts); err != nil {
		return err
	}
	return writeOpens(ctx, tx, b.Opens)
}

// writeContacts inserts contacts: "Contact support" followed, or the
// contact form opened.
func writeContacts(ctx context.Context, tx *sql.Tx, contacts []site.Event) error {
	if len(contacts) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `
		INSERT INTO contacts (article_id, locale, source, path, context, visitor, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`)
	if err != nil {
		return fmt.Errorf("prepare contacts: %w", err)
	}
	defer stmt.Close()
	for _, e := range contacts {
		if _, err := stmt.ExecContext(ctx, e.ArticleID, e.Locale, e.Source, e.Path, e.Context, e.Visitor, ts(e.Time)); err != nil {
			return fmt.Errorf("contact: %w", err)
		}
	}
	return nil
}

// writeSearches upserts rows in one statement (the batch holds each ID
// once): a search ID already stored takes the newer query, keeping its
// created_at, unless the stored row is already newer.
func writeSearches(ctx context.Context, tx *sql.Tx, rows []recorder.Search) error {
	if len(rows) == 0 {
		return nil
	}
	n := len(rows)
	id, query, norm, locale, hits, source, context, path, visitor := cols(n), cols(n), cols(n), cols(n), cols(n), cols(n), cols(n), cols(n), cols(n)
	results := make([]int64, n)
	first, last := make([]time.Time, n), make([]time.Time, n)
	for i, r := range rows {
		id[i], query[i], norm[i], locale[i], results[i] = r.ID, r.Query, r.Normalized, r.Locale, int64(r.Results)
		hits[i], source[i], context[i], path[i], visitor[i] = strings.Join(r.Hits, "\n"), r.Source, r.Context, r.Path, r.Visitor
		first[i], last[i] = ts(r.First), ts(r.Time)
	}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO searches (id, query, normalized, locale, results, hits, source, context, path, visitor, created_at, updated_at)
		SELECT id, query, normalized, locale, results, string_to_array(hits, E'\n'), source, context, path, visitor, created_at, updated_at
		FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[],
		            $10::text[], $11::timestamptz[], $12::timestamptz[])
		     AS r (id, query, normalized, locale, results, hits, source, context, path, visitor, created_at, updated_at)
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
		WHERE excluded.updated_at >= searches.updated_at`,
		id, query, norm, locale, results, hits, source, context, path, visitor, first, last)
	if err != nil {
		return fmt.Errorf("searches: %w", err)
	}
	return nil
}

func cols(n int) []string { return make([]string, n) }

// writeEvents inserts clicks, votes and readings in one statement. A
// visitor has one vote per article and day (UTC), held by a unique index
// (0008): a vote replaces the stored one unless that one is later, so the
// later vote stays whichever replica writes it, and whenever. In a batch,
// the latest of a visitor's votes is written (on a tie, the last).
func writeEvents(ctx context.Context, tx *sql.Tx, events []site.Event) error {
	if len(events) == 0 {
		return nil
	}
	type voteKey struct {
		article, visitor string
		day              time.Time
	}
	key := func(e site.Event) voteKey {
		return voteKey{e.ArticleID, e.Visitor, e.Time.UTC().Truncate(24 * time.Hour)}
	}
	lastVote := map[voteKey]int{}
	for i, e := range events {
		if e.Type == site.EventVote && e.Visitor != "" {
			if j, ok := lastVote[key(e)]; !ok || e.Time.UnixMilli() >= events[j].Time.UnixMilli() {
				lastVote[key(e)] = i
			}
		}
	}
	var typ, search, article, locale, helpful, reason, comment, source, context, path, visitor []string
	var position []int64
	var at []time.Time
	for i, e := range events {
		if e.Type == site.EventVote && e.Visitor != "" && lastVote[key(e)] != i {
			continue // replaced by a later vote in the batch
		}
		h := ""
		if e.Helpful != nil {
			h = "f"
			if *e.Helpful {
				h = "t"
			}
		}
		typ, search, article, locale = append(typ, e.Type), append(search, e.SearchID), append(article, e.ArticleID), append(locale, e.Locale)
		position, helpful, reason, comment = append(position, int64(e.Position)), append(helpful, h), append(reason, e.Reason), append(comment, e.Comment)
		source, context, path, visitor, at = append(source, e.Source), append(context, e.Context), append(path, e.Path), append(visitor, e.Visitor), append(at, ts(e.Time))
	}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO events (type, search_id, article_id, locale, position, helpful, reason, comment, source, context, path, visitor, created_at)
		SELECT type, search_id, article_id, locale, position, NULLIF(helpful, '')::boolean, reason, comment, source, context, path, visitor, created_at
		FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[],
		            $10::text[], $11::text[], $12::text[], $13::timestamptz[])
		     AS e (type, search_id, article_id, locale, position, helpful, reason, comment, source, context, path, visitor, created_at)
		ON CONFLICT (article_id, visitor, ((created_at AT TIME ZONE 'UTC')::date)) WHERE type = 'vote' AND visitor <> ''
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
		WHERE excluded.created_at >= events.created_at`,
		typ, search, article, locale, position, helpful, reason, comment, source, context, path, visitor, at)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return nil
}

// writeOpens inserts openings of the widget panel in one statement.
func writeOpens(ctx context.Context, tx *sql.Tx, opens []site.WidgetOpen) error {
	if len(opens) == 0 {
		return nil
	}
	n := len(opens)
	locale, path, context, visitor := cols(n), cols(n), cols(n), cols(n)
	matched, at := make([]bool, n), make([]time.Time, n)
	for i, o := range opens {
		locale[i], path[i], context[i], matched[i], visitor[i], at[i] = o.Locale, o.Path, o.Context, o.Matched, o.Visitor, ts(o.Time)
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO widget_opens (locale, path, context, matched, visitor, created_at)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::timestamptz[])`,
		locale, path, context, matched, visitor, at); err != nil {
		return fmt.Errorf("widget opens: %w", err)
	}
	return nil
}
