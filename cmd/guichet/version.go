package main

import (
	"fmt"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=…"; empty,
// the module version from the build info is used.
var version = ""

// buildVersion describes this binary from its build info: the version
// (the -X override, else the module version, "(devel)" for a source
// build), the VCS revision, the time of that commit and whether the tree
// had uncommitted changes. The Go toolchain records no build time, so the
// commit time stands for it.
func buildVersion() (v, revision, commitTime string, modified bool) {
	v = version
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

// versionString is what `guichet version` prints and /healthz reports:
// "v1.2.0 (revision 3f9c2a1b7d0e, 2026-11-30T10:00:00Z, modified)".
func versionString() string {
	v, rev, at, modified := buildVersion()
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
