// Package pgtest starts a real PostgreSQL server for tests: Debian's
// postgresql binaries, a cluster in a temporary folder owned by the
// postgres user (when the tests run as root), on a free loopback port, a
// fresh database per test. Tests skip when PostgreSQL is not installed,
// and fail instead under CI=true.
package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// Server is a PostgreSQL server started by the tests.
type Server struct {
	bin  string // folder of initdb, pg_ctl, postgres
	dir  string // the cluster
	Port int
	cred *syscall.Credential // run as postgres when the tests run as root
	mu   sync.Mutex
	dbs  atomic.Int64
}

var (
	shared     *Server
	sharedErr  error
	sharedOnce sync.Once
)

// Main runs the tests of a package and then stops the shared server, if a
// test started one. Call it from TestMain: os.Exit(pgtest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	if shared != nil {
		shared.Stop()
		os.RemoveAll(shared.dir)
	}
	return code
}

// Need returns the shared server of the test binary, starting it the first
// time. It skips the test when PostgreSQL is not installed, except under
// CI=true, where it fails.
func Need(tb testing.TB) *Server {
	tb.Helper()
	sharedOnce.Do(func() { shared, sharedErr = Start() })
	if sharedErr != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("PostgreSQL: %v (.ci/run installs Debian's postgresql)", sharedErr)
		}
		tb.Skipf("PostgreSQL is not available: %v", sharedErr)
	}
	return shared
}

// DSN returns the URL of a new, empty database on the shared server, for
// one test, and drops it when the test ends.
func DSN(tb testing.TB) string {
	tb.Helper()
	s := Need(tb)
	name := fmt.Sprintf("guichet_test_%d_%d", os.Getpid(), s.dbs.Add(1))
	if err := s.exec("CREATE DATABASE " + name); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)") })
	return s.URL(name)
}

// URL returns the connection URL of database name.
func (s *Server) URL(name string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", s.Port, name)
}

// Start creates a cluster in a new temporary folder and starts it.
func Start() (*Server, error) {
	dir, err := os.MkdirTemp("", "guichet-pg-")
	if err != nil {
		return nil, err
	}
	s, err := newServer(dir)
	if err == nil {
		err = s.create()
	}
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return s, nil
}

// newServer returns the server of the cluster in dir, not started: run
// as the postgres user when the tests run as root, dir given to it.
func newServer(dir string) (*Server, error) {
	bin, err := findBin()
	if err != nil {
		return nil, err
	}
	s := &Server{bin: bin, dir: dir}
	if os.Geteuid() == 0 {
		// initdb refuses to run as root: the cluster belongs to postgres.
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("running as root needs the postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		s.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			return nil, err
		}
		os.Chmod(dir, 0o700)
	}
	return s, nil
}

// create creates the cluster unless the server's folder holds one, and
// starts the server on a free port.
func (s *Server) create() error {
	data := filepath.Join(s.dir, "data")
	if _, err := os.Stat(filepath.Join(data, "PG_VERSION")); err != nil {
		os.RemoveAll(data) // what an initdb that failed left
		if out, err := s.run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"); err != nil {
			return fmt.Errorf("initdb: %v: %s", err, out)
		}
	}
	port, err := freePort()
	if err != nil {
		return err
	}
	s.Port = port
	return s.Start()
}

// Start starts the server on its cluster and port (again, after Stop).
func (s *Server) Start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=on -c full_page_writes=off -c max_connections=200", s.Port, s.dir)
	if out, err := s.run("pg_ctl", "-D", filepath.Join(s.dir, "data"), "-l", filepath.Join(s.dir, "log"), "-o", opts, "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(s.dir, "log"))
		return fmt.Errorf("pg_ctl start: %v: %s %s", err, out, log)
	}
	return nil
}

// Stop stops the server at once (pg_ctl -m fast): connections are cut.
func (s *Server) Stop() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if out, err := s.run("pg_ctl", "-D", filepath.Join(s.dir, "data"), "-m", "fast", "-w", "stop"); err != nil {
		return fmt.Errorf("pg_ctl stop: %v: %s", err, out)
	}
	return nil
}

// exec runs one statement on the postgres database.
func (s *Server) exec(stmt string) error {
	db, err := sql.Open("pgx", s.URL("postgres"))
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err = db.ExecContext(ctx, stmt)
	return err
}

