package metrics

import (
	"runtime"
	"testing"

	"github.com/newsworker/newsworker/internal/buildinfo"
)

func TestBuildInfo(t *testing.T) {
	m := New()
	labels := func() map[string]string {
		t.Helper()
		mfs, err := m.Registry.Gather()
		if err != nil {
			t.Fatal(err)
		}
		for _, mf := range mfs {
			if mf.GetName() != "newsworker_build_info" {
				continue
			}
			if n := len(mf.GetMetric()); n != 1 {
				t.Fatalf("%d build_info series, want 1", n)
			}
			out := map[string]string{}
			for _, l := range mf.GetMetric()[0].GetLabel() {
				out[l.GetName()] = l.GetValue()
			}
			if v := mf.GetMetric()[0].GetGauge().GetValue(); v != 1 {
				t.Errorf("build_info = %v, want 1", v)
			}
			return out
		}
		t.Fatal("newsworker_build_info not exported")
		return nil
	}
	for _, tc := range []struct {
		name, tagger string
		set          bool
	}{
		{name: "before the caller sets the tagger version"},
		{name: "after", tagger: "0.4.0", set: true},
		{name: "set again replaces the series", tagger: "0.4.0", set: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.set {
				m.SetTaggerVersion(tc.tagger)
			}
			got := labels()
			want := map[string]string{"version": buildinfo.Version(), "go_version": runtime.Version(), "tagger_version": tc.tagger}
			for k, v := range want {
				if got[k] != v {
					t.Errorf("label %s = %q, want %q", k, got[k], v)
				}
			}
		})
	}
}
