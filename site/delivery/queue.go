package delivery

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/guichet/guichet/site"
)

// DefaultBackoff returns the waits before each retry: the first attempt
// is made at once, the second 10 s after the first failed, and so on; a
// message that failed 11 times fails for good (about three days of
// trying).
func DefaultBackoff() []time.Duration {
	return []time.Duration{
		10 * time.Second, time.Minute, 5 * time.Minute, 15 * time.Minute, time.Hour,
		3 * time.Hour, 6 * time.Hour, 12 * time.Hour, 24 * time.Hour, 24 * time.Hour,
	}
}

// lease is how long a claimed message is left to its worker: longer than
// one attempt (attemptTimeout) and its record, so messages are claimed one
// at a time. (A batch claimed at once would have its last messages' lease
// run out while a slow server takes the first ones, and another replica
// would send them too.)
const lease = 2 * time.Minute

// failureLogEvery is how often Run repeats that the queue keeps failing.
const failureLogEvery = time.Minute

// attemptTimeout bounds one attempt.
const attemptTimeout = time.Minute

// Queue sends the stored messages. Create it with its fields set; Run it.
type Queue struct {
	Store Store
	// Metrics, when set, gets guichet_deliveries_total{channel,result}:
	// the attempts of this process by channel (mail, webhook) and outcome
	// (delivered, retry, failed: given up for good), registered by
	// NewQueue.
	Metrics prometheus.Registerer
	// Mailer sends e-mails; nil: mail messages wait and are retried
	// (the reason says no SMTP server is configured).
	Mailer Mailer
	// Client posts webhooks (default: a client with a 15 s timeout).
	Client *http.Client
	// Secret signs webhook bodies (GUICHET_WEBHOOK_SECRET).
	Secret []byte
	// Backoff are the waits between attempts (default DefaultBackoff).
	Backoff []time.Duration
	// Poll is how often Run looks for due messages (default 1 s); Wake
	// makes it look at once.
	Poll   time.Duration
	Now    func() time.Time
	Logger *slog.Logger

	wake chan struct{}
	// outcomes counts the attempts (see Metrics); nil for a Queue not
	// made by NewQueue.
	outcomes *prometheus.CounterVec
}

func (q *Queue) init() {
	if q.wake == nil {
		q.wake = make(chan struct{}, 1)
	}
}

func (q *Queue) now() time.Time {
	if q.Now == nil {
		return time.Now().UTC()
	}
	return q.Now().UTC()
}

func (q *Queue) logger() *slog.Logger {
	if q.Logger == nil {
		return slog.Default()
	}
	return q.Logger
}

// NewQueue returns a queue ready to Run; Wake may be called before.
func NewQueue(q Queue) *Queue {
	q.init()
	q.outcomes = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "guichet_deliveries_total",
		Help: "Attempts to deliver a message (contact e-mails and webhooks, subscriptions' mail), by channel and result (delivered, retry, failed: given up)."},
		[]string{"channel", "result"})
	// Every series exists from the start, at 0: an alert on the increase
	// of result="failed" fires on the first failure after a restart,
	// which a series born at 1 would not show as an increase.
	for _, ch := range []string{ChannelMail, ChannelWebhook} {
		for _, result := range []string{"delivered", "retry", "failed"} {
			q.outcomes.WithLabelValues(ch, result)
		}
	}
	if q.Metrics != nil {
		q.Metrics.MustRegister(q.outcomes)
	}
	return &q
}

