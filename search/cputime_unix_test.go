//go:build unix

package search

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user and system) the process has used
// so far, or 0 where it cannot be read: on a shared machine it moves less
// with the other processes' load than wall-clock latency does.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
