package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/contact"
	"github.com/guichet/guichet/site/delivery"
	"github.com/guichet/guichet/site/gaps"
)

// Subscribe stores a pending subscription and queues its confirmation,
// unless the same request (dedupe) is pending and not expired, or
// confirmed, or the address has too many pending
// (site.SubscriptionPendingPerAddress).
func (db *DB) Subscribe(ctx context.Context, s site.Subscription, tokenHash, dedupe string, confirm delivery.Delivery) (bool, error) {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("store subscription: %w", err)
	}
	defer tx.Rollback()
	expired := millis(s.CreatedAt.Add(-site.SubscriptionConfirmWindow))
	if _, err := tx.ExecContext(ctx, `
		DELETE FROM subscriptions WHERE dedupe = ? AND confirmed_at IS NULL AND created_at < ?`, dedupe, expired); err != nil {
		return false, fmt.Errorf("store subscription: %w", err)
	}
	var pending, confirmed int
	if err := tx.QueryRowContext(ctx, `
		SELECT count(*) FILTER (WHERE confirmed_at IS NULL AND created_at >= ?), count(*) FILTER (WHERE confirmed_at IS NOT NULL)
		FROM subscriptions WHERE lower(email) = lower(?)`, expired, s.Email).Scan(&pending, &confirmed); err != nil {
		return false, fmt.Errorf("store subscription: %w", err)
	}
	if pending >= site.SubscriptionPendingPerAddress && confirmed == 0 {
		return false, nil
	}
	res, err := tx.ExecContext(ctx, `
		INSERT INTO subscriptions (id, token_hash, dedupe, email, locale, query, normalized, visitor, results, source, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe) DO NOTHING`,
		s.ID, tokenHash, dedupe, s.Email, s.Locale, s.Query, s.Normalized, s.Visitor, s.Results, s.Source, millis(s.CreatedAt))
	if err != nil {
		return false, fmt.Errorf("store subscription: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	if err := enqueue(ctx, tx, []delivery.Delivery{confirm}, db.now()); err != nil {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("store subscription: %w", err)
	}
	return true, nil
}

const subscriptionColumns = `id, email, locale, query, normalized, visitor, results, source, created_at, confirmed_at`

func scanSubscription(row interface{ Scan(...any) error }) (site.Subscription, error) {
	var s site.Subscription
	var created int64
	var confirmed sql.NullInt64
	err := row.Scan(&s.ID, &s.Email, &s.Locale, &s.Query, &s.Normalized, &s.Visitor, &s.Results, &s.Source, &created, &confirmed)
	s.CreatedAt = fromMillis(created)
	if confirmed.Valid {
		t := fromMillis(confirmed.Int64)
		s.ConfirmedAt = &t
	}
	return s, err
}

// ConfirmSubscription confirms the subscription of a token hash, unless it
// expired unconfirmed.
func (db *DB) ConfirmSubscription(ctx context.Context, tokenHash string, now time.Time) (site.Subscription, error) {
	row := db.writer.QueryRowContext(ctx, `
		UPDATE subscriptions SET confirmed_at = coalesce(confirmed_at, ?1)
		WHERE token_hash = ?2 AND (confirmed_at IS NOT NULL OR created_at >= ?3)
		RETURNING `+subscriptionColumns, millis(now), tokenHash, millis(now.Add(-site.SubscriptionConfirmWindow)))
	s, err := scanSubscription(row)
	if errors.Is(err, sql.ErrNoRows) {
		return s, site.Errorf(site.ENOTFOUND, "This link has expired or was already used to unsubscribe. You can ask again from the help center.")
	}
	if err != nil {
		return s, fmt.Errorf("confirm subscription: %w", err)
	}
	return s, nil
}

