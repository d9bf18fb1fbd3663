package site

import (
	"crypto/rand"
	"encoding/hex"
)

// NewID returns a new random identifier: 16 bytes from crypto/rand as 32
// lower-case hex digits. Searches (their search_id), tokens and sessions
// take theirs from it.
func NewID() string {
	var b [16]byte
	rand.Read(b[:]) // never returns an error; crashes the program if randomness fails
	return hex.EncodeToString(b[:])
}

// ValidID reports whether id looks like one NewID made, so a client cannot
// have arbitrary text stored as an identifier.
func ValidID(id string) bool {
	if len(id) != 32 {
		return false
	}
	_, err := hex.DecodeString(id)
	return err == nil
}
