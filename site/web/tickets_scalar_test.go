package web

import (
	"encoding/json"
	"testing"
)

// TestTicketsAPIScalarWholeNumber: POST /api/v1/tickets reads an ID sent as
// 9001.0 or 9.001e3 as 9001, as the JSON import does and the README says
// (the API stored "9001.0", "9.001e3" and "9001" as three tickets; rv20l).
func TestTicketsAPIScalarWholeNumber(t *testing.T) {
	for _, c := range []struct{ raw, want string }{
		{`9001`, "9001"},
		{`9001.0`, "9001"},
		{`9.001e3`, "9001"},
		{`"9001.0"`, "9001.0"},
		{`1.5`, "1.5"},
		{`12345678901234567890`, "12345678901234567890"},
	} {
		got, err := scalar(json.RawMessage(c.raw))
		if err != nil || got != c.want {
			t.Errorf("scalar(%s) = %q, %v; want %q", c.raw, got, err, c.want)
		}
	}
}

// TestTicketsAPITagsReason: tags of the wrong type are rejected with a
// reason that names the field as the others do ("tags: …") and says both
// shapes the README accepts, a list or a comma-separated string (a
// newcomer, rv21b: "tags must be a list of strings").
func TestTicketsAPITagsReason(t *testing.T) {
	for _, raw := range []string{`42`, `[1,2]`, `{"a":1}`} {
		_, err := ticketWire{ExternalID: json.RawMessage(`"1"`), Subject: "x", Tags: json.RawMessage(raw), CreatedAt: json.RawMessage(`"2026-11-20T10:00:00Z"`)}.decode()
		if err == nil || err.Error() != "tags: must be a list of strings or a comma-separated string" {
			t.Errorf("tags %s: %v", raw, err)
		}
	}
}
