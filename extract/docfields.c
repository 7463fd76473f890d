/* docfields: what each field of documents.csv can be (docmeta.h). An issuer's name is a head
 * word and what that head wants, a role is one of Decree 30's, a place a province or a name of
 * Vietnamese syllables, a signer a family name and given names; a reading one small slip from
 * exactly one such value (its skeleton, the letters without marks, within the allowance of
 * core/govname.h) is corrected to it, anything else is not written. */
#include "docmeta.h"
#include "docnames.h"
#include "extract-int.h"

#include "../core/govname.h"
#include "../core/viet.h"

#include <stdlib.h>
#include <string.h>

int docf_words(const char *s, char **w, int max, int *n)
{
	*n = 0;
	/* the copy starts at the first word, so w[0] is the pointer to free */
	s = s ? s + strspn(s, " \t") : "";
	char *c = sohoa_strdup(s);
	if (!c)
		return 0;
	for (char *p = c; *p;) {
		while (*p == ' ' || *p == '\t')
			*p++ = 0;
		if (!*p)
			break;
		if (*n == max)
			break;
		w[(*n)++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	if (!*n)
		free(c);
	return *n;
}

static size_t skel(const char *s, char *out, size_t cap)
{
	return sohoa_gov_skeleton(s, strlen(s), out, cap);
}

/* The skeleton of words w[0..k) run together. */
static size_t skel_words(char *const *w, int k, char *out, size_t cap)
{
	size_t len = 0;
	out[0] = 0;
	for (int i = 0; i < k && len + 1 < cap; i++)
		len += skel(w[i], out + len, cap - len);
	return len;
}

static int count_words(const char *s)
{
	int n = 1;
	for (; *s; s++)
		n += *s == ' ';
	return n;
}

/* The entry of list that words w[0..n) start with, within its allowance less slack: its index
 * and *used, the words it took (one fewer or more than it has, for words the OCR split or ran
 * together); the nearest entry that fits, then the longest; -1 if none. */
static int prefix_match(const char *const *list, size_t stride, char *const *w, int n, int slack, int *used)
{
	int best = -1, bestw = 0, bestd = 1 << 20, bestk = 0;
	char ek[128], sk[128];
	for (int i = 0;; i++) {
		const char *e = *(const char *const *)((const char *)list + (size_t)i * stride);
		if (!e)
			break;
		int ew = count_words(e);
		size_t el = skel(e, ek, sizeof ek);
		int allow = sohoa_gov_allowance(el) - slack;
		if (allow < 0)
			allow = 0;
		for (int k = ew > 1 ? ew - 1 : 1; k <= ew + 1 && k <= n; k++) {
			if (el <= 3 && k != ew)
				continue;
			skel_words(w, k, sk, sizeof sk);
			int d = sohoa_gov_distance(sk, ek, allow);
			if (d > allow)
				continue;
			if (k != ew && d > 1)
				continue; /* a word split or run together, and at most one slip besides */
			if (d < bestd || (d == bestd && (ew > bestw || (ew == bestw && k == ew && bestk != ew)))) {
				best = i;
				bestw = ew;
				bestd = d;
				bestk = k;
			}
		}
	}
	*used = best >= 0 ? bestk : 0;
	return best;
}

int docf_head(char *const *w, int n, int *used)
{
	int u;
	if (prefix_match(sohoa_gov_units, sizeof sohoa_gov_units[0], w, n, 1, &u) >= 0)
		return -1; /* "TỈNH PHÚ THỌ", "THÀNH PHỐ …": the place of the body above */
	return prefix_match((const char *const *)&sohoa_gov_heads[0].caps, sizeof sohoa_gov_heads[0], w, n, 1, used);
}

/* Punctuation a word may carry at its edges. */
static int edge_punct(char c)
{
	return c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '\'';
}

/* w without the punctuation at its edges, into out. */
static void trim_word(const char *w, char *out, size_t cap)
{
	size_t n = strlen(w), b = 0;
	while (b < n && edge_punct(w[b]))
		b++;
	while (n > b && edge_punct(w[n - 1]))
		n--;
	snprintf(out, cap, "%.*s", (int)(n - b), w + b);
}

/* An acronym as names print them: capitals (Đ too), two to eight, with '&', '.' or '-' between
 * ("GD&ĐT", "TP.HCM", "THPT", "ĐHQG"). */
static int acronym(const char *s)
{
	int caps, letters = ex_plain_letters(s, "&.-", &caps);
	return letters >= 2 && letters <= 8 && caps == letters;
}

/* A word a name may hold: a Vietnamese syllable, an acronym, a number, a dash or '&'. */
static int valid_word(const char *w)
{
	char t[96];
	trim_word(w, t, sizeof t);
	size_t n = strlen(t);
	if (!n)
		return 0;
	if (!strcmp(t, "-") || !strcmp(t, "\xe2\x80\x93") || !strcmp(t, "\xe2\x80\x94") || !strcmp(t, "&"))
		return 1;
	if (strspn(t, "0123456789") == n)
		return 1;
	return sohoa_viet_syllable(t, n) || acronym(t);
}

static int all_valid(char *const *w, int n)
{
	for (int i = 0; i < n; i++)
		if (!valid_word(w[i]))
			return 0;
	return 1;
}

/* The letters of s all capitals (no lowercase letter): 1; a capital then lowercase: 2; else 0. */
static int case_of(const char *s)
{
	int lower = 0, upper = 0, first = -1;
	for (size_t i = 0, n = strlen(s); i < n;) {
		uint32_t cp, plain;
		int tone, up;
		i += sohoa_utf8_decode(s + i, n - i, &cp);
		if (!sohoa_viet_letter(cp, &plain, &tone, &up))
			continue;
		if (first < 0)
			first = up;
		upper += up;
		lower += !up;
	}
	if (upper && !lower)
		return 1;
	return first == 1 ? 2 : 0;
}

/* Append word c (capitals, from a list) to b in case style cs (1 capitals, 2 Title, 0 lower). */
static void put_cased(sohoa_buf *b, const char *c, int cs)
{
	int first = 1;
	for (size_t i = 0, n = strlen(c); i < n;) {
		uint32_t cp, plain;
		int tone, up;
		i += sohoa_utf8_decode(c + i, n - i, &cp);
		if (sohoa_viet_letter(cp, &plain, &tone, &up))
			cp = sohoa_viet_compose(plain, tone, cs == 1 || (cs == 2 && first));
		if (cp != '.' && cp != '-')
			first = cp == ' ';
		char u[4];
		sohoa_buf_append(b, u, sohoa_utf8_encode(cp, u));
	}
}

static int has_letters(const char *s)
{
	return sohoa_letters(s, strlen(s), NULL) > 0;
}

static int same_key(const char *a, const char *b)
{
	sohoa_buf ka = {0}, kb = {0};
	int eq = !sohoa_viet_key(a, strlen(a), &ka) && !sohoa_viet_key(b, strlen(b), &kb) && ka.len == kb.len &&
		 (!ka.len || !memcmp(ka.data, kb.data, ka.len));
	sohoa_buf_free(&ka);
	sohoa_buf_free(&kb);
	return eq;
}

/* Append the list entry canon for words w[0..n): where the words line up one for one, a word
 * the same as the entry's up to tone placement and case stays as printed ("UỶ" for "ỦY"), the
 * others become the entry's, in the case of the words. */
static void put_canon(sohoa_buf *b, char *const *w, int n, const char *canon)
{
	char *cw[DOCF_MAXW];
	int cn = 0;
	docf_words(canon, cw, DOCF_MAXW, &cn);
	int cs = n ? case_of(w[0]) : 1;
	for (int i = 0; i < cn; i++) {
		if (cn == n)
			cs = case_of(w[i]);
		if (b->len && b->data[b->len - 1] != ' ')
			sohoa_buf_puts(b, " ");
		char t[96];
		if (cn == n) {
			trim_word(w[i], t, sizeof t);
			if ((same_key(t, cw[i]) && strcmp(cw[i], "TP.")) || (!has_letters(cw[i]) && !has_letters(t) && *t)) {
				sohoa_buf_puts(b, t);
				continue;
			}
		}
		put_cased(b, cw[i], cs);
	}
	if (cn)
		free(cw[0]);
}

/* Append words w[0..n) as printed, edge punctuation off the last one. */
static void put_words(sohoa_buf *b, char *const *w, int n)
{
	for (int i = 0; i < n; i++) {
		if (b->len && b->data[b->len - 1] != ' ')
			sohoa_buf_puts(b, " ");
		if (i == n - 1) {
			char t[96];
			trim_word(w[i], t, sizeof t);
			sohoa_buf_puts(b, t);
		} else {
			sohoa_buf_puts(b, w[i]);
		}
	}
}

/* The index of the first word of w[0..n) at or after from that starts a unit ("TỈNH",
 * "THÀNH PHỐ"), or n; *unit and *used say which and how many words. */
static int find_unit(char *const *w, int n, int from, int *unit, int *used)
{
	for (int i = from; i < n; i++) {
		int u = prefix_match(sohoa_gov_units, sizeof sohoa_gov_units[0], w + i, n - i, 1, used);
		if (u >= 0) {
			*unit = u;
			return i;
		}
	}
	return n;
}

/* A place part w[0..n): a unit and a name ("TỈNH PHÚ THỌ": a province for a province or a city
 * unit), or a province alone, or valid words. Appends it; 0 if it is none of these. */
static int put_place(sohoa_buf *b, char *const *w, int n)
{
	if (!n)
		return 1;
	int unit = -1, uw = 0;
	int at = find_unit(w, n, 0, &unit, &uw);
	if (at == 0) {
		put_canon(b, w, uw, sohoa_gov_units[unit]);
		w += uw;
		n -= uw;
		if (!n)
			return 1;
	}
	/* a province or a centrally-run city after TỈNH, THÀNH PHỐ, TP or nothing (sohoa_gov_units
	 * starts with those four): the one a small slip reaches; two within reach is no certain name
	 * ("BÌNH BINH": Bình Định or Ninh Bình); after TỈNH nothing but a province */
	if (at != 0 || unit <= 3) {
		char all[512] = "";
		for (int i = 0; i < n; i++)
			snprintf(all + strlen(all), sizeof all - strlen(all), "%s%s", i ? " " : "", w[i]);
		int d = 0;
		int p = sohoa_gov_nearest(sohoa_gov_provinces, all, strlen(all), 0, &d);
		if (p >= 0) {
			put_canon(b, w, n, sohoa_gov_provinces[p]);
			return 1;
		}
		if (d < 1 << 20 || (at == 0 && unit == 0))
			return 0;
	}
	if (!all_valid(w, n))
		return 0;
	put_words(b, w, n);
	return 1;
}

/* 1 if word w is an acronym of the administration ("GD&ĐT"), edge punctuation aside. */
static int known_acronym(const char *w)
{
	char t[96];
	trim_word(w, t, sizeof t);
	for (int a = 0; sohoa_gov_acronyms[a]; a++)
		if (!strcmp(t, sohoa_gov_acronyms[a]))
			return 1;
	return 0;
}

/* What follows the head: a name part (for a Sở or a Bộ one of the closed list of sectors, or its
 * acronym: "SỞ GD&ĐT"), then a place part from the first unit word on. */
static int put_named(sohoa_buf *b, char *const *w, int n, int sector)
{
	int unit, uw;
	if (sector) {
		/* the longest run of words that is a sector, the rest a place ("XÃ HỘI" of "LAO ĐỘNG -
		 * THƯƠNG BINH VÀ XÃ HỘI" is no unit) */
		for (int at = n; at >= 1; at--) {
			if (at < n && find_unit(w, n, at, &unit, &uw) != at)
				continue;
			char all[512] = "";
			for (int i = 0; i < at; i++)
				snprintf(all + strlen(all), sizeof all - strlen(all), "%s%s", i ? " " : "", w[i]);
			int s = sohoa_gov_nearest(sohoa_gov_sectors, all, strlen(all), 0, NULL);
			if (s >= 0) {
				put_canon(b, w, at, sohoa_gov_sectors[s]);
				return put_place(b, w + at, n - at);
			}
		}
		if (n && known_acronym(w[0])) { /* "SỞ GD&ĐT TP.HCM" */
			put_words(b, w, 1);
			return put_place(b, w + 1, n - 1);
		}
		return 0; /* "SỞ TƯ": no department is of that */
	}
	int at = n ? find_unit(w, n, 1, &unit, &uw) : 0;
	if (at > 0) {
		if (!all_valid(w, at))
			return 0;
		put_words(b, w, at);
	}
	return put_place(b, w + at, n - at);
}

char *docf_issuer(const char *s)
{
	char *w[DOCF_MAXW];
	int n = 0, used = 0;
	if (!docf_words(s, w, DOCF_MAXW, &n))
		return NULL;
	sohoa_buf b = {0};
	int h = docf_head(w, n, &used);
	int ok = h >= 0;
	if (ok) {
		put_canon(&b, w, used, sohoa_gov_heads[h].caps);
		switch (sohoa_gov_heads[h].kind) {
		case SOHOA_GOV_ADMIN:
			ok = put_place(&b, w + used, n - used);
			break;
		case SOHOA_GOV_SECTOR:
			ok = used < n && put_named(&b, w + used, n - used, 1);
			break;
		case SOHOA_GOV_ALONE:
		case SOHOA_GOV_OPEN:
			ok = put_named(&b, w + used, n - used, 0);
			break;
		}
	}
	free(w[0]);
	if (!ok || !b.data) {
		sohoa_buf_free(&b);
		return NULL;
	}
	return b.data;
}

/* Words with no letter at the edges of w[0..*n) ("2", "®") and symbols stuck to the ends of the
 * others ("TỊCH®") are dropped; *lead says whether a word was dropped before the first one. */
static void drop_debris(char **w, int *n, int *lead)
{
	int k = 0;
	*lead = 0;
	for (int i = 0; i < *n; i++) {
		char *p = w[i];
		size_t len = strlen(p);
		/* cut symbols off the end: keep up to the last letter */
		size_t keep = 0;
		for (size_t j = 0; j < len;) {
			uint32_t cp, plain;
			int tone, up;
			size_t l = sohoa_utf8_decode(p + j, len - j, &cp);
			j += l;
			if (sohoa_viet_letter(cp, &plain, &tone, &up) || cp == '.')
				keep = j;
		}
		if (!keep || (keep == 1 && p[0] == '.')) {
			if (!k)
				*lead = 1;
			continue;
		}
		p[keep] = 0;
		w[k++] = p;
	}
	*n = k;
}

char *docf_role(const char *s, const char *kt)
{
	char *w[DOCF_MAXW], *orig = NULL;
	int n = 0, used = 0, lead = 0;
	if (!docf_words(s, w, DOCF_MAXW, &n))
		return NULL;
	orig = w[0];
	drop_debris(w, &n, &lead);
	sohoa_buf b = {0};
	int r = n ? prefix_match(sohoa_gov_roles, sizeof sohoa_gov_roles[0], w, n, 0, &used) : -1;
	char kts[128] = "", rs[128] = "";
	if (kt)
		skel(kt, kts, sizeof kts);
	if (r >= 0) {
		skel(sohoa_gov_roles[r], rs, sizeof rs);
		/* "KT. GIÁM ĐỐC" over "2 GIÁM ĐỐC": the deputy signs, the lost word was PHÓ */
		if (kt && lead && !strcmp(rs, kts))
			sohoa_buf_puts(&b, case_of(w[0]) == 1 ? "PHÓ " : "Phó ");
		put_canon(&b, w, used, sohoa_gov_roles[r]);
		if (!all_valid(w + used, n - used)) {
			sohoa_buf_free(&b);
			free(orig);
			return NULL;
		}
		put_words(&b, w + used, n - used);
	}
	free(orig);
	if (!b.data)
		sohoa_buf_free(&b);
	return b.data;
}

/* A unit word a place may start with, as printed: "Thành phố", "TP.", "Tp." (also glued to the
 * name: "Tp.Hồ"). The words it takes, 0 if none. */
static int place_unit(char **w, int n, char *split, size_t cap)
{
	int used;
	if (!n)
		return 0;
	if (prefix_match(sohoa_gov_units, sizeof sohoa_gov_units[0], w, n, 1, &used) >= 0 && used < n)
		return used;
	const char *dot = strchr(w[0], '.');
	if (dot && dot[1] && (dot - w[0] == 2) && (w[0][0] == 'T' || w[0][0] == 't') && (w[0][1] == 'p' || w[0][1] == 'P')) {
		snprintf(split, cap, "%s", dot + 1);
		return -1; /* "Tp." glued to the first word of the name */
	}
	return 0;
}

char *docf_place(const char *s)
{
	char *w[DOCF_MAXW];
	int n = 0;
	if (!docf_words(s, w, DOCF_MAXW, &n))
		return NULL;
	char *orig = w[0], rest[96] = "";
	sohoa_buf b = {0};
	int u = place_unit(w, n, rest, sizeof rest);
	int ok = 1;
	if (u > 0) {
		int unit = prefix_match(sohoa_gov_units, sizeof sohoa_gov_units[0], w, n, 1, &u);
		put_canon(&b, w, u, sohoa_gov_units[unit]);
	} else if (u < 0) {
		size_t pre = strlen(w[0]) - strlen(rest);
		sohoa_buf_append(&b, w[0], pre);
		w[0] = rest;
		u = 0;
	}
	char **name = w + (u > 0 ? u : 0);
	int nn = n - (u > 0 ? u : 0);
	char all[512] = "";
	for (int i = 0; i < nn; i++)
		snprintf(all + strlen(all), sizeof all - strlen(all), "%s%s", i ? " " : "", name[i]);
	int d = 1 << 20;
	int p = nn ? sohoa_gov_nearest(sohoa_gov_provinces, all, strlen(all), 0, &d) : -1;
	size_t mark = b.len;
	if (p >= 0) {
		put_canon(&b, name, nn, sohoa_gov_provinces[p]);
	} else if (nn && all_valid(name, nn) && d >= 1 << 20) { /* "Hà Nai": Hà Nam or Hà Nội */
		put_words(&b, name, nn);
	} else {
		ok = 0;
	}
	/* "Tp.Hồ Chí Minh": no space after the glued unit */
	if (ok && mark && b.data[mark - 1] == '.' && mark < b.len && b.data[mark] == ' ')
		memmove(b.data + mark, b.data + mark + 1, b.len - mark), b.len--;
	free(orig);
	if (!ok || !b.data) {
		sohoa_buf_free(&b);
		return NULL;
	}
	return b.data;
}

int docf_province_at_end(const char *s)
{
	char sk[256], pk[64];
	size_t sl = s ? skel(s, sk, sizeof sk) : 0;
	int best = -1;
	size_t bestl = 0;
	for (int p = 0; sl && sohoa_gov_provinces[p]; p++) {
		size_t pl = skel(sohoa_gov_provinces[p], pk, sizeof pk);
		if (pl > bestl && pl <= sl && !strcmp(sk + sl - pl, pk)) {
			best = p;
			bestl = pl;
		}
	}
	return best;
}

/* The lowercase letters with their marks of words w[0..n) (other characters too, spaces not)
 * into cp, at most cap; their number. */
static int marked_letters(char *const *w, int n, uint32_t *cp, int cap)
{
	int k = 0;
	for (int i = 0; i < n; i++)
		for (size_t j = 0, len = strlen(w[i]); j < len && k < cap;) {
			uint32_t c, plain;
			int tone, up;
			j += sohoa_utf8_decode(w[i] + j, len - j, &c);
			if (c == ' ')
				continue;
			if (sohoa_viet_letter(c, &plain, &tone, &up))
				c = sohoa_viet_compose(plain, tone, 0);
			cp[k++] = c;
		}
	return k;
}

/* The edit distance of the words w[0..n) and the phrase e (capitals) by their letters with
 * marks, case aside. */
static int marked_distance(char *const *w, int n, const char *e)
{
	uint32_t a[64], b[64];
	char *ew[DOCF_MAXW];
	int en = 0;
	int la = marked_letters(w, n, a, 64), lb = 0;
	if (docf_words(e, ew, DOCF_MAXW, &en)) {
		lb = marked_letters(ew, en, b, 64);
		free(ew[0]);
	}
	int row[65];
	for (int j = 0; j <= lb; j++)
		row[j] = j;
	for (int i = 1; i <= la; i++) {
		int diag = row[0];
		row[0] = i;
		for (int j = 1; j <= lb; j++) {
			int up = row[j], v = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			diag = up;
			row[j] = v;
		}
	}
	return row[lb];
}

/* The units a title names a province with. */
static const char *const province_units[] = {"TỈNH", "THÀNH PHỐ", NULL};

int docf_province_words(sohoa_buf *b, char *const *w, int n, int p)
{
	char uk[64], ek[64], sk[256], pk[64];
	int pw = count_words(sohoa_gov_provinces[p]);
	size_t pl = skel(sohoa_gov_provinces[p], pk, sizeof pk);
	for (int u = 0; province_units[u]; u++) {
		int uw = count_words(province_units[u]);
		if (n < uw + pw)
			continue;
		skel(province_units[u], ek, sizeof ek);
		skel_words(w, uw, uk, sizeof uk);
		if (sohoa_gov_distance(uk, ek, 1) > 1)
			continue;
		skel_words(w + uw, pw, sk, sizeof sk);
		int allow = sohoa_gov_allowance(pl), d = sohoa_gov_distance(sk, pk, allow);
		if (d > allow)
			continue;
		/* nearer to p than to any other province: by the letters, and on a tie by the letters
		 * with their marks ("Quảng Nøãi": Ngãi, not Nam) */
		int alone = 1;
		for (int q = 0; sohoa_gov_provinces[q] && alone; q++) {
			char qk[64];
			skel(sohoa_gov_provinces[q], qk, sizeof qk);
			int dq = q == p ? d + 1 : sohoa_gov_distance(sk, qk, d);
			alone = dq > d || (dq == d && marked_distance(w + uw, pw, sohoa_gov_provinces[q]) >
							   marked_distance(w + uw, pw, sohoa_gov_provinces[p]));
		}
		if (!alone)
			continue;
		/* read right already: every word the gazetteer's up to tone placement and case */
		char *cw[DOCF_MAXW];
		int cn = 0, same = 1;
		char all[128];
		snprintf(all, sizeof all, "%s %s", province_units[u], sohoa_gov_provinces[p]);
		if (!docf_words(all, cw, DOCF_MAXW, &cn))
			return 0;
		for (int i = 0; i < cn && same; i++) {
			char t[96];
			trim_word(w[i], t, sizeof t);
			same = same_key(t, cw[i]);
		}
		free(cw[0]);
		if (same)
			return 0;
		/* the unit in the case of its word, the province's name in capitals or Title case */
		int caps = 1;
		for (int i = 0; i < uw + pw; i++)
			caps &= case_of(w[i]) == 1;
		put_canon(b, w, uw, province_units[u]);
		sohoa_buf_puts(b, " ");
		put_cased(b, sohoa_gov_provinces[p], caps ? 1 : 2);
		/* the punctuation after the last word ("Ngãi,") stays */
		const char *last = w[uw + pw - 1];
		size_t e = strlen(last);
		while (e && edge_punct(last[e - 1]))
			e--;
		sohoa_buf_puts(b, last + e);
		return uw + pw;
	}
	return 0;
}

int docf_name(const char *s)
{
	char *w[DOCF_MAXW];
	int n = 0;
	if (!docf_words(s, w, DOCF_MAXW, &n))
		return 0;
	int ok = n >= 2 && n <= 5;
	for (int i = 0; ok && i < n; i++)
		ok = case_of(w[i]) == 2 && sohoa_viet_syllable(w[i], strlen(w[i]));
	if (ok) {
		ok = 0;
		for (int k = 0; sohoa_gov_surnames[k] && !ok; k++)
			ok = same_key(w[0], sohoa_gov_surnames[k]);
	}
	free(w[0]);
	return ok;
}

char *docf_name_fixed(const char *s)
{
	char *w[DOCF_MAXW];
	int n = 0;
	if (docf_name(s) || !docf_words(s, w, DOCF_MAXW, &n))
		return NULL;
	char sk[64], fk[64];
	int hit = -1, hits = 0;
	skel(w[0], sk, sizeof sk);
	for (int k = 0; sohoa_gov_surnames[k] && sk[0]; k++)
		if (skel(sohoa_gov_surnames[k], fk, sizeof fk) && !strcmp(sk, fk)) {
			hit = k;
			hits++;
		}
	sohoa_buf b = {0};
	if (hits == 1 && case_of(w[0]) == 2) {
		sohoa_buf_puts(&b, sohoa_gov_surnames[hit]);
		for (int i = 1; i < n; i++) {
			sohoa_buf_puts(&b, " ");
			sohoa_buf_puts(&b, w[i]);
		}
	}
	free(w[0]);
	if (b.data && !docf_name(b.data))
		sohoa_buf_free(&b);
	return b.data;
}

/* How many names of the training text end with given name w (extract/docnames.h; 0: fewer than
 * the table keeps), its spellings that differ in tone placement only ("hoà", "hòa") together. */
static int given_count(const char *w)
{
	int names = 0;
	for (size_t i = 0; i < sizeof given_names / sizeof given_names[0]; i++)
		if (same_key(w, given_names[i].name))
			names += given_names[i].names;
	return names;
}

/* The most names any one-mark variant of syllable w has (its tone, or one vowel's hat or horn,
 * changed: "tuần" -> "tuấn", "tuân", "tuận"). */
static int best_variant(const char *w)
{
	static const uint32_t groups[][3] = {
		{'a', 0xe2, 0x103}, {'o', 0xf4, 0x1a1}, {'u', 0x1b0, 0}, {'e', 0xea, 0},
	};
	uint32_t cp[24], plain[24];
	int tone[24], n = 0, best = 0;
	for (size_t i = 0, len = strlen(w); i < len && n < 24;) {
		int up;
		i += sohoa_utf8_decode(w + i, len - i, &cp[n]);
		if (!sohoa_viet_letter(cp[n], &plain[n], &tone[n], &up))
			return 0;
		n++;
	}
	for (int v = 0; v < n; v++) {
		if (!sohoa_viet_is_vowel(plain[v]))
			continue;
		/* 6 tones on this vowel, then its other hats with the tone where it was */
		for (int alt = 0; alt < 6 + 3; alt++) {
			uint32_t pl[24];
			int tn[24];
			memcpy(pl, plain, sizeof pl);
			for (int k = 0; k < n; k++)
				tn[k] = alt < 6 ? 0 : tone[k];
			if (alt < 6) {
				tn[v] = alt;
			} else {
				uint32_t to = 0;
				for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++)
					for (int m = 0; m < 3; m++)
						if (groups[g][m] == plain[v])
							to = groups[g][(m + alt - 5) % 3];
				if (!to)
					continue;
				pl[v] = to;
			}
			char buf[96];
			size_t bl = 0;
			for (int k = 0; k < n && bl + 4 < sizeof buf; k++)
				bl += sohoa_utf8_encode(sohoa_viet_compose(pl[k], tn[k], 0), buf + bl);
			buf[bl] = 0;
			if (same_key(buf, w) || !sohoa_viet_syllable(buf, bl))
				continue;
			int c = given_count(buf);
			if (c > best)
				best = c;
		}
	}
	return best;
}

int docf_given_name_doubtful(const char *s)
{
	char *w[DOCF_MAXW];
	int n = 0;
	if (!docf_words(s, w, DOCF_MAXW, &n))
		return 0;
	char t[96];
	trim_word(w[n - 1], t, sizeof t);
	int have = given_count(t), best = best_variant(t);
	int doubt = n >= 2 && have < DOCF_GIVEN_RARE && best >= DOCF_GIVEN_COMMON;
	free(w[0]);
	return doubt;
}

int docf_digits(const char *s, size_t n, char *out, size_t cap)
{
	size_t k = 0;
	int digits = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += sohoa_utf8_decode(s + i, n - i, &cp);
		char d;
		if (cp >= '0' && cp <= '9') {
			d = (char)cp;
			digits++;
		} else {
			uint32_t b = sohoa_viet_base(cp);
			if (b == 'O' || b == 'o')
				d = '0';
			else if (cp == 'I' || cp == 'l' || cp == '|')
				d = '1';
			else
				return 0;
		}
		if (k + 1 >= cap)
			return 0;
		out[k++] = d;
	}
	if (cap)
		out[k] = 0;
	return k > 0 && digits > 0;
}

