package postgres

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/contact"
	"github.com/guichet/guichet/site/delivery"
	"github.com/guichet/guichet/site/gaps"
)

var _ contact.Store = (*DB)(nil)

// SaveContact stores a contact request and queues its deliveries in one
// transaction.
func (db *DB) SaveContact(ctx context.Context, r site.ContactRequest, ds []delivery.Delivery) error {
	now := db.now()
	return db.inTx(ctx, "store contact request", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO contact_requests (id, subject, description, locale, context, path, search_id, article_id, created_at, visitor)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			r.ID, r.Subject, r.Description, r.Locale, r.Context, r.Path, r.SearchID, r.ArticleID, ts(r.CreatedAt), r.Visitor); err != nil {
			return err
		}
		return enqueue(ctx, tx, ds, now)
	})
}

// ContactRequests returns the latest n requests received in [from, to) (a
// zero to has no end) of locale ("" every locale), newest first, with their
// deliveries and the suggestions opened from their search.
func (db *DB) ContactRequests(ctx context.Context, from, to time.Time, locale string, n int) ([]contact.Request, error) {
	if to.IsZero() {
		to = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	rows, err := db.pool.QueryContext(ctx, `
		SELECT c.id, c.subject, c.description, c.locale, c.context, c.path, c.search_id, c.article_id, c.created_at,
		       coalesce((SELECT array_to_string(array_agg(DISTINCT e.article_id ORDER BY e.article_id), E'\n')
		                 FROM events e WHERE c.search_id <> '' AND e.search_id = c.search_id AND e.type IN ('click', 'view')), '')
		FROM contact_requests c WHERE c.created_at >= $2 AND c.created_at < $3 AND ($4 = '' OR c.locale = $4)
		ORDER BY c.created_at DESC, c.id DESC LIMIT $1`, n, ts(from), ts(to), locale)
	if err != nil {
		return nil, fail("read contact requests", err)
	}
	var out []contact.Request
	var ids []string
	for rows.Next() {
		var r contact.Request
		var opened string
		if err := rows.Scan(&r.ID, &r.Subject, &r.Description, &r.Locale, &r.Context, &r.Path, &r.SearchID, &r.ArticleID, &r.CreatedAt, &opened); err != nil {
			rows.Close()
			return nil, fail("read contact requests", err)
		}
		r.CreatedAt = r.CreatedAt.UTC()
		if opened != "" {
			r.Opened = splitLines(opened)
		}
		out = append(out, r)
		ids = append(ids, r.ID)
	}
	if err := rows.Close(); err != nil {
		return nil, fail("read contact requests", err)
	}
	ds, err := db.DeliveriesOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Deliveries = ds[out[i].ID]
	}
	return out, nil
}

// ContactStats counts, from a time until another (excluded), in one
// locale or all (""), the subjects typed in the contact form, those where
// a suggestion was opened, those no request followed (deflections), and
// the requests.
func (db *DB) ContactStats(ctx context.Context, from, to time.Time, locale string) (contact.Stats, error) {
	var st contact.Stats
	err := db.pool.QueryRowContext(ctx, `
		SELECT count(*), count(*) FILTER (WHERE s.satisfied),
		       count(*) FILTER (WHERE s.satisfied AND NOT EXISTS (SELECT 1 FROM contact_requests c WHERE c.search_id = s.id)),
		       (SELECT count(*) FROM contact_requests WHERE created_at >= $1 AND created_at < $2 AND ($3 = '' OR locale = $3))
		FROM searches s WHERE s.source = 'contact' AND s.created_at >= $1 AND s.created_at < $2 AND ($3 = '' OR s.locale = $3)`,
		ts(from), ts(to), locale).
		Scan(&st.Sessions, &st.Opened, &st.Deflected, &st.Requests)
	if err != nil {
		return st, fail("count contact form use", err)
	}
	return st, nil
}

// Subscribe stores a pending subscription and queues its confirmation,
// unless the same request (dedupe) is pending and not expired, or
// confirmed, or the address has too many pending
// (site.SubscriptionPendingPerAddress).
func (db *DB) Subscribe(ctx context.Context, s site.Subscription, tokenHash, dedupe string, confirm delivery.Delivery) (bool, error) {
	var created bool
	now := db.now()
	err := db.inTx(ctx, "store subscription", func(tx *sql.Tx) error {
		created = false
		if _, err := tx.ExecContext(ctx, `
			DELETE FROM subscriptions WHERE dedupe = $1 AND confirmed_at IS NULL AND created_at < $2`,
			dedupe, ts(s.CreatedAt.Add(-site.SubscriptionConfirmWindow))); err != nil {
			return err
		}
		var pending, confirmed int
		if err := tx.QueryRowContext(ctx, `
			SELECT count(*) FILTER (WHERE confirmed_at IS NULL AND created_at >= $1), count(*) FILTER (WHERE confirmed_at IS NOT NULL)
			FROM subscriptions WHERE lower(email) = lower($2)`,
			ts(s.CreatedAt.Add(-site.SubscriptionConfirmWindow)), s.Email).Scan(&pending, &confirmed); err != nil {
			return err
		}
		if pending >= site.SubscriptionPendingPerAddress && confirmed == 0 {
			return nil
		}
		res, err := tx.ExecContext(ctx, `
			INSERT INTO subscriptions (id, token_hash, dedupe, email, locale, query, normalized, visitor, results, source, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (dedupe) DO NOTHING`,
			s.ID, tokenHash, dedupe, s.Email, s.Locale, s.Query, s.Normalized, s.Visitor, s.Results, s.Source, ts(s.CreatedAt))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		created = true
		return enqueue(ctx, tx, []delivery.Delivery{confirm}, now)
	})
	return created, err
}

