package gazetteer

import (
	"fmt"
	"strings"
	"testing"
)

func BenchmarkLoadBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Builtin(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseLarge parses a generated 3 MB people file, the size the
// built-in set is expected to reach; the target is well under 100 ms.
func BenchmarkParseLarge(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(hPeople + "\n")
	for i := 0; sb.Len() < 3<<20; i++ {
		fmt.Fprintf(&sb, "Q%d\tPerson Number %d\tP. Number %d|Number\tMinister of Foreign Affairs\tforeign\tRU\t%d-03-09\t%d-05-07\n", i+1, i, i, 1990+i%20, 2010+i%10)
	}
	srcs := []source{{name: "big.tsv", hashName: "big.tsv", data: []byte(sb.String())}}
	b.SetBytes(int64(sb.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load(srcs); err != nil {
			b.Fatal(err)
		}
	}
}
