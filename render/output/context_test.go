package output_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/render/output"
)

func TestWriteFileContextCancelled(t *testing.T) {
	tests := []struct {
		name  string
		write func(cancel func()) func(io.Writer) error
	}{
		{"in the middle of the write", func(cancel func()) func(io.Writer) error {
			return func(w io.Writer) error {
				for i := range 100000 { // far more than the buffer holds
					if i == 100 {
						cancel() // as a signal would, between two writes
					}
					if _, err := io.WriteString(w, "a line of the new file\n"); err != nil {
						return err
					}
				}
				return nil
			}
		}},
		{"after the last write, before the rename", func(cancel func()) func(io.Writer) error {
			return func(w io.Writer) error {
				_, err := io.WriteString(w, "the whole new file")
				cancel()
				return err
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			name := filepath.Join(dir, "end.rle")
			require.NoError(t, os.WriteFile(name, []byte("the old file"), 0o644))
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			err := output.WriteFileContext(ctx, name, tt.write(cancel))
			assert.ErrorIs(t, err, context.Canceled)
			got, err := os.ReadFile(name)
			require.NoError(t, err)
			assert.Equal(t, "the old file", string(got), "the old file is intact")
			assert.Empty(t, leftovers(t, dir, "end.rle"), "no temporary file is left")
		})
	}
}

func TestWriteFileRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "end.rle")
	// pid_max is at most 2^22 on Linux: no process has the first id. The
	// test's own process runs; the other names are not of the form.
	gone := ".end.rle.99999999-123.tmp"
	mine := fmt.Sprintf(".end.rle.%d-456.tmp", os.Getpid())
	others := []string{".end.rle.123.tmp", ".other.rle.99999999-1.tmp", ".end.rle.99999999-x.tmp", "end.rle.99999999-1.tmp"}
	for _, n := range append([]string{gone, mine}, others...) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), []byte("left over"), 0o644))
	}
	require.NoError(t, output.WriteFile(name, writeString("new")))
	left := leftovers(t, dir, "end.rle")
	assert.NotContains(t, left, gone, "a dead process's temporary file is removed")
	assert.Contains(t, left, mine, "a running process's is kept")
	for _, n := range others {
		assert.Contains(t, left, n, "a name of another form is kept")
	}
	for _, n := range left {
		assert.False(t, strings.HasPrefix(n, ".end.rle."+fmt.Sprint(os.Getpid())) && n != mine, "this write's own temporary file is gone: %s", n)
	}
}
