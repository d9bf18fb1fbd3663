package tickets

import (
	"encoding/json"
	"testing"
)

// TestScalar: an ID exported as a string or a number is one text; a whole
// number written with a fraction or an exponent is the integer it is (a
// newcomer's "9001.0" and "9001" were two tickets; rv20j).
func TestScalar(t *testing.T) {
	for _, c := range []struct{ raw, want string }{
		{`"9001"`, "9001"},
		{`" T-17 "`, "T-17"},
		{`9001`, "9001"},
		{`9001.0`, "9001"},
		{`1e3`, "1000"},
		{`1.5`, "1.5"},
		{`12345678901234567890`, "12345678901234567890"},
		{`null`, ""},
		{`[1]`, ""},
	} {
		if got := scalar(json.RawMessage(c.raw)); got != c.want {
			t.Errorf("scalar(%s) = %q, want %q", c.raw, got, c.want)
		}
	}
}
