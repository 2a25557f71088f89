package control_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
	"colife/render/control"
	"colife/render/output"
	"colife/render/runner"
	"colife/render/view"
)

// clipboard is a fake system clipboard.
type clipboard struct {
	text string
	err  error
}

func (c *clipboard) ReadText() (string, error) { return c.text, c.err }
func (c *clipboard) WriteText(s string) error  { c.text = s; return c.err }

// editing returns a controller of a 16 × 16 grid at 10 pixels a cell from
// (0, 0), showing gen 5 of rows under highlife, with a fake clipboard.
func editing(t *testing.T, rows ...string) (*control.Controller, *sink, *clipboard, *input) {
	t.Helper()
	g, err := life.ParseGrid(rows...)
	require.NoError(t, err)
	highlife, err := life.ParseRule("highlife")
	require.NoError(t, err)
	var s sink
	c := control.New(view.View{GridW: g.Width(), GridH: g.Height(), ScreenW: 400, ScreenH: 300, Zoom: 10}, &s, false)
	c.Frame = &runner.Frame{Grid: g, Options: sim.Options{Rule: highlife}, Generation: 5, Started: true}
	c.Name = "test"
	c.Files = output.Folder(t.TempDir())
	clip := &clipboard{}
	c.Clipboard = clip
	return c, &s, clip, newInput()
}

var board = []string{
	"........",
	".O......",
	"..O.....",
	"OOO.....",
	"........",
	"......O.",
}

// dragSelect drags with Shift held from the cell (x0, y0) to (x1, y1).
func dragSelect(c *control.Controller, in *input, x0, y0, x1, y1 int) {
	in.holdKey(control.KeyShift, true)
	in.move(x0*10+5, y0*10+5).hold(control.Left, true)
	c.Update(in)
	in.move(x1*10+5, y1*10+5)
	c.Update(in)
	in.hold(control.Left, false)
	in.holdKey(control.KeyShift, false)
	c.Update(in)
}

func TestSelectCopyCutDelete(t *testing.T) {
	c, s, clip, in := editing(t, board...)
	dragSelect(c, in, 3, 3, 0, 1)
	sel, ok := c.Selection()
	require.True(t, ok)
	assert.Equal(t, life.Rect{Min: life.Point{X: 0, Y: 1}, Max: life.Point{X: 4, Y: 4}}, sel, "the corners, either way round")
	assert.Empty(t, s.cmds, "selecting draws nothing")
	assert.Zero(t, s.strokes)

	in.press(control.KeyCtrlC)
	c.Update(in)
	p, err := pattern.Read(strings.NewReader(clip.text), "clipboard")
	require.NoError(t, err, clip.text)
	assert.Equal(t, []pattern.Cell{{X: 1, Y: 0}, {X: 2, Y: 1}, {X: 0, Y: 2}, {X: 1, Y: 2}, {X: 2, Y: 2}}, p.Cells, "the glider, not the cell outside")
	assert.Equal(t, "B36/S23", p.Rule)
	assert.Equal(t, "copied 4x3", c.Message)
	assert.Empty(t, s.cmds)

	clip.text = ""
	in.press(control.KeyCtrlX)
	c.Update(in)
	assert.Contains(t, clip.text, "x = 3, y = 3")
	in.press(control.KeyDelete)
	c.Update(in)
	assert.Equal(t, []runner.Command{runner.ClearRect{Rect: sel}, runner.ClearRect{Rect: sel}}, s.cmds)

	in.press(control.KeyEscape)
	c.Update(in)
	_, ok = c.Selection()
	assert.False(t, ok, "Esc drops the selection")
	assert.False(t, c.Quit)
	in.press(control.KeyCtrlC, control.KeyDelete)
	c.Update(in)
	assert.Len(t, s.cmds, 2, "nothing selected: nothing cleared")
	assert.Contains(t, c.Message, "nothing selected")

	clip.err = errors.New("no owner")
	dragSelect(c, in, 0, 0, 1, 1)
	in.press(control.KeyCtrlX)
	c.Update(in)
	assert.Equal(t, "copy: no owner", c.Message)
	assert.Len(t, s.cmds, 2, "a cut that could not copy clears nothing")
}

