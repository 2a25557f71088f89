package text_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"colife/life"
	"colife/render/text"
)

func pt(x, y int64) life.Point { return life.Point{X: x, Y: y} }

func TestViewportRectAndCell(t *testing.T) {
	tests := []struct {
		zoom        int
		wantRect    life.Rect
		col, row    int
		upper, lowr life.Point
	}{
		// 10 × 4 characters are 10 × 8 pixels.
		{zoom: 0, wantRect: life.RectOf(pt(5, -3), 10, 8), col: 2, row: 1, upper: pt(7, -1), lowr: pt(7, 0)},
		{zoom: 2, wantRect: life.RectOf(pt(5, -3), 40, 32), col: 2, row: 1, upper: pt(13, 5), lowr: pt(13, 9)},
		// A cell is 2 × 2 pixels: a character, across, is half a cell.
		{zoom: -1, wantRect: life.RectOf(pt(5, -3), 5, 4), col: 3, row: 1, upper: pt(6, -2), lowr: pt(6, -2)},
		{zoom: -2, wantRect: life.RectOf(pt(5, -3), 3, 2), col: 9, row: 3, upper: pt(7, -2), lowr: pt(7, -2)},
	}
	for _, tt := range tests {
		v := text.Viewport{At: pt(5, -3), Zoom: tt.zoom, Cols: 10, Rows: 4}
		assert.Equal(t, tt.wantRect, v.Rect(), "zoom %d", tt.zoom)
		assert.Equal(t, tt.upper, v.Cell(tt.col, tt.row, false), "zoom %d", tt.zoom)
		assert.Equal(t, tt.lowr, v.Cell(tt.col, tt.row, true), "zoom %d", tt.zoom)
	}
}

func TestViewportPanZoomFit(t *testing.T) {
	v := text.Viewport{Cols: 10, Rows: 4}
	v.Pan(3, -1)
	assert.Equal(t, pt(3, -2), v.At, "a character across is a cell, a row two")
	v.Zoom = -2
	v.Pan(1, 0)
	assert.Equal(t, pt(4, -2), v.At, "at least a cell a move")
	v.Pan(5, 0)
	assert.Equal(t, pt(5, -2), v.At, "5 columns are a cell and a bit: one cell")
	v.Pan(-5, 0)
	assert.Equal(t, pt(4, -2), v.At, "and back as far")

	// Zooming keeps the cell under the character where it was.
	v = text.Viewport{At: pt(0, 0), Cols: 10, Rows: 4}
	under := v.Cell(4, 2, false)
	v.ZoomAt(4, 2, 1)
	assert.Equal(t, 1, v.Zoom)
	assert.Equal(t, under, v.Cell(4, 2, false))
	v.ZoomAt(4, 2, 100)
	assert.Equal(t, text.MaxZoom, v.Zoom)
	v.ZoomAt(4, 2, -100)
	assert.Equal(t, text.MinZoom, v.Zoom)
	assert.Equal(t, under, v.Cell(4, 2, false))

	// Fit: the nearest zoom at which the box fits, the box in the middle.
	for _, tc := range []struct {
		box  life.Rect
		zoom int
	}{
		{life.RectOf(pt(100, 100), 3, 2), -1}, // 3x2 cells as 6x4 pixels; 4x4 pixels a cell would need 12
		{life.RectOf(pt(-50, 7), 10, 8), 0},   // exactly the screen
		{life.RectOf(pt(-50, 7), 11, 8), 1},   // one column too many
		{life.RectOf(pt(0, 0), 1<<20, 1), 6},  // too wide for any zoom: the farthest out
		{life.RectOf(pt(9, 9), 1, 1), -2},     // a cell: the nearest in
	} {
		v := text.Viewport{Cols: 10, Rows: 4}
		v.Fit(tc.box)
		assert.Equal(t, tc.zoom, v.Zoom, "%v", tc.box)
		c := v.Center()
		assert.True(t, tc.box.Contains(c) || tc.box.Dx() > 1<<10, "%v centred: %v", tc.box, c)
	}
	v = text.Viewport{At: pt(1, 2), Cols: 10, Rows: 4}
	v.Fit(life.Rect{})
	assert.Equal(t, text.Viewport{At: pt(1, 2), Cols: 10, Rows: 4}, v, "an empty box changes nothing")
}

func TestViewportClamp(t *testing.T) {
	for _, tc := range []struct {
		name string
		at   life.Point
		w, h int64 // the board, at (0, 0)
		want life.Point
	}{
		{"a wide board: the screen within it", pt(-5, 0), 30, 8, pt(0, 0)},
		{"a wide board, past its right edge", pt(25, 0), 30, 8, pt(20, 0)},
		{"a small board moves freely on screen", pt(-3, -1), 4, 4, pt(-3, -1)},
		{"a small board pushed off to the left", pt(7, 0), 4, 4, pt(0, 0)},
		{"a small board pushed off to the right", pt(-9, -5), 4, 4, pt(-6, -4)},
	} {
		v := text.Viewport{At: tc.at, Cols: 10, Rows: 4} // 10 x 8 cells
		v.Clamp(life.RectOf(pt(0, 0), tc.w, tc.h))
		assert.Equal(t, tc.want, v.At, tc.name)
	}
}

func TestFrameZoomed(t *testing.T) {
	g := grid(t,
		"OOOO....",
		"OOOO....",
		"OO......",
		"O.......",
		"........",
		"........",
		"........",
		"O.......",
	)
	tests := []struct {
		name string
		v    text.Viewport
		want []string
	}{
		{"zoom 0: half blocks", text.Viewport{Cols: 4, Rows: 2}, []string{"████", "█▀  "}},
		{"zoom 0, panned", text.Viewport{At: pt(2, 1), Cols: 4, Rows: 2}, []string{"▀▀  ", "    "}},
		// A character is 2x4 cells: 7, 4 and 0 of 8 alive; 1 of 8.
		{"zoom 1: shades by count", text.Viewport{Zoom: 1, Cols: 3, Rows: 2}, []string{"█▒ ", "░  "}},
		// 16 cells a character: 11 alive is over a half, 4 is a quarter.
		{"zoom 1, half alive", text.Viewport{Zoom: 1, At: pt(0, 1), Cols: 1, Rows: 1}, []string{"▓"}},
		{"zoom 2", text.Viewport{Zoom: 2, Cols: 2, Rows: 1}, []string{"▒ "}},
		// A cell is 2 characters across and one down.
		{"zoom -1: a cell 2x1 characters", text.Viewport{Zoom: -1, At: pt(1, 1), Cols: 6, Rows: 3}, []string{"██████", "██    ", "      "}},
		{"zoom -2: a cell 4x2 characters", text.Viewport{Zoom: -2, At: pt(3, 1), Cols: 6, Rows: 2}, []string{"████  ", "████  "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f text.Frame
			got := f.Append(nil, tt.v, g.Board(), "s")
			want := frame(tt.want, "s"+spaces(tt.v.Cols-1))
			assert.Equal(t, want, string(got))
			// The same frame on the unbounded plane, the grid pasted at (0, 0).
			u := life.NewUniverse()
			u.Paste(g, pt(0, 0))
			assert.Equal(t, want, string(f.Append(nil, tt.v, u, "s")))
		})
	}
}

func spaces(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}

func TestAppendOverlay(t *testing.T) {
	got := string(text.AppendOverlay(nil, []string{"ab", "long line", "cut"}, 8, 2))
	assert.Equal(t, "\x1b[1;1H ab     \x1b[2;1H long li", got)
}
