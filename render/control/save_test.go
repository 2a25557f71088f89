package control_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

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

// TestSaveAs: Ctrl+Shift+S opens a prompt with the name Ctrl+S saves under;
// the extension typed picks the format (.rle, .cells, .mc), each read back
// as the board; another extension is refused and saves nothing.
func TestSaveAs(t *testing.T) {
	c, _, _, in := editing(t, board...)
	dir := string(c.Files.(output.Folder))
	in.press(control.KeyCtrlShiftS)
	c.Update(in)
	assert.Equal(t, "save as (.rle .cells .mc, .gz after one): test-gen5.rle_", c.Prompt())
	for _, tt := range []struct{ ext, typed string }{{".mc", "mc"}, {".cells", "cells"}, {".rle", "rle"}, {".mc.gz", "mc.gz"}, {".rle.gz", "rle.gz"}} {
		t.Run(tt.ext, func(t *testing.T) {
			saveAs(c, in, len("rle"), tt.typed)
			path := filepath.Join(dir, "test-gen5"+tt.ext)
			require.Equal(t, "saved "+path, c.Message)
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, strings.HasSuffix(tt.ext, ".gz"), bytes.HasPrefix(data, []byte{0x1f, 0x8b}), "compressed if .gz ends the name")
			p, err := pattern.Load(path, nil)
			require.NoError(t, err)
			g, err := life.NewGrid(8, 6)
			require.NoError(t, err)
			at := life.Point{}
			if p.Position != nil {
				at = *p.Position
			}
			for _, cell := range p.Cells {
				g.Set(int(at.X)+cell.X, int(at.Y)+cell.Y, life.Alive)
			}
			if tt.ext == ".cells" { // plaintext keeps no position: the live cells' box
				assert.Equal(t, 6, p.Population())
				return
			}
			assert.Equal(t, picture(t, board...), g.String(), "the board, where it was")
		})
	}
	saveAs(c, in, len("test-gen5.rle"), "board.txt")
	assert.Equal(t, "save board.txt: want a name ending in .rle, .cells, .mc (and .gz to compress it)", c.Message)
	_, err := pattern.Load(filepath.Join(dir, "board.txt"), nil)
	assert.ErrorIs(t, err, pattern.ErrUnknown, "nothing saved")
}

// saveAs opens the save-as prompt (Ctrl+Shift+S) unless it is open, erases
// the last erase characters of the name it offers, types typed and Enter.
func saveAs(c *control.Controller, in *input, erase int, typed string) {
	if c.Prompt() == "" {
		in.press(control.KeyCtrlShiftS)
	}
	for range erase {
		in.press(control.KeyBackspace)
	}
	typeText(c, in, typed, control.KeyEnter)
}

// TestSaveTree: under HashLife, Ctrl+S hands the whole board to the runner,
// which writes the macrocell file from the tree; a selection of more cells
// than the window copies is refused, for a copy as for a save, and says so.
func TestSaveTree(t *testing.T) {
	c, s, _, in := editing(t, board...)
	p, err := pattern.Load("gosper", nil)
	require.NoError(t, err)
	g, err := p.Grid(0)
	require.NoError(t, err)
	opt := sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Hashlife}
	h, err := sim.New(context.Background(), g, opt)
	require.NoError(t, err)
	defer h.Close()
	require.NoError(t, h.Run(context.Background(), 1<<28))
	snap := h.Snapshot()
	defer snap.Release()
	require.Greater(t, h.Population(), control.MaxCopied)
	c.Frame = &runner.Frame{Plane: snap.Board(), Bounds: h.Bounds(), Options: opt, Generation: 1 << 28, Started: true}
	c.View = view.NewUnbounded(h.Bounds(), 400, 300, 0)

	in.press(control.KeyCtrlS)
	c.Update(in)
	require.Len(t, s.cmds, 1)
	save, ok := s.cmds[0].(runner.SaveMacrocell)
	require.True(t, ok, "%T", s.cmds[0])
	assert.Equal(t, "test", save.Name)
	assert.Equal(t, "saving test-gen268435456.mc", c.Message)
	dir := string(c.Files.(output.Folder))
	write := func(w io.Writer) error { _, err := io.WriteString(w, "[M2]\n"); return err }
	where, err := save.Save(write)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "test-gen268435456.mc"), where)
	assert.FileExists(t, where)

	// Saved as .mc.gz, the runner's file is compressed.
	saveAs(c, in, len("mc"), "mc.gz")
	require.Len(t, s.cmds, 2)
	save, ok = s.cmds[1].(runner.SaveMacrocell)
	require.True(t, ok, "%T", s.cmds[1])
	where, err = save.Save(write)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "test-gen268435456.mc.gz"), where)
	data, err := os.ReadFile(where)
	require.NoError(t, err)
	zr, err := gzip.NewReader(bytes.NewReader(data))
	require.NoError(t, err)
	plain, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, "[M2]\n", string(plain))

	// Shift+drag across the window: the whole of the gliders' diagonal.
	in.holdKey(control.KeyShift, true)
	in.move(0, 0).hold(control.Left, true)
	c.Update(in)
	in.move(399, 299)
	c.Update(in)
	in.hold(control.Left, false)
	in.holdKey(control.KeyShift, false)
	c.Update(in)
	_, ok = c.Selection()
	require.True(t, ok)
	in.press(control.KeyCtrlC)
	c.Update(in)
	assert.True(t, strings.HasPrefix(c.Message, "copy: about "), c.Message)
	assert.Contains(t, c.Message, "Ctrl+S saves the whole board as a macrocell file")
	in.press(control.KeyCtrlS)
	c.Update(in)
	assert.True(t, strings.HasPrefix(c.Message, "save: about "), c.Message)
	assert.Len(t, s.cmds, 2, "nothing more for the runner")
}
