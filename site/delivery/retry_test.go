package delivery_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/guichet/guichet/site/delivery"
	"github.com/guichet/guichet/site/mail"
	"github.com/guichet/guichet/site/sqlite"
)

// clock is the test's time, shared by the store and the queue.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func openDB(t *testing.T, path string, c *clock) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.Now = c.Now
	return db
}

func newQueue(db *sqlite.DB, c *clock, q delivery.Queue) *delivery.Queue {
	q.Store, q.Now = db, c.Now
	q.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	return delivery.NewQueue(q)
}

func only(t *testing.T, db *sqlite.DB, ref string) delivery.Delivery {
	t.Helper()
	ds, err := db.DeliveriesOf(context.Background(), []string{ref})
	if err != nil || len(ds[ref]) != 1 {
		t.Fatalf("deliveries of %s: %v %v", ref, ds, err)
	}
	return ds[ref][0]
}

// A helpdesk that is down, overloaded or misconfigured is tried again on
// the backoff schedule, never before the step is due; a 2xx is delivered
// once, signed, and its copy of the customer's words erased.
func TestWebhookRetriesOnSchedule(t *testing.T) {
	cases := []struct {
		name      string
		statuses  []int // answered to successive posts
		wantState string
		wantPosts int
		wantError string
	}{
		{"200 at once", []int{200}, delivery.StateDelivered, 1, ""},
		{"202 accepted", []int{202}, delivery.StateDelivered, 1, ""},
		{"503 then 204", []int{503, 204}, delivery.StateDelivered, 2, ""},
		{"429 twice then 200", []int{429, 429, 200}, delivery.StateDelivered, 3, ""},
		{"302 is no delivery", []int{302, 302, 302, 302}, delivery.StateFailed, 4, "webhook: the helpdesk answered 302 Found"},
		{"404 every time: fails for good", []int{404, 404, 404, 404}, delivery.StateFailed, 4, "webhook: the helpdesk answered 404 Not Found"},
	}
	backoff := []time.Duration{10 * time.Second, time.Minute, 5 * time.Minute}
	body := []byte(`{"type":"contact.request","id":"r1"}`)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			c := &clock{now: time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)}
			db := openDB(t, filepath.Join(t.TempDir(), "guichet.db"), c)
			defer db.Close()
			var posts atomic.Int32
			var bad atomic.Value
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n := int(posts.Add(1))
				b, _ := io.ReadAll(r.Body)
				if string(b) != string(body) || r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" ||
					r.Header.Get("X-Guichet-Signature") != delivery.Sign([]byte("s3cret"), body) ||
					r.Header.Get("X-Guichet-Event") != delivery.PurposeContact || r.Header.Get("X-Guichet-Delivery") == "" {
					bad.Store(r.Method + " " + string(b) + " " + r.Header.Get("X-Guichet-Signature"))
				}
				if n <= len(tc.statuses) {
					w.WriteHeader(tc.statuses[n-1])
				} else {
					w.WriteHeader(200)
				}
			}))
			defer srv.Close()
			client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			q := newQueue(db, c, delivery.Queue{Secret: []byte("s3cret"), Backoff: backoff, Client: client})
			if err := db.EnqueueDeliveries(ctx, []delivery.Delivery{delivery.NewWebhook(delivery.PurposeContact, "r1", srv.URL, body)}); err != nil {
				t.Fatal(err)
			}
			if _, err := q.RunOnce(ctx); err != nil {
				t.Fatal(err)
			}
			for i := 0; i < len(backoff) && only(t, db, "r1").State == delivery.StatePending; i++ {
				// A millisecond early: not tried.
				c.Add(backoff[i] - time.Millisecond)
				before := posts.Load()
				if _, err := q.RunOnce(ctx); err != nil {
					t.Fatal(err)
				}
				if posts.Load() != before {
					t.Fatalf("retry %d made %v early", i+1, time.Millisecond)
				}
				c.Add(time.Millisecond)
				if _, err := q.RunOnce(ctx); err != nil {
					t.Fatal(err)
				}
				if posts.Load() != before+1 {
					t.Fatalf("retry %d not made when due", i+1)
				}
			}
			d := only(t, db, "r1")
			if d.State != tc.wantState || int(posts.Load()) != tc.wantPosts || d.Attempts != tc.wantPosts || d.LastError != tc.wantError {
				t.Errorf("state %s after %d posts, %d attempts, error %q; want %s after %d, error %q",
					d.State, posts.Load(), d.Attempts, d.LastError, tc.wantState, tc.wantPosts, tc.wantError)
			}
			if d.Target != "" || len(d.Payload) != 0 {
				t.Errorf("finished delivery keeps target %q, payload %q", d.Target, d.Payload)
			}
			if v := bad.Load(); v != nil {
				t.Errorf("a post was not the signed JSON body: %v", v)
			}
			c.Add(72 * time.Hour)
			before := posts.Load()
			q.RunOnce(ctx)
			if posts.Load() != before {
				t.Error("a finished delivery was posted again")
			}
		})
	}
}

