package output_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/render/output"
)

// TestFolderSave saves three files of one name: each is a new file with the
// next free name, and none replaces another; a folder that does not exist
// saves nothing and says which file it tried.
func TestFolderSave(t *testing.T) {
	dir := t.TempDir()
	d := output.Folder(dir)
	for i, want := range []string{"glider-gen4.rle", "glider-gen4-2.rle", "glider-gen4-3.rle"} {
		text := string(rune('a' + i))
		path, err := d.Save("glider-gen4", ".rle", writeString(text))
		require.NoError(t, err)
		assert.Equal(t, filepath.Join(dir, want), path)
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.Equal(t, text, string(b), want)
	}
	assert.Empty(t, leftovers(t, dir, "glider-gen4.rle", "glider-gen4-2.rle", "glider-gen4-3.rle"))

	missing := filepath.Join(dir, "missing")
	path, err := output.Folder(missing).Save("x", ".png", func(w io.Writer) error {
		t.Error("a file in a missing folder is not written")
		return nil
	})
	require.Error(t, err)
	assert.Equal(t, filepath.Join(missing, "x.png"), path)
}
