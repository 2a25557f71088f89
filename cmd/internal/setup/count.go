package setup

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
)

// ParseCount reads a number of generations: a whole number such as
// 1000000, or a power written B^E with B 2 or 10, such as 2^40 or 10^6 (as
// Golly and HashLife users write them). It is at most math.MaxInt64.
func ParseCount(s string) (int64, error) {
	t := strings.TrimSpace(s)
	const want = "want a whole number such as 1000, or a power such as 2^40 or 10^6"
	n := new(big.Int)
	if b, e, ok := strings.Cut(t, "^"); ok {
		base, okb := new(big.Int).SetString(strings.TrimSpace(b), 10)
		exp, oke := new(big.Int).SetString(strings.TrimSpace(e), 10)
		if !okb || !oke || exp.Sign() < 0 || (base.Cmp(big.NewInt(2)) != 0 && base.Cmp(big.NewInt(10)) != 0) {
			return 0, fmt.Errorf("%q: %s", s, want)
		}
		if exp.Cmp(big.NewInt(64)) > 0 {
			return 0, fmt.Errorf("%q is more than 2^63-1", s)
		}
		n.Exp(base, exp, nil)
	} else if _, ok := n.SetString(t, 10); !ok || strings.HasPrefix(t, "+") {
		return 0, fmt.Errorf("%q: %s", s, want)
	}
	switch {
	case n.Sign() < 0:
		return 0, errors.New("want 0 or more")
	case !n.IsInt64():
		return 0, fmt.Errorf("%q is more than 2^63-1 (%d)", s, int64(math.MaxInt64))
	}
	return n.Int64(), nil
}
