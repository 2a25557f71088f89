package view_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/life"
	"colife/render/view"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestSnap(t *testing.T) {
	tests := []struct {
		in, want float64
	}{
		{0, view.MinZoom},
		{-3, view.MinZoom},
		{1.0 / 1000, view.MinZoom},
		{0.3, 0.25},
		{0.5, 0.5},
		{0.99, 0.5},
		{1, 1},
		{2.9, 2},
		{5, 4},
		{12.8, 12},
		{1000, view.MaxZoom},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.in), func(t *testing.T) {
			assert.Equal(t, tt.want, view.Snap(tt.in))
		})
	}
}

func TestNewFits(t *testing.T) {
	tests := []struct {
		name             string
		gw, gh, sw, sh   int
		zoom, offX, offY float64
	}{
		{"exact", 32, 32, 256, 256, 8, 0, 0},
		{"letterbox", 100, 50, 1280, 720, 12, 40, 60},
		{"many cells per pixel", 4096, 4096, 1024, 768, 0.125, 256, 128},
		{"one cell", 1, 1, 100, 60, 48, 26, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := view.New(tt.gw, tt.gh, tt.sw, tt.sh, 0)
			assert.Equal(t, tt.zoom, v.Zoom)
			assert.Equal(t, tt.offX, v.OffX)
			assert.Equal(t, tt.offY, v.OffY)
			assert.InDelta(t, v.FitZoom(), v.Zoom, 0)
		})
	}
}

func TestNewAtZoomCentres(t *testing.T) {
	v := view.New(10, 20, 100, 100, 5) // snapped to 4: 40 × 80 pixels
	assert.Equal(t, 4.0, v.Zoom)
	assert.Equal(t, 30.0, v.OffX)
	assert.Equal(t, 10.0, v.OffY)
}

func TestCellAt(t *testing.T) {
	v := view.View{GridW: 10, GridH: 5, ScreenW: 200, ScreenH: 200, Zoom: 8, OffX: 20, OffY: -4}
	tests := []struct {
		px, py int
		x, y   int
		ok     bool
	}{
		{20, 4, 0, 1, true},
		{27, 3, 0, 0, true},
		{28, 3, 1, 0, true},
		{99, 35, 9, 4, true},
		{100, 35, 10, 4, false},
		{19, 10, -1, 1, false},
		{50, 36, 3, 5, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d,%d", tt.px, tt.py), func(t *testing.T) {
			x, y, ok := v.CellAt(tt.px, tt.py)
			assert.Equal(t, []int{tt.x, tt.y}, []int{x, y})
			assert.Equal(t, tt.ok, ok)
		})
	}
}

func TestZoomAtKeepsTheCellUnderTheCursor(t *testing.T) {
	tests := []struct {
		name   string
		zoom   float64
		offX   float64
		offY   float64
		px, py int
		steps  int
	}{
		{"in from 1", 1, 100, 50, 300, 200, 1},
		{"in three rungs", 2, 13, -7, 421, 333, 3},
		{"out from 8", 8, -300, -200, 517, 401, -1},
		{"out to cells per pixel", 1, 0, 0, 640, 512, -2},
		{"in from cells per pixel", 0.25, 256, 128, 401, 203, 4},
		{"in near a cell's edge", 3, 0.5, 0.25, 640, 480, 1},
		{"out by one from 12", 12, -1000, -900, 777, 555, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := view.View{GridW: 1024, GridH: 1024, ScreenW: 1280, ScreenH: 1024, Zoom: tt.zoom, OffX: tt.offX, OffY: tt.offY}
			x, y, ok := v.CellAt(tt.px, tt.py)
			require.True(t, ok, "the cursor must start over the grid")
			before := v.Zoom
			v.ZoomAt(tt.px, tt.py, tt.steps)
			require.NotEqual(t, before, v.Zoom, "the zoom must change")
			if tt.steps > 0 {
				assert.Greater(t, v.Zoom, before)
			} else {
				assert.Less(t, v.Zoom, before)
			}
			x2, y2, _ := v.CellAt(tt.px, tt.py)
			assert.Equal(t, []int{x, y}, []int{x2, y2})
		})
	}
}

