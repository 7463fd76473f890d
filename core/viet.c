/* Vietnamese letter tables and tone placement; see viet.h. Pure C over UTF-8, no ICU, so the
 * restorer's inner loop can use it. */
#include "viet.h"

#include <pthread.h>
#include <string.h>

/* Each row: the plain vowel then its five toned forms, lower case then upper case. */
static const char *const vowel_rows[][2] = {
	{"aàáảãạ", "AÀÁẢÃẠ"}, {"ăằắẳẵặ", "ĂẰẮẲẴẶ"}, {"âầấẩẫậ", "ÂẦẤẨẪẬ"},
	{"eèéẻẽẹ", "EÈÉẺẼẸ"}, {"êềếểễệ", "ÊỀẾỂỄỆ"}, {"iìíỉĩị", "IÌÍỈĨỊ"},
	{"oòóỏõọ", "OÒÓỎÕỌ"}, {"ôồốổỗộ", "ÔỒỐỔỖỘ"}, {"ơờớởỡợ", "ƠỜỚỞỠỢ"},
	{"uùúủũụ", "UÙÚỦŨỤ"}, {"ưừứửữự", "ƯỪỨỬỮỰ"}, {"yỳýỷỹỵ", "YỲÝỶỸỴ"},
};
#define NVOWELS 12

/* Lookup for code points below 0x200 and in 0x1EA0..0x1EFF: plain letter, tone, case. */
typedef struct letter_info {
	uint16_t plain; /* 0: not a Vietnamese letter */
	uint8_t tone;
	uint8_t upper;
} letter_info;

static letter_info low_table[0x200];
static letter_info ext_table[0x60];
static uint32_t compose_table[NVOWELS][6][2];
static uint32_t vowel_plain[NVOWELS];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static letter_info *slot(uint32_t cp)
{
	if (cp < 0x200)
		return &low_table[cp];
	if (cp >= 0x1EA0 && cp < 0x1F00)
		return &ext_table[cp - 0x1EA0];
	return NULL;
}

static void tables_build(void)
{
	for (uint32_t c = 'a'; c <= 'z'; c++) {
		low_table[c] = (letter_info){(uint16_t)c, 0, 0};
		low_table[c - 32] = (letter_info){(uint16_t)c, 0, 1};
	}
	low_table[0x111] = (letter_info){0x111, 0, 0}; /* đ */
	low_table[0x110] = (letter_info){0x111, 0, 1}; /* Đ */
	for (int v = 0; v < NVOWELS; v++) {
		for (int cs = 0; cs < 2; cs++) {
			const char *s = vowel_rows[v][cs];
			size_t n = strlen(s), i = 0;
			uint32_t plain = 0;
			for (int t = 0; t < 6; t++) {
				uint32_t cp;
				i += sohoa_utf8_decode(s + i, n - i, &cp);
				if (t == 0 && cs == 0)
					plain = cp;
				compose_table[v][t][cs] = cp;
				letter_info *li = slot(cp);
				if (li)
					*li = (letter_info){0, (uint8_t)t, (uint8_t)cs};
			}
			vowel_plain[v] = cs == 0 ? plain : vowel_plain[v];
		}
	}
	for (int v = 0; v < NVOWELS; v++)
		for (int t = 0; t < 6; t++)
			for (int cs = 0; cs < 2; cs++)
				slot(compose_table[v][t][cs])->plain = (uint16_t)vowel_plain[v];
}

static void tables_init(void)
{
	pthread_once(&tables_once, tables_build);
}

int sohoa_viet_letter(uint32_t cp, uint32_t *plain, int *tone, int *upper)
{
	tables_init();
	letter_info *li = slot(cp);
	if (!li || !li->plain)
		return 0;
	*plain = li->plain;
	*tone = li->tone;
	*upper = li->upper;
	return 1;
}

static int vowel_index(uint32_t plain)
{
	for (int v = 0; v < NVOWELS; v++)
		if (vowel_plain[v] == plain)
			return v;
	return -1;
}

int sohoa_viet_is_vowel(uint32_t plain)
{
	tables_init();
	return vowel_index(plain) >= 0;
}

