package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
	"github.com/guichet/guichet/site/tickets"
)

// ticketColumns are the columns scanTicket reads, in its order.
const ticketColumns = `external_id, subject, body, array_to_string(tags, E'\n'), locale, article_ref, source, created_at,
	topic, article_id, link_method, link_score, nearest_id, linked_key`

func scanTicket(rows *sql.Rows) (site.StoredTicket, error) {
	var t site.StoredTicket
	var tags string
	err := rows.Scan(&t.ExternalID, &t.Subject, &t.Body, &tags, &t.Locale, &t.Article, &t.Source, &t.CreatedAt,
		&t.Topic, &t.Link.ArticleID, &t.Link.Method, &t.Link.Score, &t.Link.Nearest, &t.Key)
	t.Tags = splitLines(tags)
	t.CreatedAt = t.CreatedAt.UTC()
	return t, err
}

// ExistingTickets returns, for those of ids already stored, the stored
// ticket.
func (db *DB) ExistingTickets(ctx context.Context, ids []string) (map[string]site.StoredTicket, error) {
	out := make(map[string]site.StoredTicket, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := db.pool.QueryContext(ctx, `SELECT `+ticketColumns+` FROM tickets WHERE external_id = ANY ($1)`, ids)
	if err != nil {
		return nil, fail("read stored tickets", err)
	}
	defer rows.Close()
	for rows.Next() {
		t, err := scanTicket(rows)
		if err != nil {
			return nil, fail("read stored tickets", err)
		}
		out[t.ExternalID] = t
	}
	if err := rows.Err(); err != nil {
		return nil, fail("read stored tickets", err)
	}
	return out, nil
}

// bumpTickets is the first statement of every ticket write: it makes the
// writes of all replicas take turns (no deadlock on the daily counts) and,
// at commit, notifies the replicas listening (see WatchTickets).
const bumpTickets = `UPDATE ticket_state SET version = version + 1 WHERE id = 1`

// WriteTickets stores tickets in one transaction, inserting new ones and
// replacing stored ones with the same external ID; the daily counts per
// article follow (trigger). It returns, per ticket, site.TicketCreated or
// site.TicketUpdated. When it returns nil the tickets are committed.
func (db *DB) WriteTickets(ctx context.Context, batch []site.StoredTicket) ([]string, error) {
	out := make([]string, len(batch))
	if len(batch) == 0 {
		return out, nil
	}
	err := db.inTx(ctx, "store tickets", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, bumpTickets); err != nil {
			return err
		}
		ins, err := tx.PrepareContext(ctx, `
			INSERT INTO tickets (external_id, subject, body, tags, locale, article_ref, source, created_at,
			                     received_at, updated_at, topic, article_id, link_method, link_score, nearest_id, linked_key)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12, $13, $14, $15)
			ON CONFLICT (external_id) DO UPDATE SET subject = excluded.subject, body = excluded.body,
				tags = excluded.tags, locale = excluded.locale, article_ref = excluded.article_ref,
				source = excluded.source, created_at = excluded.created_at, updated_at = excluded.updated_at,
				topic = excluded.topic, article_id = excluded.article_id, link_method = excluded.link_method,
				link_score = excluded.link_score, nearest_id = excluded.nearest_id, linked_key = excluded.linked_key
			RETURNING (xmax = 0)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		now := db.now()
		for i, t := range batch {
			var created bool
			if err := ins.QueryRowContext(ctx, t.ExternalID, t.Subject, t.Body, list(t.Tags), t.Locale, t.Article, t.Source,
				ts(t.CreatedAt), now, t.Topic, t.Link.ArticleID, t.Link.Method, t.Link.Score, t.Link.Nearest, t.Key).Scan(&created); err != nil {
				return fmt.Errorf("store ticket %q: %w", t.ExternalID, err)
			}
			out[i] = site.TicketUpdated
			if created {
				out[i] = site.TicketCreated
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// TicketsToRelink returns up to limit stored tickets whose link was
// computed on content other than key, in external ID order after the
// given ID ("" to start).
func (db *DB) TicketsToRelink(ctx context.Context, key, after string, limit int) ([]site.StoredTicket, error) {
	rows, err := db.pool.QueryContext(ctx, `
		SELECT `+ticketColumns+` FROM tickets
		WHERE linked_key <> $1 AND external_id COLLATE "C" > $2 ORDER BY external_id COLLATE "C" LIMIT $3`, key, after, limit)
	if err != nil {
		return nil, fail("read tickets to relink", err)
	}
	defer rows.Close()
	var out []site.StoredTicket
	for rows.Next() {
		t, err := scanTicket(rows)
		if err != nil {
			return nil, fail("read tickets to relink", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("read tickets to relink", err)
	}
	return out, nil
}

// SetTicketLinks replaces the links of stored tickets (ExternalID, Topic,
// Link and Key are read); a ticket already linked under Key is left as it
// is, so replicas relinking at once agree.
func (db *DB) SetTicketLinks(ctx context.Context, batch []site.StoredTicket) error {
	return db.inTx(ctx, "relink tickets", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, bumpTickets); err != nil {
			return err
		}
		st, err := tx.PrepareContext(ctx, `
			UPDATE tickets SET topic = $1, article_id = $2, link_method = $3, link_score = $4, nearest_id = $5, linked_key = $6
			WHERE external_id = $7 AND linked_key <> $6`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, t := range batch {
			if _, err := st.ExecContext(ctx, t.Topic, t.Link.ArticleID, t.Link.Method, t.Link.Score, t.Link.Nearest, t.Key, t.ExternalID); err != nil {
				return fmt.Errorf("relink ticket %q: %w", t.ExternalID, err)
			}
		}
		return nil
	})
}

// TicketVersion changes whenever tickets are written, by any replica.
func (db *DB) TicketVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := db.pool.QueryRowContext(ctx, `SELECT version FROM ticket_state WHERE id = 1`).Scan(&v); err != nil {
		return 0, fail("read ticket version", err)
	}
	return v, nil
}

// TicketDays returns the daily ticket counts per linked article since a
// day (UTC).
func (db *DB) TicketDays(ctx context.Context, since time.Time) ([]site.TicketDay, error) {
	rows, err := db.pool.QueryContext(ctx, `
		SELECT article_id, locale, to_char(day, 'YYYY-MM-DD'), tickets FROM ticket_daily WHERE day >= $1::date AND tickets > 0`,
		since.UTC().Format("2006-01-02"))
	if err != nil {
		return nil, fail("read ticket counts", err)
	}
	defer rows.Close()
	var out []site.TicketDay
	for rows.Next() {
		var d site.TicketDay
		var day string
		if err := rows.Scan(&d.ArticleID, &d.Locale, &day, &d.Tickets); err != nil {
			return nil, fail("read ticket counts", err)
		}
		if d.Day, err = time.Parse("2006-01-02", day); err != nil {
			return nil, fmt.Errorf("read ticket counts: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("read ticket counts", err)
	}
	return out, nil
}

// ArticleTicketCount counts the tickets linked to article id in locale
// created in [from, to): to the millisecond, where TicketDays has days.
func (db *DB) ArticleTicketCount(ctx context.Context, id, locale string, from, to time.Time) (int, error) {
	var n int
	if err := db.pool.QueryRowContext(ctx, `
		SELECT count(*) FROM tickets WHERE article_id = $1 AND locale = $2 AND created_at >= $3 AND created_at < $4`,
		id, locale, ts(from), ts(to)).Scan(&n); err != nil {
		return 0, fail("count tickets of "+id, err)
	}
	return n, nil
}

// TicketTotals counts the tickets created in [from, to) (a zero to has no
// end) of locale ("" every locale) by link method ("" for unlinked).
func (db *DB) TicketTotals(ctx context.Context, from, to time.Time, locale string) (map[string]int, error) {
	if to.IsZero() {
		to = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	rows, err := db.pool.QueryContext(ctx, `
		SELECT link_method, count(*) FROM tickets
		WHERE created_at >= $1 AND created_at < $2 AND ($3 = '' OR locale = $3)
		GROUP BY link_method`, ts(from), ts(to), locale)
	if err != nil {
		return nil, fail("count tickets", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var m string
		var n int
		if err := rows.Scan(&m, &n); err != nil {
			return nil, fail("count tickets", err)
		}
		out[m] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fail("count tickets", err)
	}
	return out, nil
}

// TopicLinks returns the topics of tickets linked to an article by hand.
func (db *DB) TopicLinks(ctx context.Context) ([]tickets.TopicLink, error) {
	rows, err := db.pool.QueryContext(ctx, `
		SELECT locale, topic, label, article_id, gap_id, created_at FROM ticket_topic_links ORDER BY locale COLLATE "C", topic COLLATE "C"`)
	if err != nil {
		return nil, fail("read topic links", err)
	}
	defer rows.Close()
	var out []tickets.TopicLink
	for rows.Next() {
		var l tickets.TopicLink
		if err := rows.Scan(&l.Locale, &l.Topic, &l.Label, &l.ArticleID, &l.GapID, &l.Created); err != nil {
			return nil, fail("read topic links", err)
		}
		l.Created = l.Created.UTC()
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("read topic links", err)
	}
	return out, nil
}

// DeleteTopicLinks removes the links made from the unlinked-ticket gap
// gapID and marks every ticket linked by hand for relinking (its
// linked_key emptied), in one transaction. It returns how many links it
// removed.
func (db *DB) DeleteTopicLinks(ctx context.Context, gapID string) (int, error) {
	var removed int
	err := db.inTx(ctx, "unlink topic", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM ticket_topic_links WHERE gap_id = $1`, gapID)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil || n == 0 {
			removed = 0
			return err
		}
		if _, err := tx.ExecContext(ctx, bumpTickets); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE tickets SET linked_key = '' WHERE link_method = $1`, site.LinkManual); err != nil {
			return err
		}
		removed = int(n)
		return nil
	})
	return removed, err
}

// SaveTopicLinks stores links, replacing those of the same locale and
// topic, and links to their article, in the same transaction, the stored
// unlinked tickets of their locale whose normalised topic is one of their
// "text:" topics (site.LinkManual). It returns how many tickets it linked.
func (db *DB) SaveTopicLinks(ctx context.Context, links []tickets.TopicLink) (int, error) {
	var linked int
	err := db.inTx(ctx, "link topics", func(tx *sql.Tx) error {
		linked = 0
		if _, err := tx.ExecContext(ctx, bumpTickets); err != nil {
			return err
		}
		ins, err := tx.PrepareContext(ctx, `
			INSERT INTO ticket_topic_links (locale, topic, label, article_id, gap_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (locale, topic) DO UPDATE SET label = excluded.label, article_id = excluded.article_id, gap_id = excluded.gap_id,
				created_at = excluded.created_at`)
		if err != nil {
			return err
		}
		defer ins.Close()
		texts := map[string]map[string]string{} // locale → normalised topic → article
		for _, l := range links {
			if _, err := ins.ExecContext(ctx, l.Locale, l.Topic, l.Label, l.ArticleID, l.GapID, ts(l.Created)); err != nil {
				return fmt.Errorf("link topic %q: %w", l.Topic, err)
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
			rows, err := tx.QueryContext(ctx, `SELECT external_id, topic, subject FROM tickets WHERE article_id = '' AND locale = $1`, locale)
			if err != nil {
				return err
			}
			for rows.Next() {
				var id, topic, subject string
				if err := rows.Scan(&id, &topic, &subject); err != nil {
					rows.Close()
					return err
				}
				if topic == "" {
					topic = subject
				}
				if a, ok := byText[textnorm.Key(topic)]; ok {
					found = append(found, match{id, a})
				}
			}
			if err := rows.Close(); err != nil {
				return err
			}
		}
		for _, m := range found {
			if _, err := tx.ExecContext(ctx, `
				UPDATE tickets SET article_id = $1, link_method = $2, link_score = 1, nearest_id = '' WHERE external_id = $3`,
				m.article, site.LinkManual, m.id); err != nil {
				return fmt.Errorf("link ticket %q: %w", m.id, err)
			}
		}
		linked = len(found)
		return nil
	})
	return linked, err
}
