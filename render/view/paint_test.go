package view_test

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/render/view"
)

// picture draws img one character per pixel: 'O' live, '.' dead, '+' grid
// line, '#' outside the grid, '?' anything else.
func picture(img *image.RGBA) []string {
	pal := view.DefaultPalette
	var rows []string
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		var r strings.Builder
		for x := b.Min.X; x < b.Max.X; x++ {
			switch img.RGBAAt(x, y) {
			case pal.Live:
				r.WriteByte('O')
			case pal.Dead:
				r.WriteByte('.')
			case pal.Line:
				r.WriteByte('+')
			case pal.Outside:
				r.WriteByte('#')
			default:
				r.WriteByte('?')
			}
		}
		rows = append(rows, r.String())
	}
	return rows
}

func TestPaintPictures(t *testing.T) {
	tests := []struct {
		name       string
		grid       []string
		w, h       int
		zoom       float64
		offX, offY float64
		want       []string
	}{
		{
			name: "zoom 2 with the surround",
			grid: []string{".O", "O."},
			w:    5, h: 5, zoom: 2,
			want: []string{
				"..OO#",
				"..OO#",
				"OO..#",
				"OO..#",
				"#####",
			},
		},
		{
			name: "zoom 3 moved by half a cell",
			grid: []string{"O.", ".O"},
			w:    7, h: 6, zoom: 3, offX: 1.5, offY: -1.5,
			want: []string{
				"#OOO...",
				"#...OOO",
				"#...OOO",
				"#...OOO",
				"#######",
				"#######",
			},
		},
		{
			name: "two cells per pixel: live if all are, shaded if some",
			grid: []string{
				"OO..",
				"OO..",
				"...O",
				"..O.",
				"....",
				"....",
			},
			w: 3, h: 4, zoom: 0.5,
			want: []string{
				"O.#",
				".?#",
				"..#",
				"###",
			},
		},
		{
			name: "grid lines in empty cells only, from 8 pixels a cell",
			grid: []string{"O.", ".."},
			w:    17, h: 16, zoom: 8,
			want: []string{
				"OOOOOOOO+.......#",
				"OOOOOOOO+.......#",
				"OOOOOOOO+.......#",
				"OOOOOOOO+.......#",
				"OOOOOOOO+.......#",
				"OOOOOOOO+.......#",
				"OOOOOOOO+.......#",
				"OOOOOOOO+.......#",
				"++++++++++++++++#",
				"........+.......#",
				"........+.......#",
				"........+.......#",
				"........+.......#",
				"........+.......#",
				"........+.......#",
				"........+.......#",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := life.ParseGrid(tt.grid...)
			require.NoError(t, err)
			v := view.View{GridW: g.Width(), GridH: g.Height(), ScreenW: tt.w, ScreenH: tt.h, Zoom: tt.zoom, OffX: tt.offX, OffY: tt.offY}
			img := image.NewRGBA(image.Rect(0, 0, tt.w, tt.h))
			p := view.Painter{Palette: view.DefaultPalette}
			p.Paint(img, g, v)
			assert.Equal(t, tt.want, picture(img))
		})
	}
}

