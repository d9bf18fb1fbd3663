//go:build unix

package publish

import (
	"os/exec"
	"syscall"
)

// setProcessGroup starts cmd in a process group of its own, which the
// context's end kills whole: git and the ssh or HTTP helper it started.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
}
