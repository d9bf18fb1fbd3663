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
