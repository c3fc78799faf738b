package langid

import "unicode"

// Script is a writing system as far as language identification cares: many
// languages are decided by their script alone, the others are told apart by
// n-grams among the languages of their script.
type Script uint8

// The scripts told apart. Han and Kana are separate: Japanese mixes both,
// Chinese has no kana.
const (
	ScriptNone Script = iota // not a letter, or a letter of no script below
	ScriptLatin
	ScriptGreek
	ScriptCyrillic
	ScriptArmenian
	ScriptHebrew
	ScriptArabic
	ScriptDevanagari
	ScriptBengali
	ScriptGurmukhi
	ScriptGujarati
	ScriptTamil
	ScriptTelugu
	ScriptThai
	ScriptGeorgian
	ScriptHangul
	ScriptKana
	ScriptHan
	numScripts
)

// scriptRange maps the runes from lo to hi to a script.
type scriptRange struct {
	lo, hi rune
	s      Script
}

// scriptRanges is sorted by lo; runes outside every range are ScriptNone.
var scriptRanges = [...]scriptRange{
	{0x00C0, 0x024F, ScriptLatin},
	{0x0370, 0x03FF, ScriptGreek},
	{0x0400, 0x052F, ScriptCyrillic},
	{0x0530, 0x058F, ScriptArmenian},
	{0x0590, 0x05FF, ScriptHebrew},
	{0x0600, 0x06FF, ScriptArabic},
	{0x0750, 0x077F, ScriptArabic},
	{0x0900, 0x097F, ScriptDevanagari},
	{0x0980, 0x09FF, ScriptBengali},
	{0x0A00, 0x0A7F, ScriptGurmukhi},
	{0x0A80, 0x0AFF, ScriptGujarati},
	{0x0B80, 0x0BFF, ScriptTamil},
	{0x0C00, 0x0C7F, ScriptTelugu},
	{0x0E00, 0x0E7F, ScriptThai},
	{0x10A0, 0x10FF, ScriptGeorgian},
	{0x1100, 0x11FF, ScriptHangul},
	{0x1C90, 0x1CBF, ScriptGeorgian},
	{0x1E00, 0x1EFF, ScriptLatin},
	{0x1F00, 0x1FFF, ScriptGreek},
	{0x3040, 0x30FF, ScriptKana},
	{0x3130, 0x318F, ScriptHangul},
	{0x31F0, 0x31FF, ScriptKana},
	{0x3400, 0x4DBF, ScriptHan},
	{0x4E00, 0x9FFF, ScriptHan},
	{0xAC00, 0xD7AF, ScriptHangul},
	{0xF900, 0xFAFF, ScriptHan},
	{0xFB50, 0xFDFF, ScriptArabic},
	{0xFE70, 0xFEFF, ScriptArabic},
	{0xFF66, 0xFF9F, ScriptKana},
	{0x20000, 0x2FFFF, ScriptHan},
}

// ScriptOf returns the script of a non-ASCII rune (binary search over a
// small table: no map, no allocation).
func ScriptOf(r rune) Script {
	if r < 0x80 {
		if r|0x20 >= 'a' && r|0x20 <= 'z' {
			return ScriptLatin
		}
		return ScriptNone
	}
	lo, hi := 0, len(scriptRanges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if scriptRanges[m].hi < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(scriptRanges) && scriptRanges[lo].lo <= r {
		return scriptRanges[lo].s
	}
	return ScriptNone
}

// blocksEnd is where the detector's table of scripts by block of 16 runes
// ends: below it, every range of scriptRanges starts and ends on a multiple
// of 16, so the 16 runes of a block share a script (TestScriptBlocks checks
// every rune).
const blocksEnd = 0x2000

// scriptBlocks returns the script of each block of 16 runes below
// blocksEnd, by ScriptOf of the block's first rune (the ASCII blocks, which
// mix letters and other runes, are not looked up).
func scriptBlocks() (b [blocksEnd >> 4]Script) {
	for i := range b {
		b[i] = ScriptOf(rune(i << 4))
	}
	return b
}

// script is ScriptOf(r) for a non-ASCII rune, looked up in one step below
// blocksEnd.
func (d *Detector) script(r rune) Script {
	if r < blocksEnd {
		return d.blocks[r>>4]
	}
	return ScriptOf(r)
}

// wordRune reports whether r belongs inside a word: a letter or a combining
// mark (Indic vowel signs are marks, and a word must not break at them).
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

// toLower is unicode.ToLower with the cases of the scored scripts' common
// letters first (Latin-1, basic Cyrillic, caseless Arabic and Devanagari).
func toLower(r rune) rune {
	switch {
	case r >= 0xC0 && r <= 0xDE && r != 0xD7, r >= 0x410 && r <= 0x42F:
		return r + 0x20
	case r >= 0x400 && r <= 0x40F:
		return r + 0x50
	case r < 0x100, r >= 0x430 && r <= 0x45F, r >= 0x530 && r < 0x1E00:
		return r
	}
	return unicode.ToLower(r)
}