// Unsubscribe deletes the subscription of a token hash and its messages
// not yet sent.
func (db *DB) Unsubscribe(ctx context.Context, tokenHash string) error {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("unsubscribe: %w", err)
	}
	defer tx.Rollback()
	var id string
	err = tx.QueryRowContext(ctx, `DELETE FROM subscriptions WHERE token_hash = ? RETURNING id`, tokenHash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return site.Errorf(site.ENOTFOUND, "There is nothing to unsubscribe from: this address was already deleted.")
	}
	if err != nil {
		return fmt.Errorf("unsubscribe: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM deliveries WHERE ref = ? AND state = 'pending'`, id); err != nil {
		return fmt.Errorf("unsubscribe: %w", err)
	}
	return tx.Commit()
}

// WaitingSubscriptions returns, of ids, the confirmed subscriptions not
// yet notified.
func (db *DB) WaitingSubscriptions(ctx context.Context, ids []string) ([]site.Subscription, error) {
	var out []site.Subscription
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := db.reader.QueryContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions
			WHERE id IN (`+placeholders(len(chunk))+`) AND confirmed_at IS NOT NULL AND notified_at IS NULL ORDER BY created_at, id`, args...)
		if err != nil {
			return nil, fmt.Errorf("read subscriptions: %w", err)
		}
		for rows.Next() {
			s, err := scanSubscription(rows)
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("read subscriptions: %w", err)
			}
			out = append(out, s)
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("read subscriptions: %w", err)
		}
	}
	return out, nil
}

// QueueNotifications marks subscriptions notified, with the token hash of
// their notification's links, and queues the notifications, at once.
func (db *DB) QueueNotifications(ctx context.Context, ns []contact.Notification) error {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("queue notifications: %w", err)
	}
	defer tx.Rollback()
	now := db.now()
	for _, n := range ns {
		res, err := tx.ExecContext(ctx, `UPDATE subscriptions SET notified_at = ?, token_hash = ? WHERE id = ? AND notified_at IS NULL`,
			millis(now), n.TokenHash, n.Delivery.Ref)
		if err != nil {
			return fmt.Errorf("queue notifications: %w", err)
		}
		if k, _ := res.RowsAffected(); k == 0 {
			continue // notified meanwhile, or unsubscribed
		}
		if err := enqueue(ctx, tx, []delivery.Delivery{n.Delivery}, now); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// PruneSubscriptions deletes unconfirmed subscriptions made before
// pendingBefore and all made before before, with their messages not yet
// sent.
func (db *DB) PruneSubscriptions(ctx context.Context, pendingBefore, before time.Time) (int64, error) {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("delete expired subscriptions: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `
		DELETE FROM deliveries WHERE state = 'pending' AND ref IN (SELECT id FROM subscriptions
			WHERE confirmed_at IS NULL AND created_at < ?1 OR created_at < ?2)`, millis(pendingBefore), millis(before)); err != nil {
		return 0, fmt.Errorf("delete expired subscriptions: %w", err)
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM subscriptions WHERE confirmed_at IS NULL AND created_at < ?1 OR created_at < ?2`,
		millis(pendingBefore), millis(before))
	if err != nil {
		return 0, fmt.Errorf("delete expired subscriptions: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, tx.Commit()
}

// waitingRecords calls fn with each confirmed subscription not yet
// notified, as a failed search of its visitor waiting for an answer (see
// gaps.Record.Waiting), whatever its age: subscriptions outlive the
// retention of searches.
func (db *DB) waitingRecords(ctx context.Context, fn func(gaps.Record) error) error {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT id, query, normalized, locale, source, visitor, results, created_at FROM subscriptions
		WHERE confirmed_at IS NOT NULL AND notified_at IS NULL ORDER BY created_at, id`)
	if err != nil {
		return fmt.Errorf("read subscriptions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r gaps.Record
		var created int64
		if err := rows.Scan(&r.Waiting, &r.Query, &r.Normalized, &r.Locale, &r.Source, &r.Visitor, &r.Results, &created); err != nil {
			return fmt.Errorf("read subscriptions: %w", err)
		}
		r.Time = fromMillis(created)
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read subscriptions: %w", err)
	}
	return nil
}
