package site

import (
	"testing"
	"time"
)

func TestParseSince(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		in   string
		want time.Time
	}{
		{"", now.Add(-30 * 24 * time.Hour)},
		{"7d", now.Add(-7 * 24 * time.Hour)},
		{"7D", now.Add(-7 * 24 * time.Hour)},
		{" 90d ", now.Add(-90 * 24 * time.Hour)},
		{"12h", now.Add(-12 * time.Hour)},
		{"2026-11-01", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)},
		{"2026-11-01T10:00:00+02:00", time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)},
	} {
		got, err := ParseSince(c.in, now, 30*24*time.Hour)
		if err != nil || !got.Equal(c.want) {
			t.Errorf("ParseSince(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"soon", "-3d", "99999d", "-1h", "2026-13-01", "d"} {
		if _, err := ParseSince(bad, now, time.Hour); ErrorCode(err) != EINVALID {
			t.Errorf("ParseSince(%q): %v", bad, err)
		}
	}
}

func TestNewID(t *testing.T) {
	a, b := NewID(), NewID()
	if a == b || !ValidID(a) || !ValidID(b) {
		t.Errorf("ids %q %q", a, b)
	}
	for _, bad := range []string{"", "xyz", a[:31], a + "0", "0123456789abcdef0123456789abcdeg"} {
		if ValidID(bad) {
			t.Errorf("ValidID(%q)", bad)
		}
	}
}
