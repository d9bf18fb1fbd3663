package postgres

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/guichet/guichet/site"
)

func tokenHash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// CreateToken makes a token of scope and returns its secret ("gch_…"),
// which is not stored and cannot be shown again, with its description.
// Every replica accepts it at once.
func (db *DB) CreateToken(ctx context.Context, scope, name string) (string, site.Token, error) {
	if err := site.CheckScope(scope); err != nil {
		return "", site.Token{}, err
	}
	var raw [32]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", site.Token{}, fmt.Errorf("create token: %w", err)
	}
	secret := "gch_" + base64.RawURLEncoding.EncodeToString(raw[:])
	t := site.Token{ID: site.NewID()[:12], Name: name, Scope: scope, CreatedAt: db.now()}
	if _, err := db.pool.ExecContext(ctx, `INSERT INTO tokens (id, name, scope, hash, created_at) VALUES ($1, $2, $3, $4, $5)`,
		t.ID, name, scope, tokenHash(secret), t.CreatedAt); err != nil {
		return "", site.Token{}, fail("create token", err)
	}
	return secret, t, nil
}

// Tokens lists every token, newest first.
func (db *DB) Tokens(ctx context.Context) ([]site.Token, error) {
	rows, err := db.pool.QueryContext(ctx, `SELECT id, name, scope, created_at, revoked_at FROM tokens ORDER BY created_at DESC, id`)
	if err != nil {
		return nil, fail("list tokens", err)
	}
	defer rows.Close()
	var out []site.Token
	for rows.Next() {
		var t site.Token
		var revoked sql.NullTime
		if err := rows.Scan(&t.ID, &t.Name, &t.Scope, &t.CreatedAt, &revoked); err != nil {
			return nil, fail("list tokens", err)
		}
		t.CreatedAt = t.CreatedAt.UTC()
		if revoked.Valid {
			r := revoked.Time.UTC()
			t.RevokedAt = &r
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("list tokens", err)
	}
	return out, nil
}

// RevokeToken revokes the token with id and ends its admin sessions;
// ENOTFOUND when there is none.
func (db *DB) RevokeToken(ctx context.Context, id string) error {
	return db.inTx(ctx, "revoke token "+id, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE tokens SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2`, db.now(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return site.Errorf(site.ENOTFOUND, "no token %s", id)
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM admin_sessions WHERE token_id = $1`, id)
		return err
	})
}

var errUnauthorized = site.Errorf(site.EUNAUTHORIZED, "a valid token is required")

// Authenticate checks that secret is a live token of scope and returns its
// ID. A bad secret is an EUNAUTHORIZED error that does not say why; a
// database failure is any other error, never EUNAUTHORIZED.
func (db *DB) Authenticate(ctx context.Context, secret, scope string) (string, error) {
	if secret == "" {
		return "", errUnauthorized
	}
	var id, s string
	var revoked sql.NullTime
	err := db.pool.QueryRowContext(ctx, `SELECT id, scope, revoked_at FROM tokens WHERE hash = $1`, tokenHash(secret)).Scan(&id, &s, &revoked)
	if errors.Is(err, sql.ErrNoRows) || err == nil && (revoked.Valid || s != scope) {
		return "", errUnauthorized
	}
	if err != nil {
		return "", fail("authenticate", err)
	}
	return id, nil
}

var errNoSession = site.Errorf(site.EUNAUTHORIZED, "not signed in")

// StartSession opens an admin session for the token tokenID, valid for
// ttl, and returns its secret (the cookie value); only its SHA-256 is
// stored. Every replica knows the session at once.
func (db *DB) StartSession(ctx context.Context, tokenID string, ttl time.Duration) (string, error) {
	var raw [32]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", fmt.Errorf("start session: %w", err)
	}
	secret := base64.RawURLEncoding.EncodeToString(raw[:])
	now := db.now()
	err := db.inTx(ctx, "start session", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM admin_sessions WHERE expires_at <= $1`, now); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO admin_sessions (hash, token_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
			tokenHash(secret), tokenID, now, now.Add(ttl))
		return err
	})
	if err != nil {
		return "", err
	}
	return secret, nil
}

// Session returns the ID of the admin token whose live session has secret
// (EUNAUTHORIZED when there is none, without saying why).
func (db *DB) Session(ctx context.Context, secret string) (string, error) {
	if secret == "" {
		return "", errNoSession
	}
	var id string
	err := db.pool.QueryRowContext(ctx, `
		SELECT s.token_id FROM admin_sessions s JOIN tokens t ON t.id = s.token_id
		WHERE s.hash = $1 AND s.expires_at > $2 AND t.revoked_at IS NULL AND t.scope = $3`,
		tokenHash(secret), db.now(), site.ScopeAdmin).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", errNoSession
	}
	if err != nil {
		return "", fail("check session", err)
	}
	return id, nil
}

// EndSession deletes the session with secret (signing out).
func (db *DB) EndSession(ctx context.Context, secret string) error {
	if _, err := db.pool.ExecContext(ctx, `DELETE FROM admin_sessions WHERE hash = $1`, tokenHash(secret)); err != nil {
		return fail("end session", err)
	}
	return nil
}
