package gazetteer

import (
	"testing"
	"time"
)

func TestTermActiveOn(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	term := Term{Start: d("2017-02-01"), End: d("2018-03-31")}
	open := Term{Start: d("2012-05-07")}
	tests := []struct {
		name string
		term Term
		on   time.Time
		want bool
	}{
		{"before start", term, d("2017-01-31"), false},
		{"start day", term, d("2017-02-01"), true},
		{"end day late evening", term, time.Date(2018, 3, 31, 23, 30, 0, 0, time.FixedZone("EST", -5*3600)), true},
		{"after end", term, d("2018-04-01"), false},
		{"open end", open, d("2030-01-01"), true},
		{"unknown start", Term{End: d("1990-01-01")}, d("1900-01-01"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.term.ActiveOn(tt.on); got != tt.want {
				t.Errorf("ActiveOn(%v) = %v, want %v", tt.on, got, tt.want)
			}
		})
	}
}

func TestParseDatePartial(t *testing.T) {
	tests := []struct {
		in    string
		isEnd bool
		want  string
	}{
		{"2017", false, "2017-01-01"}, {"2017", true, "2017-12-31"},
		{"2016-02", true, "2016-02-29"}, {"2017-02", false, "2017-02-01"},
		{"2017-04-12", true, "2017-04-12"},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in, tt.isEnd)
		if err != nil || got.Format("2006-01-02") != tt.want {
			t.Errorf("parseDate(%q, %v) = %v, %v; want %s", tt.in, tt.isEnd, got, err, tt.want)
		}
	}
	for _, bad := range []string{"2017-13", "2017-02-30", "17", "2017/01/01", "20x7"} {
		if _, err := parseDate(bad, false); err == nil {
			t.Errorf("parseDate(%q) accepted", bad)
		}
	}
}
