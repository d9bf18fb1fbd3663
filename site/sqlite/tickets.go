package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
	"github.com/guichet/guichet/site/tickets"
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
	topic, article_id, link_method, link_score, nearest_id, linked_key`

func scanTicket(rows *sql.Rows) (site.StoredTicket, error) {
	var t site.StoredTicket
	var tags string
	var created int64
	err := rows.Scan(&t.ExternalID, &t.Subject, &t.Body, &tags, &t.Locale, &t.Article, &t.Source, &created,
		&t.Topic, &t.Link.ArticleID, &t.Link.Method, &t.Link.Score, &t.Link.Nearest, &t.Key)
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
// A database that cannot be written (a full disk, a read-only file) is
// an EUNAVAILABLE error, as a PostgreSQL that cannot be reached is: the
// API answers 503, telling the sender to send them again, and the log
// names the file and what to do.
func (db *DB) WriteTickets(ctx context.Context, tickets []site.StoredTicket) ([]string, error) {
	out, err := db.writeTickets(ctx, tickets)
	if err != nil {
		if explained := db.explainWrite(err); explained != err {
			return nil, site.Shown(errTicketsNotStored, explained)
		}
		return nil, err
	}
	return out, nil
}

// errTicketsNotStored is what the sender of tickets a database that
// cannot be written refused is told.
var errTicketsNotStored = site.Errorf(site.EUNAVAILABLE, "the tickets could not be stored: the help center cannot write its database at the moment; send them again later")

func (db *DB) writeTickets(ctx context.Context, tickets []site.StoredTicket) ([]string, error) {
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
		                     received_at, updated_at, topic, article_id, link_method, link_score, nearest_id, linked_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (external_id) DO UPDATE SET subject = excluded.subject, body = excluded.body,
			tags = excluded.tags, locale = excluded.locale, article_ref = excluded.article_ref,
			source = excluded.source, created_at = excluded.created_at, updated_at = excluded.updated_at,
			topic = excluded.topic, article_id = excluded.article_id, link_method = excluded.link_method,
			link_score = excluded.link_score, nearest_id = excluded.nearest_id, linked_key = excluded.linked_key`)
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
			t.Article, t.Source, millis(t.CreatedAt), now, now, t.Topic, t.Link.ArticleID, t.Link.Method, t.Link.Score, t.Link.Nearest, t.Key)
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

