/* rules: the small vocabulary every extractor matches with — Vietnamese numbers and dates, text
 * clean-up, statement keys and the words, sentences and clauses found in them. */
#include "extract-int.h"

#include "../core/array.h"
#include "../core/viet.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- numbers and dates ---- */

int ex_parse_number(const char *s, size_t n, double *v, size_t *used)
{
	*v = 0;
	*used = 0;
	if (!n || !isdigit((unsigned char)s[0]))
		return 0;
	/* groups of digits separated by '.' or ',' (a separator must be followed by a digit) */
	size_t starts[16], ends[16];
	char seps[16];
	int ng = 0;
	size_t i = 0;
	while (i < n && ng < 16) {
		starts[ng] = i;
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
		ends[ng] = i;
		seps[ng] = 0;
		ng++;
		if (i + 1 < n && (s[i] == '.' || s[i] == ',') && isdigit((unsigned char)s[i + 1])) {
			seps[ng - 1] = s[i];
			i++;
			continue;
		}
		break;
	}
	int comma = -1; /* index of the group after the last comma */
	for (int g = 0; g + 1 < ng; g++)
		if (seps[g] == ',')
			comma = g + 1;
	int thousands_dots = 1;
	for (int g = 1; g < ng; g++)
		if ((comma < 0 || g < comma) && ends[g] - starts[g] != 3)
			thousands_dots = 0;
	double x = 0;
	int decimal_from = ng; /* groups from here on are decimals */
	if (comma >= 0)
		decimal_from = comma;
	else if (ng > 1 && !thousands_dots)
		decimal_from = 1; /* "1.5": a dot used as decimal separator */
	if (comma >= 0 && comma < ng - 1) { /* "1,2,3": not a number; keep the first group */
		decimal_from = ng;
		ng = 1;
	}
	if (decimal_from > ng)
		decimal_from = ng;
	for (int g = 0; g < decimal_from; g++)
		for (size_t k = starts[g]; k < ends[g]; k++)
			x = x * 10 + (s[k] - '0');
	if (decimal_from < ng) {
		double scale = 0.1;
		for (int g = decimal_from; g < ng; g++)
			for (size_t k = starts[g]; k < ends[g]; k++) {
				x += (s[k] - '0') * scale;
				scale /= 10;
			}
		if (ng - decimal_from > 1) { /* "1.5.3": a heading number, not a value */
			ng = decimal_from + 1;
		}
	}
	*v = x;
	*used = ends[ng - 1];
	return 1;
}

int ex_date_dmy(int d, int m, int y, char iso[11])
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 100)
		y += 2000;
	if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	char b[48];
	snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
	memcpy(iso, b, 11);
	return 1;
}

/* One more date seen: *found becomes 1 at the first (kept in first), 2 once another differs. */
static void note_date(int *found, char first[11], const char *iso)
{
	if (*found && strcmp(first, iso))
		*found = 2;
	else if (!*found) {
		*found = 1;
		strcpy(first, iso);
	}
}

int ex_parse_date(const char *s, size_t n, char iso[11])
{
	iso[0] = 0;
	char *key = NULL;
	size_t klen = 0, *kmap = NULL;
	if (ex_key(s, n, &key, &klen, &kmap))
		return 0;
	int found = 0;
	char first[11] = "";
	for (size_t i = 0; i < klen; i++) {
		if (!isdigit((unsigned char)key[i]) || (i > 0 && (isdigit((unsigned char)key[i - 1]) ||
								   key[i - 1] == '/' || key[i - 1] == '.')))
			continue;
		int d = 0, m = 0, y = 0, len = 0;
		char tmp[11];
		if ((sscanf(key + i, "%2d/%2d/%4d%n", &d, &m, &y, &len) == 3 ||
		     sscanf(key + i, "%2d-%2d-%4d%n", &d, &m, &y, &len) == 3) && len >= 8 &&
		    !isdigit((unsigned char)key[i + len]) && ex_date_dmy(d, m, y, tmp)) {
			note_date(&found, first, tmp);
			i += (size_t)len;
		} else if (sscanf(key + i, "%2d thang %2d nam %4d%n", &d, &m, &y, &len) == 3 &&
			   ex_date_dmy(d, m, y, tmp)) { /* "26 thang 5 nam 2025" (after "ngay") */
			note_date(&found, first, tmp);
			i += (size_t)len;
		}
	}
	free(key);
	free(kmap);
	if (found != 1)
		return 0;
	strcpy(iso, first);
	return 1;
}

