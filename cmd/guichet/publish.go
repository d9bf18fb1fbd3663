package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// publishOnSignal publishes the content again at each signal on hup (SIGHUP)
// until ctx ends.
func (m *Main) publishOnSignal(ctx context.Context, hup <-chan os.Signal) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			m.Logger.Info("SIGHUP: publishing the content again")
			m.Publisher.Soon("signal")
		}
	}
}

// notifyHUP starts catching SIGHUP, whose default action would end the
// process, and returns the channel its signals arrive on.
func notifyHUP() (<-chan os.Signal, func()) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	return hup, func() { signal.Stop(hup) }
}