uint32_t sohoa_viet_compose(uint32_t plain, int tone, int upper)
{
	tables_init();
	int v = vowel_index(plain);
	if (v < 0) {
		if (tone)
			return 0;
		if (plain == 0x111)
			return upper ? 0x110 : 0x111;
		if (plain >= 'a' && plain <= 'z')
			return upper ? plain - 32 : plain;
		return 0;
	}
	if (tone < 0 || tone > 5)
		return 0;
	return compose_table[v][tone][upper ? 1 : 0];
}

uint32_t sohoa_viet_base(uint32_t cp)
{
	uint32_t plain;
	int tone, upper;
	if (!sohoa_viet_letter(cp, &plain, &tone, &upper))
		return cp;
	uint32_t b;
	switch (plain) {
	case 0x103: case 0xE2: b = 'a'; break;  /* ă â */
	case 0xEA: b = 'e'; break;              /* ê */
	case 0xF4: case 0x1A1: b = 'o'; break;  /* ô ơ */
	case 0x1B0: b = 'u'; break;             /* ư */
	case 0x111: b = 'd'; break;             /* đ */
	default: b = plain;
	}
	return upper ? b - 32 : b;
}

/* A word decoded into letters: plain letter, tone and case per position. */
#define WORD_MAX 32
typedef struct word {
	uint32_t plain[WORD_MAX];
	uint8_t upper[WORD_MAX];
	int len;
	int tone;      /* the single tone of the word, 0 if none */
	int ok;        /* 1 if every code point is a Vietnamese letter and at most one tone */
} word;

/* Combining tone marks (U+0300 grave, 0301 acute, 0309 hook, 0303 tilde, 0323 dot below). */
static int combining_tone(uint32_t cp)
{
	switch (cp) {
	case 0x300: return VIET_TONE_GRAVE;
	case 0x301: return VIET_TONE_ACUTE;
	case 0x309: return VIET_TONE_HOOK;
	case 0x303: return VIET_TONE_TILDE;
	case 0x323: return VIET_TONE_DOT;
	}
	return 0;
}

static void word_decode(const char *s, size_t n, word *w)
{
	w->len = 0;
	w->tone = 0;
	w->ok = 1;
	size_t i = 0;
	while (i < n) {
		uint32_t cp, plain;
		int tone, upper;
		i += sohoa_utf8_decode(s + i, n - i, &cp);
		int ct = combining_tone(cp);
		if (ct && w->len > 0 && !w->tone) {
			w->tone = ct;
			continue;
		}
		if (w->len == WORD_MAX || !sohoa_viet_letter(cp, &plain, &tone, &upper)) {
			w->ok = 0;
			return;
		}
		if (tone) {
			if (w->tone) {
				w->ok = 0;
				return;
			}
			w->tone = tone;
		}
		w->plain[w->len] = plain;
		w->upper[w->len] = (uint8_t)upper;
		w->len++;
	}
}

static int has_modifier(uint32_t plain)
{
	return plain == 0x103 || plain == 0xE2 || plain == 0xEA || plain == 0xF4 || plain == 0x1A1 ||
	       plain == 0x1B0;
}

