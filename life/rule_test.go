package life_test

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/sim"
)

func TestParseRule(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"B3/S23", "B3/S23"},
		{"b3/s23", "B3/S23"},
		{"S23/B3", "B3/S23"},
		{"s23/b3", "B3/S23"},
		{"b36/s23", "B36/S23"},
		{"B2/S", "B2/S"},
		{"B/S", "B/S"},
		{"B0/S8", "B0/S8"},
		{"23/3", "B3/S23"},
		{"/2", "B2/S"},
		{" B32/S32 ", "B23/S23"},
		{"life", "B3/S23"},
		{"Life", "B3/S23"},
		{"HighLife", "B36/S23"},
		{"seeds", "B2/S"},
		{"daynight", "B3678/S34678"},
		{"Day & Night", "B3678/S34678"},
		{"lifewithoutdeath", "B3/S012345678"},
		{"maze", "B3/S12345"},
		{"replicator", "B1357/S1357"},
		{"2x2", "B36/S125"},
		// Isotropic non-totalistic: letters, '-' for all but, and every
		// letter of a count, which is the count itself.
		{"B2-a/S12", "B2-a/S12"},
		{"B2ceikn/S12", "B2-a/S12"},
		{"B3/S23-a4i", "B3/S23-a4i"},
		{"B2ce3aiy/S1c2ak3ij", "B2ce3aiy/S1c2ak3ij"},
		{"B3aceijknqry/S2aceikn3aceijknqry", "B3/S23"},
		{"B3/S2-i34q", "B3/S2-i34q"},
		{"tlife", "B3/S2-i34q"},
		{"Just Friends", "B2-a/S12"},
		{"klife", "B34n/S23"},
		{"B4cekainjqrytwz/S", "B4/S"},
		{"B4ceaiknj/S", "B4ceaiknj/S"}, // 7 of 13 letters stay as they are, as in Golly
		{"B4ceaiknjq/S", "B4-rytwz/S"},
		// Generations: B/S/C, Golly's S/B/C, Catagolue's gNbBsS, names.
		{"B2/S/C3", "B2/S/C3"},
		{"/2/3", "B2/S/C3"},
		{"345/2/4", "B2/S345/C4"},
		{"23/3/8", "B3/S23/C8"},
		{"B34/S34/C5", "B34/S34/C5"},
		{"b2/s/g3", "B2/S/C3"},
		{"g3b2s", "B2/S/C3"},
		{"B3/S23/C2", "B3/S23"},
		{"Brian's Brain", "B2/S/C3"},
		{"StarWars", "B2/S345/C4"},
		{"B2-a/S12/C4", "B2-a/S12/C4"},
		// Bounded-grid suffixes are read by ParseRuleBounds.
		{"B3/S23:T100,80", "B3/S23"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			r, err := life.ParseRule(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, r.String())
			again, err := life.ParseRule(r.String())
			require.NoError(t, err)
			assert.Equal(t, r, again, "String does not read back")
		})
	}
}

func TestParseRuleErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", `rule "": empty rule; want B/S notation such as B3/S23, or a name such as life`},
		{"B3", `rule "B3": want two parts separated by '/', such as B3/S23, a third for a Generations rule, such as B2/S/C3, or a name such as life`},
		{"B3/S23/S1", `rule "B3/S23/S1": want the number of states in "s1", such as C3`},
		{"B3/S23/C1", `rule "B3/S23/C1": 1 states; a Generations rule has 2 to 256`},
		{"B3/S23/C300", `rule "B3/S23/C300": 300 states; a Generations rule has 2 to 256`},
		{"B9/S23", `rule "B9/S23": unexpected '9' in "9"; neighbour counts are digits 0 to 8`},
		{"B3/S2x", `rule "B3/S2x": unexpected letter 'x' after 2 in "2x"; the letters of 2 neighbours are c, e, a, i, k, n`},
		{"B2-a/S1q", `rule "B2-a/S1q": unexpected letter 'q' after 1 in "1q"; the letters of 1 neighbours are c, e`},
		{"B0c/S", `rule "B0c/S": unexpected letter 'c' after 0 in "0c"; 0 neighbours have one configuration, so no letters`},
		{"B3-/S23", `rule "B3-/S23": '-' after 3 in "3-" wants the letters to leave out, such as 3-a`},
		{"Ba/S23", `rule "Ba/S23": unexpected 'a' in "a"; Hensel letters follow a neighbour count`},
		{"B3/B23", `rule "B3/B23": "B" given twice`},
		{"conway's", `rule "conway's": want two parts separated by '/', such as B3/S23, a third for a Generations rule, such as B2/S/C3, or a name such as life`},
		{"B3/S23:K10,10", `rule "B3/S23:K10,10": bounded grid "K10,10": Klein bottles, cross-surfaces and spheres are not supported; want :T (a torus) or :P (a plane)`},
		{"B3/S23:T0,10", `rule "B3/S23:T0,10": bounded grid "T0,10": a side of 0 (unbounded that way) is not supported; give both sides, or use the unbounded topology`},
		{"B3/S23:Tx", `rule "B3/S23:Tx": bounded grid "TX": want a width and a height, such as :T100,80`},
		{"B3/S23:", `rule "B3/S23:": empty bounded grid after ':'; want :T100,80 (a torus) or :P100,80 (a plane)`},
		{"B3/S23:T100000,100000", `rule "B3/S23:T100000,100000": bounded grid "T100000,100000": bad grid size 100000x100000: more than 1073741824 cells`},
	} {
		t.Run(tc.in, func(t *testing.T) {
			_, err := life.ParseRule(tc.in)
			assert.EqualError(t, err, tc.want)
		})
	}
}

