package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/textnorm"
)

// ExistingTickets returns, for those of ids already stored, the stored
// ticket, so callers can tell new, changed and unchanged tickets apart
// before linking them.
func (db *DB) ExistingTickets(ctx context.Context, ids []string) (map[string]site.StoredTicket, error) {
	out := make(map[string]site.StoredTicket, len(ids))
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := db.reader.QueryContext(ctx, `
			SELECT `+ticketColumns+` FROM tickets WHERE external_id IN (?`+strings.Repeat(",?", len(chunk)-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("read stored tickets: %w", err)
		}
		for rows.Next() {
			t, err := scanTicket(rows)
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("read stored tickets: %w", err)
			}
			out[t.ExternalID] = t
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("read stored tickets: %w", err)
		}
	}
	return out, nil
}

// ticketColumns are the columns scanTicket reads, in its order.
const ticketColumns = `external_id, subject, body, tags, locale, article_ref, source, created_at,
	article_id, link_method, link_score, linked_key`

func scanTicket(rows *sql.Rows) (site.StoredTicket, error) {
	var t site.StoredTicket
	var tags string
	var created int64
	err := rows.Scan(&t.ExternalID, &t.Subject, &t.Body, &tags, &t.Locale, &t.Article, &t.Source, &created,
		&t.Link.ArticleID, &t.Link.Method, &t.Link.Score, &t.Key)
	if tags != "" {
		t.Tags = strings.Split(tags, "\n")
	}
	t.CreatedAt = fromMillis(created)
	return t, err
}