/* ---- text ---- */

static int is_space_at(const char *s, size_t i)
{
	return s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n' || s[i] == '\f' ||
	       ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0);
}

void ex_trim(const char *s, size_t *b, size_t *e, const char *chars)
{
	for (;;) {
		if (*b < *e && (is_space_at(s, *b) || (chars && strchr(chars, s[*b]) && s[*b])))
			(*b) += ((unsigned char)s[*b] == 0xC2) ? 2 : 1;
		else
			break;
	}
	for (;;) {
		if (*e > *b && (s[*e - 1] == ' ' || s[*e - 1] == '\t' || s[*e - 1] == '\r' ||
				s[*e - 1] == '\n' || (chars && strchr(chars, s[*e - 1]) && s[*e - 1])))
			(*e)--;
		else if (*e >= *b + 2 && (unsigned char)s[*e - 2] == 0xC2 && (unsigned char)s[*e - 1] == 0xA0)
			*e -= 2;
		else
			break;
	}
}

char *ex_clean(const char *s, size_t b, size_t e)
{
	ex_trim(s, &b, &e, NULL);
	char *o = malloc(e - b + 1);
	if (!o)
		return NULL;
	size_t k = 0;
	int sp = 0;
	for (size_t i = b; i < e; i++) {
		if (is_space_at(s, i)) {
			if ((unsigned char)s[i] == 0xC2)
				i++;
			sp = 1;
			continue;
		}
		if (sp && k)
			o[k++] = ' ';
		sp = 0;
		o[k++] = s[i];
	}
	o[k] = 0;
	return o;
}

/* ---- keys ---- */

int ex_key(const char *s, size_t n, char **key, size_t *keylen, size_t **kmap)
{
	*key = NULL;
	*kmap = NULL;
	*keylen = 0;
	/* a key byte per input byte, except an invalid byte, which becomes U+FFFD (3 bytes) */
	char *k = malloc(3 * n + 1);
	size_t *m = malloc((3 * n + 1) * sizeof *m);
	if (!k || !m) {
		free(k);
		free(m);
		return -1;
	}
	size_t kl = 0, i = 0;
	while (i < n) {
		uint32_t cp;
		size_t used = sohoa_utf8_decode(s + i, n - i, &cp);
		if (cp >= 0x300 && cp <= 0x36F) { /* combining marks (text not yet NFC) */
			i += used;
			continue;
		}
		uint32_t plain;
		int tone, upper;
		if (sohoa_viet_letter(cp, &plain, &tone, &upper))
			cp = sohoa_viet_base(plain);
		else if (cp == 0xA0 || cp == 0x2009 || cp == 0x202F)
			cp = ' ';
		else if (cp == 0x2013 || cp == 0x2014)
			cp = '-';
		if (cp < 0x80) {
			k[kl] = (char)tolower((int)cp);
			m[kl++] = i;
		} else {
			char u[4];
			size_t ul = sohoa_utf8_encode(cp, u);
			for (size_t j = 0; j < ul; j++) {
				k[kl] = u[j];
				m[kl++] = i;
			}
		}
		i += used;
	}
	k[kl] = 0;
	m[kl] = n;
	*key = k;
	*kmap = m;
	*keylen = kl;
	return 0;
}

sohoa_regex *ex_regex(sohoa_ctx *ctx, const char *pattern)
{
	/* keys are lowercase already: no case folding (which makes ICU compile slowly) */
	sohoa_regex *re = NULL;
	if (sohoa_regex_new(ctx, pattern, 0, &re) != SOHOA_OK)
		return NULL;
	return re;
}

int ex_find(sohoa_regex *re, const ex_stmt *st, size_t kstart, long *g, int ng)
{
	if (kstart > st->keylen)
		return 0;
	return sohoa_regex_find(re, st->key, st->keylen, kstart, g, ng);
}

