package control

import (
	"fmt"
	"strings"

	"colife/life"
	"colife/life/pattern"
	"colife/render/runner"
)

// promptKind is what a prompt asks for.
type promptKind uint8

const (
	noPrompt   promptKind = iota
	openPrompt            // a file or a built-in pattern's name
	rulePrompt            // a rule
	savePrompt            // a file name to save as
)

// maxPrompt is the longest text a prompt takes, in characters.
const maxPrompt = 256

// Prompt returns the line of the prompt being typed in, cursor included,
// or "" if none is open.
func (c *Controller) Prompt() string {
	switch c.prompt {
	case openPrompt:
		return "open (file or built-in name): " + string(c.text) + "_"
	case rulePrompt:
		return "rule (B3/S23 or a name): " + string(c.text) + "_"
	case savePrompt:
		return "save as (.rle .cells .mc, .gz after one): " + string(c.text) + "_"
	}
	return ""
}

// promptKey types p into the prompt: a character, Backspace, Enter to take
// the text, Esc to give up.
func (c *Controller) promptKey(p Press) {
	switch {
	case p.Key == KeyEscape:
		c.prompt = noPrompt
	case p.Key == KeyBackspace:
		if n := len(c.text); n > 0 {
			c.text = c.text[:n-1]
		}
	case p.Key == KeyEnter:
		c.enter()
	case p.Rune >= ' ' && len(c.text) < maxPrompt:
		c.text = append(c.text, p.Rune)
	}
}

// enter takes the prompt's text: a rule is set, a pattern loaded. Text the
// parser refuses leaves the prompt open, and the window says why.
func (c *Controller) enter() {
	text := strings.TrimSpace(string(c.text))
	if text == "" {
		c.prompt = noPrompt
		return
	}
	switch c.prompt {
	case rulePrompt:
		rule, err := life.ParseRule(text)
		if err != nil {
			c.say(err.Error())
			return
		}
		c.sink.Do(runner.SetRule{Rule: rule})
		c.say("rule " + rule.String())
	case savePrompt:
		c.prompt = noPrompt
		c.saveAs(text)
		return
	case openPrompt:
		if text == "-" {
			c.say("open: - (stdin) is for the command line; give a file or a name")
			return
		}
		p, err := pattern.Load(text, nil)
		if err != nil {
			c.say(oneLine(err.Error()))
			return
		}
		c.load(p, text)
	}
	c.prompt = noPrompt
}

// openSaveAs opens the save-as prompt with the name Ctrl+S would save
// under, to edit: its extension picks the format.
func (c *Controller) openSaveAs() {
	if c.Frame == nil || !c.Frame.Started {
		return
	}
	c.open(savePrompt)
	c.text = append(c.text, []rune(c.saveName())...)
}

// open opens a prompt of kind k.
func (c *Controller) open(k promptKind) {
	c.prompt, c.text = k, c.text[:0]
	c.picking = false
}

// pickerRows is how many patterns the picker shows at once.
const pickerRows = 20

// Picker returns the lines of the library picker, the pattern chosen marked
// with '>', or nil if it is not open.
func (c *Controller) Picker() []string {
	if !c.picking {
		return nil
	}
	lib := c.library()
	lines := []string{"built-in patterns: Up/Down choose, Enter loads, Esc closes", ""}
	first := min(max(c.pick-pickerRows/2, 0), max(len(lib)-pickerRows, 0))
	for i := first; i < min(first+pickerRows, len(lib)); i++ {
		p := lib[i]
		mark := "  "
		if i == c.pick {
			mark = "> "
		}
		lines = append(lines, fmt.Sprintf("%s%-14s %4dx%-4d %s", mark, p.Name, p.Width, p.Height, p.Description))
	}
	return lines
}

// library returns the built-in patterns, read once.
func (c *Controller) library() []*pattern.Pattern {
	if c.lib == nil {
		c.lib = pattern.Library()
	}
	return c.lib
}

// pickerKey moves through the picker with Up and Down, loads the pattern
// chosen with Enter and closes with Esc or L.
func (c *Controller) pickerKey(k Key) {
	lib := c.library()
	switch k {
	case KeyUp:
		c.pick = max(c.pick-1, 0)
	case KeyDown:
		c.pick = min(c.pick+1, len(lib)-1)
	case KeyEscape, KeyL:
		c.picking = false
	case KeyEnter:
		c.picking = false
		p, err := pattern.Builtin(lib[c.pick].Name) // a copy of its own
		if err != nil {
			c.say(err.Error())
			return
		}
		c.load(p, p.Name)
	}
}
