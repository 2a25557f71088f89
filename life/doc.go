// Package life is the Game of Life of "Effective Python" (Item 40) with
// every cell a goroutine: the vocabulary every engine shares.
//
// In the book each cell is a coroutine, step_cell, that yields a Query for
// its own state and one for each of its eight neighbours, then a Transition
// with its next state; live_a_generation answers every Query from the
// current grid and writes every Transition into the progeny, until TICK ends
// the generation. Here the cell program is StepCell (cell.go), written once
// against a Port, the other side of the yield; the engines choose how its
// messages travel, or compute what it computes another way.
//
// This package holds what they all use: the boards (Grid, a bounded
// rectangle in one flat slice; Universe, the unbounded plane in 64x64 bit
// tiles at int64 coordinates; Point and Rect), the rules (Rule: life-like,
// isotropic non-totalistic and Generations, rule.go and hensel.go), the
// topologies, the cell program and its messages, the Detector of still
// lifes, oscillators and spaceships, and the memory budget. The engines
// live in packages of their own, one each:
//
//	life/cells    the cell program's engines: Active (the goroutine engine:
//	              a goroutine for each cell that can change, messages over
//	              channels; with the Coroutines transport, the coroutine
//	              engine: each an iter.Pull coroutine, resumed with each
//	              answer as a generator is with send; with Generator, one
//	              such coroutine a shard, the book's simulate), Dense and
//	              DenseCoroutines (every cell, every generation: the book's
//	              form) and Sweep (the program run in line, on the active
//	              cells, for the rules the bit boards cannot run)
//	life/direct   what the program computes, 64 cells to a machine word:
//	              Board on a torus or plane, Tiles on the unbounded plane
//	life/sim      the Simulation: picks the engine for a rule, a topology and
//	              an Engine, owns the board, steps it, and is what renderers
//	              and programs use
//
// A Rule is any of the three families: StepCell's eight neighbour Queries
// tell it which neighbours are alive (a bit each), the answers and the
// Transition carry a cell's whole state, and Rule.Next maps a state and
// that configuration to the next state.
//
// # The protocol
//
// The grid is cut into shards of consecutive cells, each with one driver
// goroutine. One generation, seen from one cell:
//
//	cell (x, y) goroutine                         driver of its shard
//	---------------------                         -------------------
//	Query{x, y}     ---------- inbox ---------->  holds it until it starts
//	waits on reply                                the cell (TICK), then reads
//	                <---------- state ----------  cur at (x, y), sends on reply
//	Query{x, y-1}   ---------- inbox ---------->  N, NE, E, SE, S, SW, W, NW:
//	waits on reply  <---------- state ----------  reads cur, sends on reply
//	  ... eight neighbour queries, each answered before the next is sent ...
//	Transition{x, y, state}  - inbox ---------->  writes next at (x, y)
//	Query{x, y} of its next step  - inbox ----->  holds it for the next
//	waits on reply                                generation; when every cell
//	                                              of the shard has sent its
//	                                              Transition, the shard's
//	                                              generation is done
//
// A cell sends its next Query only after the answer to the previous one has
// arrived, as a Python coroutine is suspended at yield until send. After its
// Transition it runs straight on to its next step's first Query, as the
// book's coroutine runs on from a Transition to the next cell's Query; the
// driver holds that Query, and answering it is what starts the cell in the
// next generation: at once for the first few dozen cells of the shard, and
// for each of the others when an earlier one has sent its Transition (see
// Scheduling). The Simulation starts a generation on every driver and waits
// until all of them have finished before it swaps the grids, so generations
// run in lockstep: every Query of generation n is answered from grid n and no
// cell ever reads a grid of another generation. The result is deterministic
// and equals the direct engine's, generation by generation.
//
// life/cells says who owns and who closes each channel of the goroutine
// engines, and how their drivers batch the work.
//
// # Edges
//
// A Grid has no edges of its own; the Topology says what is beyond them.
// On a Torus a query wraps with modulo arithmetic, exactly as the book's
// Grid.query does, so on a grid 1 or 2 cells wide a neighbour may be the cell
// itself or one cell counted twice. On a Plane every cell beyond the edge is
// dead, whatever the rule: with a B0 rule the inside fills and the border
// sees the dead outside.
package life