// SetTicketLinks replaces the links of stored tickets (ExternalID, Topic,
// Link and Key are read; the rest is ignored); the daily counts follow. A
// ticket already linked under Key (written again meanwhile) is left as it
// is.
func (db *DB) SetTicketLinks(ctx context.Context, tickets []site.StoredTicket) error {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("relink tickets: %w", err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, `
		UPDATE tickets SET topic = ?, article_id = ?, link_method = ?, link_score = ?, nearest_id = ?, linked_key = ?
		WHERE external_id = ? AND linked_key != ?`)
	if err != nil {
		return fmt.Errorf("relink tickets: %w", err)
	}
	defer st.Close()
	for _, t := range tickets {
		if _, err := st.ExecContext(ctx, t.Topic, t.Link.ArticleID, t.Link.Method, t.Link.Score, t.Link.Nearest, t.Key, t.ExternalID, t.Key); err != nil {
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

// ArticleTicketCount counts the tickets linked to article id in locale
// created in [from, to): to the millisecond, where TicketDays has days.
func (db *DB) ArticleTicketCount(ctx context.Context, id, locale string, from, to time.Time) (int, error) {
	var n int
	if err := db.reader.QueryRowContext(ctx, `
		SELECT count(*) FROM tickets WHERE article_id = ? AND locale = ? AND created_at >= ? AND created_at < ?`,
		id, locale, millis(from), millis(to)).Scan(&n); err != nil {
		return 0, fmt.Errorf("count tickets of %s: %w", id, err)
	}
	return n, nil
}

// TicketTotals counts the tickets created in [from, to) (a zero to has no
// end) of locale ("" every locale) by link method ("" for unlinked).
func (db *DB) TicketTotals(ctx context.Context, from, to time.Time, locale string) (map[string]int, error) {
	end := int64(math.MaxInt64)
	if !to.IsZero() {
		end = millis(to)
	}
	rows, err := db.reader.QueryContext(ctx, `
		SELECT link_method, count(*) FROM tickets
		WHERE created_at >= ?1 AND created_at < ?2 AND (?3 = '' OR locale = ?3)
		GROUP BY link_method`, millis(from), end, locale)
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

// TopicLinks returns the topics of tickets linked to an article by hand.
func (db *DB) TopicLinks(ctx context.Context) ([]tickets.TopicLink, error) {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT locale, topic, label, article_id, gap_id, created_at FROM ticket_topic_links ORDER BY locale, topic`)
	if err != nil {
		return nil, fmt.Errorf("read topic links: %w", err)
	}
	defer rows.Close()
	var out []tickets.TopicLink
	for rows.Next() {
		var l tickets.TopicLink
		var created int64
		if err := rows.Scan(&l.Locale, &l.Topic, &l.Label, &l.ArticleID, &l.GapID, &created); err != nil {
			return nil, fmt.Errorf("read topic links: %w", err)
		}
		l.Created = fromMillis(created)
		out = append(out, l)
	}
	return out, rows.Err()
}

// DeleteTopicLinks removes the links made from the unlinked-ticket gap
// gapID and marks every ticket linked by hand for relinking (its
// linked_key emptied), in one transaction; the daily counts follow. It
// returns how many links it removed.
func (db *DB) DeleteTopicLinks(ctx context.Context, gapID string) (int, error) {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("unlink topic: %w", err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM ticket_topic_links WHERE gap_id = ?`, gapID)
	if err != nil {
		return 0, fmt.Errorf("unlink topic: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil || n == 0 {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE tickets SET linked_key = '' WHERE link_method = ?`, site.LinkManual); err != nil {
		return 0, fmt.Errorf("unlink topic: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE ticket_state SET version = version + 1 WHERE id = 1`); err != nil {
		return 0, fmt.Errorf("unlink topic: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("unlink topic: %w", err)
	}
	return int(n), nil
}

// SaveTopicLinks stores links, replacing those of the same locale and
// topic, and links to their article, in the same transaction, the stored
// unlinked tickets of their locale whose normalised topic is one of their
// "text:" topics (method site.LinkManual; the daily counts follow). It
// returns how many tickets it linked.
func (db *DB) SaveTopicLinks(ctx context.Context, links []tickets.TopicLink) (int, error) {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("link topics: %w", err)
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, `
		INSERT INTO ticket_topic_links (locale, topic, label, article_id, gap_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (locale, topic) DO UPDATE SET label = excluded.label, article_id = excluded.article_id, gap_id = excluded.gap_id,
			created_at = excluded.created_at`)
	if err != nil {
		return 0, fmt.Errorf("link topics: %w", err)
	}
	defer ins.Close()
	texts := map[string]map[string]string{} // locale → normalised topic → article
	for _, l := range links {
		if _, err := ins.ExecContext(ctx, l.Locale, l.Topic, l.Label, l.ArticleID, l.GapID, millis(l.Created)); err != nil {
			return 0, fmt.Errorf("link topic %q: %w", l.Topic, err)
		}
		if text, ok := strings.CutPrefix(l.Topic, "text:"); ok {
			if texts[l.Locale] == nil {
				texts[l.Locale] = map[string]string{}
			}
			texts[l.Locale][text] = l.ArticleID
		}
	}
	type match struct{ id, article string }
	var found []match
	for locale, byText := range texts {
		rows, err := tx.QueryContext(ctx, `
			SELECT external_id, topic, subject FROM tickets WHERE article_id = '' AND locale = ?`, locale)
		if err != nil {
			return 0, fmt.Errorf("link topics: %w", err)
		}
		for rows.Next() {
			var id, topic, subject string
			if err := rows.Scan(&id, &topic, &subject); err != nil {
				rows.Close()
				return 0, fmt.Errorf("link topics: %w", err)
			}
			if topic == "" {
				topic = subject
			}
			if a, ok := byText[textnorm.Key(topic)]; ok {
				found = append(found, match{id, a})
			}
		}
		if err := rows.Close(); err != nil {
			return 0, fmt.Errorf("link topics: %w", err)
		}
	}
	upd, err := tx.PrepareContext(ctx, `
		UPDATE tickets SET article_id = ?, link_method = ?, link_score = 1, nearest_id = '' WHERE external_id = ?`)
	if err != nil {
		return 0, fmt.Errorf("link topics: %w", err)
	}
	defer upd.Close()
	for _, m := range found {
		if _, err := upd.ExecContext(ctx, m.article, site.LinkManual, m.id); err != nil {
			return 0, fmt.Errorf("link ticket %q: %w", m.id, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE ticket_state SET version = version + 1 WHERE id = 1`); err != nil {
		return 0, fmt.Errorf("link topics: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("link topics: %w", err)
	}
	return len(found), nil
}
