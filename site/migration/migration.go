// Package migration reads the numbered SQL migrations a store embeds. Each
// store applies them its own way (site/sqlite, site/postgres); the naming
// rule is this one.
package migration

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// File is one numbered migration, NNNN_name.sql.
type File struct {
	Version int
	Name    string // file name, for errors
	SQL     string
}

// Read returns the migrations in fsys/migrations sorted by version.
// Versions must run 1, 2, 3… without gaps or duplicates, so a misnamed
// file fails every open rather than being skipped.
func Read(fsys fs.FS) ([]File, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	list := make([]File, 0, len(names))
	for _, name := range names {
		base := path.Base(name)
		prefix, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(prefix)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql", base)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("migration %s: %w", base, err)
		}
		list = append(list, File{Version: v, Name: base, SQL: string(b)})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Version < list[j].Version })
	for i, m := range list {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration %s: version %d, want %d", m.Name, m.Version, i+1)
		}
	}
	if len(list) == 0 {
		return nil, errors.New("no migrations")
	}
	return list, nil
}
