package main

import (
	"fmt"
	"io"
)

func runImport(args []string, stdout io.Writer) error {
	return fmt.Errorf("%w: import is not wired yet", errUsage)
}
