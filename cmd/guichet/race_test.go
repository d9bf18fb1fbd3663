//go:build race

package main

// raceEnabled: the race detector slows SQLite (C translated to Go) about
// tenfold; tests that build large databases use smaller ones under it.
const raceEnabled = true
