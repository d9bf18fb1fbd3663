package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"github.com/guichet/guichet/site"
)

// errNoSession is returned for a missing, unknown, expired or ended session,
// without saying which.
var errNoSession = site.Errorf(site.EUNAUTHORIZED, "not signed in")

// StartSession opens an admin session for the token tokenID, valid for ttl,
// and returns its secret (the cookie value). Only a SHA-256 of the secret is
// stored, so the database alone cannot produce a working cookie. Expired
// sessions are deleted on the way.
func (db *DB) StartSession(ctx context.Context, tokenID string, ttl time.Duration) (string, error) {
	var raw [32]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", fmt.Errorf("start session: %w", err)
	}
	secret := base64.RawURLEncoding.EncodeToString(raw[:])
	now := db.now()
	if _, err := db.writer.ExecContext(ctx, `DELETE FROM admin_sessions WHERE expires_at <= ?`, millis(now)); err != nil {
		return "", fmt.Errorf("start session: delete expired sessions: %w", err)
	}
	if _, err := db.writer.ExecContext(ctx,
		`INSERT INTO admin_sessions (hash, token_id, created_at, expires_at) VALUES (?, ?, ?, ?)`,
		tokenHash(secret), tokenID, millis(now), millis(now.Add(ttl))); err != nil {
		return "", fmt.Errorf("start session: %w", err)
	}
	return secret, nil
}

// Session returns the ID of the admin token whose live session has secret.
// A session ends at its expiry, at EndSession, and when its token is
// revoked or loses the admin scope: each is an EUNAUTHORIZED error that
// does not say which. A database failure is any other error.
func (db *DB) Session(ctx context.Context, secret string) (string, error) {
	if secret == "" {
		return "", errNoSession
	}
	var id string
	err := db.reader.QueryRowContext(ctx, `
		SELECT s.token_id FROM admin_sessions s JOIN tokens t ON t.id = s.token_id
		WHERE s.hash = ? AND s.expires_at > ? AND t.revoked_at IS NULL AND t.scope = ?`,
		tokenHash(secret), millis(db.now()), site.ScopeAdmin).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", errNoSession
	}
	if err != nil {
		return "", fmt.Errorf("check session: %w", err)
	}
	return id, nil
}

// EndSession deletes the session with secret (signing out). Ending a
// session that does not exist is not an error.
func (db *DB) EndSession(ctx context.Context, secret string) error {
	if _, err := db.writer.ExecContext(ctx, `DELETE FROM admin_sessions WHERE hash = ?`, tokenHash(secret)); err != nil {
		return fmt.Errorf("end session: %w", err)
	}
	return nil
}
