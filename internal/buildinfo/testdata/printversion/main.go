// Command printversion prints buildinfo.Version, so the test can check that
// the -X path used by the Makefile and the Dockerfile really stamps it.
package main

import (
	"fmt"

	"github.com/newsworker/newsworker/internal/buildinfo"
)

func main() { fmt.Println(buildinfo.Version()) }
