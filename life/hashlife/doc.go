// Package hashlife runs two-state B/S rules without B0 on the plane with
// Gosper's HashLife, as Golly does: regular patterns (guns, breeders,
// metapixels) run to astronomical generations, a Gosper gun to 2^40 in a few
// milliseconds.
//
// # Nodes
//
// The board is a quadtree. A node of level k is a square of 2^k × 2^k cells:
// a leaf of 8 × 8 cells at level 3, one bit each in a uint64 (bit y*8+x), or
// four quadrants of level k-1. Nodes are canonical: a hash table holds one
// node for each distinct square, so a square that occurs a million times,
// anywhere and at any generation, is one node, compared by its index. Each
// node keeps its population, so the population of the board, of any square
// and the bounding box come from the tree without flattening it.
//
// # Results
//
// A node of level k ≥ 4 determines its centre, the square of level k-1
// around its middle, for 2^(k-2) generations: light goes a cell a
// generation, and the centre lies 2^(k-2) cells in from every edge.
//
//	a node of level k, 2^k a side          its result: the centre,
//	+-------------+-------------+          2^(k-1) a side,
//	| nw          | ne          |          2^(k-2) generations on
//	|      +------+------+      |
//	|      |  r   |  r   |      |          <- 2^(k-2) ->
//	+------+------+------+------+          the centre can see
//	|      |  r   |  r   |      |          no farther than the
//	|      +------+------+      |          node's edge in that
//	| sw          | se          |          time
//	+-------------+-------------+
//
// The result of a level-4 node (16 × 16 cells, four leaves), its 8 × 8 centre
// 1 to 4 generations on, comes from a bit-parallel kernel: the 16 rows four
// to a word, neighbours counted with bitwise adders (leaf.go). Above, a
// node's result is made of results of the level below: of the nine
// overlapping squares of level k-1 inside it, the centres 2^(k-3)
// generations on, put together in fours, make four squares whose centres
// another 2^(k-3) on make the result (the full result). For a step of 2^j
// generations with j < k-2, as Golly's step sizes need, the nine centres
// are taken 2^j on and the result is made of their middles, without
// stepping again (a partial result; result.go).
//
// # The memo
//
// Every result is kept in its node: the full one (res), valid for every step
// size, and the last partial one, with the step it is for (part, partJ). So
// each distinct square's result is computed once, however often it occurs;
// a step size that changes invalidates nothing, and a node asked for
// another step size keeps that one instead.
//
// # Steps
//
// Step(ctx, n) advances exactly n generations: 2^j at a time for each bit of
// n, the smallest first. The root's centre lies at the origin, always:
// before a step of 2^j the root grows, with empty borders, until it is of
// level j+3 (and 6) or more with the pattern in its middle quarter; its
// result, the centre, is the next board, centred still, and it shrinks back
// while the pattern fits a half, to 16 × 16 cells at the least. A board's root is at most of level 63: the plane is
// the square of 2^63 cells a side around the origin, -2^62 to 2^62-1 on each
// axis, and a cell beyond it is refused (ErrPlane). A step's root may have
// level 64, the whole int64 plane, so that patterns step to the plane's edge
// (but not past it: a step of 2^j needs the live cells 2^j or more from it).
// Steps of up to 2^MaxStep go in one; larger ones in several. Cancelling the
// step's context ends it within a few thousand nodes, with the board as it
// was: the tree is persistent, and the old root is kept until the step ends.
//
// # The table
//
// Nodes live in a pointer-free arena: chunks of 4096 nodes of 40 bytes,
// indexed by uint32, that never move, and an open-addressing hash table of
// 8-byte slots, a node's index beside the top 32 bits of its hash (linear
// probing from the slot those bits start with; a probe rarely reads a node
// that is not the one sought, and the slots are moved to a larger table, or
// rebuilt after a collection, in one pass in order that reads no node). The Go garbage
// collector never scans the arena: a GC cycle over ten million pointer nodes
// took about a second on this machine, over as many arena nodes 4 to 25
// milliseconds, and a pointer tree repeats that mark at every cycle its
// allocations start. Options.Memory bounds the chunks and the slots
// together (about 56 bytes a node). On Linux a table (of a budget of 256
// MiB or more) starts in one huge page, its first slots and chunks
// together, and makes the rest of its chunks, and its slots once they fill
// one, in memory aligned to huge pages for which it asks the kernel for
// transparent huge pages (madvise): a fresh process faults its memory in 2
// MiB at a time, not 4 KiB, which on this project's virtual machine takes a
// third to a half off a run (see node.go). The pads that align them count
// against the budget: 22 MiB of 256 MiB, 40 MiB of 1 GiB.
//
// # Collection
//
// When the table is full it is collected, as Golly's is, in the middle of a
// step if need be: the nodes reachable from the board, from the board before
// the step in progress, from the snapshots not released, from the builders
// not finished and from the computation's own stack (every node it holds
// across the making of another) are marked; the rest are freed, the memo
// entries that lead to freed nodes cleared, and the hash slots rebuilt. A
// memo entry does not keep its result alive: results are what a collection
// frees, to be computed again if they are needed. If what is reachable
// takes all but a sixteenth of the table, the step is refused with an error
// wrapping life.ErrBudget that gives both numbers, and the board is as it
// was.
//
// # Snapshots
//
// A Snapshot is a board of a generation: a root, its level, the generation
// and the chunk list as it was. It is immutable, and any goroutine may read
// it (Bounds, Population, Cells, Blocks, At) while the engine steps, edits
// and collects, without a lock: a reader reads only a node's quadrants,
// cells, population and level, which nothing writes while the node is in
// use, and the memo fields the engine writes are separate memory locations;
// a collection keeps every node a snapshot not yet released reaches, and
// reuses a freed slot only after the Release that let it go (a mutex orders
// the two). Restore makes a snapshot the board again at no cost, so a
// history of a thousand generations is a thousand roots, sharing what their
// boards share. Release every snapshot when done with it: kept, its nodes
// count against the budget.
//
// # What it refuses
//
// New refuses rules with B0 (the empty plane would come alive), with more
// than two states (Generations) and isotropic non-totalistic ones (Hensel
// notation): hashlife's kernel counts neighbours, it does not see which are
// alive. Set, Load and Step refuse cells beyond the plane; a table too small
// is refused by New, Load, Set and Step with errors wrapping life.ErrBudget.
// Populations saturate at math.MaxUint64 (a board of 2^32 cells a side or
// more can hold more): PopulationBig is exact.
//
// # Macrocells
//
// Builder makes a board node by node, children first, as a macrocell file
// (Golly's [M2]) lists them, and Walk reports a snapshot's distinct nodes in
// that order. Golly places a file's root one row lower than the engine
// does: Finish at GollyCorner reads one, and Moved(0, -1) gives the tree to
// write one.
package hashlife
