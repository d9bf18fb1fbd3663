package postgres

import (
	"context"
	"database/sql"
	"time"

	"github.com/guichet/guichet/site/delivery"
)

var _ delivery.Store = (*DB)(nil)

// EnqueueDeliveries stores new pending deliveries, due now.
func (db *DB) EnqueueDeliveries(ctx context.Context, ds []delivery.Delivery) error {
	now := db.now()
	return db.inTx(ctx, "queue deliveries", func(tx *sql.Tx) error { return enqueue(ctx, tx, ds, now) })
}

// enqueue inserts deliveries inside tx, due at now.
func enqueue(ctx context.Context, tx *sql.Tx, ds []delivery.Delivery, now time.Time) error {
	for _, d := range ds {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO deliveries (channel, purpose, ref, target, payload, state, attempts, next_at, created_at)
			VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6)`,
			d.Channel, d.Purpose, d.Ref, d.Target, d.Payload, now); err != nil {
			return err
		}
	}
	return nil
}

// ClaimDeliveries returns up to n pending deliveries due at now, oldest
// first, and moves their next attempt to now+lease. Rows another replica
// is claiming are skipped, so each message goes to one worker.
func (db *DB) ClaimDeliveries(ctx context.Context, now time.Time, lease time.Duration, n int) ([]delivery.Delivery, error) {
	var out []delivery.Delivery
	err := db.inTx(ctx, "claim deliveries", func(tx *sql.Tx) error {
		out = out[:0]
		rows, err := tx.QueryContext(ctx, `
			SELECT id, channel, purpose, ref, target, payload, state, attempts, next_at, last_error, created_at
			FROM deliveries WHERE state = 'pending' AND next_at <= $1 ORDER BY next_at, id LIMIT $2
			FOR UPDATE SKIP LOCKED`, ts(now), n)
		if err != nil {
			return err
		}
		for rows.Next() {
			var d delivery.Delivery
			if err := rows.Scan(&d.ID, &d.Channel, &d.Purpose, &d.Ref, &d.Target, &d.Payload, &d.State, &d.Attempts, &d.NextAt, &d.LastError, &d.CreatedAt); err != nil {
				rows.Close()
				return err
			}
			d.NextAt, d.CreatedAt = d.NextAt.UTC(), d.CreatedAt.UTC()
			out = append(out, d)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		for _, d := range out {
			if _, err := tx.ExecContext(ctx, `UPDATE deliveries SET next_at = $1 WHERE id = $2`, ts(now.Add(lease)), d.ID); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// FinishAttempt stores the outcome of an attempt. A delivered or failed
// message loses its target and payload; a delivered notification deletes
// its subscription, the address with it.
func (db *DB) FinishAttempt(ctx context.Context, d delivery.Delivery, now time.Time) error {
	return db.inTx(ctx, "record delivery", func(tx *sql.Tx) error {
		var err error
		if d.State == delivery.StatePending {
			_, err = tx.ExecContext(ctx, `UPDATE deliveries SET attempts = $1, next_at = $2, last_error = $3 WHERE id = $4`,
				d.Attempts, ts(d.NextAt), d.LastError, d.ID)
		} else {
			_, err = tx.ExecContext(ctx, `
				UPDATE deliveries SET state = $1, attempts = $2, last_error = $3, target = '', payload = '', done_at = $4
				WHERE id = $5`, d.State, d.Attempts, d.LastError, ts(now), d.ID)
		}
		if err != nil {
			return err
		}
		if d.Purpose == delivery.PurposeNotify && d.State != delivery.StatePending {
			_, err = tx.ExecContext(ctx, `DELETE FROM subscriptions WHERE id = $1`, d.Ref)
		}
		return err
	})
}

// DeliveriesOf returns the deliveries about refs, by ref, oldest first;
// target and payload are left out.
func (db *DB) DeliveriesOf(ctx context.Context, refs []string) (map[string][]delivery.Delivery, error) {
	out := map[string][]delivery.Delivery{}
	rows, err := db.pool.QueryContext(ctx, `
		SELECT id, channel, purpose, ref, state, attempts, next_at, last_error, created_at
		FROM deliveries WHERE ref = ANY($1) ORDER BY id`, refs)
	if err != nil {
		return nil, fail("read deliveries", err)
	}
	defer rows.Close()
	for rows.Next() {
		var d delivery.Delivery
		if err := rows.Scan(&d.ID, &d.Channel, &d.Purpose, &d.Ref, &d.State, &d.Attempts, &d.NextAt, &d.LastError, &d.CreatedAt); err != nil {
			return nil, fail("read deliveries", err)
		}
		d.NextAt, d.CreatedAt = d.NextAt.UTC(), d.CreatedAt.UTC()
		out[d.Ref] = append(out[d.Ref], d)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("read deliveries", err)
	}
	return out, nil
}
