package main

import (
	"context"
	"io"
	"testing"
	"time"

	"colife/cmd/internal/setup"
	"colife/life/sim"
)

// BenchmarkCLI measures print mode as
//
//	life -engine direct -size 4096x4096 -random 0.5 -gens 1000 -out -
//
// runs it, set-up excluded (flags, the soup, the engine's start), printing off
// (-out - prints no generation; with -out FILE every generation would be
// printed): one op is the 1000 generations, timed for cells/s, which compares
// with BenchmarkDirect's (make bench prints both); out-s is the time then
// taken to write the last generation's RLE, to io.Discard.
func BenchmarkCLI(b *testing.B) {
	const w, h, gens = 4096, 4096, 1000
	var outTime time.Duration
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		cfg, err := parseFlags([]string{"-engine", "direct", "-size", "4096x4096", "-random", "0.5", "-seed", "1",
			"-gens", "1000", "-out", "-"}, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		start, err := cfg.Start(nil, setup.Fit(printMargin, setup.Size{}))
		if err != nil {
			b.Fatal(err)
		}
		s, err := sim.New(context.Background(), start.Grid, start.Options)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := printMode(context.Background(), cfg, s, start, nil, io.Discard); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		t := time.Now()
		if err := writeOut(context.Background(), cfg.out, cfg.outFormat(), start, s, io.Discard); err != nil {
			b.Fatal(err)
		}
		outTime += time.Since(t)
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(w*h*gens)*float64(b.N)/b.Elapsed().Seconds(), "cells/s")
	b.ReportMetric(outTime.Seconds()/float64(b.N), "out-s")
}
