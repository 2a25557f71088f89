package control

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"math/bits"
	"path/filepath"
	"slices"
	"strings"

	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
	"colife/render/output"
	"colife/render/picture"
	"colife/render/runner"
)

// Clipboard is the system clipboard's text. The window gives one; tests give
// a fake.
type Clipboard interface {
	ReadText() (string, error)
	WriteText(s string) error
}

// Files keeps the files a window saves. output.Folder saves them in a
// directory; a page gives the browser's downloads.
type Files interface {
	// Save saves a new file named base+ext (or like it, if that is taken)
	// with what write writes, and returns where it went, for the user; on
	// failure, the file it tried, if any, and why.
	Save(base, ext string, write func(io.Writer) error) (string, error)
}

// Floating is a paste that follows the cursor until a click places it: its
// live cells relative to its box's top-left corner, and the box's size.
type Floating struct {
	Cells []life.Point
	// States holds the state of each of Cells when some is a dying state
	// of a Generations rule; nil when all are alive.
	States []life.State
	W, H   int64
}

// Rotate turns the paste a quarter turn, clockwise if cw.
func (f *Floating) Rotate(cw bool) {
	for i, c := range f.Cells {
		if cw {
			f.Cells[i] = life.Point{X: f.H - 1 - c.Y, Y: c.X}
		} else {
			f.Cells[i] = life.Point{X: c.Y, Y: f.W - 1 - c.X}
		}
	}
	f.W, f.H = f.H, f.W
}

// Flip mirrors the paste left to right, or top to bottom if vertical.
func (f *Floating) Flip(vertical bool) {
	for i, c := range f.Cells {
		if vertical {
			f.Cells[i].Y = f.H - 1 - c.Y
		} else {
			f.Cells[i].X = f.W - 1 - c.X
		}
	}
}

// floatingOf returns the live and dying cells of p as a paste.
func floatingOf(p *pattern.Pattern) *Floating {
	f := &Floating{W: int64(p.Width), H: int64(p.Height), Cells: make([]life.Point, len(p.Cells))}
	for i, c := range p.Cells {
		f.Cells[i] = life.Point{X: int64(c.X), Y: int64(c.Y)}
		if s := c.State(); s != life.Alive {
			if f.States == nil {
				f.States = make([]life.State, len(p.Cells))
				for j := range f.States {
					f.States[j] = life.Alive
				}
			}
			f.States[i] = s
		}
	}
	return f
}

// Selection returns the rectangle of cells selected, and whether there is
// one.
func (c *Controller) Selection() (life.Rect, bool) { return c.sel, !c.sel.Empty() }

// Floating returns the paste that follows the cursor and the cell its
// top-left corner is over, or nil.
func (c *Controller) Floating() (*Floating, life.Point) { return c.float, c.floatAt }

// selectTo extends the selection being dragged to the cell under (x, y):
// the rectangle with the cell where the drag began and this one at its
// corners.
func (c *Controller) selectTo(x, y int) {
	p := c.View.PointAt(x, y)
	a := c.selFrom
	c.sel = life.Rect{
		Min: life.Point{X: min(a.X, p.X), Y: min(a.Y, p.Y)},
		Max: life.Point{X: max(a.X, p.X) + 1, Y: max(a.Y, p.Y) + 1},
	}
	if !c.View.Unbounded {
		c.sel = c.sel.Intersect(life.RectOf(life.Point{}, int64(c.View.GridW), int64(c.View.GridH)))
	}
}

// live calls f with each live (or dying) cell of the frame shown in r, and
// its state.
func (c *Controller) live(r life.Rect, f func(p life.Point, s life.State)) {
	fr := c.Frame
	switch {
	case fr == nil:
	case fr.Plane != nil:
		fr.Plane.Cells(r, func(x, y int64, s life.State) { f(life.Point{X: x, Y: y}, s) })
	case fr.Grid != nil:
		fr.Grid.Board().Cells(r, func(x, y int64, s life.State) { f(life.Point{X: x, Y: y}, s) })
	}
}

// MaxCopied is the most live cells a copy, a cut or a save takes from the
// frame shown: the window makes a Universe of them on its own goroutine.
// HashLife's boards hold billions, which a macrocell file of the whole
// board (Ctrl+S) saves straight from the tree.
const MaxCopied = pattern.MaxLive

