//go:build !unix

package publish

import "os/exec"

// setProcessGroup leaves cmd as it is: outside Unix, WaitDelay alone
// bounds the wait for what git started.
func setProcessGroup(cmd *exec.Cmd) {}
