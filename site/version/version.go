// Package version describes the running binary from its build information,
// for `guichet version` and /healthz.
package version

import (
	"fmt"
	"runtime/debug"
)

// Build describes this binary from its build info: the version (override
// when not empty, else the module version, "(devel)" for a source build),
// the VCS revision, the time of that commit and whether the tree had
// uncommitted changes. The Go toolchain records no build time, so the
// commit time stands for it.
func Build(override string) (v, revision, commitTime string, modified bool) {
	v = override
	info, ok := debug.ReadBuildInfo()
	if !ok {
		if v == "" {
			v = "unknown"
		}
		return v, "", "", false
	}
	if v == "" {
		v = info.Main.Version
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.time":
			commitTime = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	return v, revision, commitTime, modified
}

// String is the one-line description of Build(override):
// "v1.2.0 (revision 3f9c2a1b7d0e, 2026-11-30T10:00:00Z, modified)", or the
// version alone when the build recorded no revision.
func String(override string) string {
	v, rev, at, modified := Build(override)
	if rev == "" {
		return v
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	s := fmt.Sprintf("%s (revision %s", v, rev)
	if at != "" {
		s += ", " + at
	}
	if modified {
		s += ", modified"
	}
	return s + ")"
}
