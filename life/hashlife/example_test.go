package hashlife_test

import (
	"context"
	"fmt"
	"strings"

	"colife/life"
	"colife/life/hashlife"
)

// A glider flies 2^40 generations, a quarter of that many cells
// south-east, in one step.
func Example() {
	e, err := hashlife.New(life.Conway, hashlife.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range []life.Point{{X: 1}, {X: 2, Y: 1}, {Y: 2}, {X: 1, Y: 2}, {X: 2, Y: 2}} {
		if err := e.Set(c.X, c.Y, life.Alive); err != nil {
			fmt.Println(err)
			return
		}
	}
	if err := e.Step(context.Background(), 1<<40); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Generation(), e.Population(), e.Bounds())
	// Output: 1099511627776 5 3x3 at (274877906944,274877906944)
}

// A snapshot keeps a generation: another goroutine may read it while the
// engine steps on, and Restore goes back to it.
func ExampleSnapshot() {
	e, _ := hashlife.New(life.Conway, hashlife.Options{})
	for x := range int64(3) {
		_ = e.Set(x, 0, life.Alive) // a blinker
	}
	s := e.Snapshot()
	defer s.Release()
	_ = e.Step(context.Background(), 1)
	fmt.Println(s.Generation(), s.Bounds(), e.Generation(), e.Bounds())
	_ = e.Restore(s)
	fmt.Println(e.Generation(), e.Bounds())
	// Output:
	// 0 3x1 at (0,0) 1 1x3 at (1,-1)
	// 0 3x1 at (0,0)
}

// A macrocell file's nodes, children first, make a board through a
// Builder, and Walk gives them back. bgolly writes a glider at (0,0) as
// leaf 1, ".*" in its last row ("$$$$$$$.*$"), leaf 2, "..*$***$", and
// "4 0 1 0 2": a node of level 4 with leaf 1 at its north-east and leaf 2
// at its south-east.
func ExampleBuilder() {
	e, _ := hashlife.New(life.Conway, hashlife.Options{})
	b := e.Builder()
	one, _ := b.Leaf(0b010 << 56)      // row 7: .*
	two, _ := b.Leaf(0b111<<8 | 0b100) // rows 0 and 1: ..* and ***
	root, _ := b.Join(4, hashlife.Node{}, one, hashlife.Node{}, two)
	_ = b.Finish(root, hashlife.GollyCorner(root.Level()), 0)
	var live []string
	e.Cells(e.Bounds(), func(x, y int64, _ life.State) { live = append(live, life.Point{X: x, Y: y}.String()) })
	fmt.Println(strings.Join(live, " "))

	s, _ := e.Moved(0, -1) // the tree Golly reads back as this board
	defer s.Release()
	_, _, _, _ = s.Walk(func(n hashlife.MacroNode) error {
		fmt.Println(n.ID, n.Level, n.Children)
		return nil
	})
	// Output:
	// (1,0) (2,1) (0,2) (1,2) (2,2)
	// 1 3 [0 0 0 0]
	// 2 3 [0 0 0 0]
	// 3 4 [0 1 0 2]
}
