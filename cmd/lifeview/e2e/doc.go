// Package e2e holds the end-to-end tests of lifeview: they build the command,
// run it in a window on the test's display (make test gives one with
// xvfb-run) and check what it saves and prints. Without a display the tests
// that open a window are skipped.
package e2e