// TestPaintLivePixels paints known grids at several zooms and places, and
// checks that the live pixels are exactly the Zoom × Zoom squares of the live
// cells: as many as population × Zoom², each inside the square of a live cell.
func TestPaintLivePixels(t *testing.T) {
	grids := map[string][]string{
		"glider": {".O.", "..O", "OOO"},
		"r-pentomino in a box": {
			".......",
			"...OO..",
			"..OO...",
			"...O...",
			".......",
		},
		"full": {"OO", "OO"},
	}
	for name, rows := range grids {
		for _, zoom := range []float64{1, 2, 3, 5, 6, 8, 16} {
			for _, off := range [][2]float64{{0, 0}, {7, 3}, {-0.5, 2.25}} {
				t.Run(fmt.Sprintf("%s at zoom %g from %v", name, zoom, off), func(t *testing.T) {
					g, err := life.ParseGrid(rows...)
					require.NoError(t, err)
					w := int(float64(g.Width())*zoom + 2*off[0] + 10)
					h := int(float64(g.Height())*zoom + 2*off[1] + 10)
					v := view.View{GridW: g.Width(), GridH: g.Height(), ScreenW: w, ScreenH: h, Zoom: zoom, OffX: off[0] + 1, OffY: off[1] + 1}
					img := image.NewRGBA(image.Rect(0, 0, w, h))
					p := view.Painter{Palette: view.DefaultPalette}
					p.Paint(img, g, v)
					live := 0
					for y := range h {
						for x := range w {
							if img.RGBAAt(x, y) != view.DefaultPalette.Live {
								continue
							}
							live++
							cx, cy, ok := v.CellAt(x, y)
							if assert.True(t, ok, "live pixel (%d, %d) outside the grid", x, y) {
								assert.Equal(t, life.Alive, g.At(cx, cy), "live pixel (%d, %d) on cell (%d, %d)", x, y, cx, cy)
							}
						}
					}
					assert.Equal(t, g.Population()*int(zoom*zoom), live)
				})
			}
		}
	}
}

func TestPaintReusesItsScratch(t *testing.T) {
	g, err := life.ParseGrid(".O.", "..O", "OOO")
	require.NoError(t, err)
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	v := view.New(3, 3, 64, 48, 0)
	p := view.Painter{Palette: view.DefaultPalette}
	p.Paint(img, g, v)
	allocs := testing.AllocsPerRun(10, func() { p.Paint(img, g, v) })
	assert.Zero(t, allocs)
}

func TestPaintSubImage(t *testing.T) {
	g, err := life.ParseGrid("O")
	require.NoError(t, err)
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	sub := img.SubImage(image.Rect(1, 1, 3, 3)).(*image.RGBA)
	p := view.Painter{Palette: view.DefaultPalette}
	p.Paint(sub, g, view.View{GridW: 1, GridH: 1, ScreenW: 2, ScreenH: 2, Zoom: 1})
	assert.Equal(t, []string{
		"????",
		"?O#?",
		"?##?",
	}, picture(img))
}

// TestPaintShadesCrowds paints one pixel over 2 × 2 cells with 0 to 4 of them
// alive; the colours in between were worked out by hand from DefaultPalette:
// dead + (live - dead) × (4 + k) / 8, rounded down.
func TestPaintShadesCrowds(t *testing.T) {
	tests := []struct {
		cells []string
		want  color.RGBA
	}{
		{[]string{"..", ".."}, view.DefaultPalette.Dead},
		{[]string{".O", ".."}, color.RGBA{0xa5, 0x83, 0x2e, 0xff}},
		{[]string{"O.", ".O"}, color.RGBA{0xc3, 0x9a, 0x33, 0xff}},
		{[]string{"OO", "O."}, color.RGBA{0xe1, 0xb1, 0x37, 0xff}},
		{[]string{"OO", "OO"}, view.DefaultPalette.Live},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.cells, "/"), func(t *testing.T) {
			g, err := life.ParseGrid(tt.cells...)
			require.NoError(t, err)
			img := image.NewRGBA(image.Rect(0, 0, 1, 1))
			p := view.Painter{Palette: view.DefaultPalette}
			p.Paint(img, g, view.View{GridW: 2, GridH: 2, ScreenW: 1, ScreenH: 1, Zoom: 0.5})
			assert.Equal(t, tt.want, img.RGBAAt(0, 0))
		})
	}
}

