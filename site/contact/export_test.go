package contact

// CheckPending reports whether a confirmation asked Run to notify and Run
// has not taken the request yet.
func (s *Service) CheckPending() bool { return len(s.checks()) > 0 }