// smtpServer is a real SMTP server answering each recipient with the next
// code of codes (0: accepted; past the end: accepted).
type smtpServer struct {
	mu    sync.Mutex
	codes []int
	rcpts int
	got   int
}

type smtpSession struct{ s *smtpServer }

func (ss smtpSession) Reset()                               {}
func (ss smtpSession) Logout() error                        { return nil }
func (ss smtpSession) Mail(string, *smtp.MailOptions) error { return nil }
func (ss smtpSession) Rcpt(string, *smtp.RcptOptions) error {
	ss.s.mu.Lock()
	defer ss.s.mu.Unlock()
	ss.s.rcpts++
	if ss.s.rcpts <= len(ss.s.codes) && ss.s.codes[ss.s.rcpts-1] != 0 {
		code := ss.s.codes[ss.s.rcpts-1]
		return &smtp.SMTPError{Code: code, EnhancedCode: smtp.EnhancedCode{code / 100, 1, 1}, Message: "mailbox says " + strconv.Itoa(code)}
	}
	return nil
}
func (ss smtpSession) Data(r io.Reader) error {
	io.Copy(io.Discard, r)
	ss.s.mu.Lock()
	ss.s.got++
	ss.s.mu.Unlock()
	return nil
}

func (s *smtpServer) received() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.got
}

func startSMTP(t *testing.T, codes ...int) (*smtpServer, string) {
	t.Helper()
	s := &smtpServer{codes: codes}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return smtpSession{s}, nil }))
	srv.Domain = "test"
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return s, "smtp://" + l.Addr().String()
}

// A mailbox that does not exist fails at once, without using up the
// schedule; a server busy for now is tried again; a message that cannot
// be read fails at once.
func TestMailPermanentAndTemporary(t *testing.T) {
	cases := []struct {
		name      string
		codes     []int
		payload   []byte // nil: a good message
		wantState string
		wantTries int
	}{
		{"accepted", nil, nil, delivery.StateDelivered, 1},
		{"550 no such mailbox: failed at once", []int{550}, nil, delivery.StateFailed, 1},
		{"451 busy, then accepted", []int{451}, nil, delivery.StateDelivered, 2},
		{"unreadable message: failed at once", nil, []byte("{not json"), delivery.StateFailed, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			c := &clock{now: time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)}
			db := openDB(t, filepath.Join(t.TempDir(), "guichet.db"), c)
			defer db.Close()
			srv, url := startSMTP(t, tc.codes...)
			sender, err := mail.New(url, "help@acme.test")
			if err != nil {
				t.Fatal(err)
			}
			q := newQueue(db, c, delivery.Queue{Mailer: sender, Backoff: []time.Duration{time.Minute, time.Hour}})
			d, err := delivery.NewMail(delivery.PurposeConfirm, "s1", delivery.Mail{To: "jane@example.com", Subject: "Confirm", Text: "Open the link."})
			if err != nil {
				t.Fatal(err)
			}
			if tc.payload != nil {
				d.Payload = tc.payload
			}
			if err := db.EnqueueDeliveries(ctx, []delivery.Delivery{d}); err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 3; i++ {
				if _, err := q.RunOnce(ctx); err != nil {
					t.Fatal(err)
				}
				c.Add(time.Hour)
			}
			got := only(t, db, "s1")
			if got.State != tc.wantState || got.Attempts != tc.wantTries {
				t.Errorf("state %s after %d attempts (%q), want %s after %d", got.State, got.Attempts, got.LastError, tc.wantState, tc.wantTries)
			}
			wantSent := 0
			if tc.wantState == delivery.StateDelivered {
				wantSent = 1
			}
			if srv.received() != wantSent {
				t.Errorf("%d messages reached the server, want %d", srv.received(), wantSent)
			}
		})
	}
}

