package life_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
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
		{"B3", `rule "B3": want two parts separated by '/', such as B3/S23, or a name such as life`},
		{"B3/S23/S1", `rule "B3/S23/S1": want two parts separated by '/', such as B3/S23, or a name such as life`},
		{"B9/S23", `rule "B9/S23": unexpected '9' in "9"; neighbour counts are digits 0 to 8`},
		{"B3/S2x", `rule "B3/S2x": unexpected 'x' in "2x"; neighbour counts are digits 0 to 8`},
		{"B3/B23", `rule "B3/B23": "B" given twice`},
		{"conway's", `rule "conway's": want two parts separated by '/', such as B3/S23, or a name such as life`},
	} {
		t.Run(tc.in, func(t *testing.T) {
			_, err := life.ParseRule(tc.in)
			assert.EqualError(t, err, tc.want)
		})
	}
}

func TestRuleNext(t *testing.T) {
	for n := range 9 {
		wantBirth := life.Empty
		if n == 3 {
			wantBirth = life.Alive
		}
		wantSurvive := life.Empty
		if n == 2 || n == 3 {
			wantSurvive = life.Alive
		}
		assert.Equal(t, wantBirth, life.Conway.Next(life.Empty, n), "birth with %d", n)
		assert.Equal(t, wantSurvive, life.Conway.Next(life.Alive, n), "survival with %d", n)
	}
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
	assert.Empty(t, life.Rule{Birth: 1 << 4}.Name())
}

func TestParseTopologyAndEngine(t *testing.T) {
	for s, want := range map[string]string{"torus": "torus", "Torus": "torus", "plane": "plane", "PLANE": "plane", "unbounded": "unbounded", "Infinite": "unbounded"} {
		top, err := life.ParseTopology(s)
		require.NoError(t, err)
		assert.Equal(t, want, top.String())
	}
	_, err := life.ParseTopology("klein")
	assert.EqualError(t, err, `topology "klein": want torus, plane or unbounded`)
	for s, want := range map[string]string{"goroutine": "goroutine", "active": "goroutine", "direct": "direct", "Direct": "direct", "DENSE": "dense"} {
		e, err := life.ParseEngine(s)
		require.NoError(t, err)
		assert.Equal(t, want, e.String())
	}
	_, err = life.ParseEngine("gpu")
	assert.EqualError(t, err, `engine "gpu": want goroutine, direct or dense`)
}
