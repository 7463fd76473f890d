/* Legacy Vietnamese encodings: decoding tables built once from the generated rows
 * (encoding-tables.c), font-name hints and statistical detection. See encoding.h. */
#include "encoding.h"
#include "../core/viet.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

extern const sohoa_enc_row sohoa_enc_rows_tcvn3[], sohoa_enc_rows_vni[], sohoa_enc_rows_viscii[],
	sohoa_enc_rows_vps[];
extern const size_t sohoa_enc_nrows_tcvn3, sohoa_enc_nrows_vni, sohoa_enc_nrows_viscii, sohoa_enc_nrows_vps;

/* Windows-1252 0x80..0x9F (0: undefined, kept as the C1 control of the same number). */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
	0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
	0x0153, 0, 0x017E, 0x0178,
};

/* Windows-1258 where it differs from 1252 (decoded here for detection only; ICU converts). */
static const struct { uint8_t b; uint16_t cp; } cp1258_delta[] = {
	{0x8A, 0}, {0x8E, 0}, {0x9A, 0}, {0x9E, 0}, {0xC3, 0x0102}, {0xCC, 0x0300}, {0xD0, 0x0110},
	{0xD2, 0x0309}, {0xD5, 0x01A0}, {0xDD, 0x01AF}, {0xDE, 0x0303}, {0xE3, 0x0103}, {0xEC, 0x0301},
	{0xF0, 0x0111}, {0xF2, 0x0323}, {0xF5, 0x01A1}, {0xFD, 0x01B0}, {0xFE, 0x20AB},
};

typedef struct enc_table {
	uint32_t single[256];  /* byte -> code point */
	uint16_t pair[128][64]; /* VNI: ASCII letter or horn byte (index b0 & 0x7F... see pair_slot) x mark 0xC0..0xFF */
	int has_pairs;
} enc_table;

static enc_table tables[SOHOA_ENC_COUNT];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

/* Bases of VNI pairs: ASCII letters, and the horn letters Ơ D4 / Ư D6 / ơ F4 / ư F6. */
static int pair_slot(uint8_t b0)
{
	if (b0 < 0x80)
		return b0;
	switch (b0) {
	case 0xD4: return 0x01;
	case 0xD6: return 0x02;
	case 0xF4: return 0x03;
	case 0xF6: return 0x04;
	}
	return -1;
}

static void fill(enc_table *t, const sohoa_enc_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (rows[i].b1) {
			int s = pair_slot(rows[i].b0);
			if (s >= 0 && rows[i].b1 >= 0xC0) {
				t->pair[s][rows[i].b1 - 0xC0] = rows[i].cp;
				t->has_pairs = 1;
			}
		} else {
			t->single[rows[i].b0] = rows[i].cp;
		}
	}
}

static void build(void)
{
	for (int e = 0; e < SOHOA_ENC_COUNT; e++) {
		enc_table *t = &tables[e];
		for (int b = 0; b < 256; b++)
			t->single[b] = b >= 0x80 && b < 0xA0 && cp1252_high[b - 0x80] ? cp1252_high[b - 0x80] : (uint32_t)b;
	}
	fill(&tables[SOHOA_ENC_TCVN3], sohoa_enc_rows_tcvn3, sohoa_enc_nrows_tcvn3);
	fill(&tables[SOHOA_ENC_TCVN3_UPPER], sohoa_enc_rows_tcvn3, sohoa_enc_nrows_tcvn3);
	fill(&tables[SOHOA_ENC_VNI], sohoa_enc_rows_vni, sohoa_enc_nrows_vni);
	fill(&tables[SOHOA_ENC_VISCII], sohoa_enc_rows_viscii, sohoa_enc_nrows_viscii);
	fill(&tables[SOHOA_ENC_VPS], sohoa_enc_rows_vps, sohoa_enc_nrows_vps);
	for (size_t i = 0; i < sizeof cp1258_delta / sizeof cp1258_delta[0]; i++)
		tables[SOHOA_ENC_CP1258].single[cp1258_delta[i].b] =
			cp1258_delta[i].cp ? cp1258_delta[i].cp : cp1258_delta[i].b;
}

static const enc_table *table(sohoa_enc enc)
{
	pthread_once(&tables_once, build);
	return &tables[enc];
}

static const char *const names[SOHOA_ENC_COUNT] = {
	"unicode", "tcvn3", "tcvn3-upper", "vni", "viscii", "vps", "cp1258", "cp1252",
};

const char *sohoa_enc_name(sohoa_enc enc)
{
	return enc < SOHOA_ENC_COUNT ? names[enc] : "unknown";
}

