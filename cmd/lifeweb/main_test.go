package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/cmd/internal/site"
)

// The tests of a command are in package main, the only way to reach run.

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestParse(t *testing.T) {
	c, err := parse(nil)
	require.NoError(t, err)
	assert.Equal(t, config{Addr: "localhost:8080", Dir: "build/web", Go: "go"}, *c)
	c, err = parse([]string{"-addr", "127.0.0.1:0", "-dir", "page", "-build", "-go", "/usr/bin/go"})
	require.NoError(t, err)
	assert.Equal(t, config{Addr: "127.0.0.1:0", Dir: "page", Build: true, Go: "/usr/bin/go"}, *c)
	_, err = parse([]string{"page"})
	assert.EqualError(t, err, `unexpected argument "page"; flags start with -`)
}

// lines sends each write (run writes a line at a time) on a channel.
type lines chan string

func (l lines) Write(p []byte) (int, error) {
	l <- string(p)
	return len(p), nil
}

// TestRun serves a page on a free port until the context is cancelled: it
// says where, and serves the folder's files there.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{site.Index, site.Glue, site.Wasm} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(name), 0o644))
	}
	ctx, cancel := context.WithCancel(context.Background())
	out := make(lines, 10)
	done := make(chan error, 1)
	go func() { done <- run(ctx, &config{Addr: "127.0.0.1:0", Dir: dir}, out) }()
	assert.Equal(t, "lifeweb: lifeview.wasm is 0.0 MB\n", <-out)
	serving := <-out
	m := regexp.MustCompile(`^lifeweb: serving .* on (http://127\.0\.0\.1:\d+/) \(Ctrl\+C stops\): open http://127\.0\.0\.1:\d+/\?pattern=gosper\n$`).FindStringSubmatch(serving)
	require.NotNil(t, m, serving)
	resp, err := http.Get(m[1] + site.Wasm)
	require.NoError(t, err)
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	assert.Equal(t, site.Wasm, string(b))
	cancel()
	assert.NoError(t, <-done, "Ctrl+C ends it")
}

// TestRunNotAPage refuses a folder without the page, before it listens.
func TestRunNotAPage(t *testing.T) {
	err := run(context.Background(), &config{Addr: "127.0.0.1:0", Dir: t.TempDir()}, io.Discard)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is not lifeview's page")
}