/* Index of the letter that carries the tone, or -1 if the word has no vowel. */
static int tone_position(const word *w, sohoa_tone_style style)
{
	int start = 0, first = -1, last = -1;
	/* "qu" and "gi" before another vowel: the u/i belongs to the initial consonant. */
	if (w->len >= 3 && w->plain[0] == 'q' && w->plain[1] == 'u')
		start = 2;
	else if (w->len >= 3 && w->plain[0] == 'g' && w->plain[1] == 'i' && sohoa_viet_is_vowel(w->plain[2]))
		start = 2;
	for (int i = start; i < w->len; i++) {
		if (sohoa_viet_is_vowel(w->plain[i])) {
			if (first < 0)
				first = i;
			last = i;
		} else if (first >= 0) {
			break;
		}
	}
	if (first < 0)
		return start > 0 ? start - 1 : -1; /* "gì", "quỳ"-like edge cases */
	for (int i = last; i >= first; i--)
		if (has_modifier(w->plain[i]))
			return i;
	int nv = last - first + 1;
	int closed = last + 1 < w->len;
	if (closed || nv == 1)
		return last;
	if (nv >= 3)
		return first + 1;
	/* Two vowels, open syllable: old style "hòa, khỏe, thủy", new style "hoà, khoẻ, thuỷ". */
	if (style == SOHOA_TONE_NEW) {
		uint32_t a = w->plain[first], b = w->plain[last];
		if ((a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y'))
			return last;
	}
	return first;
}

static int word_encode(const word *w, int pos, sohoa_buf *out, int lower)
{
	for (int i = 0; i < w->len; i++) {
		uint32_t cp = sohoa_viet_compose(w->plain[i], i == pos ? w->tone : 0, lower ? 0 : w->upper[i]);
		char u[4];
		size_t k = sohoa_utf8_encode(cp, u);
		if (sohoa_buf_append(out, u, k))
			return -1;
	}
	return 0;
}

/* Call fn on every maximal run of letters (and combining marks) and copy everything else. */
typedef int (*word_fn)(const char *s, size_t n, sohoa_tone_style style, sohoa_buf *out);

static int is_word_cp(uint32_t cp)
{
	uint32_t plain;
	int tone, upper;
	return combining_tone(cp) || sohoa_viet_letter(cp, &plain, &tone, &upper) ||
	       (cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7);
}

static int for_each_word(const char *s, size_t n, sohoa_tone_style style, sohoa_buf *out, word_fn fn)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = sohoa_utf8_decode(s + i, n - i, &cp);
		if (!is_word_cp(cp)) {
			if (sohoa_buf_append(out, s + i, k))
				return -1;
			i += k;
			continue;
		}
		size_t j = i + k;
		while (j < n) {
			k = sohoa_utf8_decode(s + j, n - j, &cp);
			if (!is_word_cp(cp))
				break;
			j += k;
		}
		if (fn(s + i, j - i, style, out))
			return -1;
		i = j;
	}
	return 0;
}

static int restyle_word(const char *s, size_t n, sohoa_tone_style style, sohoa_buf *out)
{
	word w;
	word_decode(s, n, &w);
	if (!w.ok || !w.tone)
		return sohoa_buf_append(out, s, n);
	int pos = tone_position(&w, style);
	if (pos < 0)
		return sohoa_buf_append(out, s, n);
	return word_encode(&w, pos, out, 0);
}

int sohoa_viet_restyle(const char *s, size_t n, sohoa_tone_style style, sohoa_buf *out)
{
	tables_init();
	if (style == SOHOA_TONE_KEEP)
		return sohoa_buf_append(out, s, n);
	return for_each_word(s, n, style, out, restyle_word);
}

static int key_word(const char *s, size_t n, sohoa_tone_style style, sohoa_buf *out)
{
	(void)style;
	word w;
	word_decode(s, n, &w);
	if (!w.ok) { /* not a Vietnamese word: lowercase ASCII, copy the rest */
		for (size_t i = 0; i < n; i++) {
			char c = s[i];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c + 32);
			if (sohoa_buf_append(out, &c, 1))
				return -1;
		}
		return 0;
	}
	int pos = w.tone ? tone_position(&w, SOHOA_TONE_OLD) : -1;
	if (w.tone && pos < 0)
		pos = w.len - 1;
	return word_encode(&w, pos, out, 1);
}

int sohoa_viet_key(const char *s, size_t n, sohoa_buf *out)
{
	tables_init();
	return for_each_word(s, n, SOHOA_TONE_OLD, out, key_word);
}

int sohoa_viet_strip(const char *s, size_t n, sohoa_buf *out)
{
	tables_init();
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = sohoa_utf8_decode(s + i, n - i, &cp);
		if (combining_tone(cp) || cp == 0x302 || cp == 0x306 || cp == 0x31B) {
			i += k;
			continue;
		}
		uint32_t b = sohoa_viet_base(cp);
		char u[4];
		size_t m = b == cp ? k : sohoa_utf8_encode(b, u);
		if (sohoa_buf_append(out, b == cp ? s + i : u, m))
			return -1;
		i += k;
	}
	return 0;
}