sohoa_enc sohoa_enc_from_name(const char *name)
{
	static const struct { const char *alias; sohoa_enc enc; } aliases[] = {
		{"utf-8", SOHOA_ENC_UNICODE}, {"utf8", SOHOA_ENC_UNICODE}, {"abc", SOHOA_ENC_TCVN3},
		{"tcvn", SOHOA_ENC_TCVN3}, {"vn3", SOHOA_ENC_TCVN3}, {"tcvn3h", SOHOA_ENC_TCVN3_UPPER},
		{"vni-windows", SOHOA_ENC_VNI}, {"windows-1258", SOHOA_ENC_CP1258},
		{"windows-1252", SOHOA_ENC_CP1252}, {"latin1", SOHOA_ENC_CP1252},
	};
	if (!name)
		return SOHOA_ENC_COUNT;
	for (int e = 0; e < SOHOA_ENC_COUNT; e++)
		if (!strcasecmp(name, names[e]))
			return (sohoa_enc)e;
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (!strcasecmp(name, aliases[i].alias))
			return aliases[i].enc;
	return SOHOA_ENC_COUNT;
}

sohoa_enc sohoa_enc_from_font(const char *font)
{
	if (!font)
		return SOHOA_ENC_UNICODE;
	const char *plus = strchr(font, '+'); /* subset prefix "ABCDEF+" */
	if (plus && plus - font == 6)
		font = plus + 1;
	if (*font == '.')
		font++;
	if (!strncasecmp(font, "VNI", 3) && (font[3] == '-' || font[3] == ' ' || font[3] == '_'))
		return SOHOA_ENC_VNI;
	if (!strncasecmp(font, "VPS", 3))
		return SOHOA_ENC_VPS;
	if (!strncasecmp(font, "VISCII", 6))
		return SOHOA_ENC_VISCII;
	if (!strncmp(font, "Vn", 2) || !strncmp(font, "VN", 2)) {
		/* ".VnTimeH", ".VnArialH,Bold", "VnTimeH-Italic": the capital fonts end the family in 'H'. */
		size_t n = strcspn(font, ",-+ ");
		if (n > 3 && font[n - 1] == 'H' && font[n - 2] >= 'a' && font[n - 2] <= 'z')
			return SOHOA_ENC_TCVN3_UPPER;
		return SOHOA_ENC_TCVN3;
	}
	return SOHOA_ENC_UNICODE;
}

static int put(sohoa_buf *out, uint32_t cp)
{
	char u[4];
	return sohoa_buf_append(out, u, sohoa_utf8_encode(cp, u));
}

static uint32_t upper_of(uint32_t cp)
{
	uint32_t plain;
	int tone, upper;
	if (cp >= 'a' && cp <= 'z')
		return cp - 32;
	if (sohoa_viet_letter(cp, &plain, &tone, &upper) && !upper)
		return sohoa_viet_compose(plain, tone, 1);
	return cp;
}

int sohoa_enc_decode(sohoa_enc enc, const unsigned char *s, size_t n, sohoa_buf *out)
{
	if (enc >= SOHOA_ENC_COUNT)
		enc = SOHOA_ENC_CP1252;
	const enc_table *t = table(enc);
	if (sohoa_buf_reserve(out, n + n / 2))
		return -1;
	for (size_t i = 0; i < n; i++) {
		uint8_t b = s[i];
		uint32_t cp = 0;
		if (t->has_pairs && i + 1 < n && s[i + 1] >= 0xC0) {
			int slot = pair_slot(b);
			if (slot >= 0) {
				cp = t->pair[slot][s[i + 1] - 0xC0];
				if (!cp) /* a mark of the other case: VNI files mix them */
					cp = t->pair[slot][(s[i + 1] ^ 0x20) - 0xC0];
				if (cp)
					i++;
			}
		}
		if (!cp)
			cp = t->single[b];
		if (enc == SOHOA_ENC_TCVN3_UPPER)
			cp = upper_of(cp);
		if (cp < 0x80) { /* inline append: most bytes are ASCII */
			if (out->len + 2 > out->cap && sohoa_buf_reserve(out, 64))
				return -1;
			out->data[out->len++] = (char)cp;
			out->data[out->len] = 0;
		} else if (put(out, cp)) {
			return -1;
		}
	}
	return 0;
}

