package hashlife_test

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/hashlife"
)

// macrocell is the node list of a two-state [M2] file, as Golly writes it:
// its lines as they are, and the generation of its #G line.
type macrocell struct {
	nodes []string
	gen   uint64
}

// readMacrocell reads the test's fixtures, written by bgolly: this is not
// the project's reader (life/pattern's), only enough of one to feed a
// Builder.
func readMacrocell(t *testing.T, path string) macrocell {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var m macrocell
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		switch {
		case strings.HasPrefix(l, "#G "):
			m.gen, err = strconv.ParseUint(l[3:], 10, 64)
			require.NoError(t, err)
		case strings.HasPrefix(l, "[M2]"), strings.HasPrefix(l, "#"):
		default:
			m.nodes = append(m.nodes, l)
		}
	}
	return m
}

// leafLine writes a leaf's cells as a macrocell file does: a row at a
// time, '.' and '*' up to the last live cell and '$', the empty rows at
// the end left out.
func leafLine(cells uint64) string {
	var b strings.Builder
	for y := range 8 {
		b.WriteString(strings.TrimRight(strings.Map(func(r rune) rune {
			if r == '1' {
				return '*'
			}
			return '.'
		}, reverse(fmt.Sprintf("%08b", uint8(cells>>(8*y))))), "."))
		b.WriteByte('$')
	}
	return strings.TrimRight(b.String(), "$") + "$"
}

