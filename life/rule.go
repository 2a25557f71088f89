package life

import (
	"fmt"
	"math/bits"
	"strconv"
	"strings"
)

// Rule says what becomes of a cell, given its state and which of its eight
// neighbours are alive. It covers the rule families Golly and LifeViewer
// users bring:
//
//   - life-like (outer totalistic) rules in B/S notation, such as B3/S23:
//     a dead cell is born, or a live one survives, by how many of its
//     neighbours are alive;
//   - isotropic non-totalistic rules in Hensel notation, such as B2-a/S12:
//     by which configuration of live neighbours, up to rotation and
//     reflection, it has (the 51 configurations LifeWiki names by a count
//     and a letter);
//   - Generations rules, such as B2/S/C3 (Brian's Brain): either of the
//     above with States() states, where a live cell that does not survive
//     does not die at once but decays through the dying states 2 to
//     States()-1, one a generation, and then is empty. A dying cell counts
//     as neither alive nor empty: it is not a live neighbour and it cannot
//     be born.
//
// A Rule is a pure function of a cell's state and its neighbourhood, and a
// comparable value; the zero Rule is B/S, which kills everything.
type Rule struct {
	// birth and survive hold a bit for each of the 256 neighbourhoods (see
	// hensel.go): set if a dead cell is born, or a live one survives, with
	// those neighbours alive.
	birth, survive [4]uint64
	// states is the number of states of a Generations rule, 3 to 256, or 0
	// for a two-state rule.
	states uint16
}

// MaxStates is the most states a Generations rule may have, as in Golly.
const MaxStates = 256

// Conway is B3/S23, the Game of Life.
var Conway = NewRule(1<<3, 1<<2|1<<3)

// NewRule returns the two-state life-like rule with births on the counts of
// live neighbours whose bits are set in birth and survivals on those set in
// survive: NewRule(1<<3, 1<<2|1<<3) is B3/S23. Bits above 8 are ignored.
func NewRule(birth, survive uint16) Rule {
	var r Rule
	for m := range 256 {
		n := bits.OnesCount8(uint8(m))
		if birth>>n&1 == 1 {
			r.birth[m/64] |= 1 << (m % 64)
		}
		if survive>>n&1 == 1 {
			r.survive[m/64] |= 1 << (m % 64)
		}
	}
	return r
}

// States returns the number of states a cell may be in: 2 for a two-state
// rule (Empty and Alive), more for a Generations rule, whose states from 2
// up are dying.
func (r Rule) States() int {
	if r.states == 0 {
		return 2
	}
	return int(r.states)
}

// WithStates returns r as a Generations rule of n states, 2 (two-state, as
// r is) to MaxStates.
func (r Rule) WithStates(n int) (Rule, error) {
	if n < 2 || n > MaxStates {
		return Rule{}, fmt.Errorf("%d states; a Generations rule has 2 to %d", n, MaxStates)
	}
	r.states = uint16(n)
	if n == 2 {
		r.states = 0
	}
	return r, nil
}

// Totalistic reports whether r depends only on how many neighbours are
// alive, not on which, and if so returns the counts that give a birth and a
// survival as bits, as NewRule takes them.
func (r Rule) Totalistic() (birth, survive uint16, ok bool) {
	bs, ss := r.letters()
	for n := 0; n <= 8; n++ {
		b, s := bs[n], ss[n]
		switch {
		case b == all(n):
			birth |= 1 << n
		case b != 0:
			return 0, 0, false
		}
		switch {
		case s == all(n):
			survive |= 1 << n
		case s != 0:
			return 0, 0, false
		}
	}
	return birth, survive, true
}

// BirthOnZero reports whether a dead cell with no live neighbour is born
// (B0): the empty plane itself would come alive.
func (r Rule) BirthOnZero() bool { return r.birth[0]&1 == 1 }

// Next returns the state of a cell in the next generation, given its state
// now and which of its neighbours are alive (a bit each, in the order of the
// cell program's Queries: N, NE, E, SE, S, SW, W, NW). A state at or beyond
// States() is treated as the last dying state.
func (r Rule) Next(s State, alive uint8) State {
	switch s {
	case Empty:
		return State(r.birth[alive>>6] >> (alive & 63) & 1)
	case Alive:
		if r.survive[alive>>6]>>(alive&63)&1 == 1 {
			return Alive
		}
		if r.states > 2 {
			return 2
		}
		return Empty
	}
	if uint16(s)+1 >= r.states {
		return Empty
	}
	return s + 1
}

// Clamp returns s, or for a state r does not have its last dying state, or
// Empty if r has two states: what a board's cell becomes when a simulation
// starts, resets or is edited under r, so that every engine sees the same
// board.
func (r Rule) Clamp(s State) State {
	switch n := r.States(); {
	case int(s) < n:
		return s
	case n > 2:
		return State(n - 1)
	}
	return Empty
}