/* The bytes for cp in enc, or 0 bytes. Linear search: encoding is for tests and tools. */
static int encode_cp(sohoa_enc enc, uint32_t cp, uint8_t b[2])
{
	const enc_table *t = table(enc);
	if (enc == SOHOA_ENC_TCVN3_UPPER) {
		uint32_t plain;
		int tone, upper;
		if (cp >= 'A' && cp <= 'Z')
			cp += 32;
		else if (sohoa_viet_letter(cp, &plain, &tone, &upper) && upper)
			cp = sohoa_viet_compose(plain, tone, 0);
	}
	if (cp < 0x80 && t->single[cp] == cp) {
		b[0] = (uint8_t)cp;
		return 1;
	}
	for (int v = 0x80; v < 0x100 + 0x80; v++) { /* high bytes first, then low ones */
		int x = v & 0xFF;
		if (t->single[x] == cp) {
			b[0] = (uint8_t)x;
			return 1;
		}
	}
	if (t->has_pairs) {
		static const uint8_t bases[] = {0xD4, 0xD6, 0xF4, 0xF6};
		for (int k = 0; k < 128 + 4; k++) {
			uint8_t b0 = k < 128 ? (uint8_t)k : bases[k - 128];
			int slot = pair_slot(b0);
			for (int m = 0; m < 64; m++)
				if (t->pair[slot][m] == cp) {
					b[0] = b0;
					b[1] = (uint8_t)(0xC0 + m);
					return 2;
				}
		}
	}
	return 0;
}

long sohoa_enc_encode(sohoa_enc enc, const char *s, size_t n, sohoa_buf *out)
{
	long bad = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += sohoa_utf8_decode(s + i, n - i, &cp);
		uint8_t b[2];
		int k = enc < SOHOA_ENC_COUNT && enc != SOHOA_ENC_UNICODE ? encode_cp(enc, cp, b) : 0;
		if (!k) {
			bad++;
			b[0] = '?';
			k = 1;
		}
		if (sohoa_buf_append(out, (const char *)b, (size_t)k))
			return -1;
	}
	return bad;
}

int sohoa_enc_unmask(const char *s, size_t n, sohoa_buf *out)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = sohoa_utf8_decode(s + i, n - i, &cp);
		uint8_t b;
		if (cp < 0x100) {
			b = (uint8_t)cp;
		} else {
			int found = -1;
			for (int j = 0; j < 32; j++)
				if (cp1252_high[j] == cp)
					found = j;
			if (found < 0)
				return 1;
			b = (uint8_t)(0x80 + found);
		}
		if (cp == 0xFFFD && k == 1)
			b = (uint8_t)s[i]; /* a raw byte that was never decoded */
		if (sohoa_buf_append(out, (const char *)&b, 1))
			return -1;
		i += k;
	}
	return 0;
}

static int word_cp(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp < 0x250 && cp != 0xD7 &&
	       cp != 0xF7) || (cp >= 0x300 && cp < 0x370) || (cp >= 0x1E00 && cp < 0x1F00);
}

long sohoa_enc_score(const char *s, size_t n, long *good, long *bad)
{
	long score = 0, g = 0, b = 0;
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = sohoa_utf8_decode(s + i, n - i, &cp);
		if (!word_cp(cp)) {
			if (cp == 0xFFFD || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f') ||
			    (cp >= 0x80 && cp < 0xA0))
				score--;
			i += k;
			continue;
		}
		size_t j = i;
		int high = 0;
		while (j < n) {
			k = sohoa_utf8_decode(s + j, n - j, &cp);
			if (!word_cp(cp))
				break;
			high |= cp >= 0x80;
			j += k;
		}
		if (high) {
			int ok = sohoa_viet_syllable(s + i, j - i);
			score += ok ? 2 : -1;
			g += ok;
			b += !ok;
		}
		i = j;
	}
	if (good)
		*good = g;
	if (bad)
		*bad = b;
	return score;
}

sohoa_enc sohoa_enc_detect(const unsigned char *s, size_t n, long *score)
{
	static const sohoa_enc candidates[] = {SOHOA_ENC_TCVN3, SOHOA_ENC_VNI, SOHOA_ENC_VISCII, SOHOA_ENC_VPS,
					       SOHOA_ENC_CP1258};
	if (n > 65536) {
		n = 65536;
		while (n > 0 && s[n - 1] != ' ' && s[n - 1] != '\n') /* don't cut a VNI pair */
			n--;
	}
	sohoa_enc best = SOHOA_ENC_CP1252;
	long best_score = 0;
	sohoa_buf b = {0};
	for (size_t c = 0; c < sizeof candidates / sizeof candidates[0]; c++) {
		b.len = 0;
		if (sohoa_enc_decode(candidates[c], s, n, &b))
			break;
		long good, bad;
		long sc = sohoa_enc_score(b.data, b.len, &good, &bad);
		if (sc > best_score && good >= 4 * bad) {
			best_score = sc;
			best = candidates[c];
		}
	}
	sohoa_buf_free(&b);
	if (score)
		*score = best_score;
	return best;
}
