package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/guichet/guichet/site/delivery"
)

var _ delivery.Store = (*DB)(nil)

// EnqueueDeliveries stores new pending deliveries, due now.
func (db *DB) EnqueueDeliveries(ctx context.Context, ds []delivery.Delivery) error {
	return db.explainWrite(db.enqueueDeliveries(ctx, ds))
}

func (db *DB) enqueueDeliveries(ctx context.Context, ds []delivery.Delivery) error {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("queue deliveries: %w", err)
	}
	defer tx.Rollback()
	if err := enqueue(ctx, tx, ds, db.now()); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("queue deliveries: %w", err)
	}
	return nil
}

// enqueue inserts deliveries inside tx, due at now.
func enqueue(ctx context.Context, tx *sql.Tx, ds []delivery.Delivery, now time.Time) error {
	for _, d := range ds {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO deliveries (channel, purpose, ref, target, payload, state, attempts, next_at, created_at)
			VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
			d.Channel, d.Purpose, d.Ref, d.Target, d.Payload, millis(now), millis(now)); err != nil {
			return fmt.Errorf("queue %s %s delivery: %w", d.Purpose, d.Channel, err)
		}
	}
	return nil
}

// ClaimDeliveries returns up to n pending deliveries due at now, oldest
// first, and moves their next attempt to now+lease in the same
// transaction.
func (db *DB) ClaimDeliveries(ctx context.Context, now time.Time, lease time.Duration, n int) ([]delivery.Delivery, error) {
	out, err := db.claimDeliveries(ctx, now, lease, n)
	return out, db.explainWrite(err) // a full or read-only disk, named
}

func (db *DB) claimDeliveries(ctx context.Context, now time.Time, lease time.Duration, n int) ([]delivery.Delivery, error) {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("claim deliveries: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `
		SELECT id, channel, purpose, ref, target, payload, state, attempts, next_at, last_error, created_at
		FROM deliveries WHERE state = 'pending' AND next_at <= ? ORDER BY next_at, id LIMIT ?`, millis(now), n)
	if err != nil {
		return nil, fmt.Errorf("claim deliveries: %w", err)
	}
	var out []delivery.Delivery
	for rows.Next() {
		var d delivery.Delivery
		var next, created int64
		if err := rows.Scan(&d.ID, &d.Channel, &d.Purpose, &d.Ref, &d.Target, &d.Payload, &d.State, &d.Attempts, &next, &d.LastError, &created); err != nil {
			rows.Close()
			return nil, fmt.Errorf("claim deliveries: %w", err)
		}
		d.NextAt, d.CreatedAt = fromMillis(next), fromMillis(created)
		out = append(out, d)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("claim deliveries: %w", err)
	}
	for _, d := range out {
		if _, err := tx.ExecContext(ctx, `UPDATE deliveries SET next_at = ? WHERE id = ?`, millis(now.Add(lease)), d.ID); err != nil {
			return nil, fmt.Errorf("claim deliveries: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("claim deliveries: %w", err)
	}
	return out, nil
}

// FinishAttempt stores the outcome of an attempt. A delivered or failed
// message loses its target and payload (the addresses and the text); a
// delivered notification deletes its subscription, the address with it.
func (db *DB) FinishAttempt(ctx context.Context, d delivery.Delivery, now time.Time) error {
	return db.explainWrite(db.finishAttempt(ctx, d, now))
}

func (db *DB) finishAttempt(ctx context.Context, d delivery.Delivery, now time.Time) error {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("record delivery: %w", err)
	}
	defer tx.Rollback()
	if d.State == delivery.StatePending {
		_, err = tx.ExecContext(ctx, `UPDATE deliveries SET attempts = ?, next_at = ?, last_error = ? WHERE id = ?`,
			d.Attempts, millis(d.NextAt), d.LastError, d.ID)
	} else {
		_, err = tx.ExecContext(ctx, `
			UPDATE deliveries SET state = ?, attempts = ?, last_error = ?, target = '', payload = X'', done_at = ?
			WHERE id = ?`, d.State, d.Attempts, d.LastError, millis(now), d.ID)
	}
	if err != nil {
		return fmt.Errorf("record delivery %d: %w", d.ID, err)
	}
	if d.Purpose == delivery.PurposeNotify && d.State != delivery.StatePending {
		// Told (or never to be told): the address goes.
		if _, err := tx.ExecContext(ctx, `DELETE FROM subscriptions WHERE id = ?`, d.Ref); err != nil {
			return fmt.Errorf("delete notified subscription: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("record delivery %d: %w", d.ID, err)
	}
	return nil
}

// DeliveriesOf returns the deliveries about refs (contact requests or
// subscriptions), by ref, oldest first; target and payload are left out.
func (db *DB) DeliveriesOf(ctx context.Context, refs []string) (map[string][]delivery.Delivery, error) {
	out := map[string][]delivery.Delivery{}
	for start := 0; start < len(refs); start += 500 {
		chunk := refs[start:min(start+500, len(refs))]
		args := make([]any, len(chunk))
		for i, r := range chunk {
			args[i] = r
		}
		rows, err := db.reader.QueryContext(ctx, `
			SELECT id, channel, purpose, ref, state, attempts, next_at, last_error, created_at
			FROM deliveries WHERE ref IN (`+placeholders(len(chunk))+`) ORDER BY id`, args...)
		if err != nil {
			return nil, fmt.Errorf("read deliveries: %w", err)
		}
		for rows.Next() {
			var d delivery.Delivery
			var next, created int64
			if err := rows.Scan(&d.ID, &d.Channel, &d.Purpose, &d.Ref, &d.State, &d.Attempts, &next, &d.LastError, &created); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read deliveries: %w", err)
			}
			d.NextAt, d.CreatedAt = fromMillis(next), fromMillis(created)
			out[d.Ref] = append(out[d.Ref], d)
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("read deliveries: %w", err)
		}
	}
	return out, nil
}

// placeholders returns "?,?,…" for n arguments.
func placeholders(n int) string {
	b := make([]byte, 0, 2*n)
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '?')
	}
	return string(b)
}
