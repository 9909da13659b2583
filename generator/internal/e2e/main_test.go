package e2e

import (
	"os"
	"testing"
)

// atExit holds what TestMain undoes after the tests: the site's server and
// folder, then the browser.
var atExit []func()

func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(atExit) - 1; i >= 0; i-- {
		atExit[i]()
	}
	browserStop()
	os.Exit(code)
}