// ClampGrid clamps every cell of g (Clamp).
func (r Rule) ClampGrid(g *Grid) {
	if r.States() == MaxStates {
		return
	}
	for i, s := range g.Cells {
		g.Cells[i] = r.Clamp(s)
	}
}

// ClampUniverse clamps every cell of u (Clamp): only a tile that holds a
// dying state can hold one r lacks.
func (r Rule) ClampUniverse(u *Universe) {
	for _, t := range u.tiles {
		if t.states == nil {
			continue
		}
		for row, w := range &t.Rows {
			for ; w != 0; w &= w - 1 {
				c := uint(bits.TrailingZeros64(w))
				if s := t.State(c, uint(row)); r.Clamp(s) != s {
					if r.Clamp(s) == Empty {
						t.Rows[row] &^= 1 << c
					}
					t.states[uint(row)*TileSide+c] = r.Clamp(s)
				}
			}
		}
	}
}

// letters returns, for each count n of live neighbours, a bit for each
// letter of henselLetters[n] whose configurations give a birth (b[n]) and a
// survival (s[n]), in one pass over the 256 neighbourhoods.
func (r Rule) letters() (b, s [9]uint16) {
	for m := range 256 {
		n, l := bits.OnesCount8(uint8(m)), uint16(1)<<hensel[m]
		if r.birth[m/64]>>(m%64)&1 == 1 {
			b[n] |= l
		}
		if r.survive[m/64]>>(m%64)&1 == 1 {
			s[n] |= l
		}
	}
	return b, s
}

// all returns a bit for every letter of n live neighbours.
func all(n int) uint16 { return 1<<max(1, len(henselLetters[n])) - 1 }

// String returns the canonical form: B/S notation such as "B3/S23", with
// Hensel letters where the rule is not totalistic ("B2-a/S12", Golly's
// choice between a count's letters and their complement after '-'), and
// "/C" and the number of states for a Generations rule ("B2/S/C3").
func (r Rule) String() string {
	var b strings.Builder
	births, survivals := r.letters()
	for i, part := range [2]string{"B", "/S"} {
		b.WriteString(part)
		for n := 0; n <= 8; n++ {
			writeCount(&b, n, [2][9]uint16{births, survivals}[i][n])
		}
	}
	if r.states > 2 {
		fmt.Fprintf(&b, "/C%d", r.states)
	}
	return b.String()
}

// writeCount writes the count n and the letters set of it, or just the
// count when all are set. As Golly does, it writes the complement after '-'
// when that is shorter, except for 7 of the 13 letters of 4.
func writeCount(b *strings.Builder, n int, set uint16) {
	if set == 0 {
		return
	}
	b.WriteByte(byte('0' + n))
	full := all(n)
	if set == full {
		return
	}
	letters := henselLetters[n]
	if on := bits.OnesCount16(set); bits.OnesCount16(full&^set) < on && (on != 7 || len(letters) != 13) {
		b.WriteByte('-')
		set = full &^ set
	}
	for i := range len(letters) {
		if set>>i&1 == 1 {
			b.WriteByte(letters[i])
		}
	}
}

// NamedRule is a rule that has a well known name.
type NamedRule struct {
	Name string
	Rule Rule
}

// namedRules lists the names ParseRule knows, in the order Rules returns
// them: life-like rules, then Generations rules (with Golly's names), then
// isotropic non-totalistic ones.
var namedRules = []struct{ name, rule string }{
	{"life", "B3/S23"},
	{"highlife", "B36/S23"},
	{"seeds", "B2/S"},
	{"daynight", "B3678/S34678"},
	{"lifewithoutdeath", "B3/S012345678"},
	{"maze", "B3/S12345"},
	{"mazectric", "B3/S1234"},
	{"replicator", "B1357/S1357"},
	{"2x2", "B36/S125"},
	{"diamoeba", "B35678/S5678"},
	{"morley", "B368/S245"},
	{"anneal", "B4678/S35678"},
	{"coral", "B3/S45678"},
	{"gnarl", "B1/S1"},
	{"longlife", "B345/S5"},
	{"serviettes", "B234/S"},
	{"briansbrain", "B2/S/C3"},
	{"starwars", "B2/S345/C4"},
	{"frogs", "B34/S12/C3"},
	{"spirals", "B234/S2/C5"},
	{"belzhab", "B23/S23/C8"},
	{"sticks", "B2/S3456/C6"},
	{"bloomerang", "B34678/S234/C24"},
	{"tlife", "B3/S2-i34q"},
	{"justfriends", "B2-a/S12"},
	{"klife", "B34n/S23"},
	{"houselife", "B2i3/S23-r"},
}