// Messages survive a restart: queued before the server stopped, or claimed
// by a worker that died before recording the attempt (sent again once its
// lease is over, not before).
func TestQueueSurvivesRestart(t *testing.T) {
	ctx := context.Background()
	c := &clock{now: time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)}
	path := filepath.Join(t.TempDir(), "guichet.db")
	var posts atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		posts.Add(1)
		w.WriteHeader(204)
	}))
	defer srv.Close()

	db := openDB(t, path, c)
	if err := db.EnqueueDeliveries(ctx, []delivery.Delivery{
		delivery.NewWebhook(delivery.PurposeContact, "claimed", srv.URL, []byte(`{}`)),
		delivery.NewWebhook(delivery.PurposeContact, "queued", srv.URL, []byte(`{}`)),
	}); err != nil {
		t.Fatal(err)
	}
	// A worker claims the first (oldest first), then the process dies.
	if _, err := db.ClaimDeliveries(ctx, c.Now(), 2*time.Minute, 1); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db = openDB(t, path, c)
	defer db.Close()
	q := newQueue(db, c, delivery.Queue{Secret: []byte("k")})
	c.Add(time.Minute)
	if n, err := q.RunOnce(ctx); err != nil || n != 1 {
		t.Fatalf("after restart, within the lease: delivered %d (%v), want 1", n, err)
	}
	if q, c := only(t, db, "queued").State, only(t, db, "claimed").State; q != delivery.StateDelivered || c != delivery.StatePending {
		t.Fatalf("within the lease: queued %s, claimed %s; want delivered, pending", q, c)
	}
	c.Add(2 * time.Minute)
	if n, err := q.RunOnce(ctx); err != nil || n != 1 {
		t.Fatalf("after the lease: delivered %d (%v), want the claimed one", n, err)
	}
	for _, ref := range []string{"queued", "claimed"} {
		if st := only(t, db, ref).State; st != delivery.StateDelivered {
			t.Errorf("%s: %s after restart", ref, st)
		}
	}
	if posts.Load() != 2 {
		t.Errorf("%d posts, want 2 (each once)", posts.Load())
	}
}

// A running queue sends a message as soon as it is woken, not at its next
// poll, and stops when its context ends.
func TestRunSendsWhenWoken(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	c := &clock{now: time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)}
	db := openDB(t, filepath.Join(t.TempDir(), "guichet.db"), c)
	defer db.Close()
	got := make(chan string, 4)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- string(b)
		w.WriteHeader(204)
	}))
	defer srv.Close()
	q := newQueue(db, c, delivery.Queue{Secret: []byte("k"), Poll: time.Hour})
	done := make(chan struct{})
	go func() { q.Run(ctx); close(done) }()
	for _, body := range []string{`{"n":1}`, `{"n":2}`} {
		if err := db.EnqueueDeliveries(context.Background(), []delivery.Delivery{delivery.NewWebhook(delivery.PurposeContact, body, srv.URL, []byte(body))}); err != nil {
			t.Fatal(err)
		}
		q.Wake()
		select {
		case b := <-got:
			if b != body {
				t.Errorf("posted %s, want %s", b, body)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("%s not sent after Wake (poll is an hour)", body)
		}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("Run did not return when its context ended")
	}
}

