package main

import (
	"os"
	"os/signal"
	"syscall"
)

// notifyHUP starts catching SIGHUP, whose default action would end the
// process, and returns the channel its signals arrive on (the publisher
// publishes at each) and what stops catching it.
func notifyHUP() (<-chan os.Signal, func()) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	return hup, func() { signal.Stop(hup) }
}
