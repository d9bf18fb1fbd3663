package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/web"
)

// TestReloadWaitOutlastsWriteTimeout: POST /api/v1/reload?wait=1 answers
// however long the publication takes. The server's write timeout (60 s)
// equals --git-pull's limit, so a remote that did not answer ended with an
// empty reply (curl: 000, "Empty reply from server") instead of the 503
// saying what to do that the README promises.
func TestReloadWaitOutlastsWriteTimeout(t *testing.T) {
	const says = "did not finish within 1m0s (the remote does not answer)"
	e := newEnvWith(t, func(o *web.Options) {
		o.Publish = func(ctx context.Context, wait bool) error {
			time.Sleep(400 * time.Millisecond) // longer than the write timeout below
			return site.Errorf(site.EUNAVAILABLE, "git pull --ff-only in /srv/help %s", says)
		}
	})
	token, _, err := e.db.CreateToken(context.Background(), site.ScopePublish, "git host")
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(e.srv)
	ts.Config.ReadTimeout, ts.Config.WriteTimeout = 50*time.Millisecond, 100*time.Millisecond // as Listen: reading ends before writing
	ts.Start()
	defer ts.Close()
	req, _ := http.NewRequest("POST", ts.URL+"/api/v1/reload?wait=1", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("no answer: %v", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 503 || !strings.Contains(string(body), says) {
		t.Errorf("%d %s, want 503 saying %q", resp.StatusCode, body, says)
	}
}

// TestReloadWaitSurvivesAHangUp: a webhook that stops waiting (GitHub's
// gives up after 10 s; a pull may take a minute) does not cancel the
// publication it asked for. It ran in the request's context: the hang-up
// killed the git pull and the load, the site stayed on the old content,
// and the log said "context canceled".
func TestReloadWaitSurvivesAHangUp(t *testing.T) {
	done := make(chan error, 1)
	e := newEnvWith(t, func(o *web.Options) {
		o.Publish = func(ctx context.Context, wait bool) error {
			select {
			case <-ctx.Done():
				done <- ctx.Err()
			case <-time.After(600 * time.Millisecond):
				done <- nil
			}
			return nil
		}
	})
	token, _, err := e.db.CreateToken(context.Background(), site.ScopePublish, "git host")
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(e.srv)
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond) // the webhook's patience
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "POST", ts.URL+"/api/v1/reload?wait=1", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("answered %d before the publication ended", resp.StatusCode)
	}
	if err := <-done; err != nil {
		t.Errorf("the publication was cancelled when the webhook hung up: %v", err)
	}
}
