# colife: make run opens the window, make test runs every check.
GO      ?= go
PKGS    := ./...
# System packages Ebitengine needs on Debian/Ubuntu to build the window (cgo,
# X11, GL), and xvfb for the window's tests without a display.
DEB_PKGS := gcc pkg-config libgl1-mesa-dev libxcursor-dev libxi-dev libxinerama-dev \
            libxrandr-dev libxxf86vm-dev xvfb xauth
ARGS    ?=

.DEFAULT_GOAL := test
.PHONY: test run bench lint deps fmt-check vet fuzz

## deps: install the system packages the window needs, if any is missing.
deps:
	@./.ci/deps.sh $(DEB_PKGS)

## run: open the window (pass flags with ARGS="-pattern gosper -zoom 4").
run: deps
	$(GO) run ./cmd/lifeview $(ARGS)

## test: formatting, vet, and every test with the race detector; the window's
## end-to-end tests run under xvfb-run.
test: deps lint
	xvfb-run -a -s "-screen 0 1280x1024x24" $(GO) test -race -count=1 $(PKGS)

## lint: gofmt and go vet.
lint: fmt-check vet

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

## bench: the engine benchmarks as one table.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./life/ | $(GO) run ./life/internal/benchtable

## fuzz: run each parser's fuzzer for FUZZTIME (default 1m).
FUZZTIME ?= 1m
fuzz:
	@for f in $$($(GO) test -list '^Fuzz' ./life/pattern/ | grep ^Fuzz); do \
		$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) ./life/pattern/ || exit 1; \
	done
