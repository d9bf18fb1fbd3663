package web_test

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/guichet/guichet/site/web"
)

// fuzzEnv serves the fixture with limits no fuzzer reaches.
func fuzzEnv(f *testing.F) *env {
	return newEnvWith(f, func(o *web.Options) {
		o.Limits = web.Limits{RecordRate: 1e9, RecordBurst: 1e9, RequestRate: 1e9, RequestBurst: 1e9}
	})
}

// FuzzEvents posts any body to the event endpoint through the real
// router: an event is accepted (202) or refused with a 4xx and a JSON
// error, never a 500.
func FuzzEvents(f *testing.F) {
	e := fuzzEnv(f)
	for _, s := range []string{
		`{"type":"click","article_id":"billing/refund","search_id":"0123456789abcdef0123456789abcdef","position":1}`,
		`{"type":"vote","article_id":"billing/refund","helpful":false,"reason":"inaccurate","comment":"wrong \u0000 fee"}`,
		`{"type":"search","query":"refund \xff","results":0,"source":"widget","path":"/settings","context":"checkout"}`,
		`{"type":"open","source":"widget","path":"/x/\xc3\x28","context":"k"}`,
		`{"type":"vote","helpful":true}`, `[]`, `{"type":1}`, ``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		req := httptest.NewRequest("POST", "/api/v1/events", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		e.srv.ServeHTTP(w, req)
		switch {
		case w.Code == 202:
		case w.Code >= 400 && w.Code < 500:
			var out struct {
				Error struct{ Code, Message string } `json:"error"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil || out.Error.Code == "" {
				t.Errorf("%d without a JSON error: %s", w.Code, w.Body)
			}
		default:
			t.Errorf("status %d for %q: %s", w.Code, body, w.Body)
		}
	})
}

// FuzzSearchPage asks the search page and the API for any query: answered
// (200), or refused with a 400; the page is valid UTF-8 and never echoes
// markup.
func FuzzSearchPage(f *testing.F) {
	e := fuzzEnv(f)
	for _, q := range []string{"refund", "rembourser", "\xff\xfe refund", "<script>alert(1)</script>", "\u00ad\u200bwi\u200bfi", strings.Repeat("a ", 300), "\"", "*", "~1", "+-", "0x8004de8a"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, path := range []string{"/search?q=", "/fr/search?q=", "/api/v1/search?q=", "/api/v1/suggest?q="} {
			w := httptest.NewRecorder()
			e.srv.ServeHTTP(w, httptest.NewRequest("GET", path+url.QueryEscape(q), nil))
			if w.Code != 200 && w.Code != 400 {
				t.Fatalf("%s%q: status %d", path, q, w.Code)
			}
			body := w.Body.String()
			if !utf8.ValidString(body) {
				t.Errorf("%s%q: the answer is not valid UTF-8", path, q)
			}
			if strings.Contains(body, "<script>alert") {
				t.Errorf("%s%q: markup echoed", path, q)
			}
		}
	})
}
