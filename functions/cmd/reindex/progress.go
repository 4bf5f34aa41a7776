package main

import (
	"fmt"
	"io"
	"strings"
)

// progressBar redraws one line on a terminal: a bar when the total is known, a count otherwise.
type progressBar struct {
	w     io.Writer
	label string
}

const barWidth = 40

func (p *progressBar) show(done, total int) {
	if total <= 0 {
		fmt.Fprintf(p.w, "\r%s%d documents", p.label, done)
		return
	}
	done = min(done, total)
	filled := barWidth * done / total
	fmt.Fprintf(p.w, "\r%s[%s%s] %3d%% %d/%d", p.label,
		strings.Repeat("#", filled), strings.Repeat(".", barWidth-filled), 100*done/total, done, total)
}

func (p *progressBar) end() { fmt.Fprintln(p.w) }
