package web_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestAPIWrongMethod: an API endpoint asked with a method it does not take
// answers 405 with Allow and a JSON error naming the methods it takes, as
// the pages do (POST /api/v1/search said "no API endpoint": a developer
// read that the endpoint did not exist); a path with no endpoint stays 404.
func TestAPIWrongMethod(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		method, path string
		status       int
		allow        string
	}{
		{"POST", "/api/v1/search", 405, "OPTIONS, GET, HEAD"},
		{"POST", "/api/v1/suggest", 405, "OPTIONS, GET, HEAD"},
		{"GET", "/api/v1/contact", 405, "OPTIONS, POST"},
		{"DELETE", "/api/v1/subscriptions", 405, "OPTIONS, POST"},
		{"PUT", "/api/v1/events", 405, "OPTIONS, POST"},
		{"GET", "/api/v1/tickets", 405, "OPTIONS, POST"},
		{"POST", "/api/v1/insights/gaps", 405, "OPTIONS, GET, HEAD"},
		{"GET", "/api/v1/nothing", 404, ""},
		{"POST", "/api/v1/search/more", 404, ""},
	}
	for _, tt := range tests {
		w := e.do(t, tt.method, tt.path, strings.NewReader("{}"), "Content-Type", "application/json")
		if w.Code != tt.status || w.Header().Get("Allow") != tt.allow {
			t.Errorf("%s %s: %d, Allow %q; want %d, %q: %s", tt.method, tt.path, w.Code, w.Header().Get("Allow"), tt.status, tt.allow, w.Body)
			continue
		}
		var resp struct {
			Error struct{ Code, Message string } `json:"error"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
			t.Errorf("%s %s: not a JSON error: %s", tt.method, tt.path, w.Body)
			continue
		}
		if tt.status == 405 && (resp.Error.Code != "method_not_allowed" || !strings.HasSuffix(resp.Error.Message, "takes "+tt.allow)) {
			t.Errorf("%s %s: %+v", tt.method, tt.path, resp.Error)
		}
	}
}
