package life_test

import (
	"context"
	"fmt"

	"colife/life"
	"colife/life/sim"
)

// The book's Item 40 run: a glider on a 9×5 torus, every cell a goroutine
// (the dense engine; the goroutine engine would run only the cells near the
// glider).
func Example() {
	g, _ := life.ParseGrid(
		"---*-----",
		"----*----",
		"--***----",
		"---------",
		"---------",
	)
	s, err := sim.New(context.Background(), g, sim.Options{Rule: life.Conway, Engine: sim.Dense})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	if err := s.Run(context.Background(), 4); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("generation %d, population %d, %d cell goroutines\n", s.Generation(), s.Grid().Population(), s.Goroutines()-1)
	fmt.Print(s.Grid())
	// Output:
	// generation 4, population 5, 45 cell goroutines
	// ---------
	// ----*----
	// -----*---
	// ---***---
	// ---------
}

func ExampleParseRule() {
	for _, s := range []string{"b36/s23", "S23/B3", "seeds", "B9/S23"} {
		r, err := life.ParseRule(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(r, r.Name())
	}
	// Output:
	// B36/S23 highlife
	// B3/S23 life
	// B2/S seeds
	// rule "B9/S23": unexpected '9' in "9"; neighbour counts are digits 0 to 8
}

func ExampleDetector() {
	g, _ := life.ParseGrid(
		"......",
		"..O...",
		"...O..",
		".OOO..",
		"......",
		"......",
	)
	s, _ := sim.New(context.Background(), g, sim.Options{Rule: life.Conway, Topology: life.Torus, Engine: sim.Direct})
	defer s.Close()
	d := life.NewDetector(0, life.Torus)
	for {
		if r, ok := d.Observe(s.Generation(), s.Grid()); ok {
			fmt.Println(r)
			return
		}
		s.Step()
	}
	// Output: spaceship period 4 moving (1,1) from generation 0
}