func TestParseRuleBounds(t *testing.T) {
	for in, want := range map[string]life.Bounds{
		"B3/S23:T100,80":   {Topology: life.Torus, Width: 100, Height: 80},
		"b3/s23:p60,60":    {Topology: life.Plane, Width: 60, Height: 60},
		"B3/S23:T50":       {Topology: life.Torus, Width: 50, Height: 50},
		"/2/3:P20,10":      {Topology: life.Plane, Width: 20, Height: 10},
		"B3/S23 : T 7 , 9": {Topology: life.Torus, Width: 7, Height: 9},
		"B3/S23":           {},
	} {
		_, b, err := life.ParseRuleBounds(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, b, in)
	}
	assert.Equal(t, ":T100,80", life.Bounds{Topology: life.Torus, Width: 100, Height: 80}.String())
	assert.Equal(t, ":P3,4", life.Bounds{Topology: life.Plane, Width: 3, Height: 4}.String())
	assert.Empty(t, life.Bounds{}.String())
}

// mask returns the neighbourhood of the live neighbours named, each one of
// N, NE, E, SE, S, SW, W, NW.
func mask(names ...string) uint8 {
	var m uint8
	for _, n := range names {
		m |= 1 << slices.Index([]string{"N", "NE", "E", "SE", "S", "SW", "W", "NW"}, n)
	}
	return m
}

func TestRuleNext(t *testing.T) {
	for m := range 256 {
		n := bits.OnesCount8(uint8(m))
		wantBirth := life.Empty
		if n == 3 {
			wantBirth = life.Alive
		}
		wantSurvive := life.Empty
		if n == 2 || n == 3 {
			wantSurvive = life.Alive
		}
		assert.Equal(t, wantBirth, life.Conway.Next(life.Empty, uint8(m)), "birth with %08b", m)
		assert.Equal(t, wantSurvive, life.Conway.Next(life.Alive, uint8(m)), "survival with %08b", m)
	}
}

// TestRuleNextHensel checks configurations of LifeWiki's table against the
// letters that name them, whatever way round they are drawn.
func TestRuleNextHensel(t *testing.T) {
	for _, tc := range []struct {
		rule  string
		alive []string
		birth bool
	}{
		{"B2a/S", []string{"N", "NE"}, true},       // 2a: an edge and a corner beside it
		{"B2a/S", []string{"W", "SW"}, true},       // turned and mirrored
		{"B2a/S", []string{"N", "S"}, false},       // 2i
		{"B2i/S", []string{"N", "S"}, true},        // 2i: opposite edges
		{"B2i/S", []string{"E", "W"}, true},        // turned
		{"B2n/S", []string{"NE", "SW"}, true},      // 2n: opposite corners
		{"B2c/S", []string{"NW", "NE"}, true},      // 2c: corners of one side
		{"B2e/S", []string{"N", "E"}, true},        // 2e: edges at a right angle
		{"B2k/S", []string{"N", "SE"}, true},       // 2k: a knight's move apart
		{"B2k/S", []string{"N", "SW"}, true},       // mirrored
		{"B2-a/S", []string{"N", "NE"}, false},     // all of 2 but a
		{"B2-a/S", []string{"NE", "SW"}, true},     // 2n is not a
		{"B3i/S", []string{"NW", "N", "NE"}, true}, // 3i: a side
		{"B3i/S", []string{"NE", "E", "SE"}, true}, // turned
		{"B3c/S", []string{"NW", "NE", "SE"}, true},
		{"B3e/S", []string{"N", "E", "S"}, true},
		{"B4c/S", []string{"NW", "NE", "SE", "SW"}, true},
		{"B4e/S", []string{"N", "E", "S", "W"}, true},
		{"B4c/S", []string{"N", "E", "S", "W"}, false},
		{"B5c/S", []string{"N", "E", "S", "W", "NW"}, true}, // 5c: the complement of 3c
		{"B5c/S", []string{"N", "E", "S", "NE", "NW"}, false},
		{"B7e/S", []string{"NW", "NE", "E", "SE", "S", "SW", "W"}, true}, // the complement of 1e
		{"B7c/S", []string{"NW", "NE", "E", "SE", "S", "SW", "W"}, false},
	} {
		r, err := life.ParseRule(tc.rule)
		require.NoError(t, err)
		want := life.Empty
		if tc.birth {
			want = life.Alive
		}
		assert.Equal(t, want, r.Next(life.Empty, mask(tc.alive...)), "%s with %v", tc.rule, tc.alive)
	}
}

