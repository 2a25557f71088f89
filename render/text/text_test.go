package text_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/life"
	"colife/render/text"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func grid(t *testing.T, rows ...string) *life.Grid {
	t.Helper()
	g, err := life.ParseGrid(rows...)
	require.NoError(t, err)
	return g
}

func TestWriteGeneration(t *testing.T) {
	tests := []struct {
		name       string
		generation int
		picture    []string
		want       string
	}{
		{"glider", 0, []string{"..O..", "...O.", ".OOO."},
			"generation 0  population 5\n--*--\n---*-\n-***-\n\n"},
		{"empty", 12, []string{"...", "..."},
			"generation 12  population 0\n---\n---\n\n"},
		{"one cell", 3, []string{"O"},
			"generation 3  population 1\n*\n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, text.WriteGeneration(&b, tt.generation, grid(t, tt.picture...)))
			assert.Equal(t, tt.want, b.String())
			assert.NotContains(t, b.String(), "\x1b", "print mode writes no escape sequence")
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteGenerationError(t *testing.T) {
	err := text.WriteGeneration(failWriter{}, 0, grid(t, "O"))
	assert.EqualError(t, err, "disk full")
}

// writes records the length of every Write.
type writes struct {
	bytes.Buffer
	sizes []int
}

func (w *writes) Write(p []byte) (int, error) {
	w.sizes = append(w.sizes, len(p))
	return w.Buffer.Write(p)
}

func TestWriteGridWritesARowAtATime(t *testing.T) {
	g := grid(t, "O..O", ".OO.", "....")
	var w writes
	require.NoError(t, text.WriteGrid(&w, g))
	assert.Equal(t, g.String(), w.String(), "the same drawing as Grid.String")
	assert.Equal(t, []int{5, 5, 5}, w.sizes, "one write of a row and its newline each")
}

func TestWriteFrame(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, text.WriteFrame(&b, "generation 2  box 2x1 at (5,-3)", grid(t, "O.")))
	assert.Equal(t, "generation 2  box 2x1 at (5,-3)\n*-\n\n", b.String())
}
