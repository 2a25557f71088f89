package output_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/render/output"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// leftovers lists the files in dir other than the ones named.
func leftovers(t *testing.T, dir string, except ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		if !contains(except, e.Name()) {
			names = append(names, e.Name())
		}
	}
	return names
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestWriteFileNew(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "new.rle")
	require.NoError(t, output.WriteFile(name, writeString("x = 1, y = 1\no!\n")))
	got, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, "x = 1, y = 1\no!\n", string(got))
	info, err := os.Stat(name)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), info.Mode().Perm())
	assert.Empty(t, leftovers(t, dir, "new.rle"), "a temporary file is left")
}

func TestWriteFileReplacesKeepingPermissions(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "old.cells")
	require.NoError(t, os.WriteFile(name, []byte("old"), 0o600))
	require.NoError(t, os.Chmod(name, 0o600))
	require.NoError(t, output.WriteFile(name, writeString("new")))
	got, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, "new", string(got))
	info, err := os.Stat(name)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
}

func TestWriteFileFailureKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "keep.png")
	require.NoError(t, os.WriteFile(name, []byte("precious"), 0o644))
	boom := errors.New("boom")
	err := output.WriteFile(name, func(w io.Writer) error {
		io.WriteString(w, "half a fi")
		return boom
	})
	assert.ErrorIs(t, err, boom)
	got, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, "precious", string(got))
	assert.Empty(t, leftovers(t, dir, "keep.png"), "a temporary file is left")
}

func TestWriteFileRefuses(t *testing.T) {
	dir := t.TempDir()
	assert.EqualError(t, output.WriteFile(dir, writeString("x")), "is a directory; want a file name")
	assert.EqualError(t, output.WriteFile(dir+string(filepath.Separator), writeString("x")), "is a directory; want a file name")
	assert.EqualError(t, output.WriteFile(os.DevNull, writeString("x")), "not a regular file")
	err := output.WriteFile(filepath.Join(dir, "no such dir", "f.gif"), writeString("x"))
	assert.ErrorIs(t, err, os.ErrNotExist)
	assert.EqualError(t, err, "no such file or directory", "the temporary file's name is not in the error")
}

func TestWriteFileFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.png")
	link := filepath.Join(dir, "link.png")
	require.NoError(t, os.WriteFile(target, []byte("old"), 0o644))
	require.NoError(t, os.Symlink("target.png", link))
	require.NoError(t, output.WriteFile(link, writeString("new")))
	got, err := os.ReadFile(target)
	require.NoError(t, err)
	assert.Equal(t, "new", string(got))
	info, err := os.Lstat(link)
	require.NoError(t, err)
	assert.Equal(t, os.ModeSymlink, info.Mode().Type(), "the link was replaced by a file")
}
