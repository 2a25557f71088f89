package pattern_test

import (
	"fmt"
	"os"
	"strings"

	"colife/life"
	"colife/life/pattern"
)

func ExampleRead() {
	const rle = `#N Glider
#C The smallest spaceship.
x = 3, y = 3, rule = B3/S23
bo$2bo$3o!
`
	p, err := pattern.Read(strings.NewReader(rle), "glider.rle")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s, %dx%d, %d cells, rule %s\n", p.Name, p.Width, p.Height, len(p.Cells), p.Rule)
	g, _ := p.Grid(1)
	fmt.Print(g)

	_, err = pattern.Read(strings.NewReader("x = 3, y = 1\nboz!\n"), "bad.rle")
	fmt.Println(err)
	// Output:
	// Glider, 3x3, 5 cells, rule B3/S23
	// -----
	// --*--
	// ---*-
	// -***-
	// -----
	// bad.rle:2:3: unexpected 'z' in RLE body; want b, o, $ or !
}

func ExampleWriteRLE() {
	g, _ := life.ParseGrid(
		".....",
		".OOO.",
		".....",
	)
	p := pattern.FromGrid(g, "Blinker", life.Conway)
	p.Comments = []string{"Period 2."}
	if err := pattern.WriteRLE(os.Stdout, p); err != nil {
		fmt.Println(err)
	}
	// Output:
	// #N Blinker
	// #C Period 2.
	// x = 5, y = 3, rule = B3/S23
	// $b3o!
}

func ExampleLibrary() {
	for _, p := range pattern.Library()[:4] {
		fmt.Printf("%-8s %dx%d %s  %s\n", p.Name, p.Width, p.Height, p.Rule, p.Description)
	}
	// Output:
	// acorn    7x3 B3/S23  Acorn: a seven-cell methuselah that settles after 5206 generations
	// beacon   4x4 B3/S23  Beacon: a period-2 oscillator made of two blocks
	// beehive  4x3 B3/S23  Beehive: a six-cell still life, the second most common one
	// blinker  3x1 B3/S23  Blinker: the smallest oscillator, period 2
}

// A Generations rule's dying cells are read and written as Golly writes
// them, and a bounded-grid suffix comes back as Bounds.
func ExampleRead_generations() {
	const rle = "x = 2, y = 2, rule = B2/S/C3:T8,6\n2A$2B!\n"
	p, err := pattern.Read(strings.NewReader(rle), "ship.rle")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("rule %s on a %dx%d %s\n", p.Rule, p.Bounds.Width, p.Bounds.Height, p.Bounds.Topology)
	g, _ := p.Grid(0)
	fmt.Print(g)
	pattern.WriteRLE(os.Stdout, p)

	_, err = pattern.Read(strings.NewReader("x = 2, y = 1, rule = B2/S/C3\nAC!\n"), "bad.rle")
	fmt.Println(err)
	// Output:
	// rule B2/S/C3 on a 8x6 torus
	// **
	// 22
	// x = 2, y = 2, rule = B2/S/C3:T8,6
	// 2A$2B!
	// bad.rle:2:2: state 3 (C) but rule B2/S/C3 has 3 states, 0 to 2
}

func ExampleReadMacrocell() {
	f, err := os.Open("testdata/macrocell/gosper-2e40.mc")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	m, err := pattern.ReadMacrocell(f, "gun.mc")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("generation %s: %d nodes, %d live cells in %s\n", m.Generation, len(m.Nodes), m.Population(), m.Bounds())
	_, err = m.Pattern()
	fmt.Println(err)
	// Output:
	// generation 1099511627776: 1086 nodes, 183251938004 live cells in 274877906962x274877906949 at (0,0)
	// pattern has 183,251,938,004 live cells, more than the 4,194,304 the engines that expand it take; run it with -engine hashlife
}

func ExampleWriteMacrocell() {
	g, _ := life.ParseGrid(
		".O.",
		"..O",
		"OOO",
	)
	m, err := pattern.MacrocellFromPattern(pattern.FromGrid(g, "Glider", life.Conway))
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := pattern.WriteMacrocell(os.Stdout, m); err != nil {
		fmt.Println(err)
	}
	fmt.Println(m.Square(), m.Bounds())
	// Output:
	// [M2] (colife)
	// #R B3/S23
	// #N Glider
	// $$$$$$$.*$
	// ..*$***$
	// 4 0 1 0 2
	// 16x16 at (-8,-7) 3x3 at (0,0)
}
