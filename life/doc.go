// Package life is the Game of Life of "Effective Python" (Item 40) with
// every cell a goroutine.
//
// In the book each cell is a coroutine, step_cell, that yields a Query for
// its own state and one for each of its eight neighbours, then a Transition
// with its next state; live_a_generation answers every Query from the
// current grid and writes every Transition into the progeny, until TICK ends
// the generation. Here the cell program is stepCell, written once against a
// port (the other side of the yield), and an Engine runs it:
//
//   - Goroutine: every cell that can change is a goroutine that sends its
//     Query and Transition messages over channels to a generation driver.
//     A cell whose 3x3 neighbourhood did not change in the last generation
//     cannot change in the next, so only the neighbourhoods of the last
//     changes run; their goroutines are a pool that follows the action
//     (active.go).
//   - Dense: every cell of a bounded grid is a long-lived goroutine, every
//     generation, as the book has it; the protocol below is its, and the
//     goroutine engine's drivers speak it too.
//   - Direct: what the same program computes, 64 cells at a time: the board
//     packed into machine words, a cell's live neighbours counted by bitwise
//     adders, the rule a boolean function of the count's bits; on a torus or
//     plane the rows shared out among GOMAXPROCS goroutines, on an unbounded
//     plane the live 64x64 tiles; the fast path. The tests check it against
//     the cell program, cell for cell. That is for totalistic rules (on an
//     unbounded plane, two-state ones); a Generations rule's dying cells
//     keep their ages in bit planes of their own on a torus or plane. For
//     the rules whose next state depends on which neighbours are alive
//     (isotropic non-totalistic), and Generations rules on an unbounded
//     plane, Direct runs stepCell itself, inline, with a port that answers
//     from the board at once, on the active cells only (sweep.go).
//
// A Rule is any of those families: stepCell's eight neighbour Queries tell
// it which neighbours are alive (a bit each), the answers and the
// Transition carry a cell's whole state, and Rule.Next maps a state and
// that configuration to the next state (rule.go, hensel.go).
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
// # Channels: who owns, who closes
//
//   - A driver's inbox (chan message, one per shard): many cells send on it,
//     its driver receives. While the cells start it holds every cell's first
//     Query; during a generation, at most two messages (a Transition and the
//     next Query) from each of the few dozen cells in flight. It is buffered
//     for the larger of the two, so no send ever blocks. Nobody closes it:
//     the cells stop sending before the driver goes, and the garbage
//     collector takes it.
//   - A cell's reply channel (chan State, one per cell, buffered 1): only its
//     driver sends on it, answers, and only its driver closes it, on
//     shutdown. A closed reply is the cell's way out, wherever it waits.
//   - A driver's wake channel (chan struct{}, buffered 1): the driver counts
//     the Queries it is owed, one from each cell it has answered or started;
//     the cell whose Query brings that count to zero sends on wake, and only
//     the driver receives. Nobody closes it.
//   - A driver's start channel: the Simulation sends each generation's pair
//     of grids; the drivers report on one shared done channel. A quit channel,
//     closed once by Close or a cancelled context, ends the drivers, which
//     close their cells' replies and wait for the cells to end; Close waits
//     for the drivers.
//
// # Scheduling
//
// A driver keeps a window of a few dozen cells of its shard in flight: it
// starts the first ones (answers the Queries it holds for them), and starts
// another each time one sends its Transition. It works in batches: it answers
// every message in its inbox, then sleeps on wake until every cell it
// answered has sent its next Query, rather than waking for each one. So a
// Query costs one goroutine switch (the cell's), not two, and a Transition
// none; the driver wakes on the P where its cells ran, and the goroutines at
// work stay few enough to keep in the CPU's caches. Every Query is still a
// channel send and a wake-up of a parked goroutine, and in Go each wake-up
// takes the scheduler's global lock in wakep while all Ps are busy: that, not
// the cell program, bounds the engine's speed (README's benchmark table has
// the numbers).
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