/* Syllable structure. Letters are compared as plain lowercase code points with modifiers. */
static int match_seq(const word *w, int at, const char *seq)
{
	size_t n = strlen(seq), i = 0;
	int k = at;
	while (i < n) {
		uint32_t cp;
		i += sohoa_utf8_decode(seq + i, n - i, &cp);
		if (k >= w->len || w->plain[k] != cp)
			return -1;
		k++;
	}
	return k;
}

/* Vowel nuclei; 'o': may end the syllable, 'c': may take a final consonant, "oc": both. */
static const struct { const char *v; const char *how; } nuclei[] = {
	{"a", "oc"}, {"ă", "c"}, {"â", "c"}, {"e", "oc"}, {"ê", "oc"}, {"i", "oc"}, {"o", "oc"},
	{"ô", "oc"}, {"ơ", "oc"}, {"u", "oc"}, {"ư", "oc"}, {"y", "oc"},
	{"ai", "o"}, {"ao", "o"}, {"au", "o"}, {"ay", "o"}, {"âu", "o"}, {"ây", "o"}, {"eo", "o"},
	{"êu", "o"}, {"ia", "o"}, {"iu", "o"}, {"iê", "c"}, {"yê", "c"}, {"oa", "oc"}, {"oă", "c"},
	{"oe", "oc"}, {"oi", "o"}, {"ôi", "o"}, {"ơi", "o"}, {"ua", "o"}, {"uâ", "c"}, {"uê", "oc"},
	{"ui", "o"}, {"uô", "c"}, {"uơ", "o"}, {"uy", "oc"}, {"ưa", "o"}, {"ưi", "o"}, {"ưu", "o"},
	{"ươ", "c"}, {"oai", "o"}, {"oay", "o"}, {"oao", "o"}, {"oeo", "o"}, {"uây", "o"}, {"uôi", "o"},
	{"uya", "o"}, {"uyê", "c"}, {"uyu", "o"}, {"ươi", "o"}, {"ươu", "o"}, {"iêu", "o"}, {"yêu", "o"},
	{"uai", "o"}, {"uao", "o"}, {"uay", "o"}, {"uơi", "o"},
};
static const char *const onsets[] = {
	"ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu", "b", "c", "d", "đ", "g", "h",
	"k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
};
static const char *const codas[] = {"ng", "nh", "ch", "c", "m", "n", "p", "t"};

static int rhyme_ok(const word *w, int at)
{
	for (size_t v = 0; v < sizeof nuclei / sizeof nuclei[0]; v++) {
		int k = match_seq(w, at, nuclei[v].v);
		if (k < 0)
			continue;
		if (k == w->len) {
			if (strchr(nuclei[v].how, 'o'))
				return 1;
			continue;
		}
		if (!strchr(nuclei[v].how, 'c'))
			continue;
		for (size_t c = 0; c < sizeof codas / sizeof codas[0]; c++) {
			if (match_seq(w, k, codas[c]) != w->len)
				continue;
			int stop = codas[c][0] == 'c' || codas[c][0] == 'p' || codas[c][0] == 't';
			if (!stop || w->tone == VIET_TONE_ACUTE || w->tone == VIET_TONE_DOT)
				return 1;
		}
	}
	return 0;
}

int sohoa_viet_syllable(const char *s, size_t n)
{
	tables_init();
	word w;
	word_decode(s, n, &w);
	if (!w.ok || w.len == 0 || w.len > 7)
		return 0;
	for (size_t o = 0; o < sizeof onsets / sizeof onsets[0]; o++) {
		int k = match_seq(&w, 0, onsets[o]);
		if (k < 0)
			continue;
		if (k < w.len && rhyme_ok(&w, k))
			return 1;
		/* "gi" and "qu" whose i/u is also the vowel: "gì", "gin" (g + i...). */
		if (!strcmp(onsets[o], "gi") && rhyme_ok(&w, 1))
			return 1;
	}
	return 0;
}
