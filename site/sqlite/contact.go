package sqlite

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/contact"
	"github.com/guichet/guichet/site/delivery"
)

var _ contact.Store = (*DB)(nil)

// SaveContact stores a contact request and queues its deliveries in one
// transaction.
func (db *DB) SaveContact(ctx context.Context, r site.ContactRequest, ds []delivery.Delivery) error {
	return db.explainWrite(db.saveContact(ctx, r, ds))
}

func (db *DB) saveContact(ctx context.Context, r site.ContactRequest, ds []delivery.Delivery) error {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store contact request: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO contact_requests (id, subject, description, locale, context, path, search_id, article_id, created_at, visitor)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, r.Subject, r.Description, r.Locale, r.Context, r.Path, r.SearchID, r.ArticleID, millis(r.CreatedAt), r.Visitor); err != nil {
		return fmt.Errorf("store contact request: %w", err)
	}
	if err := enqueue(ctx, tx, ds, db.now()); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store contact request: %w", err)
	}
	return nil
}

// ContactRequests returns the latest n requests received in [from, to) (a
// zero to has no end) of locale ("" every locale), newest first, with their
// deliveries and the suggestions opened from their search.
func (db *DB) ContactRequests(ctx context.Context, from, to time.Time, locale string, n int) ([]contact.Request, error) {
	end := int64(math.MaxInt64)
	if !to.IsZero() {
		end = millis(to)
	}
	rows, err := db.reader.QueryContext(ctx, `
		SELECT id, subject, description, locale, context, path, search_id, article_id, created_at
		FROM contact_requests WHERE created_at >= ?1 AND created_at < ?2 AND (?3 = '' OR locale = ?3)
		ORDER BY created_at DESC, id DESC LIMIT ?4`, millis(from), end, locale, n)
	if err != nil {
		return nil, fmt.Errorf("read contact requests: %w", err)
	}
	var out []contact.Request
	var ids []string
	for rows.Next() {
		var r contact.Request
		var created int64
		if err := rows.Scan(&r.ID, &r.Subject, &r.Description, &r.Locale, &r.Context, &r.Path, &r.SearchID, &r.ArticleID, &created); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read contact requests: %w", err)
		}
		r.CreatedAt = fromMillis(created)
		out = append(out, r)
		ids = append(ids, r.ID)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("read contact requests: %w", err)
	}
	ds, err := db.DeliveriesOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Deliveries = ds[out[i].ID]
		if out[i].SearchID == "" {
			continue
		}
		rows, err := db.reader.QueryContext(ctx, `
			SELECT DISTINCT article_id FROM events WHERE search_id = ? AND type IN ('click', 'view') ORDER BY article_id`, out[i].SearchID)
		if err != nil {
			return nil, fmt.Errorf("read opened suggestions: %w", err)
		}
		for rows.Next() {
			var a string
			if err := rows.Scan(&a); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read opened suggestions: %w", err)
			}
			out[i].Opened = append(out[i].Opened, a)
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("read opened suggestions: %w", err)
		}
	}
	return out, nil
}

// ContactStats counts, from a time until another (excluded), in one
// locale or all (""), the subjects typed in the contact form (its
// suggestion searches), those where a suggestion was opened, those of
// them no request followed (deflections), and the requests.
func (db *DB) ContactStats(ctx context.Context, from, to time.Time, locale string) (contact.Stats, error) {
	var st contact.Stats
	err := db.reader.QueryRowContext(ctx, `
		SELECT count(*), coalesce(sum(s.satisfied), 0),
		       coalesce(sum(s.satisfied = 1 AND NOT EXISTS (SELECT 1 FROM contact_requests c WHERE c.search_id = s.id)), 0),
		       (SELECT count(*) FROM contact_requests WHERE created_at >= ?1 AND created_at < ?2 AND (?3 = '' OR locale = ?3))
		FROM searches s WHERE s.source = 'contact' AND s.created_at >= ?1 AND s.created_at < ?2 AND (?3 = '' OR s.locale = ?3)`,
		millis(from), millis(to), locale).
		Scan(&st.Sessions, &st.Opened, &st.Deflected, &st.Requests)
	if err != nil {
		return st, fmt.Errorf("count contact form use: %w", err)
	}
	return st, nil
}
