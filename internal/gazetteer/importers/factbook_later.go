package importers

import (
	"strconv"
	"time"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// boundByLater ends a generated term where a hand-written term of another
// person in the same office and country starts after the last edition that
// named the generated holder (or during that edition's year, when it runs
// on until the Factbook's next holder): the Factbook says nothing of
// 2018-2020 nor after its latest edition, and its editions lag, so without
// this a holder last seen in 2017 would stay in office until the next
// holder the 2021 edition names, over the terms of those who held the
// office in between. rows are the
// people rows with the source column; a bounded row's source says so.
func boundByLater(rows [][]string, later []gazetteer.Person) {
	type key struct{ country, office string }
	starts := map[key][]laterStart{}
	for _, p := range later {
		for _, t := range p.Terms {
			if !t.Start.IsZero() {
				k := key{t.Country, t.Office}
				starts[k] = append(starts[k], laterStart{p.ID, t.Start, t.End})
			}
		}
	}
	for _, r := range rows {
		lastSeen, ok := lastEdition(r[8])
		if !ok {
			continue
		}
		// Each bound may reveal an earlier lagged successor (Stepashin
		// before Putin in 1999), so bound again until nothing changes.
		var bound *laterStart
		for {
			best := laterBound(r, lastSeen, starts[key{r[5], r[4]}])
			if best == nil {
				break
			}
			bound = best
			r[7] = best.start.Format("2006-01-02")
		}
		if bound != nil {
			r[8] += "; end: start of " + bound.id + " (hand-written)"
		}
	}
}

// laterBound finds the earliest hand-written start that ends row r (see
// boundByLater), or nil.
func laterBound(r []string, lastSeen int, starts []laterStart) *laterStart {
	after := time.Date(lastSeen+1, 1, 1, 0, 0, 0, 0, time.UTC)
	seenYear := time.Date(lastSeen, 1, 1, 0, 0, 0, 0, time.UTC)
	start, _ := dateOf(r[6], false)
	end, _ := dateOf(r[7], true)
	var best *laterStart
	for i, s := range starts {
		if s.id == r[0] || !s.start.After(start) || !end.IsZero() && !s.start.Before(end) {
			continue
		}
		// A successor who took over during the last year that named the
		// person and held on until the Factbook's next holder: the
		// editions lagged behind (Cazeneuve after Valls in 2016-17).
		lagged := !s.start.Before(seenYear) && (end.IsZero() && s.end.IsZero() || !end.IsZero() && !s.end.IsZero() && absDays(s.end.Sub(end)) <= 60)
		if s.start.Before(after) && !lagged {
			continue
		}
		if best == nil || s.start.Before(best.start) || s.start.Equal(best.start) && s.id < best.id {
			best = &starts[i]
		}
	}
	return best
}

type laterStart struct {
	id    string
	start time.Time
	end   time.Time
}

// lastEdition reads the last year of a source cell ("factbook
// 2012-2017,2021 RU" → 2021).
func lastEdition(source string) (int, bool) {
	i := len(source) - 1
	for i >= 0 && source[i] != ' ' {
		i--
	}
	j := i - 1
	for j >= 0 && (source[j] >= '0' && source[j] <= '9') {
		j--
	}
	y, err := strconv.Atoi(source[j+1 : max(i, j+1)])
	return y, err == nil
}

// dateOf reads a partial date as its first day, or as its last when end.
func dateOf(s string, end bool) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	t, err := time.Parse("2006-01-02", periodStart(s))
	if err != nil || !end {
		return t, err == nil
	}
	if len(s) == 4 {
		return t.AddDate(1, 0, -1), true
	}
	if len(s) == 7 {
		return t.AddDate(0, 1, -1), true
	}
	return t, true
}

func absDays(d time.Duration) float64 {
	if d < 0 {
		d = -d
	}
	return d.Hours() / 24
}