// named maps each name of namedRules to its rule, and each rule's canonical
// form back to its name.
var named, nameOf = func() (map[string]Rule, map[string]string) {
	rules, names := map[string]Rule{}, map[string]string{}
	for _, n := range namedRules {
		r, err := parseRule(strings.ToLower(n.rule))
		if err != nil {
			panic("life: bad built-in rule " + n.name + ": " + err.Error()) // a bug in this file, caught by the tests
		}
		rules[n.name], names[r.String()] = r, n.name
	}
	return rules, names
}()

// Rules returns the named rules ParseRule accepts, in a fixed order.
func Rules() []NamedRule {
	out := make([]NamedRule, 0, len(namedRules))
	for _, n := range namedRules {
		out = append(out, NamedRule{Name: n.name, Rule: named[n.name]})
	}
	return out
}

// Name returns the rule's well known name, such as "life", or "" if it has none.
func (r Rule) Name() string { return nameOf[r.String()] }

// ParseRule reads a rule, in any case:
//
//   - B/S notation in either order ("B3/S23", "S23/B3", "B2/S"), or the
//     older S/B digits ("23/3");
//   - Hensel letters after a count ("B2-a/S12", "B3/S23-a4i",
//     "B2ce3aiy/S1c2ak3ij"): a count followed by letters means those
//     configurations of it, followed by '-' and letters all but those;
//   - Generations rules: B/S notation with "/C" (or "/G") and the number of
//     states ("B2/S/C3"), Golly's S/B/C digits ("/2/3", "345/2/4"), or
//     Catagolue's "g3b2s";
//   - a name from Rules ("life", "HighLife", "Brian's Brain").
//
// A bounded-grid suffix such as ":T100,80" is accepted and ignored; use
// ParseRuleBounds to read it. The error quotes the rule and says what is
// wrong with it, naming a bad letter.
func ParseRule(s string) (Rule, error) {
	r, _, err := ParseRuleBounds(s)
	return r, err
}

// ParseRuleBounds reads a rule as ParseRule does, and the bounded grid of
// Golly's suffix after ':', if it has one: ":T100,80" is a torus of 100 × 80
// cells, ":P60,60" a plane of 60 × 60, ":T50" a 50 × 50 torus. Without a
// suffix the Bounds are zero.
func ParseRuleBounds(s string) (Rule, Bounds, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	var b Bounds
	if rule, suffix, ok := strings.Cut(t, ":"); ok {
		var err error
		if b, err = parseBounds(strings.TrimSpace(suffix)); err != nil {
			return Rule{}, Bounds{}, fmt.Errorf("rule %q: %w", s, err)
		}
		t = strings.TrimSpace(rule)
	}
	name := strings.NewReplacer(" ", "", "-", "", "_", "", "&", "", "'", "").Replace(t)
	if r, ok := named[name]; ok {
		return r, b, nil
	}
	r, err := parseRule(t)
	if err != nil {
		return Rule{}, Bounds{}, fmt.Errorf("rule %q: %w", s, err)
	}
	return r, b, nil
}

// parseRule parses lower-case notation, without a suffix or a name.
func parseRule(t string) (Rule, error) {
	if t == "" {
		return Rule{}, fmt.Errorf("empty rule; want B/S notation such as B3/S23, or a name such as life")
	}
	if strings.HasPrefix(t, "g") && !strings.Contains(t, "/") {
		return parseCatagolue(t)
	}
	parts := strings.Split(t, "/")
	if len(parts) != 2 && len(parts) != 3 {
		return Rule{}, fmt.Errorf("want two parts separated by '/', such as B3/S23, a third for a Generations rule, such as B2/S/C3, or a name such as life")
	}
	var r Rule
	var seen [2]bool // B, S
	for i, p := range parts[:2] {
		set, which := &r.birth, 0
		switch {
		case strings.HasPrefix(p, "b"):
			p = p[1:]
		case strings.HasPrefix(p, "s"):
			set, which, p = &r.survive, 1, p[1:]
		case i == 0: // S/B digits: survival first
			set, which = &r.survive, 1
		}
		if seen[which] {
			return Rule{}, fmt.Errorf("%q given twice", "BS"[which:which+1])
		}
		seen[which] = true
		if err := parseCounts(p, set); err != nil {
			return Rule{}, err
		}
	}
	if len(parts) == 3 {
		return withStates(r, strings.TrimLeft(parts[2], "cg"), parts[2])
	}
	return r, nil
}

// parseCatagolue parses Catagolue's Generations form, "g3b2s" for B2/S/C3.
func parseCatagolue(t string) (Rule, error) {
	bi, si := strings.IndexByte(t, 'b'), strings.IndexByte(t, 's')
	if bi < 0 || si < bi {
		return Rule{}, fmt.Errorf("want B/S notation such as B3/S23, Catagolue's g3b2s, or a name such as life")
	}
	var r Rule
	if err := parseCounts(t[bi+1:si], &r.birth); err != nil {
		return Rule{}, err
	}
	if err := parseCounts(t[si+1:], &r.survive); err != nil {
		return Rule{}, err
	}
	return withStates(r, t[1:bi], t[:bi])
}