// BenchmarkPaint paints a 1280 × 1024 screen of a random soup at several
// zooms: what a frame costs when the generation changed.
func BenchmarkPaint(b *testing.B) {
	for _, tt := range []struct {
		w, h int
		zoom float64
	}{
		{160, 100, 8},
		{1280, 1024, 1},
		{2560, 2048, 0.5},
		{4096, 4096, 0.25},
	} {
		b.Run(fmt.Sprintf("%dx%d at %g", tt.w, tt.h, tt.zoom), func(b *testing.B) {
			g, err := life.NewGrid(tt.w, tt.h)
			require.NoError(b, err)
			g.Randomize(rand.New(rand.NewPCG(1, 2)), 0.3)
			img := image.NewRGBA(image.Rect(0, 0, 1280, 1024))
			v := view.New(tt.w, tt.h, 1280, 1024, tt.zoom)
			p := view.Painter{Palette: view.DefaultPalette}
			b.ReportAllocs()
			for b.Loop() {
				p.Paint(img, g, v)
			}
		})
	}
}

// TestPaintPlaneFarAway paints a glider at (1e9, -1e9), at zoom 2 with
// the grid lines off and at 6 with them on.
func TestPaintPlaneFarAway(t *testing.T) {
	u := life.NewUniverse()
	g, err := life.ParseGrid(".O.", "..O", "OOO")
	require.NoError(t, err)
	u.Paste(g, far)
	tests := []struct {
		name string
		zoom float64
		w, h int
		want []string
	}{
		{"zoom 2", 2, 10, 8, []string{
			"..........",
			"....OO....",
			"....OO....",
			"......OO..",
			"......OO..",
			"..OOOOOO..",
			"..OOOOOO..",
			"..........",
		}},
		{"zoom 6: no lines below 8", 6, 20, 14, []string{
			".......OOOOOO.......",
			".......OOOOOO.......",
			".......OOOOOO.......",
			".......OOOOOO.......",
			".............OOOOOO.",
			".............OOOOOO.",
			".............OOOOOO.",
			".............OOOOOO.",
			".............OOOOOO.",
			".............OOOOOO.",
			".OOOOOOOOOOOOOOOOOO.",
			".OOOOOOOOOOOOOOOOOO.",
			".OOOOOOOOOOOOOOOOOO.",
			".OOOOOOOOOOOOOOOOOO.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := view.NewUnbounded(life.RectOf(far, 3, 3), tt.w, tt.h, tt.zoom)
			img := image.NewRGBA(image.Rect(0, 0, tt.w, tt.h))
			p := view.Painter{Palette: view.DefaultPalette}
			p.PaintPlane(img, u, v)
			assert.Equal(t, tt.want, picture(img))
		})
	}
}

// TestPaintPlaneAgreesWithPaint paints one soup two ways: as a grid with
// Paint, and pasted far away on the plane with PaintPlane, over a screen
// that shows the grid's inside only. Every pixel must agree, at every zoom
// and offset tried.
func TestPaintPlaneAgreesWithPaint(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	g, err := life.NewGrid(300, 200)
	require.NoError(t, err)
	g.Randomize(rng, 0.2)
	u := life.NewUniverse()
	u.Paste(g, far)
	for _, zoom := range []float64{0.125, 0.25, 0.5, 1, 2, 3, 6, 8, 12} {
		for _, off := range [][2]float64{{-8, -8}, {-13.5, -21.25}, {-40, -3}} {
			t.Run(fmt.Sprintf("zoom %g from %v", zoom, off), func(t *testing.T) {
				// The screen inside the grid at every zoom and offset.
				w, h := min(37, int(200*zoom)), min(23, int(150*zoom))
				s := min(zoom, 1)
				bounded := view.View{GridW: 300, GridH: 200, ScreenW: w, ScreenH: h, Zoom: zoom, OffX: off[0] * s, OffY: off[1] * s}
				plane := bounded
				plane.Unbounded, plane.Origin = true, far
				want := image.NewRGBA(image.Rect(0, 0, w, h))
				got := image.NewRGBA(image.Rect(0, 0, w, h))
				var p, q view.Painter
				p.Palette, q.Palette = view.DefaultPalette, view.DefaultPalette
				p.Paint(want, g, bounded)
				q.PaintPlane(got, u, plane)
				require.NotContains(t, strings.Join(picture(want), ""), "#", "the screen must show the grid's inside")
				assert.Equal(t, picture(want), picture(got))
				assert.Equal(t, want.Pix, got.Pix, "the shades too")
			})
		}
	}
}

