package setup

import (
	"fmt"
	"io"
	"text/tabwriter"

	"colife/life/pattern"
)

// WriteList prints the built-in patterns -pattern knows, for -list: a table of
// name, size, rule and a one-line description.
func WriteList(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tSIZE\tRULE\tDESCRIPTION")
	for _, p := range pattern.Library() {
		rule, _ := p.LifeRule()
		fmt.Fprintf(tw, "%s\t%dx%d\t%s\t%s\n", p.Name, p.Width, p.Height, rule, p.Description)
	}
	return tw.Flush()
}