func reverse(s string) string {
	r := []byte(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// build makes the file's board in e with a Builder, at Golly's corner.
func build(t *testing.T, e *hashlife.Engine, m macrocell) {
	t.Helper()
	b := e.Builder()
	ids := []hashlife.Node{{}}
	for _, l := range m.nodes {
		var n hashlife.Node
		var err error
		if l[0] == '.' || l[0] == '*' || l[0] == '$' {
			var cells uint64
			for y, row := range strings.Split(l, "$") {
				for x, c := range row {
					if c == '*' {
						cells |= 1 << (8*y + x)
					}
				}
			}
			n, err = b.Leaf(cells)
		} else {
			var level uint
			var q [4]int
			_, err = fmt.Sscan(l, &level, &q[0], &q[1], &q[2], &q[3])
			require.NoError(t, err)
			n, err = b.Join(level, ids[q[0]], ids[q[1]], ids[q[2]], ids[q[3]])
		}
		require.NoError(t, err)
		ids = append(ids, n)
	}
	root := ids[len(ids)-1]
	require.NoError(t, b.Finish(root, hashlife.GollyCorner(root.Level()), m.gen))
}

// written returns the node lines a macrocell writer writes for e's board,
// for Golly to read at its corner.
func written(t *testing.T, e *hashlife.Engine) []string {
	t.Helper()
	s, err := e.Moved(0, -1)
	require.NoError(t, err)
	defer s.Release()
	var lines []string
	root, level, corner, err := s.Walk(func(n hashlife.MacroNode) error {
		require.Equal(t, len(lines)+1, n.ID)
		if n.Level == 3 {
			lines = append(lines, leafLine(n.Cells))
		} else {
			lines = append(lines, fmt.Sprintf("%d %d %d %d %d", n.Level, n.Children[0], n.Children[1], n.Children[2], n.Children[3]))
		}
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, len(lines), root)
	assert.Equal(t, hashlife.RootCorner(level), corner)
	return lines
}

// TestMacrocellGolly reads two files bgolly wrote (a glider placed at
// (100,-50) by "#CXRLE Pos=100,-50", and the Gosper gun at generation 4096,
// `bgolly -a HashLife -o gosper-4096.mc -m 4096 gosper.rle`) through a
// Builder at Golly's corner, checks the cells against the RLE and the
// direct engine, and writes them back through Walk as the same lines.
func TestMacrocellGolly(t *testing.T) {
	glider := life.NewUniverse()
	for _, c := range []life.Point{{X: 1}, {X: 2, Y: 1}, {Y: 2}, {X: 1, Y: 2}, {X: 2, Y: 2}} {
		glider.Set(100+c.X, -50+c.Y, life.Alive)
	}
	gun := newDirect(t, life.Conway, load(t, "gosper"))
	gun.run(t, 4096)
	for _, tc := range []struct {
		file string
		want *life.Universe
	}{
		{"testdata/glider.mc", glider},
		{"testdata/gosper-4096.mc", gun.sim.Universe()},
	} {
		t.Run(tc.file, func(t *testing.T) {
			m := readMacrocell(t, tc.file)
			e, err := hashlife.New(life.Conway, hashlife.Options{})
			require.NoError(t, err)
			build(t, e, m)
			assert.Equal(t, m.gen, e.Generation())
			b := tc.want.Bounds()
			assert.Equal(t, b, e.Bounds())
			assert.Equal(t, cells(tc.want.Cells, b), cells(e.Cells, b))
			assert.Equal(t, m.nodes, written(t, e))
		})
	}
}

// TestBuilderRoundTrip walks boards and builds them again, at the engine's
// own corner and moved: the same cells, where they should be.
func TestBuilderRoundTrip(t *testing.T) {
	src := newEngine(t, life.Conway, load(t, "acorn"), hashlife.Options{})
	require.NoError(t, src.Step(context.Background(), 3000))
	s := src.Snapshot()
	defer s.Release()
	for _, move := range []life.Point{{}, {X: 1, Y: -1}, {X: -1000, Y: 77}, {X: 1 << 40, Y: -(1 << 50)}} {
		e, err := hashlife.New(life.Conway, hashlife.Options{})
		require.NoError(t, err)
		b := e.Builder()
		ids := []hashlife.Node{{}}
		root, level, corner, err := s.Walk(func(n hashlife.MacroNode) error {
			var m hashlife.Node
			var err error
			if n.Level == 3 {
				m, err = b.Leaf(n.Cells)
			} else {
				m, err = b.Join(n.Level, ids[n.Children[0]], ids[n.Children[1]], ids[n.Children[2]], ids[n.Children[3]])
			}
			ids = append(ids, m)
			return err
		})
		require.NoError(t, err)
		require.Equal(t, level, ids[root].Level())
		require.NoError(t, b.Finish(ids[root], corner.Add(move), 3000))
		from := s.Bounds()
		to := life.Rect{Min: from.Min.Add(move), Max: from.Max.Add(move)}
		require.Equal(t, to, e.Bounds())
		var moved []life.Point
		for _, p := range cells(s.Cells, from) {
			moved = append(moved, p.Add(move))
		}
		assert.Equal(t, moved, cells(e.Cells, to))
		assert.Equal(t, uint64(3000), e.Generation())
		_, err = b.Leaf(1)
		assert.Error(t, err, "a finished builder")
	}
}

// TestBuilderErrors checks what a Builder refuses.
func TestBuilderErrors(t *testing.T) {
	e, err := hashlife.New(life.Conway, hashlife.Options{})
	require.NoError(t, err)
	b := e.Builder()
	leaf, err := b.Leaf(0xff)
	require.NoError(t, err)
	four, err := b.Join(4, leaf, hashlife.Node{}, leaf, hashlife.Node{})
	require.NoError(t, err)
	_, err = b.Join(5, four, leaf, hashlife.Node{}, hashlife.Node{})
	assert.ErrorContains(t, err, "ne quadrant of level 3, not 4")
	_, err = b.Join(3, leaf, leaf, leaf, leaf)
	assert.ErrorContains(t, err, "level 3")
	_, err = b.Join(64, hashlife.Node{}, hashlife.Node{}, hashlife.Node{}, hashlife.Node{})
	assert.ErrorContains(t, err, "level 64")
	// A root whose corner puts it beyond the plane.
	err = b.Finish(four, life.Point{X: hashlife.PlaneMax - 4, Y: 0}, 0)
	assert.ErrorIs(t, err, hashlife.ErrPlane)
	assert.Zero(t, e.Population())
	b.Discard()
	_, err = b.Leaf(1)
	assert.Error(t, err)
}

// TestSaturated builds a board full of live cells 2^40 a side: 2^80 cells,
// more than a uint64 counts. Population saturates, PopulationBig is
// exact, the bounds and the blocks come from the tree, and flattening it
// is refused before it allocates.
func TestSaturated(t *testing.T) {
	e, err := hashlife.New(life.Conway, hashlife.Options{})
	require.NoError(t, err)
	b := e.Builder()
	n, err := b.Leaf(math.MaxUint64)
	require.NoError(t, err)
	for level := uint(4); level <= 40; level++ {
		n, err = b.Join(level, n, n, n, n)
		require.NoError(t, err)
	}
	corner := hashlife.RootCorner(40)
	require.NoError(t, b.Finish(n, corner, 0))
	assert.Equal(t, uint64(math.MaxUint64), e.Population())
	assert.Equal(t, new(big.Int).Lsh(big.NewInt(1), 80), e.PopulationBig())
	assert.Equal(t, life.RectOf(corner, 1<<40, 1<<40), e.Bounds())
	var blocks []life.Point
	e.Blocks(e.Bounds(), 38, func(x, y int64, pop uint64) {
		blocks = append(blocks, life.Point{X: x, Y: y})
		assert.Equal(t, uint64(math.MaxUint64), pop) // 2^76 each
	})
	assert.Len(t, blocks, 16)
	assert.Equal(t, corner, blocks[0])
	assert.Equal(t, life.Point{X: corner.X + 3<<38, Y: corner.Y + 3<<38}, blocks[15])
	_, err = e.Universe(0)
	assert.ErrorIs(t, err, life.ErrBudget)
	assert.Contains(t, err.Error(), "1208925819614629174706176 live cells")
	assert.Greater(t, e.Nodes(), 38)
	assert.Less(t, e.Nodes(), 200)
}