int ex_word_at(const char *key, size_t keylen, size_t at, const char *w)
{
	if (at >= keylen || key[at] != w[0])
		return 0; /* most calls fail here: no strlen, no strncmp */
	size_t wl = strlen(w);
	if (at + wl > keylen || strncmp(key + at, w, wl))
		return 0;
	if (at > 0 && isalnum((unsigned char)key[at - 1]))
		return 0;
	if (at + wl < keylen && isalnum((unsigned char)key[at + wl]))
		return 0;
	return 1;
}

int ex_starts_any(const char *key, size_t keylen, size_t at, const char *const *ws)
{
	for (int i = 0; ws[i]; i++)
		if (ex_word_at(key, keylen, at, ws[i]))
			return 1;
	return 0;
}

int ex_has_any(const char *key, size_t b, size_t e, const char *const *ws)
{
	for (size_t i = b; i < e; i++)
		for (int c = 0; ws[c]; c++)
			if (ex_word_at(key, e, i, ws[c]))
				return 1;
	return 0;
}

int ex_has_word(const char *key, size_t b, size_t e, const char *w)
{
	for (size_t i = b; i < e; i++)
		if (ex_word_at(key, e, i, w))
			return 1;
	return 0;
}

int ex_ends_with(const char *key, size_t b, size_t e, const char *w, size_t *wb)
{
	size_t wl = strlen(w);
	if (e < b + wl)
		return 0;
	size_t s = e - wl;
	if (strncmp(key + s, w, wl))
		return 0;
	if (s > b && isalnum((unsigned char)key[s - 1]))
		return 0;
	*wb = s;
	return 1;
}

size_t ex_words_in(const char *key, size_t b, size_t e)
{
	size_t n = 0;
	for (size_t i = b; i < e; i++)
		n += isalnum((unsigned char)key[i]) && (i == b || !isalnum((unsigned char)key[i - 1]));
	return n;
}

size_t ex_skip_sp(const char *key, size_t p, size_t e)
{
	while (p < e && key[p] == ' ')
		p++;
	return p;
}

double ex_num_at(const char *key, size_t at)
{
	double v = 0;
	size_t used = 0;
	ex_parse_number(key + at, strnlen(key + at, 64), &v, &used); /* no number is longer */
	return v;
}

/* ---- sentences and clauses in a key ---- */

/* Key offset past the reference marks at p ("[31][33]"), p itself when none. */
static size_t past_refs(const char *key, size_t keylen, size_t p)
{
	for (;;) {
		size_t q = p + 1;
		if (p >= keylen || key[p] != '[')
			return p;
		while (q < keylen && isdigit((unsigned char)key[q]))
			q++;
		if (q == p + 1 || q >= keylen || key[q] != ']')
			return p;
		p = q + 1;
	}
}

/* 1 if key[i] is a '.' that ends a sentence: followed by a space or the end (reference marks
 * "[31]" between them), and not the dot of a heading number ("1. 1.", "II.") or of an
 * abbreviation of one letter. */
int ex_sentence_dot(const char *key, size_t keylen, size_t i)
{
	size_t a = key[i] == '.' ? past_refs(key, keylen, i + 1) : i + 1;
	if (key[i] != '.' || (a < keylen && key[a] != ' ') || (i > 0 && key[i - 1] == '.'))
		return 0; /* "kiểm tra.. được": an ellipsis does not end the sentence */
	size_t b = i;
	while (b > 0 && i - b < 3 && isalnum((unsigned char)key[b - 1])) /* 3 tell all the cases apart */
		b--;
	size_t len = i - b;
	if (len == 0)
		return 1;
	int digits = 1;
	for (size_t k = b; k < i; k++)
		if (!isdigit((unsigned char)key[k]))
			digits = 0;
	if (digits && len <= 2 && !(b > 0 && strchr("/,", key[b - 1]) && b > 1 && isdigit((unsigned char)key[b - 2])))
		return 0; /* "1." of a list, "1.2." of a heading; "xếp thứ 12/63." ends its sentence */
	if (!digits && len == 1)
		return 0;
	return 1;
}

