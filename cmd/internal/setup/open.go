package setup

import "errors"

// Open is Start for a pattern named while a program runs (the terminal's o
// key): it reads spec as -pattern would, whatever -pattern, -random and
// -seed said, and keeps the other flags (-size, -rule, -topology, -engine,
// -memory). Standard input is not read: "-" is refused.
func (c *Config) Open(spec string, size Sizer) (*Start, error) {
	if spec == "-" {
		return nil, errors.New("- is standard input, which is not open here: give a file or a built-in name")
	}
	o := *c
	o.Pattern, o.patternSet, o.randomSet, o.seedSet = spec, true, false, false
	return o.Start(nil, size)
}