func TestZoomAtLadder(t *testing.T) {
	v := view.New(64, 64, 512, 512, 1)
	var got []float64
	for range 5 {
		v.ZoomAt(256, 256, 1)
		got = append(got, v.Zoom)
	}
	assert.Equal(t, []float64{2, 3, 4, 6, 8}, got)
	got = got[:0]
	v = view.New(64, 64, 512, 512, 1)
	for range 3 {
		v.ZoomAt(256, 256, -1)
		got = append(got, v.Zoom)
	}
	assert.Equal(t, []float64{0.5, 0.25, 0.125}, got)
	v.ZoomAt(256, 256, -100)
	assert.Equal(t, view.MinZoom, v.Zoom)
	v.ZoomAt(256, 256, 100)
	assert.Equal(t, view.MaxZoom, v.Zoom)
}

func TestPanBounds(t *testing.T) {
	tests := []struct {
		name               string
		gw, gh             int
		zoom               float64
		dx, dy             float64
		wantOffX, wantOffY float64
	}{
		// An 80 × 80 pixel grid on a 400 × 300 screen keeps 40 pixels on it.
		{"small grid far right and down", 10, 10, 8, 1e6, 1e6, 360, 260},
		{"small grid far left and up", 10, 10, 8, -1e6, -1e6, -40, -40},
		// A 2000 × 2000 pixel grid keeps half the screen covered.
		{"big grid far right", 250, 250, 8, 1e6, 0, 200, -850},
		{"big grid far up", 250, 250, 8, 0, -1e6, -800, -1850},
		{"inside the bounds", 250, 250, 8, 3, -4, -797, -854},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := view.New(tt.gw, tt.gh, 400, 300, tt.zoom)
			v.Pan(tt.dx, tt.dy)
			assert.Equal(t, tt.wantOffX, v.OffX)
			assert.Equal(t, tt.wantOffY, v.OffY)
		})
	}
}

func TestResizeKeepsTheCentre(t *testing.T) {
	v := view.New(100, 100, 400, 300, 4)
	x, y, ok := v.CellAt(200, 150)
	require.True(t, ok)
	v.Resize(800, 500)
	assert.Equal(t, 800, v.ScreenW)
	assert.Equal(t, 500, v.ScreenH)
	x2, y2, _ := v.CellAt(400, 250)
	assert.Equal(t, []int{x, y}, []int{x2, y2})
}

// far is a cell a long way from (0, 0) on the unbounded plane.
var far = life.Point{X: 1e9, Y: -1e9}

func TestUnboundedPansAnywhere(t *testing.T) {
	v := view.NewUnbounded(life.RectOf(far, 36, 9), 640, 480, 8)
	require.True(t, v.Unbounded)
	assert.Equal(t, far.Add(life.Point{X: 18, Y: 4}), v.PointAt(320, 240), "the middle of the box in the middle of the screen")
	// No clamp: a million screens to the left and up, and back, by the
	// pixel; the cell under a pixel moves by exactly the cells panned.
	start := v.PointAt(100, 100)
	for _, d := range []float64{3, 640 * 1e6, -5, -640*1e6 + 2} {
		v.Pan(d, d)
	}
	assert.Equal(t, start, v.PointAt(100, 100), "back where it was")
	v.Pan(-8*1e12, 8*3e12) // a trillion cells right, three up
	assert.Equal(t, start.Add(life.Point{X: 1e12, Y: -3e12}), v.PointAt(100, 100))
	// The offsets stay within a cell of the corner, so that they keep
	// their precision.
	assert.True(t, v.OffX > -v.Zoom && v.OffX <= 0, "OffX %g", v.OffX)
	assert.True(t, v.OffY > -v.Zoom && v.OffY <= 0, "OffY %g", v.OffY)
	x, y, ok := v.CellAt(100, 100)
	assert.True(t, ok, "every cell is on the plane")
	assert.Equal(t, []int64{start.X + 1e12, start.Y - 3e12}, []int64{int64(x), int64(y)})
	assert.True(t, v.Inside(-1, -1))
}