// tooMany reports whether r of the frame shown holds more than MaxCopied
// live cells, and says so, for what; it counts the cells of a tree from its
// squares, without visiting them (a bound: the squares at r's edges count
// whole).
func (c *Controller) tooMany(r life.Rect, what string) bool {
	bb, ok := c.Frame.Plane.(life.BlockBoard)
	if !ok {
		return false // a Universe or a grid: its cells are in memory already
	}
	side := max(r.Dx(), r.Dy(), 1)
	level := uint(max(bits.Len64(uint64(side))-6, 0)) // about 64 squares across
	var n uint64
	bb.Blocks(r, level, func(_, _ int64, k uint64) { n += k })
	if n <= MaxCopied {
		return false
	}
	c.say(fmt.Sprintf("%s: about %d live cells, more than %d; Ctrl+S saves the whole board as a macrocell file (.mc)", what, n, MaxCopied))
	return true
}

// cells returns the live and dying cells of the frame shown in r as a
// Universe.
func (c *Controller) cells(r life.Rect) *life.Universe {
	u := life.NewUniverse()
	c.live(r, func(p life.Point, s life.State) { u.Set(p.X, p.Y, s) })
	return u
}

// writeRLE writes the live and dying cells of the frame shown in r as RLE, with the
// rule and the generation in the header ("#CXRLE Pos=x,y Gen=n"): on a
// bounded board the positions are the board's.
func (c *Controller) writeRLE(w io.Writer, r life.Rect) error {
	u := c.cells(r)
	rule, gen := c.Frame.Options.Rule, c.Frame.Generation
	if u.Population() == 0 {
		// No live cell: a dead cell where the box began, as RLE has no
		// empty box that reads back.
		at := r.Min
		return pattern.WriteRLE(w, &pattern.Pattern{Name: c.Name, Rule: rule.String(), Width: 1, Height: 1, Position: &at, Generation: gen})
	}
	return pattern.WriteUniverseRLE(w, u, c.Name, rule, gen)
}

// board returns the rectangle to copy or save: the selection, or else the
// whole board (on an unbounded plane, the live cells' bounding box).
func (c *Controller) board() life.Rect {
	if r, ok := c.Selection(); ok {
		return r
	}
	if c.Frame.Plane != nil {
		return c.Frame.Bounds
	}
	return life.RectOf(life.Point{}, int64(c.Frame.Grid.Width()), int64(c.Frame.Grid.Height()))
}

// copySelection puts the selection on the clipboard as RLE and reports
// whether it did; it says why not.
func (c *Controller) copySelection() bool {
	r, ok := c.Selection()
	switch {
	case !ok:
		c.say("nothing selected: Shift+drag selects")
		return false
	case c.Frame == nil:
		return false
	case c.Clipboard == nil:
		c.say("no clipboard")
		return false
	}
	if c.tooMany(r, "copy") {
		return false
	}
	var b bytes.Buffer
	if err := c.writeRLE(&b, r); err != nil {
		c.say("copy: " + err.Error())
		return false
	}
	if err := c.Clipboard.WriteText(b.String()); err != nil {
		c.say("copy: " + err.Error())
		return false
	}
	c.say(fmt.Sprintf("copied %dx%d", r.Dx(), r.Dy()))
	return true
}

// cut copies the selection and clears it.
func (c *Controller) cut() {
	if c.copySelection() {
		c.sink.Do(runner.ClearRect{Rect: c.sel})
	}
}

// clearSelection kills the cells selected; the runner lists them, so a
// selection of more than MaxCopied is refused.
func (c *Controller) clearSelection() {
	if r, ok := c.Selection(); ok && !c.tooMany(r, "clear") {
		c.sink.Do(runner.ClearRect{Rect: r})
	}
}

// Paste reads a pattern from the clipboard and floats it under the cursor,
// as Ctrl+V does: a page, whose clipboard comes with the browser's paste
// events, calls it on each.
func (c *Controller) Paste() {
	if c.Clipboard == nil {
		c.say("no clipboard")
		return
	}
	text, err := c.Clipboard.ReadText()
	if err != nil {
		c.say("paste: " + err.Error())
		return
	}
	p, err := pattern.Read(strings.NewReader(text), "clipboard")
	if err != nil {
		c.say(oneLine(err.Error()))
		return
	}
	c.float = floatingOf(p)
	c.say(fmt.Sprintf("paste %dx%d: click to place, < > rotate, X Y flip, Esc cancels", p.Width, p.Height))
}

// place pastes the floating cells where they are.
func (c *Controller) place() {
	cells := append([]life.Point(nil), c.float.Cells...)
	c.sink.Do(runner.Paste{At: c.floatAt, Cells: cells, States: append([]life.State(nil), c.float.States...)})
	c.float = nil
}