// TestPaintPlaneEmptyAndSubImage paints an empty plane into part of an
// image: dead cells and lines there, nothing outside it.
func TestPaintPlaneEmptyAndSubImage(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	sub := img.SubImage(image.Rect(1, 1, 3, 3)).(*image.RGBA)
	p := view.Painter{Palette: view.DefaultPalette}
	p.PaintPlane(sub, life.NewUniverse(), view.NewUnbounded(life.Rect{}, 2, 2, 1))
	assert.Equal(t, []string{
		"????",
		"?..?",
		"?..?",
	}, picture(img))
	// A view no method has kept in shape (zoom 0, offsets far off) still
	// paints, on the ladder.
	v := view.View{Unbounded: true, ScreenW: 2, ScreenH: 2, OffX: -1e300}
	p.PaintPlane(sub, life.NewUniverse(), v)
	assert.Equal(t, "..", picture(img)[1][1:3])
}

// BenchmarkPaintPlane paints a 1280 × 1024 screen of the unbounded plane
// holding a random soup, at several zooms: at 1/64 the screen spans 80,000
// cells across.
func BenchmarkPaintPlane(b *testing.B) {
	g, err := life.NewGrid(2048, 2048)
	require.NoError(b, err)
	g.Randomize(rand.New(rand.NewPCG(1, 2)), 0.3)
	u := life.NewUniverse()
	u.Paste(g, far)
	for _, zoom := range []float64{8, 1, 0.25, 1.0 / 64} {
		b.Run(fmt.Sprintf("at %g", zoom), func(b *testing.B) {
			img := image.NewRGBA(image.Rect(0, 0, 1280, 1024))
			v := view.NewUnbounded(life.RectOf(far, 2048, 2048), 1280, 1024, zoom)
			p := view.Painter{Palette: view.DefaultPalette}
			b.ReportAllocs()
			for b.Loop() {
				p.PaintPlane(img, u, v)
			}
		})
	}
}

func TestNoLinesAndThemes(t *testing.T) {
	g, err := life.ParseGrid("O.", "..")
	require.NoError(t, err)
	v := view.New(2, 2, 16, 16, 8)
	img := image.NewRGBA(image.Rect(0, 0, 16, 16))
	p := view.Painter{Palette: view.DefaultPalette, NoLines: true}
	p.Paint(img, g, v)
	for y := range 16 {
		for x := range 16 {
			want := view.DefaultPalette.Dead
			if x < 8 && y < 8 {
				want = view.DefaultPalette.Live
			}
			require.Equal(t, want, img.RGBAAt(x, y), "(%d,%d): no lines", x, y)
		}
	}
	p.Palette = view.LightPalette
	p.Paint(img, g, v)
	assert.Equal(t, view.LightPalette.Cell(life.Alive), img.RGBAAt(0, 0))
	assert.Equal(t, view.LightPalette.Cell(life.Empty), img.RGBAAt(15, 15))
	assert.NotEqual(t, view.DefaultPalette.Cell(life.Alive), view.LightPalette.Cell(life.Alive))
}

