//go:build js

package main

import (
	"context"
	"strings"
	"syscall/js"

	"colife/cmd/lifeview/internal/cli"
)

// main runs lifeview as a web page: the start comes from the page's address
// (cli.PageStart: ?pattern=gosper, ?rle=..., ?rule=... and the window's
// flags). A wrong address shows its one-line error on the page, over an
// empty board that runs as any other.
func main() {
	query := strings.TrimPrefix(js.Global().Get("location").Get("search").String(), "?")
	cfg, start, err := cli.PageStart(query)
	name := ""
	if err != nil {
		show("lifeview: " + err.Error())
		cfg, _ = cli.Parse(nil, nil) // the defaults cannot fail
		start = cli.EmptyStart()
		name = "colife: an empty board"
	} else {
		name = title(start)
		for _, w := range start.Warnings {
			show("lifeview: warning: " + w)
		}
	}
	js.Global().Get("document").Set("title", name)
	if err := open(context.Background(), cfg, start, name); err != nil {
		show("lifeview: " + err.Error())
	}
}

// show adds line to the page's message box (index.html's #message), which
// stays until the page is left.
func show(line string) {
	doc := js.Global().Get("document")
	box := doc.Call("getElementById", "message")
	if box.IsNull() {
		box = doc.Call("createElement", "div")
		box.Set("id", "message")
		doc.Get("body").Call("appendChild", box)
	}
	text := box.Get("textContent").String()
	if text != "" {
		text += "\n"
	}
	box.Set("textContent", text+line)
	box.Set("hidden", false)
	js.Global().Get("console").Call("error", line)
}
