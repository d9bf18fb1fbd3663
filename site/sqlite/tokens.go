package sqlite

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/guichet/guichet/site"
)

func tokenHash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// CreateToken makes a token of scope and returns its secret ("gch_…"),
// which is not stored and cannot be shown again, with its description.
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
	if _, err := db.writer.ExecContext(ctx, `INSERT INTO tokens (id, name, scope, hash, created_at) VALUES (?, ?, ?, ?, ?)`,
		t.ID, name, scope, tokenHash(secret), millis(t.CreatedAt)); err != nil {
		return "", site.Token{}, fmt.Errorf("create token: %w", err)
	}
	return secret, t, nil
}

// Tokens lists every token, newest first.
func (db *DB) Tokens(ctx context.Context) ([]site.Token, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT id, name, scope, created_at, revoked_at FROM tokens ORDER BY created_at DESC, id`)
	if err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	defer rows.Close()
	var out []site.Token
	for rows.Next() {
		var t site.Token
		var created int64
		var revoked sql.NullInt64
		if err := rows.Scan(&t.ID, &t.Name, &t.Scope, &created, &revoked); err != nil {
			return nil, fmt.Errorf("list tokens: %w", err)
		}
		t.CreatedAt = fromMillis(created)
		if revoked.Valid {
			r := fromMillis(revoked.Int64)
			t.RevokedAt = &r
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeToken revokes the token with id and ends its admin sessions;
// ENOTFOUND when there is none.
func (db *DB) RevokeToken(ctx context.Context, id string) error {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("revoke token %s: %w", id, err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?`, millis(db.now()), id)
	if err != nil {
		return fmt.Errorf("revoke token %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return site.Errorf(site.ENOTFOUND, "no token %s", id)
	}
	// Its admin sessions end now, not at their expiry.
	if _, err := tx.ExecContext(ctx, `DELETE FROM admin_sessions WHERE token_id = ?`, id); err != nil {
		return fmt.Errorf("revoke token %s: end its sessions: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("revoke token %s: %w", id, err)
	}
	return nil
}

// errUnauthorized is returned for a missing, wrong, revoked or
// out-of-scope token, without saying which.
var errUnauthorized = site.Errorf(site.EUNAUTHORIZED, "a valid token is required")

// Authenticate checks that secret is a live token of scope and returns its
// ID. A bad secret is an EUNAUTHORIZED error that does not say why; a
// database failure is any other error, never EUNAUTHORIZED.
func (db *DB) Authenticate(ctx context.Context, secret, scope string) (string, error) {
	if secret == "" {
		return "", errUnauthorized
	}
	var id, s string
	var revoked sql.NullInt64
	err := db.reader.QueryRowContext(ctx, `SELECT id, scope, revoked_at FROM tokens WHERE hash = ?`, tokenHash(secret)).Scan(&id, &s, &revoked)
	if errors.Is(err, sql.ErrNoRows) || err == nil && (revoked.Valid || s != scope) {
		return "", errUnauthorized
	}
	if err != nil {
		return "", fmt.Errorf("authenticate: %w", err)
	}
	return id, nil
}