// Mail queued while no SMTP server is configured waits with the reason,
// and goes once one is.
func TestMailWaitsForSMTPServer(t *testing.T) {
	ctx := context.Background()
	c := &clock{now: time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)}
	db := openDB(t, filepath.Join(t.TempDir(), "guichet.db"), c)
	defer db.Close()
	q := newQueue(db, c, delivery.Queue{Backoff: []time.Duration{time.Minute, time.Hour}})
	d, err := delivery.NewMail(delivery.PurposeContact, "r1", delivery.Mail{To: "support@acme.test", Subject: "Help", Text: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.EnqueueDeliveries(ctx, []delivery.Delivery{d}); err != nil {
		t.Fatal(err)
	}
	if n, err := q.RunOnce(ctx); err != nil || n != 0 {
		t.Fatalf("delivered %d without a server (%v)", n, err)
	}
	if got := only(t, db, "r1"); got.State != delivery.StatePending || got.LastError != "no SMTP server is configured (--smtp)" {
		t.Fatalf("without a server: %s, %q", got.State, got.LastError)
	}
	srv, url := startSMTP(t)
	sender, err := mail.New(url, "help@acme.test")
	if err != nil {
		t.Fatal(err)
	}
	q.Mailer = sender
	c.Add(time.Minute)
	if n, err := q.RunOnce(ctx); err != nil || n != 1 {
		t.Fatalf("delivered %d once a server is set (%v)", n, err)
	}
	if got := only(t, db, "r1"); got.State != delivery.StateDelivered || got.LastError != "" || srv.received() != 1 {
		t.Errorf("with a server: %s, %q, %d received", got.State, got.LastError, srv.received())
	}
}

// slowMailer takes took of the test's clock per e-mail, and runs during
// while it sends each.
type slowMailer struct {
	c      *clock
	took   time.Duration
	sent   []string
	during func(n int)
}

func (m *slowMailer) Send(ctx context.Context, mm delivery.Mail) error {
	m.c.Add(m.took)
	m.sent = append(m.sent, mm.To)
	if m.during != nil {
		m.during(len(m.sent))
	}
	return nil
}

// Two workers (replicas) sharing the queue while the SMTP server takes a
// minute per message: a message one worker is sending is never taken by
// the other, however many it has still to send, so each goes out once.
func TestSlowWorkerKeepsItsMessages(t *testing.T) {
	ctx := context.Background()
	c := &clock{now: time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)}
	db := openDB(t, filepath.Join(t.TempDir(), "guichet.db"), c)
	defer db.Close()
	var ds []delivery.Delivery
	for _, to := range []string{"a@example.com", "b@example.com", "c@example.com", "d@example.com"} {
		d, err := delivery.NewMail(delivery.PurposeContact, to, delivery.Mail{To: to, Subject: "s", Text: "t"})
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, d)
	}
	if err := db.EnqueueDeliveries(ctx, ds); err != nil {
		t.Fatal(err)
	}
	other := &slowMailer{c: c}
	qOther := newQueue(db, c, delivery.Queue{Mailer: other})
	slow := &slowMailer{c: c, took: 61 * time.Second}
	// While the slow worker sends its second e-mail, more than the lease
	// after it began, the other worker looks for due messages.
	slow.during = func(n int) {
		if n == 2 {
			if _, err := qOther.RunOnce(ctx); err != nil {
				t.Error(err)
			}
		}
	}
	q := newQueue(db, c, delivery.Queue{Mailer: slow})
	if _, err := q.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, to := range append(slow.sent, other.sent...) {
		count[to]++
	}
	for _, d := range ds {
		if count[d.Ref] != 1 {
			t.Errorf("%s: sent %d times (slow worker %v, other %v)", d.Ref, count[d.Ref], slow.sent, other.sent)
		}
		if st := only(t, db, d.Ref).State; st != delivery.StateDelivered {
			t.Errorf("%s: %s", d.Ref, st)
		}
	}
}

// TestWebhookDeliveryKeyOutlivesTheDatabase: X-Guichet-Delivery, which
// receivers deduplicate on, is the same on every attempt of a message and
// never the same for two requests, even across databases: a database
// restored from a backup (or a fresh one) numbers its rows from where the
// backup stopped, and a key made of that number would make the helpdesk
// drop a new customer's request as a duplicate of one it already has.
func TestWebhookDeliveryKeyOutlivesTheDatabase(t *testing.T) {
	ctx := context.Background()
	var mu sync.Mutex
	var keys []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		keys = append(keys, r.Header.Get("X-Guichet-Delivery"))
		n := len(keys)
		mu.Unlock()
		if n == 1 {
			w.WriteHeader(503) // the first attempt fails: retried with the same key
			return
		}
		w.WriteHeader(204)
	}))
	defer srv.Close()
	c := &clock{now: time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)}
	for _, ref := range []string{"9f2c41d07a6b4e5f8c3d2a1b0e9f8d7c", "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e"} {
		db := openDB(t, filepath.Join(t.TempDir(), "guichet.db"), c) // each its own database
		q := newQueue(db, c, delivery.Queue{Secret: []byte("s3cret"), Backoff: []time.Duration{time.Second}})
		if err := db.EnqueueDeliveries(ctx, []delivery.Delivery{delivery.NewWebhook(delivery.PurposeContact, ref, srv.URL, []byte(`{}`))}); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if _, err := q.RunOnce(ctx); err != nil {
				t.Fatal(err)
			}
			c.Add(time.Second)
		}
		db.Close()
	}
	mu.Lock()
	defer mu.Unlock()
	if len(keys) != 3 || keys[0] != keys[1] || keys[1] == keys[2] || keys[0] == "" {
		t.Errorf("X-Guichet-Delivery of a retried message then of another request = %q, want the same twice, then another", keys)
	}
}
