package diff

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // tokens joined by |, breaks as ¶
	}{
		{"the Secretary-General", "the|Secretary-General"},
		{"each Party's and Party’s", "each|Party's|and|Party’s"},
		{"States Parties' rights", "States|Parties|'|rights"},
		{"a--b, c - d", "a|-|-|b|,|c|-|d"},
		{"(a) text;", "(|a|)|text|;"},
		{"A/RES/79/243", "A|/|RES|/|79|/|243"},
		{"one\ntwo", "one|two"},
		{"one\n\ntwo", "one|¶|two"},
		{"one\r\n\r\ntwo", "one|¶|two"},
		{"one \n \t\n two", "one|¶|two"},
		{"shall:\n(a) this;\n(b) that", "shall|:|¶|(|a|)|this|;|¶|(|b|)|that"},
		{"text\n2. More", "text|¶|2|.|More"},
		{"text\n2.5 million", "text|2.5|million"},
		{"40,000 and 1.5.", "40,000|and|1.5|."},
		{"article 40(21), 2. next", "article|40|(|21|)|,|2|.|next"},
		{"a.b 1,a", "a|.|b|1|,|a"},
		{"“quoted” ‘single’", "“|quoted|”|‘|single|’"},
		{"الدول الأطراف، 2", "الدول|الأطراف|،|2"},
		{"text\n(see above) more", "text|(|see|above|)|more"},
		{"para\u2029next", "para|¶|next"},
		{"\n\n  leading and trailing  \n\n", "leading|and|trailing"},
		{"\uFEFFbom", "bom"},
		{"bad\xffbyte", "bad|\uFFFD|byte"},
		{"", ""},
	} {
		var got []string
		for _, tok := range tokenize(tc.in) {
			if tok.kind == pbreak {
				got = append(got, "¶")
			} else {
				got = append(got, tok.text)
			}
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("tokenize(%q) = %q, want %q", tc.in, g, tc.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"  a \t b\nc  ", "a b c"},
		{"a ,b", "a ,b"},
		{"1. a\n2. b", "1. a\n\n2. b"},
		{"a\n\n\n\nb", "a\n\nb"},
		{"e\u0301", "\u00e9"},
		{"a\u00a0b", "a b"},
	} {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestKeys(t *testing.T) {
	for _, pair := range [][2]string{
		{"Party's", "Party’s"},
		{"Party's", "Partyʼs"},
		{"non-governmental", "non‑governmental"},
		{"treaty", "trea\u00ADty"},
		{"données", "donne\u0301es"},
	} {
		a, b := tokenize(pair[0]), tokenize(pair[1])
		if len(a) != 1 || len(b) != 1 || a[0].key() != b[0].key() {
			t.Errorf("%q and %q: tokens %+v and %+v, want one equal key", pair[0], pair[1], a, b)
		}
	}
}

// TestTokenRune checks every rune the mapping can hand out: valid, not a
// surrogate, not ASCII or Latin-1, all distinct, and unchanged by a trip
// through a Go string (which go-diff takes them through).
func TestTokenRune(t *testing.T) {
	seen := make(map[rune]bool, 1<<20)
	var rs []rune
	for i := 0; ; i++ {
		r := tokenRune(i)
		if r < 0 {
			if i < 1<<20 {
				t.Fatalf("only %d runes", i)
			}
			break
		}
		if !utf8.ValidRune(r) || r < 0x100 || 0xD800 <= r && r <= 0xDFFF {
			t.Fatalf("tokenRune(%d) = %U", i, r)
		}
		if seen[r] {
			t.Fatalf("tokenRune(%d) = %U twice", i, r)
		}
		seen[r] = true
		rs = append(rs, r)
	}
	if back := []rune(string(rs)); !slices.Equal(back, rs) {
		t.Fatal("runes change through a string")
	}
}
