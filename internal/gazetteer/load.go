package gazetteer

import (
	"crypto/sha256"
	"embed"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// builtinData is the embedded data directory. go:embed needs a package-level
// variable; it is read-only, so it is not shared mutable state. data/ holds a
// README.md so that the embed pattern matches even while every kind's
// directory is still empty.
//
//go:embed data
var builtinData embed.FS

// builtinPrefix makes built-in positions point at the source tree, so an
// error message can be opened from the repository root.
const builtinPrefix = "internal/gazetteer/"

// isCheckList tells the test-only lists kept beside the data (for example
// data/people/factbook-exceptions.tsv, the documented disagreements with the
// CIA Factbook) from gazetteer files: they are not loaded or hashed.
func isCheckList(name string) bool { return strings.HasSuffix(name, "-exceptions.tsv") }

type source struct {
	name     string // for messages
	hashName string // for the version hash: stable across machines
	data     []byte
	kind     string // required kind, for built-in files
}

// Builtin loads only the embedded data.
func Builtin() (*Gazetteer, error) { return Load() }

// Load parses every built-in file, then each user file in order, merges the
// user entries over the built-in ones (countries by code, places by name and
// countries, people by person_id — a user's rows for an id replace all
// earlier terms of that id —, topics by code, roles by phrase, orgs by name;
// usages and cues only add),
// validates the result and computes its Version. All problems found are
// returned together, each as `file:line: field "x": problem`.
func Load(extraFiles ...string) (*Gazetteer, error) {
	srcs, err := builtinSources()
	if err != nil {
		return nil, err
	}
	user, err := userSources(extraFiles)
	if err != nil {
		return nil, err
	}
	return load(append(srcs, user...))
}

// LoadFiles loads only the given files, without the built-in data: for
// checking a user file, or an importer's output, on its own.
func LoadFiles(files ...string) (*Gazetteer, error) {
	srcs, err := userSources(files)
	if err != nil {
		return nil, err
	}
	return load(srcs)
}

func userSources(files []string) ([]source, error) {
	var srcs []source
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("load gazetteer: %w", err)
		}
		srcs = append(srcs, source{name: f, hashName: "user/" + filepath.Base(f), data: data})
	}
	return srcs, nil
}

func builtinSources() ([]source, error) {
	var srcs []source
	// WalkDir visits in lexical order, so the load order and the version
	// hash do not depend on the file system.
	err := fs.WalkDir(builtinData, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".tsv") || isCheckList(p) {
			return nil
		}
		kind := strings.Split(p, "/")[1]
		if _, ok := headers[kind]; !ok || path.Dir(p) == "data" {
			return fmt.Errorf("load gazetteer: %s%s: built-in files must be in data/<kind>/", builtinPrefix, p)
		}
		data, err := builtinData.ReadFile(p)
		if err != nil {
			return err
		}
		srcs = append(srcs, source{name: builtinPrefix + p, hashName: p, data: data, kind: kind})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	return srcs, nil
}

func load(srcs []source) (*Gazetteer, error) {
	errs := &errList{}
	b := newBuilder(errs)
	h := sha256.New()
	var n [8]byte
	for i, fd := range parseAll(srcs) {
		s := srcs[i]
		errs.merge(fd.errs)
		b.add(fd, s.kind == "")
		// Length-prefixed so that no two file lists hash alike.
		for _, part := range [][]byte{[]byte(s.hashName), s.data} {
			binary.BigEndian.PutUint64(n[:], uint64(len(part)))
			h.Write(n[:])
			h.Write(part)
		}
	}
	g := b.build()
	if !errs.empty() {
		return nil, fmt.Errorf("load gazetteer: %w", errs.err())
	}
	g.Version = "sha256:" + hex.EncodeToString(h.Sum(nil))[:16]
	return g, nil
}

// parseAll parses every file, on as many goroutines as there are CPUs:
// the files are independent, and parsing them is most of a start's
// gazetteer time. Each file keeps its own problems, which load merges in
// file order, so the result does not depend on the schedule.
func parseAll(srcs []source) []*fileData {
	out := make([]*fileData, len(srcs))
	next := make(chan int, len(srcs))
	for i := range srcs {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(srcs)) {
		wg.Go(func() {
			for i := range next {
				errs := &errList{}
				out[i] = parseFile(srcs[i].name, srcs[i].data, srcs[i].kind, errs)
				out[i].errs = errs
			}
		})
	}
	wg.Wait()
	return out
}