const char *docf_after_rank(const char *s)
{
	static const char *const ranks[] = {"đại tướng", "thượng tướng", "trung tướng", "thiếu tướng", "đại tá",
					    "thượng tá", "trung tá", "thiếu tá", "đại úy", "thượng úy", "trung úy",
					    "thiếu úy", NULL};
	s += strspn(s, " ");
	/* the first two words against the ranks (all of two words), by skeleton: a rank's tone mark
	 * misread ("Trung tả") is still the rank, no two ranks differ by tones only */
	size_t n = strcspn(s, " ");
	n += strspn(s + n, " ");
	n += strcspn(s + n, " ");
	if (n < 64 && s[n] == ' ') {
		char head[64], hs[64], rs[64];
		snprintf(head, sizeof head, "%.*s", (int)n, s);
		skel(head, hs, sizeof hs);
		for (int r = 0; ranks[r]; r++)
			if (skel(ranks[r], rs, sizeof rs) && !strcmp(hs, rs))
				return s + n + strspn(s + n, " ");
	}
	/* academic titles: "PGS.TS. ", "ThS. " */
	const char *p = s;
	while (*p && *p != ' ' && (*p == '.' || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')))
		p++;
	if (p > s && p[-1] == '.' && *p == ' ' && p - s <= 8)
		return p + strspn(p, " ");
	return s;
}
