package life

import (
	"fmt"
	"strings"
)

// Rule is a life-like rule in B/S notation: a dead cell with n live
// neighbours is born if bit n of Birth is set, and a live one survives if bit
// n of Survive is set. The zero Rule kills everything.
//
// A Rule is a pure function of a cell's state and its live neighbours.
type Rule struct {
	Birth, Survive uint16
}

// Conway is B3/S23, the Game of Life.
var Conway = Rule{Birth: 1 << 3, Survive: 1<<2 | 1<<3}

// NamedRule is a rule that has a well known name.
type NamedRule struct {
	Name string
	Rule Rule
}

// namedRules lists the names ParseRule knows, in the order Rules returns them.
var namedRules = []struct{ name, bs string }{
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
}

// Rules returns the named rules ParseRule accepts, in a fixed order.
func Rules() []NamedRule {
	out := make([]NamedRule, 0, len(namedRules))
	for _, n := range namedRules {
		r, err := parseBS(strings.ToLower(n.bs))
		if err != nil {
			panic("life: bad built-in rule " + n.name) // a bug in this file, caught by the tests
		}
		out = append(out, NamedRule{Name: n.name, Rule: r})
	}
	return out
}

// ParseRule reads a rule: B/S notation in either order and any case
// ("B3/S23", "b36/s23", "S23/B3", "B2/S"), the older S/B digits ("23/3"), or a
// name from Rules ("life", "HighLife", "seeds"). The error quotes the rule and
// says what is wrong with it.
func ParseRule(s string) (Rule, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	name := strings.NewReplacer(" ", "", "-", "", "_", "", "&", "").Replace(t)
	for _, n := range namedRules {
		if name == n.name {
			return parseBS(strings.ToLower(n.bs))
		}
	}
	r, err := parseBS(t)
	if err != nil {
		return Rule{}, fmt.Errorf("rule %q: %w", s, err)
	}
	return r, nil
}

// parseBS parses lower-case B/S or S/B notation.
func parseBS(t string) (Rule, error) {
	if t == "" {
		return Rule{}, fmt.Errorf("empty rule; want B/S notation such as B3/S23, or a name such as life")
	}
	parts := strings.Split(t, "/")
	if len(parts) != 2 {
		return Rule{}, fmt.Errorf("want two parts separated by '/', such as B3/S23, or a name such as life")
	}
	var r Rule
	var seen [2]bool // B, S
	for i, p := range parts {
		var set *uint16
		var which int
		switch {
		case strings.HasPrefix(p, "b"):
			set, which, p = &r.Birth, 0, p[1:]
		case strings.HasPrefix(p, "s"):
			set, which, p = &r.Survive, 1, p[1:]
		case i == 0: // S/B digits: survival first
			set, which = &r.Survive, 1
		default:
			set, which = &r.Birth, 0
		}
		if seen[which] {
			return Rule{}, fmt.Errorf("%q given twice", "BS"[which:which+1])
		}
		seen[which] = true
		for _, c := range p {
			if c < '0' || c > '8' {
				return Rule{}, fmt.Errorf("unexpected %q in %q; neighbour counts are digits 0 to 8", c, p)
			}
			*set |= 1 << (c - '0')
		}
	}
	return r, nil
}

// Next returns the state of a cell in the next generation, given its state
// now and its number of live neighbours (0 to 8).
func (r Rule) Next(s State, neighbours int) State {
	bits := r.Birth
	if s == Alive {
		bits = r.Survive
	}
	return State(bits >> uint(neighbours) & 1)
}

// String returns the canonical form, such as "B3/S23".
func (r Rule) String() string {
	b := []byte("B")
	for n := range 9 {
		if r.Birth>>n&1 == 1 {
			b = append(b, byte('0'+n))
		}
	}
	b = append(b, "/S"...)
	for n := range 9 {
		if r.Survive>>n&1 == 1 {
			b = append(b, byte('0'+n))
		}
	}
	return string(b)
}

// Name returns the rule's well known name, such as "life", or "" if it has none.
func (r Rule) Name() string {
	bs := r.String()
	for _, n := range namedRules {
		if bs == n.bs {
			return n.name
		}
	}
	return ""
}