// TestHenselLetters checks that the letters of each count name its
// configurations once each: together they are every configuration of that
// many live neighbours, 51 letters in all, and rotating or mirroring a
// configuration never changes its letter.
func TestHenselLetters(t *testing.T) {
	letters := map[int]string{1: "ce", 2: "ceaikn", 3: "ceaiknjqry", 4: "ceaiknjqrytwz", 5: "ceaiknjqry", 6: "ceaikn", 7: "ce"}
	total := 2 // 0 and 8
	for n, ls := range letters {
		covered := 0
		for _, l := range ls {
			r, err := life.ParseRule(fmt.Sprintf("B%d%c/S", n, l))
			require.NoError(t, err)
			for m := range 256 {
				born := r.Next(life.Empty, uint8(m)) == life.Alive
				if born {
					require.Equal(t, n, bits.OnesCount8(uint8(m)), "%d%c", n, l)
					covered++
				}
				turned := uint8(m)<<2 | uint8(m)>>6
				assert.Equal(t, born, r.Next(life.Empty, turned) == life.Alive, "%d%c turned", n, l)
			}
			total++
		}
		assert.Equal(t, binomial(8, n), covered, "count %d", n)
		all, err := life.ParseRule(fmt.Sprintf("B%s/S", strings.Repeat(fmt.Sprint(n), 1)))
		require.NoError(t, err)
		var union life.Rule
		union, err = life.ParseRule(fmt.Sprintf("B%d%s/S", n, ls))
		require.NoError(t, err)
		assert.Equal(t, all, union, "count %d, every letter", n)
	}
	assert.Equal(t, 51, total)
}

func binomial(n, k int) int {
	c := 1
	for i := range k {
		c = c * (n - i) / (i + 1)
	}
	return c
}

// TestRuleNextGenerations checks the decay of a Generations rule: a live cell
// that does not survive goes to state 2, then one state a generation up to
// the last, then empty; a dying cell is never born again, whatever its
// neighbours.
func TestRuleNextGenerations(t *testing.T) {
	r, err := life.ParseRule("B2/S3/C4")
	require.NoError(t, err)
	assert.Equal(t, 4, r.States())
	two := mask("N", "S")
	three := mask("N", "S", "E")
	assert.Equal(t, life.Alive, r.Next(life.Empty, two))
	assert.Equal(t, life.Empty, r.Next(life.Empty, three))
	assert.Equal(t, life.Alive, r.Next(life.Alive, three))
	assert.Equal(t, life.State(2), r.Next(life.Alive, two))
	assert.Equal(t, life.State(3), r.Next(2, two))
	assert.Equal(t, life.Empty, r.Next(3, two))
	assert.Equal(t, life.Empty, r.Next(9, two), "a state beyond the rule's is the last")
	assert.Equal(t, 2, life.Conway.States())
	assert.Equal(t, life.Empty, life.Conway.Next(life.Alive, 0), "two states: death is at once")
}
func TestNamedRules(t *testing.T) {
	rules := life.Rules()
	require.GreaterOrEqual(t, len(rules), 8)
	seen := map[life.Rule]string{}
	for _, n := range rules {
		r, err := life.ParseRule(n.Name)
		require.NoError(t, err, n.Name)
		assert.Equal(t, n.Rule, r)
		assert.Equal(t, n.Name, r.Name())
		if prev, dup := seen[r]; dup {
			t.Errorf("%s and %s are the same rule %s", prev, n.Name, r)
		}
		seen[r] = n.Name
	}
	assert.Equal(t, "life", life.Conway.Name())
	assert.Empty(t, life.NewRule(1<<4, 0).Name())
}

func TestParseTopologyAndEngine(t *testing.T) {
	for s, want := range map[string]string{"torus": "torus", "Torus": "torus", "plane": "plane", "PLANE": "plane", "unbounded": "unbounded", "Infinite": "unbounded"} {
		top, err := life.ParseTopology(s)
		require.NoError(t, err)
		assert.Equal(t, want, top.String())
	}
	_, err := life.ParseTopology("klein")
	assert.EqualError(t, err, `topology "klein": want torus, plane or unbounded`)
	for s, want := range map[string]string{"goroutine": "goroutine", "active": "goroutine", "direct": "direct", "Direct": "direct", "DENSE": "dense",
		"coroutine": "coroutine", "Coroutine": "coroutine", "dense-coroutine": "dense-coroutine", "generator": "generator"} {
		e, err := sim.ParseEngine(s)
		require.NoError(t, err)
		assert.Equal(t, want, e.String())
	}
	_, err = sim.ParseEngine("gpu")
	assert.EqualError(t, err, `engine "gpu": want goroutine, coroutine, generator, direct, dense, dense-coroutine or hashlife`)
}
