package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"colife/life/pattern"
)

// writeList prints the built-in patterns -pattern knows: name, size and what
// each is.
func writeList(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tSIZE\tDESCRIPTION")
	for _, p := range pattern.Library() {
		fmt.Fprintf(tw, "%s\t%dx%d\t%s\n", p.Name, p.Width, p.Height, p.Description)
	}
	return tw.Flush()
}