/* Start of the clause holding key offset at: after the last ';', ':', sentence end, or limit. */
size_t ex_clause_start(const char *key, size_t limit, size_t at)
{
	size_t i = at;
	int depth = 0;
	if (at > EX_SENTENCE_MAX && limit < at - EX_SENTENCE_MAX)
		limit = at - EX_SENTENCE_MAX;
	while (i > limit) {
		char c = key[i - 1];
		if (c == ')')
			depth++;
		else if (c == '(') {
			if (depth)
				depth--;
			else
				return i; /* inside parentheses: the clause starts after "(" */
		} else if (!depth && (c == ';' || c == ':'))
			return i;
		else if (!depth && i < at && ex_sentence_dot(key, at, i - 1))
			return past_refs(key, at, i);
		i--;
	}
	return limit;
}

size_t ex_sentence_end(const char *key, size_t keylen, size_t at)
{
	for (size_t i = at; i < keylen; i++) {
		if (i - at >= EX_SENTENCE_MAX)
			return i;
		if (ex_sentence_dot(key, keylen, i))
			return past_refs(key, keylen, i + 1);
	}
	return keylen;
}

size_t ex_sentence_start(const char *key, size_t at)
{
	size_t i = at;
	while (i > 0) {
		if (i < at && ex_sentence_dot(key, at, i - 1))
			return past_refs(key, at, i);
		if (at - i >= EX_SENTENCE_MAX)
			return i;
		i--;
	}
	return 0;
}

/* ---- figures ---- */

int ex_counts_places(const char *key, size_t keylen, size_t e)
{
	static const char *const after_ok[] = {"tro", "so", "den", "tang", "giam", "xep", "dat", "va", "hoac", "tren",
					       "duoi", "la", "thi", "moi", "cho", "duoc", "toi", "trong", "neu", "khi",
					       "nam", "vao", "doi", "cua", "theo", "tai", "voi", "con", "khong", "tu",
					       "/", "nhung", "ma", "tuong", "sau", "truoc", "thuong", "tru", "cong",
					       "tinh", "cham", "o", "lam", "ung", "chuan", "toi da", "do", "vi", "nen", NULL};
	size_t i = e;
	while (i < keylen && key[i] == ' ')
		i++;
	if (i >= keylen || !isalpha((unsigned char)key[i]))
		return 0;
	return !ex_starts_any(key, keylen, i, after_ok);
}

/* ---- words as spelled ---- */

int ex_spelled_at(const ex_stmt *st, size_t k, const char *w)
{
	if (k >= st->keylen)
		return 0;
	/* the key first (cheap): w without its marks */
	char plain[64];
	size_t n = 0;
	int has_marks = 0;
	for (const char *p = w; *p && n + 1 < sizeof plain;) {
		uint32_t cp, base;
		p += sohoa_utf8_decode(p, strlen(p), &cp);
		base = sohoa_viet_base(cp);
		has_marks |= cp >= 0x80;
		plain[n++] = (char)(base < 0x80 ? tolower((int)base) : '?');
	}
	plain[n] = 0;
	if (!ex_word_at(st->key, st->keylen, k, plain))
		return 0;
	/* text without marks (not restored) cannot tell "cộng" from "công": only a plain w matches */
	int marked = 0;
	for (size_t i = 0; i < st->len && !marked; i++)
		marked = (unsigned char)st->text[i] >= 0x80;
	if (!marked)
		return !has_marks;
	/* as many words of the text as w has, spelled */
	size_t nw = 1;
	for (const char *p = w; *p; p++)
		nw += *p == ' ';
	size_t t = st->kmap[k], e = t;
	for (size_t i = 0; i < nw; i++) {
		while (e < st->len && st->text[e] == ' ')
			e++;
		while (e < st->len && !strchr(" ,;:.()\"", st->text[e]))
			e++;
	}
	sohoa_buf b = {0};
	if (sohoa_viet_key(st->text + t, e - t, &b)) {
		sohoa_buf_free(&b);
		return 0;
	}
	int same = b.data && !strcmp(b.data, w);
	sohoa_buf_free(&b);
	return same;
}

int ex_plain_letters(const char *s, const char *skip, int *upper)
{
	int letters = 0;
	*upper = 0;
	for (size_t i = 0, n = strlen(s); i < n;) {
		uint32_t cp, plain;
		int tone, up;
		i += sohoa_utf8_decode(s + i, n - i, &cp);
		if (cp && cp < 0x80 && strchr(skip, (int)cp))
			continue;
		if (!sohoa_viet_letter(cp, &plain, &tone, &up) || tone)
			return -1;
		letters++;
		*upper += up;
	}
	return letters;
}
