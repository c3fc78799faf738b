package langid

import (
	"slices"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	d := Default()
	for _, tc := range []struct{ name, text, want string }{
		{"english", "The foreign ministers of Russia and the United States met in Moscow on Wednesday to discuss the war.", "en"},
		{"french", "Le Conseil constitutionnel a validé vendredi l'essentiel de la réforme des retraites, a annoncé le président.", "fr"},
		{"german", "Die Bundesregierung hat am Mittwoch einen Gesetzentwurf zur Reform der Schuldenbremse beschlossen.", "de"},
		{"spanish", "El Gobierno aprobó el martes un plan para reducir el precio de la vivienda en las grandes ciudades.", "es"},
		{"polish", "Rząd przyjął we wtorek projekt ustawy o podwyższeniu płacy minimalnej od przyszłego roku.", "pl"},
		{"upper case", "THE FOREIGN MINISTERS OF RUSSIA AND THE UNITED STATES MET IN MOSCOW ON WEDNESDAY", "en"},
		{"russian", "Правительство России в среду одобрило законопроект о повышении пенсионного возраста.", "ru"},
		{"ukrainian", "Уряд України в середу схвалив законопроєкт про підвищення мінімальної заробітної плати.", "uk"},
		{"arabic", "أعلنت الحكومة يوم الأربعاء عن خطة جديدة لخفض أسعار الوقود في جميع أنحاء البلاد.", "ar"},
		{"persian", "دولت روز چهارشنبه از برنامه‌ای تازه برای کاهش قیمت سوخت در سراسر کشور خبر داد.", "fa"},
		{"hindi", "सरकार ने बुधवार को देश भर में ईंधन की कीमतें कम करने की नई योजना की घोषणा की।", "hi"},
		{"greek", "Η κυβέρνηση ανακοίνωσε την Τετάρτη νέο σχέδιο για τη μείωση των τιμών.", "el"},
		{"hebrew", "הממשלה הודיעה ביום רביעי על תוכנית חדשה להורדת מחירי הדלק.", "he"},
		{"thai", "รัฐบาลประกาศแผนใหม่เพื่อลดราคาน้ำมันทั่วประเทศ", "th"},
		{"korean", "정부는 수요일 전국 연료 가격을 낮추기 위한 새로운 계획을 발표했다.", "ko"},
		{"japanese", "政府は水曜日、全国の燃料価格を引き下げる新たな計画を発表した。", "ja"},
		{"chinese", "政府周三宣布了一项降低全国燃油价格的新计划。", "zh"},
		{"georgian", "მთავრობამ ოთხშაბათს საწვავის ფასების შემცირების ახალი გეგმა გამოაცხადა.", "ka"},
		{"empty", "", ""},
		{"figures", "12,345 67.8 -90 (1.2%) 2026-12-07", ""},
		{"two words", "two words", ""},
		{"one letter", "a", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := d.Detect(tc.text); got != tc.want {
				t.Errorf("Detect(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestDetectHint(t *testing.T) {
	d := Default()
	for _, tc := range []struct{ name, text, hint, want string }{
		{"french stays french", "Le Conseil constitutionnel a validé vendredi l'essentiel de la réforme des retraites.", "en", "fr"},
		{"russian stays russian", "Правительство России в среду одобрило законопроект о повышении пенсионного возраста.", "en", "ru"},
		{"french names", "Caisse Nationale des Autoroutes is issuing a three billion French franc bond, the French bond issuing committee said.", "en", "en"},
		{"unknown hint", "Le Conseil constitutionnel a validé vendredi l'essentiel de la réforme.", "xx", "fr"},
		{"short", "two words", "en", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := d.DetectHint(tc.text, tc.hint); got != tc.want {
				t.Errorf("DetectHint(%q, %q) = %q, want %q", tc.text, tc.hint, got, tc.want)
			}
		})
	}
}

// TestSample: only the first sampleBytes count, and a cut never splits a
// rune.
func TestSample(t *testing.T) {
	d := Default()
	fr := "Le Conseil constitutionnel a validé vendredi l'essentiel de la réforme des retraites. "
	text := strings.Repeat(fr, sampleBytes/len(fr)+1) + strings.Repeat("The foreign ministers met in Moscow on Wednesday. ", 200)
	if got := d.Detect(text); got != "fr" {
		t.Errorf("got %q, want fr (the sample is all French)", got)
	}
}

// TestScriptBlocks: the detector's scripts by block of 16 runes are
// ScriptOf's for every non-ASCII rune below blocksEnd.
func TestScriptBlocks(t *testing.T) {
	d := Default()
	for r := rune(0x80); r < blocksEnd+16; r++ {
		if got, want := d.script(r), ScriptOf(r); got != want {
			t.Fatalf("script(%U) = %d, ScriptOf = %d", r, got, want)
		}
	}
}

func TestCodes(t *testing.T) {
	codes := Default().Codes()
	if len(codes) != 75 {
		t.Fatalf("%d codes, want 75: %v", len(codes), codes)
	}
	for _, c := range []string{"en", "fr", "zh", "ja", "sr", "nb", "nn"} {
		if !slices.Contains(codes, c) {
			t.Errorf("no %q in %v", c, codes)
		}
	}
}

func TestDetectAllocs(t *testing.T) {
	d := Default()
	text := "The foreign ministers of Russia and the United States met in Moscow on Wednesday."
	if n := testing.AllocsPerRun(100, func() { d.Detect(text) }); n != 0 {
		t.Errorf("%v allocations per call, want 0", n)
	}
}

func TestNewRejectsBadTables(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("LID4"), []byte("XXXX\x01en\x01\x00\x00"), tableData[:len(tableData)/2]} {
		if _, err := New(b); err == nil {
			t.Errorf("New(%.20q…) parsed", b)
		}
	}
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"", "The ministers met in Moscow.", "Правительство России", "政府は水曜日", "\xff\xfe", "e\u0301\u0301x", "ÀÉÎÕÜ ß ĳ ǅ"} {
		f.Add(s)
	}
	d := Default()
	codes := d.Codes()
	f.Fuzz(func(t *testing.T, s string) {
		got := d.Detect(s)
		if got != "" && !slices.Contains(codes, got) {
			t.Fatalf("Detect(%q) = %q, not one of the codes", s, got)
		}
		if again := d.Detect(s); again != got {
			t.Fatalf("Detect(%q) = %q, then %q", s, got, again)
		}
		if h := d.DetectHint(s, "en"); h != "" && !slices.Contains(codes, h) {
			t.Fatalf("DetectHint(%q, en) = %q, not one of the codes", s, h)
		}
	})
}

// BenchmarkNew is the start-up cost: parsing the embedded table.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(tableData); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSettle: with a hint, a text whose opening is clearly in the hinted
// language is decided there; a text in another language, or one opening in
// another language, reads on and gets its own.
func TestSettle(t *testing.T) {
	d := Default()
	en := "The foreign ministers met in Moscow on Wednesday to discuss the war in Syria and the sanctions. "
	fr := "Le Conseil constitutionnel a validé vendredi l'essentiel de la réforme des retraites du gouvernement. "
	for _, tc := range []struct{ name, text, hint, want string }{
		{"english opening, french after", en + en + strings.Repeat(fr, 4), "en", "en"},
		{"french opening, english hint", fr + fr + strings.Repeat(en, 4), "en", "fr"},
		{"all french, english hint", strings.Repeat(fr, 6), "en", "fr"},
		{"english opening, no hint", en + strings.Repeat(fr, 5), "", "fr"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := d.Detect(tc.text)
			if tc.hint != "" {
				got = d.DetectHint(tc.text, tc.hint)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestSampleCut: a text cut to SampleBytes+1 bytes gets the answer the
// whole text gets, with and without a hint, wherever a character of two,
// three or four bytes straddles the end of the sample.
func TestSampleCut(t *testing.T) {
	d := Default()
	bodies := []string{
		"Der Bundestag hat am Donnerstag über die Reform der Schuldenbremse beraten; die Koalition ist uneins. ",
		"Москва и Вашингтон обсудили ситуацию в Сирии на переговорах министров иностранных дел. ",
		"東京株式市場で日経平均株価は続伸した。円安が輸出株を支えた。 ",
		"Les députés ont adopté le texte en première lecture, malgré l'opposition. 😀 ",
		"Shares in London fell after a large bank reported a loss for the quarter. ",
	}
	for _, body := range bodies {
		for pad := 0; pad < 8; pad++ {
			text := strings.Repeat("x", pad) + strings.Repeat(body, 12)
			cut := text[:min(len(text), SampleBytes+1)]
			for _, hint := range []string{"", "en", "de"} {
				whole, part := d.DetectHint(text, hint), d.DetectHint(cut, hint)
				if hint == "" {
					whole, part = d.Detect(text), d.Detect(cut)
				}
				if whole != part {
					t.Fatalf("pad %d, hint %q: %q whole, %q cut (%.20q)", pad, hint, whole, part, body)
				}
			}
		}
	}
}