func (s *Server) run(name string, args ...string) ([]byte, error) {
	cmd := exec.Command(filepath.Join(s.bin, name), args...)
	cmd.Dir = os.TempDir()
	if s.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	}
	return cmd.CombinedOutput()
}

// findBin finds the newest Debian PostgreSQL's binaries, or initdb on PATH.
func findBin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", fmt.Errorf("initdb not found (apt-get install postgresql)")
}

func version(binDir string) int {
	n, _ := strconv.Atoi(strings.Split(filepath.Base(filepath.Dir(binDir)), ".")[0])
	return n
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// Own starts a server of the test's own, on a cluster and port of its
// own, stopped and removed when the test ends: for tests that stop and
// start PostgreSQL, which the shared server must not be. It skips or
// fails as Need does.
func Own(tb testing.TB) *Server {
	tb.Helper()
	s, err := Start()
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("PostgreSQL: %v (.ci/run installs Debian's postgresql)", err)
		}
		tb.Skipf("PostgreSQL is not available: %v", err)
	}
	tb.Cleanup(func() {
		s.Stop()
		os.RemoveAll(s.dir)
	})
	return s
}

// Kept starts a server on the cluster kept in the folder name of the
// temporary folder (created the first time), on a free port, and stops it
// when the test ends, leaving the cluster and its databases for the next
// run: for benchmarks whose generated data takes minutes to write. It
// skips or fails as Need does.
func Kept(tb testing.TB, name string) *Server {
	tb.Helper()
	dir := filepath.Join(os.TempDir(), name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		tb.Fatal(err)
	}
	s, err := startKept(dir)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("PostgreSQL: %v (.ci/run installs Debian's postgresql)", err)
		}
		tb.Skipf("PostgreSQL is not available: %v", err)
	}
	tb.Cleanup(func() { s.Stop() })
	return s
}

// startKept starts a server on the cluster in dir, created the first
// time; a server a killed run left running there is stopped first.
func startKept(dir string) (*Server, error) {
	s, err := newServer(dir)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "postmaster.pid")); err == nil {
		s.Stop()
	}
	if err := s.create(); err != nil {
		return nil, err
	}
	return s, nil
}

// CPUTime returns the CPU time (user and system) the server's processes
// used so far: the postmaster's, that of its children that ended (which
// it waited for) and that of the children running now, read from /proc
// (Linux). A test measures the server's share of some work as the
// difference of two calls.
func (s *Server) CPUTime() (time.Duration, error) {
	b, err := os.ReadFile(filepath.Join(s.dir, "data", "postmaster.pid"))
	if err != nil {
		return 0, fmt.Errorf("PostgreSQL's CPU time: %w", err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0]))
	if err != nil {
		return 0, fmt.Errorf("PostgreSQL's CPU time: postmaster.pid: %w", err)
	}
	// /proc/<pid>/stat, after the command's closing parenthesis: state,
	// ppid, ..., utime, stime, cutime, cstime (fields 3, 4, 14 to 17), in
	// clock ticks of 1/100 s (USER_HZ).
	stat := func(pid string) (ppid int, ticks []int64, err error) {
		b, err := os.ReadFile(filepath.Join("/proc", pid, "stat"))
		if err != nil {
			return 0, nil, err
		}
		f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
		if len(f) < 15 {
			return 0, nil, fmt.Errorf("/proc/%s/stat: %d fields", pid, len(f))
		}
		ppid, _ = strconv.Atoi(f[1])
		for _, v := range f[11:15] {
			n, _ := strconv.ParseInt(v, 10, 64)
			ticks = append(ticks, n)
		}
		return ppid, ticks, nil
	}
	_, t, err := stat(strconv.Itoa(pid))
	if err != nil {
		return 0, fmt.Errorf("PostgreSQL's CPU time: %w", err)
	}
	total := t[0] + t[1] + t[2] + t[3]
	procs, err := os.ReadDir("/proc")
	if err != nil {
		return 0, fmt.Errorf("PostgreSQL's CPU time: %w", err)
	}
	for _, p := range procs {
		if p.Name()[0] < '0' || p.Name()[0] > '9' {
			continue
		}
		ppid, t, err := stat(p.Name())
		if err != nil || ppid != pid {
			continue // ended meanwhile, or not the server's
		}
		total += t[0] + t[1]
	}
	return time.Duration(total) * 10 * time.Millisecond, nil
}