// save writes the board, or the selection, to a new file named after the
// pattern and the generation, and says where: as a macrocell file (.mc)
// under HashLife, whose boards are trees, else as RLE.
func (c *Controller) save() {
	if c.Frame == nil || !c.Frame.Started {
		return
	}
	c.saveAs(c.saveName())
}

// saveName returns the name Ctrl+S saves under: the pattern's, the
// generation and the format's extension.
func (c *Controller) saveName() string {
	ext := ".rle"
	if c.Frame.Options.Engine == sim.Hashlife {
		ext = ".mc"
	}
	return picture.Name(c.Name, c.Frame.Generation) + ext
}

// saveExts are the formats a save writes, by the extension of its name.
var saveExts = []string{".rle", ".cells", ".mc"}

// saveAs writes the board, or the selection, to a new file of that name (or
// like it, if it is taken) in the format its extension names, compressed
// with gzip if ".gz" follows it, and says where; a name of another extension
// is refused, and so is a board or a selection of more than MaxCopied
// cells, but for HashLife's whole board as a macrocell file, which the
// runner writes from the tree.
func (c *Controller) saveAs(name string) {
	ext, gzipped := pattern.Ext(name)
	base := stem(name)
	if !slices.Contains(saveExts, ext) || base == "" {
		c.say(fmt.Sprintf("save %s: want a name ending in %s (and .gz to compress it)", name, strings.Join(saveExts, ", ")))
		return
	}
	fileExt, packed := ext, func(write func(io.Writer) error) func(io.Writer) error { return write }
	if gzipped {
		fileExt, packed = ext+".gz", output.Gzip
	}
	r, selected := c.Selection()
	if !selected {
		r = c.board()
		if ext == ".mc" && c.Frame.Options.Engine == sim.Hashlife {
			c.sink.Do(runner.SaveMacrocell{Name: c.Name, Save: func(write func(io.Writer) error) (string, error) {
				return c.Files.Save(base, fileExt, packed(write))
			}})
			c.say("saving " + name)
			return
		}
	}
	if c.tooMany(r, "save") {
		return
	}
	write := func(w io.Writer) error { return c.writeRLE(w, r) }
	switch rule, gen := c.Frame.Options.Rule, c.Frame.Generation; ext {
	case ".cells":
		write = func(w io.Writer) error { return pattern.WriteUniverseCells(w, c.cells(r), c.Name, rule, gen) }
	case ".mc":
		write = func(w io.Writer) error {
			// At the board's positions, as the RLE's Pos gives them.
			m, err := pattern.MacrocellFromUniverse(c.cells(r), c.Name, rule, gen)
			if err != nil {
				return err
			}
			return pattern.WriteMacrocell(w, m)
		}
	}
	where, err := c.Files.Save(base, fileExt, packed(write))
	if err != nil {
		c.say(fmt.Sprintf("save %s: %v", where, err))
		return
	}
	c.say("saved " + where)
}

// Drop loads the first of the files dropped on the window, in place of the
// board; a file that is no pattern leaves the board as it is, and the window
// says why.
func (c *Controller) Drop(files fs.FS) {
	entries, err := fs.ReadDir(files, ".")
	if err != nil || len(entries) == 0 {
		return
	}
	name := entries[0].Name()
	f, err := files.Open(name)
	if err != nil {
		c.say(oneLine(err.Error()))
		return
	}
	defer f.Close()
	p, err := pattern.Read(f, name)
	if err != nil {
		c.say(oneLine(err.Error()))
		return
	}
	c.load(p, name)
}

// load replaces the board with p.
func (c *Controller) load(p *pattern.Pattern, spec string) {
	c.sink.Do(runner.Load{Pattern: p})
	c.sel, c.float = life.Rect{}, nil
	if p.Name != "" {
		c.Name = p.Name
	} else {
		c.Name = stem(filepath.Base(spec))
	}
	c.say(fmt.Sprintf("loaded %s (%dx%d)", spec, p.Width, p.Height))
}

// stem returns name without its extension, both of "gun.mc.gz".
func stem(name string) string {
	if _, gzipped := pattern.Ext(name); gzipped {
		name = strings.TrimSuffix(name, filepath.Ext(name))
	}
	return strings.TrimSuffix(name, filepath.Ext(name))
}

// say shows msg in the window for a while.
func (c *Controller) say(msg string) { c.Message = msg }

// oneLine returns the first line of s.
func oneLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return first
}
