package site

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes; the HTTP layer maps them to status codes.
const (
	EINVALID      = "invalid"      // 400
	EUNAUTHORIZED = "unauthorized" // 401: missing, wrong, revoked or out-of-scope credentials
	EFORBIDDEN    = "forbidden"    // 403
	ENOTFOUND     = "not_found"    // 404
	ECONFLICT     = "conflict"     // 409: changed meanwhile by someone else
	EGONE         = "gone"         // 410
	ETOOLARGE     = "too_large"    // 413
	ERATE         = "rate_limited" // 429
	EINTERNAL     = "internal"     // 500
	EUNAVAILABLE  = "unavailable"  // 503: loading, or a store that cannot be reached
)

// Error is an error with a code and a message safe to show to a visitor.
type Error struct {
	Code    string
	Message string
	// Reason, when set, is the cause in one machine-readable word, finer
	// than Code ("local_changes": a git pull refused, 409, because of
	// files changed in the content checkout); the API answers it as the
	// body's "reason" beside "error".
	Reason string
}

// Error implements error.
func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Errorf returns an *Error with code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	}
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorReason returns the Reason of the first *Error in err's chain, ""
// when it has none.
func ErrorReason(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return ""
}

// ErrorMessage returns the visitor-safe message of err: the *Error's message,
// or a generic one for internal errors.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}

// ErrorText is err as a person reads it at a terminal: the operations that
// wrap it, and the message of its *Error without the code
// ("gaps mark: No gap nope…", not "gaps mark: not_found: No gap nope…").
func ErrorText(err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	var e *Error
	if errors.As(err, &e) {
		msg = strings.Replace(msg, e.Error(), e.Message, 1)
	}
	return msg
}

// CauseCode returns the code of what failed beneath a Shown error (the
// store's EUNAVAILABLE, "cannot be reached", under a visitor's message
// that is itself EUNAVAILABLE whatever the cause), ErrorCode(err) for
// any other error.
func CauseCode(err error) string {
	var s *shownError
	if errors.As(err, &s) {
		return ErrorCode(s.err)
	}
	return ErrorCode(err)
}

// Shown returns an error that reads as err (for the log) and whose code
// and visitor-safe message are those of shown: a failure whose details
// (a file name, the engine's message) are for the operator, while the
// visitor gets what to do.
func Shown(shown *Error, err error) error { return &shownError{shown: shown, err: err} }

type shownError struct {
	shown *Error
	err   error
}

func (e *shownError) Error() string   { return e.err.Error() }
func (e *shownError) Unwrap() []error { return []error{e.shown, e.err} }

// Logged marks err as logged already, by the service that met it (a
// failed publication, with its trigger), so that the HTTP error handler,
// which logs every 5xx, does not log the same failure a second time;
// nil stays nil.
func Logged(err error) error {
	if err == nil {
		return nil
	}
	return &loggedError{err}
}

// IsLogged reports whether err, or an error it wraps, was marked Logged.
func IsLogged(err error) bool {
	var l *loggedError
	return errors.As(err, &l)
}

type loggedError struct{ err error }

func (e *loggedError) Error() string { return e.err.Error() }
func (e *loggedError) Unwrap() error { return e.err }
