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

// TestStyleColors draws the dying states of a Generations rule: in colour a
// '+' in the ramp's colour, each run of one colour under one escape; piped,
// the book's two glyphs.
func TestStyleColors(t *testing.T) {
	g, err := life.ParseGrid("*22-3")
	require.NoError(t, err)
	var plain, color256, truecolor bytes.Buffer
	require.NoError(t, text.Style{States: 4}.WriteGrid(&plain, g))
	assert.Equal(t, "*---"+"-\n", plain.String())
	require.NoError(t, text.Style{Colors: text.Color256, States: 4}.WriteGrid(&color256, g))
	// xterm's cube levels are 0, 95, 135, 175, 215, 255: alive #ffc83c is
	// (5,4,1) = 16+180+24+1; state 2 #e8502a is (4,1,0), #d75f00; state 3,
	// the last, #3c2050 is (1,0,1), #5f005f.
	assert.Equal(t, "\x1b[38;5;221m*\x1b[38;5;166m++\x1b[0m-\x1b[38;5;53m+\x1b[0m\n", color256.String())
	require.NoError(t, text.Style{Colors: text.TrueColor, States: 4}.WriteGrid(&truecolor, g))
	assert.Contains(t, truecolor.String(), "\x1b[38;2;232;80;42m++")
	var two bytes.Buffer
	require.NoError(t, text.Style{Colors: text.TrueColor, States: 2}.WriteGrid(&two, g))
	assert.NotContains(t, two.String(), "\x1b", "a two-state rule draws no colour")
}

func TestStyleFrame(t *testing.T) {
	g, err := life.ParseGrid("*2-2", "23-3", "**--", "*3-2")
	require.NoError(t, err)
	style := text.Style{Colors: text.TrueColor, States: 4}
	colored := text.Frame{Style: style}
	frame := string(colored.Append(nil, text.Viewport{Cols: 3, Rows: 1}, g.Board(), "s"))
	// Column 0: alive over state 2; column 1: state 2 over state 3; column 2: nothing.
	assert.Contains(t, frame, "\x1b[38;2;255;200;60m\x1b[48;2;232;80;42m▀\x1b[0m")
	assert.Contains(t, frame, "\x1b[38;2;232;80;42m\x1b[48;2;60;32;80m▀\x1b[0m ")
	var plain text.Frame
	out := string(plain.Append(nil, text.Viewport{Cols: 3, Rows: 1}, g.Board(), "s"))
	assert.Contains(t, out, "\x1b[1;1H▀  ", "no colour: a dying cell is empty")
	// Zoomed out, 2x4 cells a character: the shade of the live cells in the
	// live colour, and a character of dying cells only in theirs.
	zoomed := string(colored.Append(nil, text.Viewport{Cols: 2, Rows: 1, Zoom: 1}, g.Board(), "s"))
	assert.Contains(t, zoomed, "\x1b[38;2;255;200;60m▒\x1b[0m", "4 live cells of 8")
	assert.Contains(t, zoomed, "\x1b[38;2;232;80;42m░\x1b[0m", "dying cells only")
}

func TestDetectColors(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	assert.Equal(t, text.NoColor, text.DetectColors(false, env("COLORTERM", "truecolor")))
	assert.Equal(t, text.NoColor, text.DetectColors(true, env("NO_COLOR", "1", "COLORTERM", "truecolor")))
	assert.Equal(t, text.NoColor, text.DetectColors(true, env("TERM", "dumb")))
	assert.Equal(t, text.TrueColor, text.DetectColors(true, env("TERM", "xterm", "COLORTERM", "truecolor")))
	assert.Equal(t, text.Color256, text.DetectColors(true, env("TERM", "xterm-256color")))
	for s, want := range map[string]text.Colors{"never": text.NoColor, "256": text.Color256, "TrueColor": text.TrueColor} {
		c, auto, err := text.ParseColors(s)
		require.NoError(t, err)
		assert.False(t, auto)
		assert.Equal(t, want, c, s)
	}
	_, auto, err := text.ParseColors("auto")
	require.NoError(t, err)
	assert.True(t, auto)
	_, _, err = text.ParseColors("rainbow")
	assert.EqualError(t, err, `"rainbow": want auto, never, 256 or truecolor`)
}
