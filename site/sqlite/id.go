package sqlite

import (
	"crypto/rand"
	"encoding/hex"
)

// NewID returns a new random search ID: 16 bytes from crypto/rand as 32
// lower-case hex digits. The HTTP layer assigns it when a search starts and
// returns it to the client, which sends it back with the session's later
// keystrokes and clicks.
func NewID() string {
	var b [16]byte
	rand.Read(b[:]) // never returns an error; crashes the program if randomness fails
	return hex.EncodeToString(b[:])
}