// withStates returns r with the number of states n says, from part.
func withStates(r Rule, n, part string) (Rule, error) {
	c, err := strconv.Atoi(n)
	if err != nil {
		return Rule{}, fmt.Errorf("want the number of states in %q, such as C3", part)
	}
	return r.WithStates(c)
}

// parseCounts sets in set the neighbourhoods that p lists: counts 0 to 8,
// each followed by nothing (all its configurations), Hensel letters (those),
// or '-' and letters (all but those).
func parseCounts(p string, set *[4]uint64) error {
	for i := 0; i < len(p); {
		c := p[i]
		if c < '0' || c > '8' {
			if strings.IndexByte("ceaiknjqrytwz-", c) >= 0 {
				return fmt.Errorf("unexpected %q in %q; Hensel letters follow a neighbour count", c, p)
			}
			return fmt.Errorf("unexpected %q in %q; neighbour counts are digits 0 to 8", c, p)
		}
		n := int(c - '0')
		i++
		neg := i < len(p) && p[i] == '-'
		if neg {
			i++
		}
		letters := uint16(0)
		start := i
		for ; i < len(p) && p[i] >= 'a' && p[i] <= 'z'; i++ {
			l := strings.IndexByte(henselLetters[n], p[i])
			if l < 0 {
				if henselLetters[n] == "" {
					return fmt.Errorf("unexpected letter %q after %d in %q; %d neighbours have one configuration, so no letters", p[i], n, p, n)
				}
				return fmt.Errorf("unexpected letter %q after %d in %q; the letters of %d neighbours are %s", p[i], n, p, n, strings.Join(strings.Split(henselLetters[n], ""), ", "))
			}
			letters |= 1 << l
		}
		switch {
		case neg && i == start:
			return fmt.Errorf("'-' after %d in %q wants the letters to leave out, such as %d-a", n, p, n)
		case i == start:
			letters = all(n)
		case neg:
			letters = all(n) &^ letters
		}
		for m := range 256 {
			if bits.OnesCount8(uint8(m)) == n && letters>>hensel[m]&1 == 1 {
				set[m/64] |= 1 << (m % 64)
			}
		}
	}
	return nil
}

// Bounds is the bounded grid a rule's suffix asks for: Topology Torus or
// Plane, of Width × Height cells. The zero Bounds (Width 0) asks for none.
type Bounds struct {
	Topology      Topology
	Width, Height int
}

// IsZero reports whether b asks for no grid.
func (b Bounds) IsZero() bool { return b.Width == 0 }

// String returns Golly's suffix, such as ":T100,80", or "" for none.
func (b Bounds) String() string {
	if b.IsZero() {
		return ""
	}
	k := "T"
	if b.Topology == Plane {
		k = "P"
	}
	return fmt.Sprintf(":%s%d,%d", k, b.Width, b.Height)
}

// parseBounds reads a lower-case suffix after ':', such as "t100,80".
func parseBounds(s string) (Bounds, error) {
	if s == "" {
		return Bounds{}, fmt.Errorf("empty bounded grid after ':'; want :T100,80 (a torus) or :P100,80 (a plane)")
	}
	var b Bounds
	switch s[0] {
	case 't':
		b.Topology = Torus
	case 'p':
		b.Topology = Plane
	case 'k', 'c', 's':
		return Bounds{}, fmt.Errorf("bounded grid %q: Klein bottles, cross-surfaces and spheres are not supported; want :T (a torus) or :P (a plane)", strings.ToUpper(s))
	default:
		return Bounds{}, fmt.Errorf("bounded grid %q: want :T100,80 (a torus) or :P100,80 (a plane)", strings.ToUpper(s))
	}
	w, h, two := strings.Cut(s[1:], ",")
	if !two {
		h = w
	}
	var err error
	if b.Width, err = strconv.Atoi(strings.TrimSpace(w)); err == nil {
		b.Height, err = strconv.Atoi(strings.TrimSpace(h))
	}
	switch {
	case err != nil || strings.ContainsAny(s[1:], "*+"):
		return Bounds{}, fmt.Errorf("bounded grid %q: want a width and a height, such as :T100,80", strings.ToUpper(s))
	case b.Width == 0 || b.Height == 0:
		return Bounds{}, fmt.Errorf("bounded grid %q: a side of 0 (unbounded that way) is not supported; give both sides, or use the unbounded topology", strings.ToUpper(s))
	}
	if err := CheckSize(b.Width, b.Height); err != nil {
		return Bounds{}, fmt.Errorf("bounded grid %q: %w", strings.ToUpper(s), err)
	}
	return b, nil
}