func TestPasteFloatsRotatesAndPlaces(t *testing.T) {
	c, s, clip, in := editing(t, board...)
	// An L: three cells down, one to the right at the bottom.
	clip.text = "x = 2, y = 3\no$o$2o!\n"
	in.move(45, 65)
	in.press(control.KeyCtrlV)
	c.Update(in)
	f, at := c.Floating()
	require.NotNil(t, f)
	assert.Equal(t, life.Point{X: 4, Y: 6}, at, "under the cursor")
	assert.Empty(t, s.cmds, "nothing pasted until a click")

	in.press(control.KeyPeriod) // rotate clockwise: three across, one below the left end
	c.Update(in)
	assert.Equal(t, [2]int64{3, 2}, [2]int64{f.W, f.H})
	assert.ElementsMatch(t, []life.Point{{X: 2, Y: 0}, {X: 1, Y: 0}, {X: 0, Y: 0}, {X: 0, Y: 1}}, f.Cells)
	in.press(control.KeyX) // flip left-right
	c.Update(in)
	assert.ElementsMatch(t, []life.Point{{X: 0, Y: 0}, {X: 1, Y: 0}, {X: 2, Y: 0}, {X: 2, Y: 1}}, f.Cells)
	in.press(control.KeyComma) // rotate anticlockwise: down, a nub at the top right
	c.Update(in)
	assert.Equal(t, [2]int64{2, 3}, [2]int64{f.W, f.H})
	assert.ElementsMatch(t, []life.Point{{X: 0, Y: 0}, {X: 1, Y: 0}, {X: 0, Y: 1}, {X: 0, Y: 2}}, f.Cells)
	in.press(control.KeyY) // flip top-bottom: the L again
	c.Update(in)
	assert.ElementsMatch(t, []life.Point{{X: 0, Y: 0}, {X: 0, Y: 1}, {X: 0, Y: 2}, {X: 1, Y: 2}}, f.Cells)
	assert.Empty(t, s.cmds, "the step keys rotate and the graph key flips while a paste floats")

	in.move(105, 15)
	in.hold(control.Left, true)
	c.Update(in)
	c.Update(in) // held: it does not draw
	in.hold(control.Left, false)
	c.Update(in)
	require.Len(t, s.cmds, 1)
	paste := s.cmds[0].(runner.Paste)
	assert.Equal(t, life.Point{X: 10, Y: 1}, paste.At)
	assert.ElementsMatch(t, []life.Point{{X: 0, Y: 0}, {X: 0, Y: 1}, {X: 0, Y: 2}, {X: 1, Y: 2}}, paste.Cells)
	f, _ = c.Floating()
	assert.Nil(t, f, "placed")
	assert.Zero(t, s.strokes)

	// Esc gives a paste up; bad text never floats.
	in.press(control.KeyCtrlV, control.KeyEscape)
	c.Update(in)
	f, _ = c.Floating()
	assert.Nil(t, f)
	assert.False(t, c.Quit)
	clip.text = "x = 2, y = 1\n2z!\n"
	in.press(control.KeyCtrlV)
	c.Update(in)
	f, _ = c.Floating()
	assert.Nil(t, f)
	assert.Equal(t, "clipboard:2:2: unexpected 'z' in RLE body; want b, o, $ or !", c.Message)
	assert.Len(t, s.cmds, 1)
}

func TestUndoRedoStepAndToggleKeys(t *testing.T) {
	c, s, _, in := editing(t, board...)
	in.press(control.KeyCtrlZ, control.KeyCtrlShiftZ, control.KeyCtrlY, control.KeyPeriod, control.KeyComma)
	c.Update(in)
	assert.Equal(t, []runner.Command{runner.Undo{}, runner.Redo{}, runner.Redo{}, runner.Bigger{}, runner.Smaller{}}, s.cmds)
	assert.True(t, c.Lines, "grid lines on at the start")
	in.press(control.KeyY, control.KeyG, control.KeyT)
	c.Update(in)
	assert.Equal(t, [3]bool{true, false, true}, [3]bool{c.Graph, c.Lines, c.Light})
}

// typeText types s into the controller's prompt, then presses keys.
func typeText(c *control.Controller, in *input, s string, keys ...control.Key) {
	in.typeText(s)
	in.press(keys...)
	c.Update(in)
}

