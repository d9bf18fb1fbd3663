package main

import buildinfo "github.com/guichet/guichet/site/version"

// version is set with -ldflags "-X main.version=…"; empty, the build info's module version is used.
var version = ""

// versionString is what `guichet version` prints and /healthz reports
// (site/version.String).
func versionString() string { return buildinfo.String(version) }
