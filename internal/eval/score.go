package eval

import (
	"slices"
	"strings"

	"github.com/newsworker/newsworker/pkg/event"
)

// PRF is a micro-averaged precision/recall/F1 with its counts.
type PRF struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (m *PRF) finish() {
	if m.TP+m.FP > 0 {
		m.Precision = float64(m.TP) / float64(m.TP+m.FP)
	}
	if m.TP+m.FN > 0 {
		m.Recall = float64(m.TP) / float64(m.TP+m.FN)
	}
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
}

// Ratio is found out of total.
type Ratio struct {
	Found int     `json:"found"`
	Total int     `json:"total"`
	Rate  float64 `json:"rate"`
}

func (r *Ratio) finish() {
	if r.Total > 0 {
		r.Rate = float64(r.Found) / float64(r.Total)
	}
}

// OfficialsScore is the seed's officials metric.
type OfficialsScore struct {
	PRF              // TP: gold officials found; FP: predictions matching none
	Correct      int `json:"correct"`       // predictions matching a gold official
	CountryAgree int `json:"country_agree"` // found gold officials whose match carries the gold country
	StatusAgree  int `json:"status_agree"`  // ... and the gold status
}

// TopicsScore is the seed's topic metric.
type TopicsScore struct {
	MustCovered Ratio `json:"must_covered"`
	Precision   Ratio `json:"precision"` // correct predicted concepts out of all predicted
}

// Report holds one file's scores; a nil metric did not apply to any case.
type Report struct {
	File      string          `json:"file"`
	Cases     int             `json:"cases"`
	Errors    int             `json:"errors"`
	Countries *PRF            `json:"countries,omitempty"`
	Mentioned *PRF            `json:"countries_mentioned,omitempty"`
	Focus     *PRF            `json:"focus,omitempty"`
	People    *Ratio          `json:"people_recall,omitempty"`
	Officials *OfficialsScore `json:"officials,omitempty"`
	TopicTop1 *Ratio          `json:"topic_top1,omitempty"`
	Topics    *TopicsScore    `json:"topics,omitempty"`
	Details   []CaseDetail    `json:"details,omitempty"`
}

// CaseDetail lists what one case missed and what it tagged wrongly.
type CaseDetail struct {
	ID     string   `json:"id"`
	Error  string   `json:"error,omitempty"`
	Missed []string `json:"missed,omitempty"`
	False  []string `json:"false,omitempty"`
}

// historic maps codes of states that no longer exist to today's state.
var historic = map[string]string{"SU": "RU", "DD": "DE", "YU": "RS", "CS": "CZ", "ZR": "CD", "BU": "MM", "YD": "YE"}

func modernCodes(codes []string) []string {
	out := make([]string, 0, len(codes))
	for _, c := range codes {
		c = strings.ToUpper(strings.TrimSpace(c))
		if m, ok := historic[c]; ok {
			c = m
		}
		if c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// AboutSalience is the salience from which a country counts as what the
// story is about (shared/eval/README.md: gold.countries is scored against the
// record's countries with salience ≥ 0.5).
const AboutSalience = 0.5

// countryCodes lists the record's country codes whose salience is at least
// min, historic codes mapped to today's state.
func countryCodes(cs []event.Country, min float64) []string {
	pred := make([]string, 0, len(cs))
	for _, pc := range cs {
		if pc.Salience >= min {
			pred = append(pred, pc.Code)
		}
	}
	return modernCodes(pred)
}

// Score scores one file's records against its cases.
func Score(file string, cases []Case, recs []event.Record, errs []error, broader map[string]string, verbose bool) *Report {
	r := &Report{File: file, Cases: len(cases)}
	for i, c := range cases {
		rec := recs[i]
		var d CaseDetail
		d.ID = c.ID
		if errs[i] != nil {
			r.Errors++
			rec = event.Record{}
			d.Error = errs[i].Error()
		}
		g := c.Gold
		if g.Countries != nil {
			r.Countries = orNew(r.Countries)
			missed, false_ := setScore(r.Countries, countryCodes(rec.Countries, AboutSalience), modernCodes(g.Countries))
			d.add("country", missed, false_)
		}
		if g.Mentioned != nil {
			r.Mentioned = orNew(r.Mentioned)
			missed, false_ := setScore(r.Mentioned, countryCodes(rec.Countries, 0), modernCodes(g.Mentioned))
			d.add("mentioned", missed, false_)
		}
		if g.Focus != nil {
			r.Focus = orNew(r.Focus)
			var pred []string
			for _, pc := range rec.Countries {
				if pc.Focus {
					pred = append(pred, pc.Code)
				}
			}
			missed, false_ := setScore(r.Focus, modernCodes(pred), modernCodes(g.Focus))
			d.add("focus", missed, false_)
		}
		if g.People != nil {
			r.People = orNew(r.People)
			d.add("person", peopleRecall(r.People, g.People, rec.Officials), nil)
		}
		if g.Officials != nil {
			r.Officials = orNew(r.Officials)
			missed, false_ := officialsScore(r.Officials, g.Officials, rec.Officials)
			d.add("official", missed, false_)
		}
		if g.TopicTop != "" {
			r.TopicTop1 = orNew(r.TopicTop1)
			got := topOne(rec.Topics, broader)
			r.TopicTop1.Total++
			if got == g.TopicTop {
				r.TopicTop1.Found++
			} else {
				d.add("topic_top", []string{g.TopicTop}, []string{got})
			}
		}
		if g.TopicsMust != nil {
			r.Topics = orNew(r.Topics)
			missed, false_ := topicsScore(r.Topics, g.TopicsMust, g.TopicsMay, rec.Topics, broader)
			d.add("topic", missed, false_)
		}
		if verbose && (d.Error != "" || len(d.Missed) > 0 || len(d.False) > 0) {
			r.Details = append(r.Details, d)
		}
	}
	if r.Countries != nil {
		r.Countries.finish()
	}
	if r.Mentioned != nil {
		r.Mentioned.finish()
	}
	if r.Focus != nil {
		r.Focus.finish()
	}
	if r.People != nil {
		r.People.finish()
	}
	if o := r.Officials; o != nil {
		o.PRF.finish()
		o.Precision = 0
		if o.Correct+o.FP > 0 {
			o.Precision = float64(o.Correct) / float64(o.Correct+o.FP)
		}
		o.F1 = 0
		if o.Precision+o.Recall > 0 {
			o.F1 = 2 * o.Precision * o.Recall / (o.Precision + o.Recall)
		}
	}
	if r.TopicTop1 != nil {
		r.TopicTop1.finish()
	}
	if r.Topics != nil {
		r.Topics.MustCovered.finish()
		r.Topics.Precision.finish()
	}
	return r
}

func orNew[T any](p *T) *T {
	if p == nil {
		return new(T)
	}
	return p
}

func (d *CaseDetail) add(kind string, missed, false_ []string) {
	for _, m := range missed {
		d.Missed = append(d.Missed, kind+":"+m)
	}
	for _, f := range false_ {
		d.False = append(d.False, kind+":"+f)
	}
}

// setScore adds one case's set comparison to m.
func setScore(m *PRF, pred, gold []string) (missed, false_ []string) {
	for _, p := range pred {
		if slices.Contains(gold, p) {
			m.TP++
		} else {
			m.FP++
			false_ = append(false_, p)
		}
	}
	for _, g := range gold {
		if !slices.Contains(pred, g) {
			m.FN++
			missed = append(missed, g)
		}
	}
	return missed, false_
}
