package demo

// Samples are short news items written for this demo by the newsworker
// authors (not copied from any publication), one per input form the worker
// accepts, plus one item that must be dead-lettered.
var samples = []struct {
	contentType string
	value       string
}{
	{"", `{"id":"demo-1","source":"Demo Wire","title":"Foreign ministers meet in Geneva on Syria ceasefire","published_at":"2017-04-20T09:30:00Z","url":"https://example.org/demo/1","body":"GENEVA, April 20 - US Secretary of State Rex Tillerson and Russian Foreign Minister Sergei Lavrov met in Geneva on Thursday to discuss a ceasefire in Syria.\n\nTillerson said the talks were frank. Lavrov said Moscow wanted an investigation before any new sanctions. The Kremlin declined to comment."}`},
	{"text/plain", "Bundesbank warns on inflation as euro weakens\n\nBy Demo Desk March 3, 1987\n\nFRANKFURT, March 3 - Bundesbank President Karl Otto Poehl said on Tuesday that West German inflation could rise if the dollar kept falling against the mark.\n\nPoehl told reporters in Frankfurt that interest rates would stay unchanged for now."},
	{"", `{"guid":"demo-3","publisher":"Demo Daily","headline":"Storm floods coastal towns in Japan","pubDate":"Tue, 05 Sep 2023 06:00:00 GMT","content":"<p>Heavy rain from a typhoon flooded several towns near <b>Osaka</b> on Tuesday, and officials in Tokyo ordered thousands of people to leave their homes.</p><script>track()</script><p>Prime Minister Fumio Kishida said the government would send troops to help.</p>","html":true}`},
	{"", `{"id":"demo-4","source":"Demo Sports","title":"Late goal gives Brazil win over Argentina","published_at":"2021-07-10","text":"A late goal gave Brazil a 1-0 win over Argentina in the football final in Rio de Janeiro on Saturday, and the striker said the team had earned the title."}`},
	{"", `{"id":"demo-5","source":"Demo Wire","title":"Le Conseil constitutionnel valide la réforme","language":"fr","published_at":"2023-04-14","body":"Le Conseil constitutionnel a validé vendredi l'essentiel de la réforme des retraites, a annoncé le président Emmanuel Macron à Paris."}`},
	{"", "\x00\x01\x02\x03binary garbage\xff\xfe\x00\x00\x00\x00\x00\x00"},
	{"", `{"id":"demo-7","title":42,"body":[]}`},
}
