package config

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Var is one configuration variable: its full name, default and meaning,
// read from the Config struct's tags (the one source of the README's table
// and of `newsworker run -h`).
type Var struct {
	Name, Default, Desc string
}

// Vars lists every NEWSWORKER_* variable in the order of the Config struct.
func Vars() []Var {
	var out []Var
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for i := range t.NumField() {
			f := t.Field(i)
			name := prefix + "_" + f.Tag.Get("envconfig")
			if f.Type.Kind() == reflect.Struct && f.Tag.Get("desc") == "" {
				walk(f.Type, name)
				continue
			}
			out = append(out, Var{Name: name, Default: f.Tag.Get("default"), Desc: f.Tag.Get("desc")})
		}
	}
	walk(reflect.TypeFor[Config](), Prefix)
	return out
}

// toolVars are NEWSWORKER_* variables that configure the test suite and the
// eval tooling rather than the program; the program ignores them.
var toolVars = []string{"NEWSWORKER_SHARED", "NEWSWORKER_SOAK_ITEMS", "NEWSWORKER_EVAL", "NEWSWORKER_EVAL_V", "NEWSWORKER_EVAL_JSON", "NEWSWORKER_EVAL_OUT"}

// CheckEnviron refuses NEWSWORKER_* variables that are not settings (a typo
// such as NEWSWORKER_BROKER would otherwise be ignored in silence), naming
// the closest valid one. Variables of the test suite (NEWSWORKER_TEST_*
// and a few named ones) are let through.
func CheckEnviron(environ []string) error {
	vars := Vars()
	var unknown []string
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, Prefix+"_") || strings.HasPrefix(name, Prefix+"_TEST_") || slices.Contains(toolVars, name) {
			continue
		}
		if !slices.ContainsFunc(vars, func(v Var) bool { return v.Name == name }) {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	msgs := make([]string, len(unknown))
	for i, name := range unknown {
		msgs[i] = fmt.Sprintf("%s is not a setting (did you mean %s?)", name, closest(name, vars))
	}
	return fmt.Errorf("config: %s; `newsworker run -h` lists every variable", strings.Join(msgs, "; "))
}

// closest is the variable whose name is nearest to name by edit distance.
func closest(name string, vars []Var) string {
	best, bestD := "", -1
	for _, v := range vars {
		if d := editDistance(name, v.Name); bestD < 0 || d < bestD {
			best, bestD = v.Name, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of two ASCII names.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Values is the configuration as the environment would spell it ("30s",
// "a:9092,b:9092"), keyed by variable name, the password redacted: what
// the worker logs at start, with every duration in the same unit as the
// variables themselves.
func (c Config) Values() map[string]string {
	out := map[string]string{}
	var walk func(v reflect.Value, prefix string)
	walk = func(v reflect.Value, prefix string) {
		t := v.Type()
		for i := range t.NumField() {
			f, fv := t.Field(i), v.Field(i)
			name := prefix + "_" + f.Tag.Get("envconfig")
			if f.Type.Kind() == reflect.Struct && f.Tag.Get("desc") == "" {
				walk(fv, name)
				continue
			}
			switch x := fv.Interface().(type) {
			case []string:
				out[name] = strings.Join(x, ",")
			case fmt.Stringer:
				out[name] = x.String()
			default:
				out[name] = fmt.Sprint(x)
			}
		}
	}
	walk(reflect.ValueOf(c), Prefix)
	return out
}
