package gazetteer

import (
	"errors"
	"fmt"
)

// maxErrors bounds how many problems one load reports: past that the data is
// clearly broken and a longer list helps nobody.
const maxErrors = 50

// Error is one problem in a gazetteer file, reported as
// `file:line: field "x": problem` so that editors can jump to it.
type Error struct {
	Pos     Pos
	Field   string // column name; empty when the problem is the whole line
	Problem string
}

func (e *Error) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("%s:%d: %s", e.Pos.File, e.Pos.Line, e.Problem)
	}
	return fmt.Sprintf("%s:%d: field %q: %s", e.Pos.File, e.Pos.Line, e.Field, e.Problem)
}

// errList collects problems so that one load reports many of them at once
// instead of making the user fix and retry one at a time.
type errList struct {
	errs    []error
	dropped int
}

func (l *errList) add(pos Pos, field, format string, args ...any) {
	if len(l.errs) >= maxErrors {
		l.dropped++
		return
	}
	l.errs = append(l.errs, &Error{Pos: pos, Field: field, Problem: fmt.Sprintf(format, args...)})
}

func (l *errList) addErr(err error) {
	if len(l.errs) >= maxErrors {
		l.dropped++
		return
	}
	l.errs = append(l.errs, err)
}

func (l *errList) empty() bool { return len(l.errs) == 0 }

// merge appends the problems of o (nil for none), still at most maxErrors.
func (l *errList) merge(o *errList) {
	if o == nil {
		return
	}
	for _, e := range o.errs {
		l.addErr(e)
	}
	l.dropped += o.dropped
}

// err joins the problems; errors.As finds each *Error.
func (l *errList) err() error {
	if len(l.errs) == 0 {
		return nil
	}
	errs := l.errs
	if l.dropped > 0 {
		errs = append(errs[:len(errs):len(errs)], fmt.Errorf("... and %d more problems", l.dropped))
	}
	return errors.Join(errs...)
}