func TestRulePrompt(t *testing.T) {
	c, s, _, in := editing(t, board...)
	in.press(control.KeyCtrlR)
	c.Update(in)
	assert.Equal(t, "rule (B3/S23 or a name): _", c.Prompt())
	typeText(c, in, "B39/S2")
	_, want := life.ParseRule("B39/S2")
	require.Error(t, want)
	typeText(c, in, "", control.KeyEnter)
	assert.Equal(t, want.Error(), c.Message, "the parser's message")
	assert.NotEmpty(t, c.Prompt(), "still open")
	assert.Empty(t, s.cmds)

	typeText(c, in, "", control.KeyBackspace, control.KeyBackspace, control.KeyBackspace, control.KeyBackspace)
	typeText(c, in, "6/S23")
	in.presses = append(in.presses, control.Press{Key: control.KeyC, Rune: 'c'}, control.Press{Key: control.KeyR, Rune: 'r'})
	c.Update(in) // keys typed in the prompt do not act: C would clear, R reset
	typeText(c, in, "", control.KeyBackspace, control.KeyBackspace, control.KeyEnter)
	highlife, err := life.ParseRule("B36/S23")
	require.NoError(t, err)
	assert.Equal(t, []runner.Command{runner.SetRule{Rule: highlife}}, s.cmds)
	assert.Empty(t, c.Prompt(), "closed")

	in.press(control.KeyCtrlR)
	c.Update(in)
	typeText(c, in, "seeds", control.KeyEscape)
	assert.Empty(t, c.Prompt())
	assert.Len(t, s.cmds, 1, "Esc gives up")
	assert.False(t, c.Quit)
}

// open presses O, types spec and Enter.
func open(c *control.Controller, in *input, spec string) {
	in.press(control.KeyO)
	c.Update(in)
	typeText(c, in, spec, control.KeyEnter)
}

func TestOpenPrompt(t *testing.T) {
	c, s, _, in := editing(t, board...)
	open(c, in, "no-such-thing")
	assert.Contains(t, c.Message, `pattern "no-such-thing": unknown pattern`)
	assert.Empty(t, s.cmds, "the board is kept")
	assert.Equal(t, "open (file or built-in name): no-such-thing_", c.Prompt(), "open, to mend the text")
	in.press(control.KeyEscape)
	c.Update(in)

	bad := filepath.Join(t.TempDir(), "bad.rle")
	require.NoError(t, os.WriteFile(bad, []byte("x = 3, y = 1\n3z!\n"), 0o644))
	open(c, in, bad)
	assert.Equal(t, bad+":2:2: unexpected 'z' in RLE body; want b, o, $ or !", c.Message)
	assert.Empty(t, s.cmds)
	in.press(control.KeyEscape)
	c.Update(in)

	good := filepath.Join(t.TempDir(), "two.cells")
	require.NoError(t, os.WriteFile(good, []byte("OO\n"), 0o644))
	open(c, in, good)
	require.Len(t, s.cmds, 1)
	p := s.cmds[0].(runner.Load).Pattern
	assert.Equal(t, []pattern.Cell{{X: 0, Y: 0}, {X: 1, Y: 0}}, p.Cells)
	assert.Equal(t, "two", c.Name, "saves are named after it")
	assert.Empty(t, c.Prompt())

	open(c, in, "Glider")
	require.Len(t, s.cmds, 2)
	assert.Equal(t, "glider", s.cmds[1].(runner.Load).Pattern.Name)

	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, err := zw.Write([]byte("x = 3, y = 1\n3o!\n"))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	packed := filepath.Join(t.TempDir(), "three.rle.gz")
	require.NoError(t, os.WriteFile(packed, gz.Bytes(), 0o644))
	open(c, in, packed)
	require.Len(t, s.cmds, 3)
	assert.Len(t, s.cmds[2].(runner.Load).Pattern.Cells, 3, "read through gzip")
	assert.Equal(t, "three", c.Name, "named without .rle.gz")
}

func TestLibraryPicker(t *testing.T) {
	c, s, _, in := editing(t, board...)
	assert.Nil(t, c.Picker())
	in.press(control.KeyL)
	c.Update(in)
	lib := pattern.Library()
	lines := c.Picker()
	require.Greater(t, len(lines), 3)
	assert.True(t, strings.HasPrefix(lines[2], "> "+lib[0].Name), lines[2])
	in.press(control.KeyDown, control.KeyDown, control.KeyUp, control.KeyDown, control.KeyC)
	c.Update(in)
	assert.True(t, strings.HasPrefix(c.Picker()[4], "> "+lib[2].Name), c.Picker()[4])
	in.press(control.KeyEnter)
	c.Update(in)
	require.Equal(t, 1, len(s.cmds), "only the Enter did something: %v", s.cmds)
	assert.Equal(t, lib[2].Name, s.cmds[0].(runner.Load).Pattern.Name)
	assert.Nil(t, c.Picker(), "closed")
	in.press(control.KeyL, control.KeyEscape)
	c.Update(in)
	assert.Nil(t, c.Picker())
	assert.False(t, c.Quit)
}

