// Package delivery is the durable queue that sends what Guichet must send:
// contact requests to the helpdesk (by e-mail and/or a signed webhook),
// and the e-mails of "tell me when this is answered" (confirmation,
// notification). Messages are stored before anything is sent, so a crash or
// a restart loses none; each is tried at once, then again with a growing
// backoff until it is delivered or MaxAttempts is reached.
package delivery

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Channels a message goes by.
const (
	ChannelMail    = "mail"
	ChannelWebhook = "webhook"
)

// Purposes of a message, for the admin page and clean-up.
const (
	PurposeContact = "contact" // a contact request to the helpdesk
	PurposeConfirm = "confirm" // a subscription's confirmation link
	PurposeNotify  = "notify"  // a subscriber told the answer is there
)

// States of a message.
const (
	StatePending   = "pending" // waiting for its first or next attempt
	StateDelivered = "delivered"
	StateFailed    = "failed" // given up: MaxAttempts reached or a permanent error
)

// Delivery is one message of the queue.
type Delivery struct {
	ID      int64
	Channel string // ChannelMail or ChannelWebhook
	Purpose string
	// Ref is the contact request or subscription the message is about.
	Ref string
	// Target is the recipient's address or the webhook's URL; Payload the
	// Mail (JSON) or the webhook's body. Both are erased once the message
	// is delivered or failed for good.
	Target  string
	Payload []byte
	State   string
	// Attempts counts the attempts made; NextAt is when the next is due;
	// LastError says why the last one failed.
	Attempts  int
	NextAt    time.Time
	LastError string
	CreatedAt time.Time
}

// Mail is the payload of a mail delivery: a plain-text message. The
// sender's address is the server's (--mail-from).
type Mail struct {
	To      string `json:"to"`
	ReplyTo string `json:"reply_to,omitempty"`
	Subject string `json:"subject"`
	Text    string `json:"text"`
	// Unsubscribe is the one-click unsubscribe URL, sent as
	// List-Unsubscribe with List-Unsubscribe-Post (RFC 8058).
	Unsubscribe string `json:"unsubscribe,omitempty"`
}

// NewMail returns a mail delivery of m for purpose about ref.
func NewMail(purpose, ref string, m Mail) (Delivery, error) {
	body, err := json.Marshal(m)
	if err != nil {
		return Delivery{}, fmt.Errorf("queue mail: %w", err)
	}
	return Delivery{Channel: ChannelMail, Purpose: purpose, Ref: ref, Target: m.To, Payload: body, State: StatePending}, nil
}

// NewWebhook returns a webhook delivery of body to url.
func NewWebhook(purpose, ref, url string, body []byte) Delivery {
	return Delivery{Channel: ChannelWebhook, Purpose: purpose, Ref: ref, Target: url, Payload: body, State: StatePending}
}

// Store keeps the queue (site/sqlite implements it).
type Store interface {
	// EnqueueDeliveries stores new pending deliveries, due at once.
	// (Stores that take a contact request or a subscription store its
	// deliveries in the same transaction.)
	EnqueueDeliveries(ctx context.Context, ds []Delivery) error
	// ClaimDeliveries returns up to n pending deliveries due at now and
	// moves their NextAt to now+lease, so that a worker that dies while
	// sending leaves them to be tried again after the lease, and another
	// worker does not take them meanwhile.
	ClaimDeliveries(ctx context.Context, now time.Time, lease time.Duration, n int) ([]Delivery, error)
	// FinishAttempt stores the outcome of an attempt: d's State,
	// Attempts, NextAt and LastError. A delivered or failed message has
	// its Target and Payload erased, at now.
	FinishAttempt(ctx context.Context, d Delivery, now time.Time) error
}

// Mailer sends one e-mail (site/mail implements it). An error for which
// Permanent reports true is not retried.
type Mailer interface {
	Send(ctx context.Context, m Mail) error
}

// permanentError is an error retrying will not fix.
type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

// Permanent marks err as one retrying will not fix (a mailbox that does
// not exist): the message fails at once.
func Permanent(err error) error { return permanentError{err} }

// IsPermanent reports whether err was marked by Permanent.
func IsPermanent(err error) bool {
	var p permanentError
	return errors.As(err, &p)
}

// Sign returns the X-Guichet-Signature of a webhook body:
// "sha256=" and the hex HMAC-SHA256 of body under secret.
func Sign(secret, body []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}
