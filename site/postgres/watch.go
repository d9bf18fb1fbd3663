package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// WatchTickets calls changed whenever a replica writes tickets (they
// notify guichet_tickets at commit), until ctx ends. It listens on a
// connection of its own and, when that connection is lost, connects again
// (after 1 s, then up to 30 s apart). Each time it starts listening it
// calls changed once, since writes before that were not notified.
func (db *DB) WatchTickets(ctx context.Context, changed func()) {
	db.listenMu.Lock()
	defer db.listenMu.Unlock()
	wait := time.Second
	for ctx.Err() == nil {
		conn, err := pgx.ConnectConfig(ctx, db.config.Copy())
		if err == nil {
			if _, err = conn.Exec(ctx, `LISTEN guichet_tickets`); err == nil {
				// What was written before we listened (at start, or
				// while the connection was lost) was not notified.
				changed()
				wait = time.Second
				for err == nil {
					_, err = conn.WaitForNotification(ctx)
					if err == nil {
						changed()
					}
				}
			}
			conn.Close(context.Background())
		}
		if ctx.Err() != nil {
			return
		}
		db.log.Warn("listen for ticket changes; trying again", "database", db.name, "err", err, "in", wait)
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(2*wait, 30*time.Second)
	}
}
