package text_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"colife/render/text"
)

// frame builds the expected frame by hand: each line is moved to with its
// cursor sequence, the status line in reverse video.
func frame(lines []string, status string) string {
	var b strings.Builder
	for i, l := range lines {
		b.WriteString("\x1b[" + string(rune('1'+i)) + ";1H" + l)
	}
	b.WriteString("\x1b[" + string(rune('1'+len(lines))) + ";1H\x1b[7m" + status + "\x1b[0m")
	return b.String()
}

func TestAppendFrame(t *testing.T) {
	tests := []struct {
		name       string
		picture    []string
		cols, rows int
		status     string
		want       string
	}{
		{
			name:    "two grid rows per line, blank beyond the grid",
			picture: []string{"O.O", ".OO", "O.."},
			cols:    4, rows: 3,
			status: "gen",
			want:   frame([]string{"▀▄█ ", "▀   "}, "gen "),
		},
		{
			name:    "a grid larger than the terminal shows its top-left part",
			picture: []string{"OO..O", "O...O", ".O...", ".O...", "OOOOO", "OOOOO"},
			cols:    3, rows: 3,
			status: "generation 7",
			want:   frame([]string{"█▀ ", " █ "}, "gen"),
		},
		{
			name:    "one row: only the status line",
			picture: []string{"O"},
			cols:    5, rows: 1,
			status: "ok",
			want:   frame(nil, "ok   "),
		},
		{
			name:    "control characters in the status become '?'",
			picture: []string{"."},
			cols:    3, rows: 2,
			status: "a\tb",
			want:   frame([]string{"   "}, "a?b"),
		},
		{
			name:    "no room at all",
			picture: []string{"O"},
			cols:    0, rows: 5,
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := grid(t, tt.picture...)
			got := text.AppendFrame(nil, g, tt.cols, tt.rows, tt.status)
			assert.Equal(t, tt.want, string(got))
			// Appending to a used buffer keeps what was there.
			again := text.AppendFrame([]byte("old"), g, tt.cols, tt.rows, tt.status)
			assert.Equal(t, "old"+tt.want, string(again))
		})
	}
}

func BenchmarkAppendFrame(b *testing.B) {
	g := grid(&testing.T{}, strings.Repeat("O.", 100))
	buf := make([]byte, 0, 1<<16)
	b.ReportAllocs()
	for b.Loop() {
		buf = text.AppendFrame(buf[:0], g, 200, 60, "status")
	}
}
