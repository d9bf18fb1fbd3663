package web

import "testing"

// TestTextProblemIn: only what encoding/json would read changed or in part
// is found, in the field at fault: an escaped surrogate without its other
// half (whole pairs, an escaped backslash before "ud800" are fine), a
// field given twice in one object, a top-level field in another case; not
// invalid JSON, which the decoder reports.
func TestTextProblemIn(t *testing.T) {
	fields := []string{"subject", "a", "b", "c", "e", "tags"}
	tests := []struct {
		body, field string
		p           textProblem
	}{
		{`{"subject":"\ud83d\ude00 ok"}`, "", noProblem},
		{`{"subject":"\\ud800 is text"}`, "", noProblem},
		{`{"subject":"\\\ud800"}`, "subject", surrogateValue},
		{`{"a":1,"b":[true,null,"x"],"c":{"d":"ok"},"e":"\udc00"}`, "e", surrogateValue},
		{`{"c":{"d":"\ud800\u0041"}}`, "c.d", surrogateValue},
		{`{"tags":["ok","\ud800"]}`, "tags", surrogateValue},
		{`{"c":{"\udfff":1}}`, "c", surrogateKey},
		{`"\ud800"`, "", surrogateValue},
		{`{"subject":"\ud800`, "", noProblem},
		{`{"subject":"\ud83d"} {"x":"y"}`, "subject", surrogateValue},
		{`{"subject":"a","b":1,"subject":"b"}`, "subject", duplicateKey},
		{`{"c":{"d":1,"d":2}}`, "c.d", duplicateKey},
		{`[{"d":1},{"d":2}]`, "", noProblem},
		{`{"c":{"d":1},"b":{"d":2}}`, "", noProblem},
		{`{"Subject":"x"}`, "Subject", foldedKey},
		{`{"c":{"Subject":"x"}}`, "", noProblem},
		{`{"other":"x"}`, "", noProblem},
	}
	for _, tt := range tests {
		field, p := textProblemIn([]byte(tt.body), fields)
		if field != tt.field || p != tt.p {
			t.Errorf("textProblemIn(%s) = %q, %v; want %q, %v", tt.body, field, p, tt.field, tt.p)
		}
	}
}