// Wake asks Run to look for due messages now (something was queued).
func (q *Queue) Wake() {
	if q.wake == nil {
		return
	}
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// Run delivers due messages until ctx ends: at once when woken, else every
// Poll.
func (q *Queue) Run(ctx context.Context) {
	q.init()
	poll := q.Poll
	if poll <= 0 {
		poll = time.Second
	}
	t := time.NewTicker(poll)
	defer t.Stop()
	var out outage
	for {
		_, err := q.RunOnce(ctx)
		if ctx.Err() == nil {
			out.note(q.logger(), err, q.now())
		}
		select {
		case <-ctx.Done():
			return
		case <-q.wake:
		case <-t.C:
		}
	}
}

// outage is what Run remembers of a store that fails at every poll (a
// PostgreSQL outage), to say so once, then once per failureLogEvery, and
// once when the queue works again.
type outage struct{ since, warned time.Time }

// note logs the outcome of a poll made at now, as outage says.
func (o *outage) note(log *slog.Logger, err error, now time.Time) {
	switch {
	case err != nil:
		if o.since.IsZero() {
			o.since = now
		}
		if o.warned.IsZero() || now.Sub(o.warned) >= failureLogEvery {
			log.Warn("delivery queue", "err", err, "failing_since", o.since.UTC().Format(time.RFC3339))
			o.warned = now
		}
	case !o.since.IsZero():
		log.Info("delivery queue works again", "failed_for", now.Sub(o.since).Round(time.Second).String())
		*o = outage{}
	}
}

// RunOnce tries every message due now, one after the other (each claimed
// for its lease just before it is tried), and returns how many were
// delivered.
func (q *Queue) RunOnce(ctx context.Context) (int, error) {
	delivered := 0
	for {
		now := q.now()
		batch, err := q.Store.ClaimDeliveries(ctx, now, lease, 1)
		if err != nil {
			return delivered, err // the store names the operation
		}
		if len(batch) == 0 {
			return delivered, nil
		}
		for _, d := range batch {
			if ctx.Err() != nil {
				return delivered, ctx.Err()
			}
			err := q.attempt(ctx, d)
			d.Attempts++
			now := q.now()
			result := "retry"
			switch {
			case err == nil:
				d.State, d.LastError = StateDelivered, ""
				delivered++
				result = "delivered"
			case IsPermanent(err) || d.Attempts > len(q.backoff()):
				d.State, d.LastError = StateFailed, reason(err)
				result = "failed"
				q.logger().Warn("delivery failed for good", "id", d.ID, "channel", d.Channel, "purpose", d.Purpose, "attempts", d.Attempts, "err", d.LastError)
			default:
				d.LastError = reason(err)
				d.NextAt = now.Add(q.backoff()[d.Attempts-1])
				q.logger().Info("delivery will be retried", "id", d.ID, "channel", d.Channel, "purpose", d.Purpose, "attempts", d.Attempts, "next", d.NextAt, "err", d.LastError)
			}
			if q.outcomes != nil {
				q.outcomes.WithLabelValues(d.Channel, result).Inc()
			}
			// Not ctx: an attempt made is recorded even during shutdown.
			fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			ferr := q.Store.FinishAttempt(fctx, d, now)
			cancel()
			if ferr != nil {
				return delivered, fmt.Errorf("record delivery %d: %w", d.ID, ferr)
			}
		}
	}
}

// backoff returns the waits between attempts. It does not set
// q.Backoff: RunOnce may run on several goroutines (Run, and a command's
// own call).
func (q *Queue) backoff() []time.Duration {
	if len(q.Backoff) == 0 {
		return DefaultBackoff()
	}
	return q.Backoff
}

// reason is what the admin page shows of an error: one line, bounded.
func reason(err error) string {
	return site.Shorten(strings.Join(strings.Fields(err.Error()), " "), 301)
}

// attempt sends one message.
func (q *Queue) attempt(ctx context.Context, d Delivery) error {
	ctx, cancel := context.WithTimeout(ctx, attemptTimeout)
	defer cancel()
	switch d.Channel {
	case ChannelMail:
		if q.Mailer == nil {
			return fmt.Errorf("no SMTP server is configured (--smtp)")
		}
		var m Mail
		if err := json.Unmarshal(d.Payload, &m); err != nil {
			return Permanent(fmt.Errorf("unreadable message: %w", err))
		}
		return q.Mailer.Send(ctx, m)
	case ChannelWebhook:
		return q.post(ctx, d)
	}
	return Permanent(fmt.Errorf("unknown channel %q", d.Channel))
}

// post sends a webhook: the JSON body, signed. Any 2xx is delivered;
// anything else (a helpdesk down, a 5xx, a 429) is retried.
func (q *Queue) post(ctx context.Context, d Delivery) error {
	if len(q.Secret) == 0 {
		return fmt.Errorf("GUICHET_WEBHOOK_SECRET is not set: webhooks are not sent unsigned")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.Target, bytes.NewReader(d.Payload))
	if err != nil {
		return Permanent(fmt.Errorf("webhook URL: %w", err))
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Guichet")
	req.Header.Set("X-Guichet-Signature", Sign(q.Secret, d.Payload))
	req.Header.Set("X-Guichet-Event", d.Purpose)
	// The key receivers deduplicate on: the request's own random ID, the
	// same on every attempt; the row's number would start again in a
	// database restored from a backup, and name another request.
	key := d.Ref
	if key == "" {
		key = strconv.FormatInt(d.ID, 10)
	}
	req.Header.Set("X-Guichet-Delivery", key)
	client := q.Client
	if client == nil {
		client = &http.Client{Timeout: 15 * time.Second}
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("webhook: %w", err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("webhook: the helpdesk answered %s", resp.Status)
	}
	return nil
}
