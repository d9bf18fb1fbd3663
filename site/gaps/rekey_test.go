package gaps

import (
	"testing"
	"time"

	"github.com/guichet/guichet/site/textnorm"
)

// TestKeysOfAnOlderNormalisation: searches stored before the text
// normalisation changed (here the Arabic folding: "كلمة المرور" was its
// own key, it is now "كلمه المرور") keep the key they were stored with.
// Read as they are, one query was two phrasings in the gap report and in
// "Top searches" until the old rows left the retention period, each with
// half its people, and a subscription's record waited on the old one. A
// stored key is read through textnorm.Key again.
func TestKeysOfAnOlderNormalisation(t *testing.T) {
	const old, typed = "كلمة المرور", "كلمه المرور"
	if textnorm.Key(old) != typed {
		t.Fatalf("textnorm.Key(%q) = %q, want %q", old, textnorm.Key(old), typed)
	}
	at := func(q, key, visitor string) Record {
		r := rec(q, visitor, 0, false, time.Hour)
		r.Normalized = key
		return r
	}
	in := []Record{
		at("كلمة المرور", old, "v1"), // stored by the previous version
		at("كلمة المرور", old, "v2"),
		at("كلمة المرور", typed, "v3"), // the same query stored now
		at("كلمه المرور", typed, "v4"),
	}
	waiting := at("كلمة المرور", old, "v5")
	waiting.Waiting = "sub1"
	in = append(in, waiting)
	rep := Group(in, nil, nil, Options{Now: now, MinVisitors: 2, TopQueries: 5})
	if len(rep.Queries) != 1 || rep.Queries[0].Visitors != 5 {
		t.Errorf("top searches %+v, want one query of 5 people", rep.Queries)
	}
	if len(rep.Gaps) != 1 || len(rep.Gaps[0].Variants) != 1 || rep.Gaps[0].Waiting != 1 {
		t.Fatalf("gaps %+v, want one gap of one phrasing with its waiting subscriber", rep.Gaps)
	}
}
