package sqlite

import "github.com/guichet/guichet/site/recorder"

// Recorder is the event writer on a DB (see package recorder).
type Recorder = recorder.Recorder

// RecorderOptions tunes a Recorder.
type RecorderOptions = recorder.Options

// NewRecorder starts a Recorder writing to db, on db's clock unless opts
// sets one. Close it before closing db.
func NewRecorder(db *DB, opts RecorderOptions) *Recorder {
	if opts.Now == nil {
		opts.Now = db.now
	}
	return recorder.New(db, opts)
}

// Recorder starts a Recorder writing to db (NewRecorder).
func (db *DB) Recorder(opts recorder.Options) *recorder.Recorder { return NewRecorder(db, opts) }
