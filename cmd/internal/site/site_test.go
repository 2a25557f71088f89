package site_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/cmd/internal/site"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// page writes a folder with the page's three files, each holding its name.
func page(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{site.Index, site.Glue, site.Wasm} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(name), 0o644))
	}
	return dir
}

// TestHandler serves each file of the page with the type the browser needs
// (WebAssembly.instantiateStreaming takes only application/wasm), to be
// checked for a newer one on every load.
func TestHandler(t *testing.T) {
	srv := httptest.NewServer(site.Handler(page(t)))
	defer srv.Close()
	for _, tt := range []struct {
		path, body, typ string
	}{
		{"/", site.Index, "text/html; charset=utf-8"},
		{"/?pattern=gosper", site.Index, "text/html; charset=utf-8"},
		{"/" + site.Glue, site.Glue, "text/javascript; charset=utf-8"},
		{"/" + site.Wasm, site.Wasm, "application/wasm"},
	} {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := http.Get(srv.URL + tt.path)
			require.NoError(t, err)
			defer resp.Body.Close()
			b, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, tt.body, string(b))
			assert.Equal(t, tt.typ, resp.Header.Get("Content-Type"))
			assert.Equal(t, "no-cache", resp.Header.Get("Cache-Control"))
		})
	}
	resp, err := http.Get(srv.URL + "/no-such-file")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
}

// TestCheck finds the page in its folder, and names the file a folder lacks.
func TestCheck(t *testing.T) {
	dir := page(t)
	require.NoError(t, site.Check(dir))
	require.NoError(t, os.Remove(filepath.Join(dir, site.Wasm)))
	err := site.Check(dir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), dir+" is not lifeview's page: ")
	assert.Contains(t, err.Error(), site.Wasm)
	assert.Contains(t, err.Error(), "(make web builds it)")
}