// WriteTickets stores tickets in one transaction, inserting new ones and
// replacing stored ones with the same external ID; the daily counts per
// article follow (triggers). It returns, per ticket, site.TicketCreated or
// site.TicketUpdated.
func (db *DB) WriteTickets(ctx context.Context, tickets []site.StoredTicket) ([]string, error) {
	out := make([]string, len(tickets))
	if len(tickets) == 0 {
		return out, nil
	}
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store tickets: %w", err)
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, `
		INSERT INTO tickets (external_id, subject, body, tags, locale, article_ref, source, created_at,
		                     received_at, updated_at, article_id, link_method, link_score, linked_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (external_id) DO UPDATE SET subject = excluded.subject, body = excluded.body,
			tags = excluded.tags, locale = excluded.locale, article_ref = excluded.article_ref,
			source = excluded.source, created_at = excluded.created_at, updated_at = excluded.updated_at,
			article_id = excluded.article_id, link_method = excluded.link_method,
			link_score = excluded.link_score, linked_key = excluded.linked_key`)
	if err != nil {
		return nil, fmt.Errorf("store tickets: %w", err)
	}
	defer ins.Close()
	// Looked up inside the transaction, not taken from the caller: an
	// import prepares the next batch while this one is written, so what
	// it read before may be stale.
	exists, err := tx.PrepareContext(ctx, `SELECT EXISTS (SELECT 1 FROM tickets WHERE external_id = ?)`)
	if err != nil {
		return nil, fmt.Errorf("store tickets: %w", err)
	}
	defer exists.Close()
	now := millis(db.now())
	for i, t := range tickets {
		var found bool
		if err := exists.QueryRowContext(ctx, t.ExternalID).Scan(&found); err != nil {
			return nil, fmt.Errorf("store ticket %q: %w", t.ExternalID, err)
		}
		_, err := ins.ExecContext(ctx, t.ExternalID, t.Subject, t.Body, strings.Join(t.Tags, "\n"), t.Locale,
			t.Article, t.Source, millis(t.CreatedAt), now, now, t.Link.ArticleID, t.Link.Method, t.Link.Score, t.Key)
		if err != nil {
			return nil, fmt.Errorf("store ticket %q: %w", t.ExternalID, err)
		}
		out[i] = site.TicketCreated
		if found {
			out[i] = site.TicketUpdated
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE ticket_state SET version = version + 1 WHERE id = 1`); err != nil {
		return nil, fmt.Errorf("store tickets: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store tickets: %w", err)
	}
	return out, nil
}

// TicketsToRelink returns up to limit stored tickets whose link was
// computed on content other than key, in external ID order after the given
// ID ("" to start).
func (db *DB) TicketsToRelink(ctx context.Context, key, after string, limit int) ([]site.StoredTicket, error) {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT `+ticketColumns+` FROM tickets
		WHERE linked_key != ? AND external_id > ? ORDER BY external_id LIMIT ?`, key, after, limit)
	if err != nil {
		return nil, fmt.Errorf("read tickets to relink: %w", err)
	}
	defer rows.Close()
	var out []site.StoredTicket
	for rows.Next() {
		t, err := scanTicket(rows)
		if err != nil {
			return nil, fmt.Errorf("read tickets to relink: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// SetTicketLinks replaces the links of stored tickets (ExternalID, Link and
// Key are read; the rest is ignored); the daily counts follow. A ticket
// already linked under Key (written again meanwhile) is left as it is.
func (db *DB) SetTicketLinks(ctx context.Context, tickets []site.StoredTicket) error {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("relink tickets: %w", err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, `
		UPDATE tickets SET article_id = ?, link_method = ?, link_score = ?, linked_key = ?
		WHERE external_id = ? AND linked_key != ?`)
	if err != nil {
		return fmt.Errorf("relink tickets: %w", err)
	}
	defer st.Close()
	for _, t := range tickets {
		if _, err := st.ExecContext(ctx, t.Link.ArticleID, t.Link.Method, t.Link.Score, t.Key, t.ExternalID, t.Key); err != nil {
			return fmt.Errorf("relink ticket %q: %w", t.ExternalID, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE ticket_state SET version = version + 1 WHERE id = 1`); err != nil {
		return fmt.Errorf("relink tickets: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("relink tickets: %w", err)
	}
	return nil
}

// TicketVersion changes whenever tickets are written, by any process.
func (db *DB) TicketVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := db.reader.QueryRowContext(ctx, `SELECT version FROM ticket_state WHERE id = 1`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read ticket version: %w", err)
	}
	return v, nil
}

// TicketDays returns the daily ticket counts per linked article since a
// day.
func (db *DB) TicketDays(ctx context.Context, since time.Time) ([]site.TicketDay, error) {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT article_id, locale, day, tickets FROM ticket_daily WHERE day >= ? AND tickets > 0`,
		since.UnixMilli()/dayMillis)
	if err != nil {
		return nil, fmt.Errorf("read ticket counts: %w", err)
	}
	defer rows.Close()
	var out []site.TicketDay
	for rows.Next() {
		var d site.TicketDay
		var day int64
		if err := rows.Scan(&d.ArticleID, &d.Locale, &day, &d.Tickets); err != nil {
			return nil, fmt.Errorf("read ticket counts: %w", err)
		}
		d.Day = fromMillis(day * dayMillis)
		out = append(out, d)
	}
	return out, rows.Err()
}

const dayMillis = 24 * 60 * 60 * 1000

// TicketTotals counts stored tickets: all of them, and those linked by
// each method ("" for unlinked).
func (db *DB) TicketTotals(ctx context.Context) (map[string]int, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT link_method, count(*) FROM tickets GROUP BY link_method`)
	if err != nil {
		return nil, fmt.Errorf("count tickets: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var m string
		var n int
		if err := rows.Scan(&m, &n); err != nil {
			return nil, fmt.Errorf("count tickets: %w", err)
		}
		out[m] = n
	}
	return out, rows.Err()
}

// UnlinkedTickets returns the tickets created since a time that no article
// answers, as searches for the gap report: kind gaps.UnlinkedTicket, the
// subject as the query, each ticket its own visitor.
func (db *DB) UnlinkedTickets(ctx context.Context, since time.Time, locale string) ([]gaps.Search, error) {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT external_id, subject, locale, source, created_at FROM tickets
		WHERE article_id = '' AND created_at >= ? AND (? = '' OR locale = ?)`, millis(since), locale, locale)
	if err != nil {
		return nil, fmt.Errorf("read unlinked tickets: %w", err)
	}
	defer rows.Close()
	var out []gaps.Search
	for rows.Next() {
		var id string
		var created int64
		s := gaps.Search{Kind: gaps.UnlinkedTicket}
		if err := rows.Scan(&id, &s.Query, &s.Locale, &s.Source, &created); err != nil {
			return nil, fmt.Errorf("read unlinked tickets: %w", err)
		}
		s.Normalized = textnorm.Key(s.Query)
		s.Visitor = "ticket:" + id
		s.Time = fromMillis(created)
		out = append(out, s)
	}
	return out, rows.Err()
}
