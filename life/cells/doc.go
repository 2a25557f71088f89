// Package cells runs the cell program, life.StepCell, one cell at a time:
// the engines in which a cell is a goroutine or a coroutine, and the one
// that runs it in line.
//
//   - Active, the goroutine engine: every cell that can change is a
//     goroutine that sends its Query and Transition messages over channels
//     to the generation driver of its shard. A cell whose 3x3
//     neighbourhood did not change in the last generation cannot change in
//     the next, so only the neighbourhoods of the last changes run; their
//     goroutines are a pool that follows the action (active.go, and
//     channel.go for the channels).
//   - Active with the Coroutines transport, the coroutine engine: the same
//     cells, the same bookkeeping, but each cell program an iter.Pull
//     coroutine that its shard's driver resumes with the answer to each
//     Query, as the book's live_a_generation resumes its generator with
//     send (coroutine.go). Each driver runs its own coroutines one after
//     another, on its own thread, without the scheduler; the drivers run in
//     parallel.
//   - Active with the Generator transport, the generator engine: the book's
//     own form. Each shard is one iter.Pull coroutine, the book's simulate,
//     that runs the step of every active cell of the shard in turn and
//     yields TICK; its driver answers each Query as the book's
//     live_a_generation does. One coroutine a shard, not a cell: it stays
//     in the caches and nothing starts per cell (coroutine.go).
//   - Dense: every cell of a bounded grid is a long-lived goroutine, every
//     generation, as the book has it (driver.go); the protocol of life's
//     package doc is its, and the goroutine engine's drivers speak it too.
//     DenseCoroutines is the same on coroutines.
//   - Sweep: the program run in line, on the caller's goroutine, with a
//     port that answers each Query from the board at once, on the active
//     cells only (sweep.go): the direct engine for the rules whose next
//     state depends on which neighbours are alive (isotropic
//     non-totalistic), and for Generations rules on an unbounded plane,
//     which the bit boards of life/direct cannot run.
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
// the numbers). The coroutine transport pays neither: a Query there is a
// yield and a resumption, two runtime.coroswitch calls on one thread.
package cells