const subscriptionColumns = `id, email, locale, query, normalized, visitor, results, source, created_at, confirmed_at`

func scanSubscription(row interface{ Scan(...any) error }) (site.Subscription, error) {
	var s site.Subscription
	var confirmed sql.NullTime
	err := row.Scan(&s.ID, &s.Email, &s.Locale, &s.Query, &s.Normalized, &s.Visitor, &s.Results, &s.Source, &s.CreatedAt, &confirmed)
	s.CreatedAt = s.CreatedAt.UTC()
	if confirmed.Valid {
		t := confirmed.Time.UTC()
		s.ConfirmedAt = &t
	}
	return s, err
}

// ConfirmSubscription confirms the subscription of a token hash, unless it
// expired unconfirmed.
func (db *DB) ConfirmSubscription(ctx context.Context, tokenHash string, now time.Time) (site.Subscription, error) {
	row := db.pool.QueryRowContext(ctx, `
		UPDATE subscriptions SET confirmed_at = coalesce(confirmed_at, $1)
		WHERE token_hash = $2 AND (confirmed_at IS NOT NULL OR created_at >= $3)
		RETURNING `+subscriptionColumns, ts(now), tokenHash, ts(now.Add(-site.SubscriptionConfirmWindow)))
	s, err := scanSubscription(row)
	if errors.Is(err, sql.ErrNoRows) {
		return s, site.Errorf(site.ENOTFOUND, "This link has expired or was already used to unsubscribe. You can ask again from the help center.")
	}
	if err != nil {
		return s, fail("confirm subscription", err)
	}
	return s, nil
}

// Unsubscribe deletes the subscription of a token hash and its messages
// not yet sent.
func (db *DB) Unsubscribe(ctx context.Context, tokenHash string) error {
	found := false
	err := db.inTx(ctx, "unsubscribe", func(tx *sql.Tx) error {
		var id string
		err := tx.QueryRowContext(ctx, `DELETE FROM subscriptions WHERE token_hash = $1 RETURNING id`, tokenHash).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		found = true
		_, err = tx.ExecContext(ctx, `DELETE FROM deliveries WHERE ref = $1 AND state = 'pending'`, id)
		return err
	})
	if err == nil && !found {
		return site.Errorf(site.ENOTFOUND, "There is nothing to unsubscribe from: this address was already deleted.")
	}
	return err
}

// WaitingSubscriptions returns, of ids, the confirmed subscriptions not
// yet notified.
func (db *DB) WaitingSubscriptions(ctx context.Context, ids []string) ([]site.Subscription, error) {
	rows, err := db.pool.QueryContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions
		WHERE id = ANY($1) AND confirmed_at IS NOT NULL AND notified_at IS NULL ORDER BY created_at, id`, ids)
	if err != nil {
		return nil, fail("read subscriptions", err)
	}
	defer rows.Close()
	var out []site.Subscription
	for rows.Next() {
		s, err := scanSubscription(rows)
		if err != nil {
			return nil, fail("read subscriptions", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("read subscriptions", err)
	}
	return out, nil
}

// QueueNotifications marks subscriptions notified, with the token hash of
// their notification's links, and queues the notifications. A
// subscription another replica notified meanwhile is skipped.
func (db *DB) QueueNotifications(ctx context.Context, ns []contact.Notification) error {
	now := db.now()
	return db.inTx(ctx, "queue notifications", func(tx *sql.Tx) error {
		for _, n := range ns {
			res, err := tx.ExecContext(ctx, `UPDATE subscriptions SET notified_at = $1, token_hash = $2 WHERE id = $3 AND notified_at IS NULL`,
				now, n.TokenHash, n.Delivery.Ref)
			if err != nil {
				return err
			}
			if k, _ := res.RowsAffected(); k == 0 {
				continue
			}
			if err := enqueue(ctx, tx, []delivery.Delivery{n.Delivery}, now); err != nil {
				return err
			}
		}
		return nil
	})
}

// PruneSubscriptions deletes unconfirmed subscriptions made before
// pendingBefore and all made before before, with their messages not yet
// sent.
func (db *DB) PruneSubscriptions(ctx context.Context, pendingBefore, before time.Time) (int64, error) {
	var n int64
	err := db.inTx(ctx, "delete expired subscriptions", func(tx *sql.Tx) error {
		const expired = `(confirmed_at IS NULL AND created_at < $1 OR created_at < $2)`
		if _, err := tx.ExecContext(ctx, `DELETE FROM deliveries WHERE state = 'pending' AND ref IN (SELECT id FROM subscriptions WHERE `+expired+`)`,
			ts(pendingBefore), ts(before)); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM subscriptions WHERE `+expired, ts(pendingBefore), ts(before))
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		return nil
	})
	return n, err
}

// waitingRecords calls fn with each confirmed subscription not yet
// notified, as a failed search of its visitor waiting for an answer,
// whatever its age.
func (db *DB) waitingRecords(ctx context.Context, fn func(gaps.Record) error) error {
	rows, err := db.pool.QueryContext(ctx, `
		SELECT id, query, normalized, locale, source, visitor, results, created_at FROM subscriptions
		WHERE confirmed_at IS NOT NULL AND notified_at IS NULL ORDER BY created_at, id`)
	if err != nil {
		return fail("read subscriptions", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r gaps.Record
		if err := rows.Scan(&r.Waiting, &r.Query, &r.Normalized, &r.Locale, &r.Source, &r.Visitor, &r.Results, &r.Time); err != nil {
			return fail("read subscriptions", err)
		}
		r.Time = r.Time.UTC()
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fail("read subscriptions", err)
	}
	return nil
}
