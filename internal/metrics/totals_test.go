package metrics

import "testing"

func TestTotals(t *testing.T) {
	m := New()
	m.Consumed.Add(10)
	m.Produced.Add(7)
	m.DeadLettered.WithLabelValues("too_large").Add(2)
	m.DeadLettered.WithLabelValues("invalid_json").Add(1)
	m.Lag.WithLabelValues("0").Set(5)
	m.Lag.WithLabelValues("1").Set(4)
	got := m.Totals()
	want := Totals{Consumed: 10, Produced: 7, DeadLettered: 3, Lag: 9}
	if got != want {
		t.Errorf("Totals = %+v, want %+v", got, want)
	}
}
