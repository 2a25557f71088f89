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
//   - Goroutine: every cell is a long-lived goroutine that sends its Query
//     and Transition messages over channels to a generation driver.
//   - Direct: the same program in line, its queries answered by reading the
//     grid; the reference, and the fast path.
//
// # The protocol
//
// The grid is cut into shards of consecutive cells, each with one driver
// goroutine. One generation, seen from one cell:
//
//	cell (x, y) goroutine                         driver of its shard
//	---------------------                         -------------------
//	waits on reply  <----------- TICK ----------  sends on reply: go
//	Query{x, y}     ---------- inbox ---------->  reads cur at (x, y)
//	waits on reply  <---------- state ----------  sends on reply
//	Query{x, y-1}   ---------- inbox ---------->  N, NE, E, SE, S, SW, W, NW:
//	  ... eight neighbour queries, each answered before the next is sent ...
//	Transition{x, y, state}  - inbox ---------->  writes next at (x, y)
//	waits on reply for the next TICK              when every cell of the shard
//	                                              has sent its Transition, the
//	                                              shard's generation is done
//
// A cell sends its next message only after the answer to the previous one
// has arrived, as a Python coroutine is suspended at yield until send. The
// Simulation starts a generation on every driver and waits until all of them
// have finished before it swaps the grids, so generations run in lockstep:
// every Query of generation n is answered from grid n and no cell ever reads
// a grid of another generation. The result is deterministic and equals the
// direct engine's, generation by generation.
//
// # Channels: who owns, who closes
//
//   - A driver's inbox (chan message, one per shard): many cells send on it,
//     its driver receives. It is buffered to hold one message per cell of the
//     shard, and a cell has at most one message outstanding, so no send ever
//     blocks. Nobody closes it: the cells stop sending before the driver goes,
//     and the garbage collector takes it.
//   - A cell's reply channel (chan State, one per cell, buffered 1): only its
//     driver sends on it, answers and TICKs, and only its driver closes it, on
//     shutdown. A closed reply is the cell's way out, wherever it waits.
//   - A driver's start channel: the Simulation sends each generation's pair
//     of grids; the drivers report on one shared done channel. A quit channel,
//     closed once by Close or a cancelled context, ends the drivers, which
//     close their cells' replies and wait for the cells to end; Close waits
//     for the drivers.
//
// # Scheduling
//
// A driver keeps a window of a few dozen cells of its shard in flight: it
// starts the first ones, and starts another each time one sends its
// Transition. When its inbox is empty it yields (runtime.Gosched) instead of
// blocking, so the cells it has just answered all run and fill its inbox,
// rather than each waking the driver: one goroutine switch per message, not
// two, and a working set that stays in the CPU's caches.
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
