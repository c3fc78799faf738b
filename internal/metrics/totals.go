package metrics

// Totals is a snapshot of the counters an operator reads in a log line.
type Totals struct {
	Consumed     float64 `json:"consumed"`
	Produced     float64 `json:"produced"`
	DeadLettered float64 `json:"dead_lettered"`
	WriteErrors  float64 `json:"write_errors"`
	Lag          float64 `json:"lag"` // summed over the partitions this worker owns
}

// Totals reads the current values from the registry.
func (m *Metrics) Totals() Totals {
	var t Totals
	mfs, err := m.Registry.Gather()
	if err != nil {
		return t
	}
	for _, mf := range mfs {
		var sum float64
		for _, mm := range mf.GetMetric() {
			if c := mm.GetCounter(); c != nil {
				sum += c.GetValue()
			}
			if g := mm.GetGauge(); g != nil {
				sum += g.GetValue()
			}
		}
		switch mf.GetName() {
		case "newsworker_consumed_total":
			t.Consumed = sum
		case "newsworker_produced_total":
			t.Produced = sum
		case "newsworker_dead_lettered_total":
			t.DeadLettered = sum
		case "newsworker_write_errors_total":
			t.WriteErrors = sum
		case "newsworker_consumer_lag":
			t.Lag = sum
		}
	}
	return t
}
