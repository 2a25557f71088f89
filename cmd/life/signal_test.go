package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// process is life running as a process of its own: this test binary started
// again as life (see TestMain).
type process struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
	done           chan struct{} // closed when it has exited
	err            error         // from Wait, once done
}

func startLife(t *testing.T, args ...string) *process {
	t.Helper()
	p := &process{cmd: exec.Command(os.Args[0], args...), done: make(chan struct{})}
	p.cmd.Env = append(os.Environ(), runMainEnv+"=1", "GORACE=atexit_sleep_ms=0")
	p.cmd.Stdout, p.cmd.Stderr = &p.stdout, &p.stderr
	require.NoError(t, p.cmd.Start())
	go func() {
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		p.cmd.Process.Kill()
		<-p.done
	})
	return p
}

// status waits for the process and returns its exit status, or -1 if a
// signal killed it.
func (p *process) status() int {
	<-p.done
	var exit *exec.ExitError
	if errors.As(p.err, &exit) {
		return exit.ExitCode()
	}
	return 0
}

// temporary returns the temporary files of name in its directory.
func temporary(t *testing.T, name string) []string {
	t.Helper()
	found, err := filepath.Glob(filepath.Join(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp"))
	require.NoError(t, err)
	return found
}

// waitForTemporary waits until the process has begun writing name's
// temporary file. It fails the test if the process ends first.
func (p *process) waitForTemporary(t *testing.T, name string) {
	t.Helper()
	for len(temporary(t, name)) == 0 {
		select {
		case <-p.done:
			t.Fatalf("life ended before it began to write %s: %v\n%s", name, p.err, p.stderr.String())
		default:
			time.Sleep(time.Millisecond) // polling, not a time limit
		}
	}
}

// bigOut is a run whose -out file takes a while to write: a 16 MB plaintext, written in many writes.
func bigOut(out string) []string {
	return []string{"-size", "4000x4000", "-engine", "direct", "-gens", "0", "-seed", "1", "-out", out}
}

func TestSignalDuringOut(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "end.cells")
			require.NoError(t, os.WriteFile(out, []byte("the old file\n"), 0o644))
			p := startLife(t, bigOut(out)...)
			p.waitForTemporary(t, out)
			require.NoError(t, p.cmd.Process.Signal(sig))

			assert.Equal(t, 1, p.status())
			assert.Equal(t, "life: interrupted\n", p.stderr.String())
			got, err := os.ReadFile(out)
			require.NoError(t, err)
			assert.Equal(t, "the old file\n", string(got), "the old file is intact")
			assert.Empty(t, temporary(t, out), "the temporary file is removed")
		})
	}
}

func TestKilledDuringOut(t *testing.T) {
	out := filepath.Join(t.TempDir(), "end.cells")
	require.NoError(t, os.WriteFile(out, []byte("the old file\n"), 0o644))
	p := startLife(t, bigOut(out)...)
	p.waitForTemporary(t, out)
	require.NoError(t, p.cmd.Process.Kill())
	<-p.done
	left := temporary(t, out)
	require.Len(t, left, 1, "SIGKILL leaves the temporary file behind")
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "the old file\n", string(got))

	// The next run that writes the file removes it.
	_, stderr, status := runLife(t, "", "-pattern", "blinker", "-out", out)
	require.Equal(t, 0, status, stderr)
	assert.Empty(t, temporary(t, out), "the dead run's temporary file is gone")
	got, err = os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(got), "!Name: blinker, generation 10")
}

func TestEarlySignalSaysInterrupted(t *testing.T) {
	// A signal before the engine has started: the context is already done.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := filepath.Join(t.TempDir(), "end.rle")
	for _, args := range [][]string{
		{"-pattern", "glider"},
		{"-random", "0.3", "-size", "64x64", "-engine", "dense", "-out", out},
		{"-pattern", "glider", "-until-stable"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := report(&stderr, run(ctx, args, strings.NewReader(""), &stdout, &stderr))
			assert.Equal(t, 1, status)
			assert.Equal(t, "life: interrupted\n", stderr.String())
			assert.NoFileExists(t, out)
		})
	}
}

// TestRefusedUnderAddressLimit runs life, built without the race detector
// (whose shadow memory needs terabytes of address space), under a 2 GB
// address-space limit: the grids it would need are refused in one line,
// never an out-of-memory crash.
func TestRefusedUnderAddressLimit(t *testing.T) {
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		t.Skip("prlimit (util-linux) is not installed: the run under an address-space limit is not tested")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "life")
	build := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", bin, "colife/cmd/life")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	b, err := build.CombinedOutput()
	require.NoError(t, err, "go build: %s", b)
	// 24 bytes: a header 1048576 cells wide and one live cell.
	wide := filepath.Join(dir, "wide.rle")
	require.NoError(t, os.WriteFile(wide, []byte("x = 1048576, y = 1000\no!"), 0o644))

	tests := []struct {
		name       string
		args       []string
		wantStatus int
		wantErr    string
	}{
		{"a 24-byte RLE 1048576 cells wide", []string{"-pattern", wide, "-engine", "direct"}, 1,
			`life: pattern "` + wide + `" is 1048576x1000; with its margin the grid would be too big: over the memory budget: the run needs about 2.9 GiB (the start grid 1004.0 MiB, the direct engine's two grids 2.0 GiB), and the budget is `},
		{"a 20000x20000 soup written out", []string{"-size", "20000x20000", "-engine", "direct", "-gens", "0", "-out", filepath.Join(dir, "big.cells")}, 2,
			`life: -size: over the memory budget: the run needs about 1.1 GiB (the start grid 381.5 MiB, the direct engine's two grids 762.9 MiB), and the budget is `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(prlimit, append([]string{"--as=2000000000", bin}, tt.args...)...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			var exit *exec.ExitError
			require.ErrorAs(t, err, &exit, "stderr: %s", stderr.String())
			assert.Equal(t, tt.wantStatus, exit.ExitCode())
			assert.Empty(t, stdout.String())
			assert.Equal(t, 1, strings.Count(stderr.String(), "\n"), "one line: %s", stderr.String())
			assert.True(t, strings.HasPrefix(stderr.String(), tt.wantErr), "%s", stderr.String())
			assert.NotContains(t, stderr.String(), "fatal error")
			assert.NoFileExists(t, filepath.Join(dir, "big.cells"))
		})
	}
}