// TestPaintDyingStates paints the dying states of a Generations rule in the
// palette's ramp, on a grid and on the plane alike: a cell its own colour
// (no grid line over it), and a pixel of several cells the shade of its live
// ones, or the colour of its dying ones if none is alive.
func TestPaintDyingStates(t *testing.T) {
	g, err := life.ParseGrid("*23.", "..3.", "22..", "....")
	require.NoError(t, err)
	u := life.NewUniverse()
	u.Paste(g, far)
	for _, theme := range []view.Palette{view.DefaultPalette, view.LightPalette} {
		pal := theme.WithStates(4)
		young, old := pal.Cell(2), pal.Cell(3)
		require.Equal(t, theme.Young, young)
		require.Equal(t, theme.Old, old)
		require.NotEqual(t, young, old)
		assert.Equal(t, theme.Old, pal.Cell(9), "a state beyond the rule's is the last")
		for _, zoom := range []float64{8, 1, 0.5} {
			n := int(4 * zoom)
			bounded := view.View{GridW: 4, GridH: 4, ScreenW: n, ScreenH: n, Zoom: zoom}
			plane := bounded
			plane.Unbounded, plane.Origin = true, far
			for name, paint := range map[string]func(*view.Painter, *image.RGBA){
				"grid":  func(p *view.Painter, img *image.RGBA) { p.Paint(img, g, bounded) },
				"plane": func(p *view.Painter, img *image.RGBA) { p.PaintPlane(img, u, plane) },
			} {
				img := image.NewRGBA(image.Rect(0, 0, n, n))
				p := view.Painter{Palette: pal}
				paint(&p, img)
				at := func(cx, cy int) color.RGBA { // a cell's pixel, away from its grid line
					px, py := int(float64(cx)*zoom), int(float64(cy)*zoom)
					if zoom > 1 {
						px, py = px+1, py+1
					}
					return img.RGBAAt(px, py)
				}
				if zoom >= 1 {
					assert.Equal(t, pal.Live, at(0, 0), "%s at zoom %g", name, zoom)
					assert.Equal(t, young, at(1, 0), "%s at zoom %g", name, zoom)
					assert.Equal(t, old, at(2, 0), "%s at zoom %g", name, zoom)
					assert.Equal(t, young, at(0, 2), "%s at zoom %g", name, zoom)
					assert.Equal(t, pal.Dead, at(3, 3), "%s at zoom %g", name, zoom)
					if zoom >= view.LineZoom {
						assert.Equal(t, young, img.RGBAAt(int(zoom), 0), "%s: no grid line over a dying cell", name)
					}
					continue
				}
				// 2x2 cells a pixel: top-left has one live cell of four,
				// top-right and bottom-left dying cells only.
				assert.NotEqual(t, pal.Dead, img.RGBAAt(0, 0), "%s", name)
				assert.NotEqual(t, young, img.RGBAAt(0, 0), "%s: the live cell's shade, not a dying colour", name)
				assert.Equal(t, old, img.RGBAAt(1, 0), "%s: the first dying cell", name)
				assert.Equal(t, young, img.RGBAAt(0, 1), "%s", name)
				assert.Equal(t, pal.Dead, img.RGBAAt(1, 1), "%s", name)
			}
		}
	}
}

// blocks is a Universe that counts its cells in aligned squares, as a
// life.BlockBoard does; it records the squares it was asked for.
type blocks struct {
	*life.Universe
	levels []uint
}

func (b *blocks) Blocks(r life.Rect, level uint, f func(x, y int64, n uint64)) {
	b.levels = append(b.levels, level)
	count := map[life.Point]uint64{}
	b.Live(r, func(x, y int64) { count[life.Point{X: x >> level << level, Y: y >> level << level}]++ })
	for p, n := range count {
		f(p.X, p.Y, n)
	}
}

