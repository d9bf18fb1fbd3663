package web_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestJSONBodyErrors posts malformed bodies to the public JSON endpoints
// through the real router: each gets a 400 whose message names the field
// first (as the README promises for contact requests) or says what is
// wrong with the body, in words, without Go's type names.
func TestJSONBodyErrors(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		path, body, want string
	}{
		{"/api/v1/events", `{"type":"click","article_id":"billing/refund","admin":true}`, "admin: unknown field"},
		{"/api/v1/events", `{"type":"click","article_id":"billing/refund","position":1.5}`, "position: must be a whole number, not a number (1.5)"},
		{"/api/v1/events", `{"type":"vote","article_id":"billing/refund","helpful":"yes"}`, "helpful: must be true or false, not a string"},
		// A rule on a field's value names the field first too.
		{"/api/v1/events", `{"type":"vote","article_id":"billing/refund"}`, "helpful: true or false is required"},
		{"/api/v1/events", `{"type":"open","source":"site"}`, "source: open events come from the widget"},
		{"/api/v1/events", `[{"type":"view"}]`, "event body must be an object, not a list"},
		{"/api/v1/events", ``, "event body is empty"},
		{"/api/v1/events", `{"type":`, "event body is not valid JSON"},
		{"/api/v1/events", `hello`, "event body is not valid JSON: invalid character 'h'"},
		{"/api/v1/events", `{"type":"view","article_id":"billing/refund"} {"type":"view"}`, "event body has something after the JSON object"},
		{"/api/v1/contact", `{"subject":1,"description":"d","email":"ana@example.com","locale":"en"}`, "subject: must be a string, not a number"},
		{"/api/v1/contact", `{"subject":"s","description":"d","email":"ana@example.com","locale":"en","priority":"high"}`, "priority: unknown field"},
		{"/api/v1/subscriptions", `{"query":"bitcoin","email":["ana@example.com"],"locale":"en"}`, "email: must be a string, not a list"},
		// Half of a UTF-16 surrogate pair, escaped, is no character:
		// encoding/json would read it as U+FFFD, changing what was sent.
		{"/api/v1/contact", `{"subject":"Bike \udc00 locked","description":"d","email":"ana@example.com","locale":"en"}`, "subject: escapes half of a UTF-16 surrogate pair"},
		{"/api/v1/contact", `{"subject":"s","description":"d\ud800","email":"ana@example.com","locale":"en"}`, "description: escapes half of a UTF-16 surrogate pair"},
		{"/api/v1/subscriptions", `{"query":"bike \ud83d","email":"ana@example.com","locale":"en"}`, "query: escapes half of a UTF-16 surrogate pair"},
		{"/api/v1/events", `{"type":"search","query":"bike \ud83d\ud83d","results":0}`, "query: escapes half of a UTF-16 surrogate pair"},
		{"/api/v1/events", `{"type\udfff":"search"}`, "event body: a field name escapes half of a UTF-16 surrogate pair"},
		// A field given twice or in another case was read without a word:
		// the last value kept, "Subject" read as subject.
		{"/api/v1/contact", `{"subject":"a","description":"d","email":"ana@example.com","subject":"b"}`, "subject: given twice"},
		{"/api/v1/subscriptions", `{"query":"bike","Email":"ana@example.com","locale":"en"}`, "Email: unknown field (did you mean email? field names are case-sensitive)"},
		{"/api/v1/events", `{"type":"view","article_id":"billing/refund","Type":"click"}`, "Type: unknown field"},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.body, func(t *testing.T) {
			w := e.do(t, "POST", tt.path, strings.NewReader(tt.body), "Content-Type", "application/json")
			if w.Code != 400 {
				t.Fatalf("status %d, want 400: %s", w.Code, w.Body)
			}
			var resp struct {
				Error struct{ Code, Message string } `json:"error"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
				t.Fatalf("not a JSON error: %s", w.Body)
			}
			msg := resp.Error.Message
			if !strings.HasPrefix(msg, tt.want) {
				t.Errorf("message %q, want it to start with %q", msg, tt.want)
			}
			for _, jargon := range []string{"Go ", "json:", "web.", "eventJSON", "contactJSON", "int", "bool"} {
				if strings.Contains(msg, jargon) {
					t.Errorf("message %q holds %q", msg, jargon)
				}
			}
		})
	}
}
