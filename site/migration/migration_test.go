package migration

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestRead(t *testing.T) {
	f := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	cases := []struct {
		name    string
		files   fstest.MapFS
		want    []int  // versions, in order
		wantErr string // part of the error, naming the file
	}{
		{"sorted by number, not by name", fstest.MapFS{
			"migrations/0010_ten.sql": f("10"), "migrations/0002_b.sql": f("2"), "migrations/0001_a.sql": f("1"),
			"migrations/0003_c.sql": f("3"), "migrations/0004_d.sql": f("4"), "migrations/0005_e.sql": f("5"),
			"migrations/0006_f.sql": f("6"), "migrations/0007_g.sql": f("7"), "migrations/0008_h.sql": f("8"),
			"migrations/0009_i.sql": f("9"), "migrations/README.md": f("not SQL"),
		}, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, ""},
		{"gap", fstest.MapFS{"migrations/0001_a.sql": f(""), "migrations/0003_c.sql": f("")}, nil, "0003_c.sql: version 3, want 2"},
		{"duplicate", fstest.MapFS{"migrations/0001_a.sql": f(""), "migrations/0001_b.sql": f("")}, nil, "version 1, want 2"},
		{"not starting at 1", fstest.MapFS{"migrations/0002_b.sql": f("")}, nil, "0002_b.sql: version 2, want 1"},
		{"no number", fstest.MapFS{"migrations/0001_a.sql": f(""), "migrations/add_index.sql": f("")}, nil, "add_index.sql: name must be NNNN_name.sql"},
		{"no underscore", fstest.MapFS{"migrations/0001.sql": f("")}, nil, "0001.sql: name must be"},
		{"zero", fstest.MapFS{"migrations/0000_init.sql": f("")}, nil, "0000_init.sql: name must be"},
		{"negative", fstest.MapFS{"migrations/-1_x.sql": f("")}, nil, "-1_x.sql: name must be"},
		{"none", fstest.MapFS{"other/0001_a.sql": f("")}, nil, "no migrations"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(tc.files)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Read = %v, want an error containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("%d migrations, want %d", len(got), len(tc.want))
			}
			for i, m := range got {
				if m.Version != tc.want[i] {
					t.Errorf("migration %d is version %d, want %d", i, m.Version, tc.want[i])
				}
				if m.SQL != strings.TrimLeft(strings.Split(m.Name, "_")[0], "0") {
					t.Errorf("%s holds %q: SQL not read from its own file", m.Name, m.SQL)
				}
			}
		})
	}
}