func TestUnboundedFitRect(t *testing.T) {
	tests := []struct {
		name string
		box  life.Rect
		zoom float64
	}{
		{"a gun", life.RectOf(life.Point{X: -3, Y: 5}, 120, 80), 4},
		{"far off", life.RectOf(far, 36, 9), 16},
		{"one cell", life.RectOf(far, 1, 1), view.MaxZoom},
		{"gliders gone far", life.RectOf(life.Point{X: -18, Y: -4}, 40000, 30000), 1.0 / 64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := view.NewUnbounded(life.RectOf(life.Point{}, 1, 1), 640, 480, 1)
			v.Pan(12345, -678)
			v.FitRect(tt.box)
			assert.Equal(t, tt.zoom, v.Zoom)
			vis := v.Visible()
			assert.Equal(t, tt.box, vis.Intersect(tt.box), "the whole box shows: %v of %v", vis, tt.box)
			mid := tt.box.Min.Add(life.Point{X: tt.box.Dx() / 2, Y: tt.box.Dy() / 2})
			c := v.PointAt(320, 240)
			assert.InDelta(t, mid.X, c.X, 2/v.Zoom+1, "centred across")
			assert.InDelta(t, mid.Y, c.Y, 2/v.Zoom+1, "centred down")
		})
	}
	v := view.NewUnbounded(life.RectOf(far, 3, 3), 640, 480, 8)
	before := v
	v.FitRect(life.Rect{})
	assert.Equal(t, before, v, "nothing alive: nothing to fit")
}

func TestUnboundedZoomKeepsTheCellUnderTheCursor(t *testing.T) {
	v := view.NewUnbounded(life.RectOf(far, 36, 9), 1280, 1024, 8)
	for _, steps := range []int{1, -3, -5, 7, 2, -10} {
		p := v.PointAt(517, 401)
		v.ZoomAt(517, 401, steps)
		assert.Equal(t, p, v.PointAt(517, 401), "%d rungs to zoom %g", steps, v.Zoom)
	}
	v.Resize(800, 600)
	assert.True(t, v.OffX > -v.Zoom && v.OffX <= 0, "OffX %g", v.OffX)
}

// TestVisible checks the rectangle of cells on screen against CellAt at
// every pixel of the screen's edges.
func TestVisible(t *testing.T) {
	for _, zoom := range []float64{0.25, 0.5, 1, 3, 8} {
		t.Run(fmt.Sprint(zoom), func(t *testing.T) {
			v := view.NewUnbounded(life.RectOf(far, 10, 10), 97, 61, zoom)
			v.Pan(0.5, -1.25)
			vis := v.Visible()
			if zoom >= 1 {
				assert.Equal(t, v.PointAt(0, 0), vis.Min)
				assert.Equal(t, v.PointAt(96, 60).Add(life.Point{X: 1, Y: 1}), vis.Max)
			} else {
				assert.Equal(t, int64(97/zoom), vis.Dx(), "1/zoom cells a pixel")
				assert.Equal(t, int64(61/zoom), vis.Dy())
			}
		})
	}
	g := view.New(10, 5, 400, 300, 8)
	assert.Equal(t, life.RectOf(life.Point{}, 10, 5), g.Visible(), "a grid's cells, all on screen")
}

func TestParseZoom(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		err  string
	}{
		{"8", 8, ""},
		{" 5 ", 4, ""}, // down to the rung below
		{"256", 256, ""},
		{"1/2", 0.5, ""},
		{"0.5", 0.5, ""},
		{"1/3", 0.25, ""},
		{"1/64", 1.0 / 64, ""},
		{"0", 0, "want from 1/64 to 256 pixels per cell"},
		{"1/128", 0, "want from 1/64 to 256 pixels per cell"},
		{"257", 0, "want from 1/64 to 256 pixels per cell"},
		{"1/0", 0, "want a number of pixels per cell, such as 8, or 1/2"},
		{"many", 0, "want a number of pixels per cell, such as 8, or 1/2"},
		{"NaN", 0, "want a number of pixels per cell, such as 8, or 1/2"},
	} {
		z, err := view.ParseZoom(tc.in)
		if tc.err != "" {
			assert.EqualError(t, err, tc.err, tc.in)
			continue
		}
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, z, tc.in)
	}
}
