package main

import buildinfo "github.com/guichet/guichet/site/version"

// version is set at build time with -ldflags "-X main.version=…"; empty,
// the module version from the build info is used.
var version = ""

// versionString is what `guichet version` prints and /healthz reports
// (site/version.String).
func versionString() string { return buildinfo.String(version) }
