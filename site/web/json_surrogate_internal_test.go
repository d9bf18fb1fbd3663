package web

import "testing"

// TestLoneSurrogate: only an escaped surrogate without its other half is
// found, in the field that holds it; whole pairs, an escaped backslash
// before "ud800" and invalid JSON are not.
func TestLoneSurrogate(t *testing.T) {
	tests := []struct {
		body, field string
		key, found  bool
	}{
		{`{"subject":"\ud83d\ude00 ok"}`, "", false, false},
		{`{"subject":"\\ud800 is text"}`, "", false, false},
		{`{"subject":"\\\ud800"}`, "subject", false, true},
		{`{"a":1,"b":[true,null,"x"],"c":{"d":"ok"},"e":"\udc00"}`, "e", false, true},
		{`{"c":{"d":"\ud800\u0041"}}`, "c.d", false, true},
		{`{"tags":["ok","\ud800"]}`, "tags", false, true},
		{`{"c":{"\udfff":1}}`, "c", true, true},
		{`"\ud800"`, "", false, true},
		{`{"subject":"\ud800`, "", false, false},
		{`{"subject":"\ud83d"} {"x":"y"}`, "subject", false, true},
	}
	for _, tt := range tests {
		field, key, found := loneSurrogate([]byte(tt.body))
		if field != tt.field || key != tt.key || found != tt.found {
			t.Errorf("loneSurrogate(%s) = %q, %v, %v; want %q, %v, %v", tt.body, field, key, found, tt.field, tt.key, tt.found)
		}
	}
}