// TestPaintPlaneZoomedOut paints cells millions of cells apart at 2^20 cells
// a pixel, far from (0, 0), from a board's cells and from its squares: each
// lights the pixel under it, in a shade by how full the pixel is; a whole
// pixel of live cells is Live; and the squares asked for are half a pixel's
// side.
func TestPaintPlaneZoomedOut(t *testing.T) {
	const k = 20
	side := int64(1) << k
	at := life.Point{X: 3 << 40, Y: -(5 << 40)} // a multiple of 2^k: pixels start there
	u := life.NewUniverse()
	u.Set(at.X, at.Y, life.Alive)                      // pixel (0, 0)
	u.Set(at.X+3*side+17, at.Y+side-1, life.Alive)     // pixel (3, 0)
	u.Set(at.X+side+5, at.Y+2*side+side/2, life.Alive) // pixel (1, 2)
	for y := range int64(64) {                         // pixel (4, 3): a 64 × 64 block, not full
		for x := range int64(64) {
			u.Set(at.X+4*side+x, at.Y+3*side+y, life.Alive)
		}
	}
	v := view.NewUnbounded(life.RectOf(at, 6*side, 4*side), 6, 4, 1.0/float64(side))
	require.Equal(t, 1.0/float64(side), v.Zoom)
	require.Equal(t, at, v.Origin)
	plain := image.NewRGBA(image.Rect(0, 0, 6, 4))
	p := view.Painter{Palette: view.DefaultPalette}
	p.PaintPlane(plain, u, v)
	got := picture(plain)
	want := []string{"x..x..", "......", ".x....", "....x."}
	for y, row := range want {
		for x, c := range row {
			lit := got[y][x] != '.'
			assert.Equal(t, c == 'x', lit, "pixel (%d, %d): %s", x, y, got)
		}
	}
	b := &blocks{Universe: u}
	squares := image.NewRGBA(image.Rect(0, 0, 6, 4))
	p.PaintPlane(squares, b, v)
	assert.Equal(t, plain.Pix, squares.Pix, "the squares paint what the cells do")
	assert.Equal(t, []uint{k - 1}, b.levels)

	// A pixel full of live cells at 128 cells a pixel is Live.
	full := life.NewUniverse()
	for y := range int64(128) {
		for x := range int64(128) {
			full.Set(x, y, life.Alive)
		}
	}
	v = view.NewUnbounded(life.RectOf(life.Point{}, 128, 128), 1, 1, 1.0/128)
	one := image.NewRGBA(image.Rect(0, 0, 1, 1))
	p.PaintPlane(one, full, v)
	assert.Equal(t, []string{"O"}, picture(one))

	// The least zoom fits the widest plane, and paints.
	v = view.NewUnbounded(life.Rect{Min: life.Point{X: -1 << 60, Y: -1 << 60}, Max: life.Point{X: 1 << 60, Y: 1 << 60}}, 1024, 1024, 0)
	assert.Equal(t, view.MinPlaneZoom, v.Zoom)
	wide := image.NewRGBA(image.Rect(0, 0, 1024, 1024))
	p.PaintPlane(wide, u, v)
	lit := 0
	for _, row := range picture(wide) {
		lit += len(row) - strings.Count(row, ".")
	}
	assert.Equal(t, 1, lit, "the cells, all within a pixel at 2^50 cells a pixel")

	// A square whose population saturates (HashLife's of 2^32 cells a side
	// and more) counts as full: Live, not a wrapped sum.
	sat := saturated{}
	v = view.NewUnbounded(life.RectOf(life.Point{}, 1<<40, 1<<40), 2, 2, 0)
	two := image.NewRGBA(image.Rect(0, 0, 2, 2))
	p.PaintPlane(two, sat, v)
	assert.Equal(t, []string{"OO", "OO"}, picture(two))
}

// saturated is a plane full of live cells whose squares count as
// math.MaxUint64 once they hold more, as HashLife's populations saturate.
type saturated struct{}

func (saturated) Bounds() life.Rect { return life.RectOf(life.Point{}, 1<<40, 1<<40) }
func (saturated) Population() int   { return math.MaxInt }
func (saturated) Cells(life.Rect, func(x, y int64, s life.State)) {
	panic("a painter of 2^39 cells a pixel reads squares, not cells")
}
func (saturated) Blocks(r life.Rect, level uint, f func(x, y int64, n uint64)) {
	side := int64(1) << level
	n := uint64(math.MaxUint64)
	if level < 32 {
		n = uint64(side) * uint64(side)
	}
	r = r.Intersect(life.RectOf(life.Point{}, 1<<40, 1<<40))
	for y := r.Min.Y &^ (side - 1); y < r.Max.Y; y += side {
		for x := r.Min.X &^ (side - 1); x < r.Max.X; x += side {
			f(x, y, n)
		}
	}
}