func TestSave(t *testing.T) {
	c, _, _, in := editing(t, board...)
	dir := string(c.Files.(output.Folder))
	in.press(control.KeyCtrlS)
	c.Update(in)
	path := filepath.Join(dir, "test-gen5.rle")
	assert.Equal(t, "saved "+path, c.Message)
	p, err := pattern.Load(path, nil)
	require.NoError(t, err)
	assert.Equal(t, "B36/S23", p.Rule)
	assert.Equal(t, 5, p.Generation)
	require.NotNil(t, p.Position)
	g, err := life.NewGrid(8, 6)
	require.NoError(t, err)
	for _, cell := range p.Cells {
		g.Set(int(p.Position.X)+cell.X, int(p.Position.Y)+cell.Y, life.Alive)
	}
	assert.Equal(t, picture(t, board...), g.String(), "the board, where it was")

	dragSelect(c, in, 0, 0, 3, 3)
	in.press(control.KeyCtrlS)
	c.Update(in)
	assert.Equal(t, "saved "+filepath.Join(dir, "test-gen5-2.rle"), c.Message, "a new file")
	p, err = pattern.Load(filepath.Join(dir, "test-gen5-2.rle"), nil)
	require.NoError(t, err)
	assert.Equal(t, 5, p.Population(), "the selection only")

	// An empty selection saves a file that reads back: no cell, the rule
	// and the generation.
	dragSelect(c, in, 4, 0, 7, 0)
	in.press(control.KeyCtrlS)
	c.Update(in)
	p, err = pattern.Load(filepath.Join(dir, "test-gen5-3.rle"), nil)
	require.NoError(t, err)
	assert.Equal(t, [3]any{0, 5, "B36/S23"}, [3]any{p.Population(), p.Generation, p.Rule})

	missing := filepath.Join(dir, "missing")
	c.Files = output.Folder(missing)
	in.press(control.KeyCtrlS)
	c.Update(in)
	assert.Contains(t, c.Message, "save "+filepath.Join(missing, "test-gen5.rle")+": ")
}

func TestDrop(t *testing.T) {
	c, s, _, _ := editing(t, board...)
	c.Drop(fstest.MapFS{"bad.rle": {Data: []byte("x = 1, y = 1\nz!\n")}})
	assert.Equal(t, "bad.rle:2:1: unexpected 'z' in RLE body; want b, o, $ or !", c.Message)
	assert.Empty(t, s.cmds, "the board is kept")
	c.Drop(fstest.MapFS{"blinker.cells": {Data: []byte("!Name: blinker\nOOO\n")}})
	require.Len(t, s.cmds, 1)
	assert.Equal(t, "blinker", s.cmds[0].(runner.Load).Pattern.Name)
	assert.Equal(t, "loaded blinker.cells (3x1)", c.Message)
}

// TestCopyKeepsDyingStates: a selection under a Generations rule is copied
// with its dying cells' states, as multi-state RLE, and pasted back with
// them.
func TestCopyKeepsDyingStates(t *testing.T) {
	c, s, clip, in := editing(t, "....", ".**.", ".23.", "....")
	brain, err := life.ParseRule("B2/S/C4")
	require.NoError(t, err)
	c.Frame.Options.Rule = brain
	dragSelect(c, in, 0, 0, 3, 3)
	in.press(control.KeyCtrlC)
	c.Update(in)
	p, err := pattern.Read(strings.NewReader(clip.text), "clipboard")
	require.NoError(t, err, clip.text)
	assert.Equal(t, "B2/S/C4", p.Rule)
	assert.Equal(t, []pattern.Cell{{X: 0, Y: 0}, {X: 1, Y: 0}, {X: 0, Y: 1, Dying: 2}, {X: 1, Y: 1, Dying: 3}}, p.Cells, clip.text)

	// Pasted back, rotated, the dying cells keep their states.
	in.press(control.KeyEscape)
	c.Update(in)
	in.move(105, 15)
	in.press(control.KeyCtrlV)
	c.Update(in)
	f, _ := c.Floating()
	require.NotNil(t, f, c.Message)
	f.Rotate(true)
	in.hold(control.Left, true)
	c.Update(in)
	in.hold(control.Left, false)
	c.Update(in)
	require.Len(t, s.cmds, 1)
	paste := s.cmds[0].(runner.Paste)
	got := map[life.Point]life.State{}
	for i, q := range paste.Cells {
		got[q] = paste.States[i]
	}
	// Rotated clockwise, the 2x2 block's bottom row (2, 3) is its left
	// column, 3 above 2.
	assert.Equal(t, map[life.Point]life.State{{X: 1, Y: 0}: life.Alive, {X: 1, Y: 1}: life.Alive, {X: 0, Y: 0}: 2, {X: 0, Y: 1}: 3}, got)
}
