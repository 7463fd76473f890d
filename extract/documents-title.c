/* documents-title.c: the type line, the title under it, and the type read from the number's
 * code when no type line says it (the documents extractor's steps). */
#include "documents-int.h"

#include "../core/doctype.h"
#include "../core/govname.h"
#include "../core/viet.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The most words a title is split into when its words are set right one by one: all of them
 * (docf_words stops at max, and a title rebuilt from fewer words would lose its end). */
#define TITLE_MAXW 512

/* Words that start the body after the title. */
const char *const docm_body_cues[] = {"can cu", "kinh gui", "xet", "nham", "theo ket qua",
					"thuc hien ke hoach", "thuc hien quyet dinh", "thuc hien nghi quyet",
					"thuc hien chi thi", "thuc hien cong van", "thuc hien van ban", NULL};

/* ---- type and title ---- */

/* 1 if line l's key starts with one of words, past markdown's marks ("*Căn cứ …*"). */
static int starts_any(const line_key *l, const char *const *words)
{
	size_t i = strspn(l->key, " *_#");
	for (int w = 0; words[w]; w++)
		if (ex_word_at(l->key, l->keylen, i, words[w]))
			return 1;
	return 0;
}

const char *docm_type_line(const line_key *l)
{
	const char *type = NULL;
	if (!l->upper)
		return NULL;
	char *k = ex_clean(l->key, 0, l->keylen);
	/* markdown's emphasis or heading marks around it ("**QUYẾT ĐỊNH**"), not a colon ("QUYẾT
	 * ĐỊNH:" opens a decision's articles) */
	size_t b = k ? strspn(k, "#*_ ") : 0, e = k ? strlen(k) : 0;
	while (e > b && strchr("*_ ", k[e - 1]))
		e--;
	for (size_t t = 0; k && t < sohoa_ndoctypes; t++) /* core/doctype.c: the type lines */
		if ((sohoa_doctypes[t].flags & SOHOA_DOCTYPE_HEADING) && strlen(sohoa_doctypes[t].key) == e - b &&
		    !strncmp(k + b, sohoa_doctypes[t].key, e - b))
			type = sohoa_doctypes[t].name;
	free(k);
	return type;
}

/* A type line broken over lines a and b ("**NGHỊ" / "QUYẾT**", a text wrapped by its converter):
 * two lines in capitals that are a type word together, or NULL. */
static const char *split_type_line(const line_key *a, const line_key *b)
{
	if (!b || !a->upper || !b->upper || a->letters > 8 || b->letters > 8)
		return NULL;
	line_key both = *a;
	sohoa_buf t = {0};
	const char *type = NULL;
	sohoa_buf_printf(&t, "%s %s", a->text, b->text);
	if (t.data && !ex_key(t.data, t.len, &both.key, &both.keylen, &both.kmap)) {
		both.text = t.data;
		type = docm_type_line(&both);
		free(both.key);
		free(both.kmap);
	}
	sohoa_buf_free(&t);
	return type;
}

/* The case of the letters of s[b..e): 2 capitals only ("CHỈ THỊ"), 1 a capital and then lowercase
 * only ("Chỉ thị"), 0 else (and for fewer than two letters). */
static int span_case(const char *s, size_t b, size_t e)
{
	char w[128];
	int lower = 0;
	snprintf(w, sizeof w, "%.*s", (int)(e - b < sizeof w ? e - b : sizeof w - 1), s + b);
	int letters = docm_count_case(w, &lower);
	if (letters < 2)
		return 0;
	if (!lower)
		return 2;
	return lower == letters - 1 && docm_starts_upper(w, strlen(w)) ? 1 : 0;
}

/* What a title in running text opens with after its type word (keys): Decree 30's subject "Về …"
 * (also "V/v") after any type, and the openers of the titles of notices and reports, which name
 * what they are of ("Thông báo kết luận …", "Báo cáo tình hình …"). */
static const struct {
	const char *type; /* a type's key, NULL: any */
	const char *opener;
} title_openers[] = {
	{NULL, "ve"}, {NULL, "v/v"}, {"thong bao", "ket luan"}, {"thong bao", "y kien ket luan"},
	{"bao cao", "tinh hinh"}, {"bao cao", "ket qua"}, {"bao cao", "tong ket"}, {"bao cao", "so ket"},
};

/* A type word opening line l in running text with the title after it: "Chỉ thị về việc …",
 * "THÔNG BÁO Kết luận của …", "Nghị quyết về …" (a text without a letterhead, a type line run
 * together with its title). The type, and *off where the title starts in l->text; NULL when
 * the line is none. A type word that opens a sentence ("Quyết định này có hiệu lực …", "Thông
 * báo cho các đơn vị …") or names another document ("Chỉ thị số 15/CT-TTg …", "Nghị quyết 42 về
 * …") is none: the title must take an opener (title_openers), or, after the type in capitals, a
 * word in sentence case; the line is no question nor sentences (no '?', no ':', ';', '!' at its
 * end, no sentence ending inside it); a type in sentence case is one that names a document only
 * (SOHOA_DOCTYPE_PROSE) on one of the text's first three lines (at, from 0), and a '.' ends only
 * the first line (a title written as a sentence; further down, a sentence of the body). */
static const char *running_type(const line_key *l, size_t at, size_t *off)
{
	const char *t = l->text, *key = l->key;
	size_t len = strlen(t), kl = l->keylen, kb = 0;
	*off = 0;
	while (kb < kl && strchr("#*_ ", key[kb]))
		kb++;
	while (len && strchr(" *_", t[len - 1]))
		len--;
	if (!len || strchr(":;!?", t[len - 1]) || memchr(t, '?', len) || (t[len - 1] == '.' && at > 0))
		return NULL;
	for (size_t i = 0; i + 2 < len; i++) /* "… hôm nay. Theo đó, …": sentences */
		if (t[i] == '.' && t[i + 1] == ' ' && docm_starts_upper(t + i + 2, len - i - 2))
			return NULL;
	for (size_t r = 0; r < sohoa_ndoctypes; r++) {
		const sohoa_doctype *d = &sohoa_doctypes[r];
		size_t dl = d->key ? strlen(d->key) : 0;
		if (d->name && d->caps && kb + dl < kl && !strncmp(key + kb, d->key, dl) && key[kb + dl] != ' ' &&
		    (kb == 0 || key[kb - 1] == ' ' || strchr("#*_", key[kb - 1]))) {
			/* "NGHỊ ĐỊNHQuy định …": the type in capitals run into its title in sentence case */
			size_t tb = l->kmap[kb + dl], we = tb + strcspn(t + tb, " ");
			if (!(d->flags & SOHOA_DOCTYPE_HEADING) || span_case(t, l->kmap[kb], tb) != 2 ||
			    span_case(t, tb, we) != 1 || !strchr(t + tb, ' '))
				return NULL;
			*off = tb;
			return d->name;
		}
		if (!d->name || !d->caps || !ex_word_at(key, kl, kb, d->key))
			continue;
		if (!(d->flags & SOHOA_DOCTYPE_HEADING)) /* the first row that reads there decides */
			return NULL;
		size_t ke = kb + strlen(d->key), k2 = ke;
		int c = span_case(t, l->kmap[kb], l->kmap[ke]);
		while (k2 < kl && key[k2] == ' ')
			k2++;
		if (!c || k2 == ke || k2 >= kl || l->kmap[k2] >= len ||
		    (c == 1 && (!(d->flags & SOHOA_DOCTYPE_PROSE) || at >= 3)))
			return NULL;
		int ok = 0;
		for (size_t o = 0; o < sizeof title_openers / sizeof title_openers[0] && !ok; o++)
			ok = (!title_openers[o].type || !strcmp(title_openers[o].type, d->key)) &&
			     ex_word_at(key, kl, k2, title_openers[o].opener);
		/* a line in capitals that starts with a type word is as often a title's line ("QUY
		 * ĐỊNH VỀ …" under "NGHỊ QUYẾT"): a type that names a document alone */
		ok = ok && (c == 1 || (d->flags & SOHOA_DOCTYPE_PROSE));
		if (!ok && c == 2) {
			size_t we = l->kmap[k2] + strcspn(t + l->kmap[k2], " ");
			ok = span_case(t, l->kmap[k2], we) == 1;
		}
		/* a title is two words or more */
		if (!ok || !strchr(t + l->kmap[k2], ' ') || (size_t)(strchr(t + l->kmap[k2], ' ') - t) >= len)
			return NULL;
		*off = l->kmap[k2];
		return d->name;
	}
	return NULL;
}

/* A heading's number opening line l: "1.", "II.", "a)", "A ." — the body has begun. */
static int numbered_line(const line_key *l)
{
	const char *p = l->text + strspn(l->text, " ");
	size_t m = strspn(p, "0123456789");
	if (!m)
		m = strspn(p, "IVXLivx");
	if (!m && ((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z')))
		m = 1;
	if (!m)
		return 0;
	p += m;
	p += strspn(p, " ");
	return *p == '.' || *p == ')';
}

/* The type line: a line in capitals that is only a type word, in the first 40 lines. */
void docm_find_type(const line_key *L, size_t n, doc_meta *dm)
{
	const char *type = NULL;
	size_t type_at = n, off = 0;
	for (size_t i = 0; i < n && i < 40 && !type; i++) {
		type = docm_type_line(&L[i]);
		if (type)
			type_at = i;
		else if ((type = split_type_line(&L[i], i + 1 < n ? &L[i + 1] : NULL)))
			type_at = i + 1;
	}
	/* none: a type in running text with its title, in the first lines before the body (its
	 * cues, an article, a numbered heading, a "V/v" subject, which is a letter's title) */
	for (size_t i = 0; !type && i < n && i < 12; i++) {
		if (starts_any(&L[i], docm_body_cues) || docm_key_starts(&L[i], "dieu") ||
		    docm_vv_line(&L[i]) || numbered_line(&L[i]))
			break;
		type = running_type(&L[i], i, &off);
		if (type)
			type_at = i;
	}
	dm->type = type;
	dm->type_at = type_at;
	dm->title_off = off;
}

/* A line that names the body or the official who issues the document ("ỦY BAN NHÂN DÂN THÀNH
 * PHỐ CẦN THƠ", "BỘ TRƯỞNG BỘ Y TẾ" between a decision's title and its grounds). */
static int authority_line(const line_key *l)
{
	if (!l->upper)
		return 0;
	char *w[DOCF_MAXW], *plain = sohoa_strdup(l->text);
	int n = 0, used = 0, hit = 0;
	for (size_t i = 0, k = 0; plain; i++) /* without markdown's emphasis: "**BỘ TRƯỞNG …**" */
		if (plain[i] != '*' && !(plain[k++] = plain[i]))
			break;
	if (plain && docf_words(plain, w, DOCF_MAXW, &n)) {
		hit = docf_head(w, n, &used) >= 0 && used >= 2;
		free(w[0]);
	}
	free(plain);
	static const char *const official[] = {"chu tich", "bo truong", "thu tuong", "giam doc", "hieu truong",
					       "truong ban", "cuc truong", "tong cuc truong", "vien truong", NULL};
	return hit || starts_any(l, official);
}

int docm_sender(const line_key *l, size_t *start, size_t *end)
{
	const char *t = l->text;
	size_t len = strlen(t);
	*start = *end = 0;
	while (len && strchr(" *_|", t[len - 1])) /* markdown's emphasis, a table's bar */
		len--;
	static const char word[] = "\xc4\x91i\xe1\xbb\x87n:"; /* "điện:" */
	size_t wl = sizeof word - 1;
	if (len <= wl + 1 || strncmp(t + len - wl, word, wl) || !strchr(" *", t[len - wl - 1]))
		return 0;
	size_t name_end = len - wl;
	while (name_end && strchr(" *", t[name_end - 1]))
		name_end--;
	/* the earliest word from which on the capitals before "điện:" are a valid name */
	for (size_t b = strspn(t, " *"); b < name_end; b++) {
		if ((b > 0 && !strchr(" *", t[b - 1])) || t[b] == '*' || t[b] == ' ')
			continue;
		char head[256];
		int lower = 0;
		snprintf(head, sizeof head, "%.*s", (int)(name_end - b < sizeof head ? name_end - b : sizeof head - 1), t + b);
		if (docm_count_case(head, &lower) < 6 || lower)
			continue;
		char *v = docf_issuer(head);
		free(v);
		if (v) {
			*start = b;
			*end = name_end;
			return 1;
		}
	}
	return 0;
}

/* 1 when line l starts with a capital letter but is not all in capitals: a sentence's start in
 * a text set in lowercase. */
static int capital_start(const line_key *l)
{
	const char *p = l->text + strspn(l->text, " *_");
	uint32_t cp, plain;
	int tone, upper = 0;
	if (l->upper || !*p)
		return 0;
	sohoa_utf8_decode(p, strlen(p), &cp);
	return sohoa_viet_letter(cp, &plain, &tone, &upper) && upper;
}

/* A line in sentence case that a title does not go on into: the issuing body of a place named
 * under the title ("Hội đồng nhân dân tỉnh Lai Châu"), the body's first sentence ("Thực hiện
 * Thông báo số …", "Theo đề nghị …"). */
static int sentence_stop(const line_key *l)
{
	static const char *const bodies[] = {"hoi dong nhan dan", "uy ban nhan dan", "hdnd", "ubnd", NULL};
	static const char *const units[] = {"tinh", "thanh pho", "huyen", "quan", "thi xa", "xa", "phuong", NULL};
	static const char *const openers[] = {"thuc hien", "theo", "can cu", NULL};
	if (!capital_start(l))
		return 0;
	if (starts_any(l, openers))
		return 1;
	size_t i = strspn(l->key, " *_#");
	if (memchr(l->key, ',', l->keylen) || ex_words_in(l->key, i, l->keylen) > 10)
		return 0; /* "UBND tỉnh, Ban Quản lý …": a list the title goes on with */
	for (int b = 0; bodies[b]; b++)
		if (ex_word_at(l->key, l->keylen, i, bodies[b])) {
			size_t u = ex_skip_sp(l->key, i + strlen(bodies[b]), l->keylen);
			for (int w = 0; units[w]; w++)
				if (ex_word_at(l->key, l->keylen, u, units[w]))
					return 1;
		}
	return 0;
}

/* The digits at key offset i of k (kl bytes): how many. */
static size_t digits_at(const char *k, size_t kl, size_t i)
{
	size_t d = 0;
	while (i + d < kl && isdigit((unsigned char)k[i + d]))
		d++;
	return d;
}

/* A whole date at key offset i: "24/12/2024" (or with '-', '.'), "1 tháng 3 năm 2024"; the
 * offset after it, 0 when there is none (a day without its year: "Ngày 27/7", a holiday). */
static size_t full_date(const char *k, size_t kl, size_t i)
{
	size_t d = digits_at(k, kl, i), m;
	if (!d || d > 2)
		return 0;
	i += d;
	if (i < kl && strchr("/-.", k[i])) {
		char sep = k[i];
		m = digits_at(k, kl, i + 1);
		if (!m || m > 2 || i + 1 + m >= kl || k[i + 1 + m] != sep)
			return 0;
		i += m + 2;
		return digits_at(k, kl, i) == 4 ? i + 4 : 0;
	}
	i = ex_skip_sp(k, i, kl);
	if (!ex_word_at(k, kl, i, "thang"))
		return 0;
	i = ex_skip_sp(k, i + 5, kl);
	m = digits_at(k, kl, i);
	if (!m || m > 2)
		return 0;
	i = ex_skip_sp(k, i + m, kl);
	if (!ex_word_at(k, kl, i, "nam"))
		return 0;
	i = ex_skip_sp(k, i + 3, kl);
	return digits_at(k, kl, i) == 4 ? i + 4 : 0;
}

/* "Ngày" at key offset i after the times of day before it ("Sáng ngày", "Vào chiều ngày"): the
 * offset after "ngay", 0 when none. */
static size_t day_word(const char *k, size_t kl, size_t i)
{
	static const char *const times[] = {"vao", "sang", "chieu", "trua", "toi", NULL};
	for (int t = 0, taken = 0; times[t] && taken < 2;) {
		if (!ex_word_at(k, kl, i, times[t])) {
			t++;
			continue;
		}
		i = ex_skip_sp(k, i + strlen(times[t]), kl);
		taken++;
		t = 0;
	}
	return ex_word_at(k, kl, i, "ngay") ? i + 4 : 0;
}

/* A sentence that tells the day of what it reports, at key offset i: "Ngày 24/12/2024, tại …",
 * "Sáng ngày 1 tháng 3 năm 2024, …" (a whole date and a comma after it), "Hôm nay, …". */
static int day_sentence(const char *k, size_t kl, size_t i)
{
	if (ex_word_at(k, kl, i, "hom nay"))
		return 1;
	size_t d = day_word(k, kl, i);
	size_t e = d ? full_date(k, kl, ex_skip_sp(k, d, kl)) : 0;
	e = e ? ex_skip_sp(k, e, kl) : 0;
	return e && e < kl && k[e] == ',';
}

/* A line in sentence case that opens with its day ("Ngày 24/12/2024, tại trụ sở …", "Sáng ngày
 * 3/1 …", "Hôm nay, ngày …"): the body of a notice or minutes, which tells when and where the
 * meeting was. A title line does not open so. */
static int date_start(const line_key *l)
{
	if (!capital_start(l))
		return 0;
	size_t i = strspn(l->key, " *_#"), d = day_word(l->key, l->keylen, i);
	if (day_sentence(l->key, l->keylen, i))
		return 1;
	/* "Ngày 24/12 …": a day, its year misread or left out */
	d = d ? ex_skip_sp(l->key, d, l->keylen) : 0;
	return d && d < l->keylen && isdigit((unsigned char)l->key[d]);
}

/* The place-and-date line without its comma ("Hà Nam ngày 5 tháng 3 năm 2024", "ngày 5 tháng 3
 * năm 2024" under the place): a line not in capitals that a whole date ends, with only words
 * that start with a capital before its "ngày" (a place, "Thành phố"/"thị xã" in it), no digit. */
static int place_date_line(const line_key *l)
{
	const char *k = l->key;
	size_t kl = l->keylen, i = strspn(k, " *_#");
	if (l->upper)
		return 0; /* a title's line in capitals ("HỘI NGHỊ NGÀY 5 THÁNG 3 NĂM 2024") */
	while (i < kl && !day_word(k, kl, i)) {
		size_t b = l->kmap[i];
		if (!docm_starts_upper(l->text + b, strlen(l->text + b)) && !ex_word_at(k, kl, i, "pho") &&
		    !ex_word_at(k, kl, i, "xa"))
			return 0;
		while (i < kl && k[i] != ' ') /* the word, its '.' ("TP.") with it */
			if (isdigit((unsigned char)k[i++]))
				return 0;
		i = ex_skip_sp(k, i, kl);
	}
	size_t d = i < kl ? day_word(k, kl, i) : 0;
	size_t e = d ? full_date(k, kl, ex_skip_sp(k, d, kl)) : 0;
	while (e && e < kl && strchr(" .*_", k[e]))
		e++;
	return e && e == kl;
}

/* A line in parentheses that goes on with a title in sentence case: its first word lowercase
 * ("(sau khi HĐND tỉnh ban hành …)", "(giai đoạn 1) tại …"), not an annex's "(kèm theo …)". A
 * capital opens a note of its own ("(Ban hành kèm theo …)", "(Dự thảo)"). */
static int paren_goes_on(const line_key *l)
{
	const char *p = l->text + strspn(l->text, " ");
	size_t k = strspn(l->key, " ");
	if (p[0] != '(' || l->key[k] != '(' || l->upper)
		return 0;
	p++;
	k = ex_skip_sp(l->key, k + 1, l->keylen);
	uint32_t cp, plain;
	int tone, upper = 1;
	sohoa_utf8_decode(p, strlen(p), &cp);
	return sohoa_viet_letter(cp, &plain, &tone, &upper) && !upper && !ex_word_at(l->key, l->keylen, k, "kem theo");
}

/* A line where a title stops: the body's cues, a bullet, a parenthesis (paren_goes_on aside),
 * a Roman heading, the authority line, "Kính gửi", a telegram's sender, a sentence's start
 * (sentence_stop, date_start). */
static int title_stop(const line_key *l)
{
	const char *p = l->text + strspn(l->text, " ");
	size_t sb, se;
	if (docm_sender(l, &sb, &se) && sb == strspn(l->text, " *"))
		return 1;
	if (sentence_stop(l) || date_start(l))
		return 1;
	if (starts_any(l, docm_body_cues) || strchr("-+", p[0]) ||
	    (l->key[strspn(l->key, " ")] == '(' && !paren_goes_on(l)))
		return 1;
	if ((p[0] == 'I' || p[0] == 'V') && strchr(". ", p[strspn(p, "IVX")]) && l->upper)
		return 1;
	return authority_line(l);
}

/* The letters, digits and other marks (not spaces) of s. */
static void count_marks(const char *s, int *letters, int *digits, int *others)
{
	*letters = *digits = *others = 0;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp, plain;
		int tone, upper;
		i += sohoa_utf8_decode(s + i, n - i, &cp);
		if (cp == ' ')
			continue;
		if (cp >= '0' && cp <= '9')
			(*digits)++;
		else if (sohoa_viet_letter(cp, &plain, &tone, &upper))
			(*letters)++;
		else
			(*others)++;
	}
}

/* Specks of a scan read as a line (tone marks, dots beside the title: "Ầ", "1", "% * ,'1%"): fewer
 * than two letters and two digits, or more other marks than letters and digits. */
static int speck_line(const char *s)
{
	int letters, digits, others;
	count_marks(s, &letters, &digits, &others);
	return (letters < 2 && digits < 2) || others > letters + digits;
}

/* 1 when line l is in capitals but for a few letters OCR misread in case ("GỒNg THÔNG TIN"):
 * three capitals or more to every lowercase letter. */
static int mostly_upper(const line_key *l)
{
	int lower = 0, letters = docm_count_case(l->text, &lower);
	return l->upper || (letters >= 4 && letters - lower >= 3 * lower);
}

/* The month and year of the place-and-date line, read apart from its start when layout split
 * the line ("tháng 5 năm 2014" under the title line of a scan): not a title line. */
static int date_tail_line(const line_key *l)
{
	return docm_key_starts(l, "thang") && strstr(l->key, " nam ") != NULL && l->letters <= 12;
}

/* The body's first paragraph starts below the title with a gap: line b starts lower under line a
 * (on one page) than twice a's height ("Căn cứ" read apart, a first paragraph); a's last source
 * line counts (a title line reflowed from two lines ends at the second). */
static int para_gap(const doc_ctx *dc, const line_key *a, const line_key *b)
{
	float ab[4], bb[4];
	int ap, bp;
	if (!docm_line_box_last(dc, a, ab, &ap) || !docm_line_box(dc, b, bb, &bp) || ap != bp)
		return 0;
	return bb[1] - ab[3] > 0.75f * (ab[3] - ab[1]);
}

/* 1 when the title opened with a parenthesis that its end closes: "(V/v …)". */
static int closed(const sohoa_buf *title)
{
	return title->len > 1 && title->data[0] == '(' && title->data[title->len - 1] == ')';
}

/* Append line text to the title and cut it at a body cue that reflow ran into it. */
static void title_add(sohoa_buf *title, const char *text)
{
	if (title->len)
		sohoa_buf_puts(title, " ");
	char *c = docm_clean_line(text);
	if (c)
		sohoa_buf_puts(title, c);
	free(c);
}

/* 1 when title byte at (a word's start) opens a sentence that reflow ran into the title: a
 * capitalised body of a place or "Thực hiện"/"Theo" (sentence_stop) right after a number that
 * ends the title ("… đến năm 2015 Hội đồng nhân dân tỉnh …"); after a word it is a name the title
 * goes on with ("… thuộc UBND tỉnh", "… của Hội đồng nhân dân tỉnh"). */
static int sentence_at(const sohoa_buf *title, size_t at)
{
	if (at < 2 || title->data[at - 1] != ' ' || !isdigit((unsigned char)title->data[at - 2]))
		return 0;
	line_key l = {0};
	l.text = title->data + at;
	int lower = 0;
	docm_count_case(l.text, &lower);
	l.upper = !lower;
	if (ex_key(l.text, strlen(l.text), &l.key, &l.keylen, &l.kmap))
		return 0;
	int stop = sentence_stop(&l);
	free(l.key);
	free(l.kmap);
	return stop;
}

static void title_cut(sohoa_buf *title)
{
	if (!title->len)
		return;
	char *k = NULL;
	size_t kl = 0, *km = NULL;
	if (!ex_key(title->data, title->len, &k, &kl, &km)) {
		size_t cut = title->len;
		for (size_t i = 1; i < kl; i++)
			for (int c = 0; docm_body_cues[c]; c++)
				if (k[i - 1] == ' ' && ex_word_at(k, kl, i, docm_body_cues[c]) && km[i] < cut &&
				    docm_starts_upper(title->data + km[i], title->len - km[i]))
					cut = km[i]; /* a sentence of the body: "… Căn cứ", not "… thực hiện" */
		for (size_t i = 1; i < kl; i++)
			if (k[i - 1] == ' ' && km[i] < cut && sentence_at(title, km[i]))
				cut = km[i];
		/* "… huyện Bình Sơn Ngày 24/12/2024, tại trụ sở …": the body's sentence of the day, a
		 * capital inside the title (day_sentence) */
		for (size_t i = 1; i < kl; i++)
			if (k[i - 1] == ' ' && km[i] < cut && docm_starts_upper(title->data + km[i], title->len - km[i]) &&
			    day_sentence(k, kl, i))
				cut = km[i];
		/* "(V/v …) Hiện nay …": a subject in parentheses ends where they close */
		for (size_t i = 0, depth = 0; title->data[0] == '(' && i < cut; i++) {
			depth += title->data[i] == '(';
			if (title->data[i] == ')' && depth && !--depth) {
				cut = i + 1;
				break;
			}
		}
		while (cut > 0 && title->data[cut - 1] == ' ')
			cut--;
		title->len = cut;
		title->data[cut] = 0;
	}
	free(k);
	free(km);
}

int docm_vv_line(const line_key *l)
{
	const char *k = l->key + strspn(l->key, " ");
	if (k[0] != 'v')
		return 0;
	uint32_t cp, plain;
	int tone, upper;
	size_t m = sohoa_utf8_decode(k + 1, strlen(k + 1), &cp);
	if (!m || cp == ' ' || (cp >= '0' && cp <= '9') || sohoa_viet_letter(cp, &plain, &tone, &upper))
		return 0;
	return (k[1 + m] == 'v' || k[1 + m] == 'w') && (k[2 + m] == ' ' || k[2 + m] == ':');
}

/* A "V/v" subject's opener as OCR read it ("V¿v", "v/w") written "V/v". */
static void vv_opener(sohoa_buf *title)
{
	size_t sp = title->data ? strcspn(title->data, " :") : 0;
	if (!sp || sp > 5 || !strncmp(title->data, "V/v", sp) || (title->data[0] != 'V' && title->data[0] != 'v'))
		return;
	sohoa_buf fixed = {0};
	sohoa_buf_puts(&fixed, "V/v");
	sohoa_buf_puts(&fixed, title->data + sp);
	if (fixed.data) {
		sohoa_buf_free(title);
		*title = fixed;
	}
}

/* A title read by OCR with a lowercase word that is no Vietnamese syllable ("khn" for "khẩn"):
 * a misread the title would carry. */
static int misread_word(const char *title)
{
	char *w[TITLE_MAXW];
	int n = 0, bad = 0;
	if (!docf_words(title, w, TITLE_MAXW, &n))
		return 0;
	for (int i = 1; i < n && !bad; i++) {
		const char *p = w[i];
		size_t len = strlen(p);
		while (len && strchr(",.;:)\"'", p[len - 1]))
			len--;
		/* lowercase Vietnamese letters only: a word, not an acronym, a code or a name */
		int word = len > 0;
		for (size_t j = 0; j < len && word;) {
			uint32_t cp, plain;
			int tone, upper = 1;
			j += sohoa_utf8_decode(p + j, len - j, &cp);
			word = sohoa_viet_letter(cp, &plain, &tone, &upper) && !upper;
		}
		bad = word && !sohoa_viet_syllable(p, len);
	}
	free(w[0]);
	return bad;
}

/* A title read by OCR with a speck before it (",Vêviệc …") and the space of its opener lost
 * ("Vềviệc", "Vêviệc"): the speck dropped, the two words apart. */
static void opener_apart(sohoa_buf *title)
{
	size_t b = title->data ? strspn(title->data, ",.;:'`") : 0;
	size_t w = title->data ? strcspn(title->data + b, " ") : 0;
	char sk[32];
	if (!title->data || (!b && w < 6) || w >= sizeof sk)
		return;
	sohoa_gov_skeleton(title->data + b, w, sk, sizeof sk);
	sohoa_buf fixed = {0};
	if (!strcmp(sk, "veviec") && (title->data[b] == 'V' || title->data[b] == 'v')) {
		/* the last four bytes are "iệc" less its first letter: split before the 'v' of "việc" */
		const char *v = title->data + b + w;
		while (v > title->data + b + 1 && v[-1] != 'v')
			v--;
		if (v > title->data + b + 1) {
			sohoa_buf_append(&fixed, title->data + b, (size_t)(v - 1 - (title->data + b)));
			sohoa_buf_puts(&fixed, " ");
			sohoa_buf_puts(&fixed, v - 1);
		}
	} else if (b && docm_starts_upper(title->data + b, title->len - b)) {
		sohoa_buf_puts(&fixed, title->data + b);
	}
	if (fixed.data) {
		sohoa_buf_free(title);
		*title = fixed;
	}
}

/* A title read by OCR with a digit for its look-alike letter inside a lowercase word ("đánh
 * g1á", "tổ chức h0ạt động"): the letter set back where that makes a Vietnamese syllable. Codes
 * ("H1N1", "A1", "m2") keep their digits: a capital, or a digit at the word's edge. */
static void title_lookalikes(sohoa_buf *title)
{
	for (size_t i = 1; i + 1 < title->len; i++) {
		char c = title->data[i];
		if (c != '1' && c != '0')
			continue;
		size_t b = i, e = i + 1;
		while (b > 0 && title->data[b - 1] != ' ')
			b--;
		while (e < title->len && title->data[e] != ' ' && !strchr(",.;:)", title->data[e]))
			e++;
		if (b == i || e == i + 1)
			continue;
		char w[64];
		int lower = 0;
		if (e - b >= sizeof w)
			continue;
		memcpy(w, title->data + b, e - b);
		w[e - b] = 0;
		w[i - b] = c == '1' ? 'i' : 'o';
		int letters = docm_count_case(w, &lower);
		if (strpbrk(w, "0123456789") || letters != lower || !sohoa_viet_syllable(w, strlen(w)))
			continue;
		title->data[i] = w[i - b];
	}
}

/* A title that starts "Về việc" (Decree 30's subject opener) read with its first word one
 * letter off ("và việc", "Vê việc"): that word set right. */
static void subject_opener(sohoa_buf *title)
{
	size_t sp = title->data ? strcspn(title->data, " ") : 0;
	if (!sp || !title->data[sp] || sp > 4)
		return;
	char sk[16];
	sohoa_gov_skeleton(title->data, sp, sk, sizeof sk);
	if (strlen(sk) != 2 || sk[0] != 'v' || !strchr("aeiouy", sk[1]) || !strncmp(title->data, "V\xe1\xbb\x81 ", sp + 1) ||
	    title->data[sp + 1] != 'v')
		return;
	char *k = NULL;
	size_t kl = 0, *km = NULL;
	if (!ex_key(title->data + sp + 1, title->len - sp - 1, &k, &kl, &km) && ex_word_at(k, kl, 0, "viec")) {
		sohoa_buf fixed = {0};
		sohoa_buf_puts(&fixed, "V\xe1\xbb\x81");
		sohoa_buf_puts(&fixed, title->data + sp);
		if (fixed.data) {
			sohoa_buf_free(title);
			*title = fixed;
		}
	}
	free(k);
	free(km);
}

/* A subject line in sentence case: "Về …" (Decree 30's opener of a title under the type line),
 * its first word a capital then lowercase letters. */
static int subject_line(const line_key *l)
{
	const char *t = l->text + strspn(l->text, " ");
	int lower = 0;
	if (!docm_key_starts(l, "ve") || l->upper || docm_count_case(t, &lower) < 4 || !docm_starts_upper(t, strlen(t)))
		return 0;
	char w[16];
	snprintf(w, sizeof w, "%.*s", (int)strcspn(t, " "), t);
	docm_count_case(w, &lower);
	return lower > 0;
}

/* The canonical key (sohoa_viet_key) of word w without its edge punctuation, into out. */
static void word_key(const char *w, char *out, size_t cap)
{
	size_t b = 0, e = strlen(w);
	while (b < e && strchr(",.;:()\"'", w[b]))
		b++;
	while (e > b && strchr(",.;:()\"'", w[e - 1]))
		e--;
	sohoa_buf k = {0};
	out[0] = 0;
	if (!sohoa_viet_key(w + b, e - b, &k) && k.data)
		snprintf(out, cap, "%s", k.data);
	sohoa_buf_free(&k);
}

/* 1 when the title so far ends with a word that wants what follows ("… NĂM 2024 CỦA" / "THỦ
 * TƯỚNG CHÍNH PHỦ VỀ VIỆC …"): the next line goes on with it, whatever it starts with. */
static int open_end(const sohoa_buf *title)
{
	static const char *const links[] = {"của", "và", "về", "việc", "cho", "tại", "với", "theo", "trên", "trong",
					    "đến", "từ", "được", "là", NULL};
	const char *last = title->data ? strrchr(title->data, ' ') : NULL;
	char k[64], lk[64];
	word_key(last ? last + 1 : title->data ? title->data : "", k, sizeof k);
	for (int w = 0; links[w] && k[0]; w++) {
		word_key(links[w], lk, sizeof lk);
		if (!strcmp(k, lk))
			return 1;
	}
	return 0;
}

/* The word of the body that stands where title word w[i] stands, between the same two words
 * ("sử dụng _ đơn"), when the body gives one other word there at least twice and w[i] never, and
 * that word is one slip from w[i] by its letters ("hứa" where the body says "hóa đơn" throughout):
 * OCR misread the title's word. Its key into out; 0 if there is none. */
static int body_word(const doc_ctx *dc, size_t from, char *const *w, int i, char *out, size_t cap)
{
	char kl[64], kw[64], kr[64], bk[3][64];
	word_key(w[i - 1], kl, sizeof kl);
	word_key(w[i], kw, sizeof kw);
	word_key(w[i + 1], kr, sizeof kr);
	if (!kl[0] || !kw[0] || !kr[0] || !sohoa_viet_syllable(kw, strlen(kw)))
		return 0;
	int own = 0, other = 0;
	out[0] = 0;
	for (size_t l = from; l < dc->n && l < from + 400; l++) {
		char *b[256]; /* a paragraph's words */
		int nb = 0;
		if (!docf_words(dc->L[l].text, b, 256, &nb))
			continue;
		for (int j = 0; j < nb; j++) {
			memmove(bk[0], bk[1], sizeof bk[0] * 2);
			word_key(b[j], bk[2], sizeof bk[2]);
			if (j < 2 || strcmp(bk[0], kl) || strcmp(bk[2], kr))
				continue;
			if (!strcmp(bk[1], kw)) {
				own++;
			} else if (!out[0] || !strcmp(out, bk[1])) {
				snprintf(out, cap, "%s", bk[1]);
				other++;
			} else {
				other = -1000; /* two other words there: no one reading */
			}
		}
		free(b[0]);
	}
	char sa[64], sb[64];
	sohoa_gov_skeleton(kw, strlen(kw), sa, sizeof sa);
	sohoa_gov_skeleton(out, strlen(out), sb, sizeof sb);
	return !own && other >= 2 && sohoa_viet_syllable(out, strlen(out)) && sohoa_gov_distance(sa, sb, 1) <= 1;
}

/* The word of the body that stands beside title word w[i]'s neighbours ("đối" of "đối với" for
 * the title's "đôi với"), when it differs from w[i] in its marks only and the body gives it beside
 * them at least twice, twice as often as w[i] there (and w[i] once more) and twice as often as any
 * other reading: OCR put a wrong mark on the title's word. Its key into out; 0 if none. */
static int body_pair_word(const doc_ctx *dc, size_t from, char *const *w, int n, int i, char *out, size_t cap)
{
	char kl[64] = "", kr[64] = "", kw[64], sw[64], sb[64];
	char var[4][64]; /* the other readings, how often each */
	int nvar = 0, count[4] = {0}, own = 0;
	if (i > 0)
		word_key(w[i - 1], kl, sizeof kl);
	if (i + 1 < n)
		word_key(w[i + 1], kr, sizeof kr);
	word_key(w[i], kw, sizeof kw);
	out[0] = 0;
	if ((!kl[0] && !kr[0]) || !kw[0] || !sohoa_viet_syllable(kw, strlen(kw)))
		return 0;
	sohoa_gov_skeleton(kw, strlen(kw), sw, sizeof sw);
	for (size_t l = from; l < dc->n && l < from + 400; l++) {
		char *b[256];
		int nb = 0;
		if (!docf_words(dc->L[l].text, b, 256, &nb))
			continue;
		/* each word of the body once, beside the title's left or right neighbour (or both) */
		for (int j = 0; j < nb; j++) {
			char wd[64], nk[64];
			int beside = 0;
			if (j > 0 && kl[0]) {
				word_key(b[j - 1], nk, sizeof nk);
				beside = !strcmp(nk, kl);
			}
			if (!beside && j + 1 < nb && kr[0]) {
				word_key(b[j + 1], nk, sizeof nk);
				beside = !strcmp(nk, kr);
			}
			if (!beside)
				continue;
			word_key(b[j], wd, sizeof wd);
			if (!strcmp(wd, kw)) {
				own++;
				continue;
			}
			sohoa_gov_skeleton(wd, strlen(wd), sb, sizeof sb);
			if (strcmp(sb, sw))
				continue;
			int v = 0;
			while (v < nvar && strcmp(var[v], wd))
				v++;
			if (v == nvar && nvar < 4)
				snprintf(var[nvar++], sizeof var[0], "%s", wd);
			if (v < nvar)
				count[v]++;
		}
		free(b[0]);
	}
	int best = -1, second = 0;
	for (int v = 0; v < nvar; v++)
		if (best < 0 || count[v] > count[best]) {
			second = best < 0 ? second : count[best];
			best = v;
		} else if (count[v] > second) {
			second = count[v];
		}
	if (best < 0 || count[best] < 2 || count[best] < 2 * (own + 1) || count[best] < 2 * second ||
	    !sohoa_viet_syllable(var[best], strlen(var[best])))
		return 0;
	snprintf(out, cap, "%s", var[best]);
	return 1;
}

/* A title read by OCR with a word its body says otherwise in the same place, every time (see
 * body_word, body_pair_word): that word set right. from: the body's first line. */
static void title_by_body(const doc_ctx *dc, size_t from, sohoa_buf *title)
{
	char *w[TITLE_MAXW];
	int n = 0;
	if (!title->len || !docf_words(title->data, w, TITLE_MAXW, &n))
		return;
	sohoa_buf fixed = {0};
	int changed = 0;
	for (int i = 0; i < n; i++) {
		char k[64];
		int lower = 0;
		docm_count_case(w[i], &lower);
		/* a lowercase word inside the title, its two neighbours around it */
		if (lower && !docm_starts_upper(w[i], strlen(w[i])) && strspn(w[i], ",.;:()\"'") == 0 &&
		    !strpbrk(w[i], ",.;:()\"'") &&
		    ((i > 0 && i + 1 < n && body_word(dc, from, w, i, k, sizeof k)) ||
		     body_pair_word(dc, from, w, n, i, k, sizeof k))) {
			sohoa_log(dc->ctx, SOHOA_LOG_INFO, "%s: documents: title word '%s' read as '%s', as the body says it",
				  dc->name, w[i], k);
			sohoa_buf_puts(&fixed, i ? " " : "");
			sohoa_buf_puts(&fixed, k);
			changed = 1;
			continue;
		}
		sohoa_buf_puts(&fixed, i ? " " : "");
		sohoa_buf_puts(&fixed, w[i]);
	}
	free(w[0]);
	if (changed && fixed.data) {
		sohoa_buf_free(title);
		*title = fixed;
	} else {
		sohoa_buf_free(&fixed);
	}
}

/* Markdown's emphasis taken out of the title ("**Quy định về … ****và …**", a text converted
 * from a web page): its '*' (no title has one), a '_' at either end, and a rule under it. */
static void title_unmark(sohoa_buf *title)
{
	size_t k = 0;
	/* " *Căn": a single '*' opening a capitalized word inside the title opens the body's
	 * grounds in italics, run into the title's line */
	for (size_t i = 1; i + 2 < title->len; i++)
		if (title->data[i] == '*' && title->data[i - 1] == ' ' && title->data[i + 1] != '*' &&
		    docm_starts_upper(title->data + i + 1, title->len - i - 1)) {
			title->len = i;
			title->data[i] = 0;
			break;
		}
	for (size_t i = 0; i < title->len;) {
		size_t r = strspn(title->data + i, "*");
		if (r) {
			i += r;
			continue;
		}
		title->data[k++] = title->data[i++];
	}
	title->len = k;
	if (title->data)
		title->data[k] = 0;
	char *c = title->len ? docm_clean_line(title->data) : NULL;
	if (c) {
		size_t b = strspn(c, "_ "), e = strlen(c);
		while (e > b && strchr("_ ", c[e - 1]))
			e--;
		/* a rule under the title ("… năm 2025 ----------"), not a dash between words */
		size_t d = e;
		while (d > b && c[d - 1] == '-')
			d--;
		if (e - d >= 2 && d > b && c[d - 1] == ' ')
			for (e = d; e > b && c[e - 1] == ' '; e--)
				;
		title->len = 0;
		title->data[0] = 0;
		sohoa_buf_append(title, c + b, e - b);
	}
	free(c);
}

/* The first letter of the title a capital ("về việc …" of a type in running text: "Về việc …"). */
static void title_capital(sohoa_buf *title)
{
	uint32_t cp, plain;
	int tone, upper;
	size_t m = title->len ? sohoa_utf8_decode(title->data, title->len, &cp) : 0;
	if (!m || !sohoa_viet_letter(cp, &plain, &tone, &upper) || upper)
		return;
	char u[4];
	size_t ul = sohoa_utf8_encode(sohoa_viet_compose(plain, tone, 1), u);
	sohoa_buf fixed = {0};
	sohoa_buf_append(&fixed, u, ul);
	sohoa_buf_puts(&fixed, title->data + m);
	if (fixed.data) {
		sohoa_buf_free(title);
		*title = fixed;
	} else {
		sohoa_buf_free(&fixed);
	}
}

/* The title of a type in running text (dm->title_off): the rest of its line, and the lines after
 * it that go on with a lowercase word (a title wrapped), until a sentence ends or the body starts.
 * The last line it takes. */
static size_t running_title(const doc_ctx *dc, doc_meta *dm)
{
	const line_key *L = dc->L;
	size_t at = dm->type_at, last = at;
	title_add(&dm->title, L[at].text + dm->title_off);
	for (size_t j = at + 1; j < dc->n && j < at + 4; j++) {
		const char *p = L[j].text + strspn(L[j].text, " ");
		uint32_t cp, plain;
		int tone, upper = 1;
		sohoa_utf8_decode(p, strlen(p), &cp);
		if (!dm->title.len || strchr(".;:", dm->title.data[dm->title.len - 1]) ||
		    !sohoa_viet_letter(cp, &plain, &tone, &upper) || upper || title_stop(&L[j]))
			break;
		title_add(&dm->title, L[j].text);
		last = j;
	}
	/* markdown's emphasis closing the line */
	while (dm->title.len && strchr("*_ ", dm->title.data[dm->title.len - 1]))
		dm->title.data[--dm->title.len] = 0;
	title_capital(&dm->title);
	return last;
}

/* The title: the lines under the type line until the body starts (title_stop), or until the
 * case changes (a title in capitals ends where the body's sentence case begins, and the other
 * way round); without a type line, a "V/v" or "Về việc" subject and its lines. */
void docm_find_title(const doc_ctx *dc, doc_meta *dm)
{
	const line_key *L = dc->L;
	size_t n = dc->n;
	sohoa_buf *title = &dm->title;
	size_t from = n;
	if (dm->type) {
		from = dm->type_at + 1;
	} else {
		for (size_t i = 0; i < n && i < 45; i++) {
			if (docm_key_starts(&L[i], "kinh gui"))
				break;
			/* "V/v …", "Về việc …", or "Về …" right under the number */
			if (docm_vv_line(&L[i]) || docm_key_starts(&L[i], "ve viec") ||
			    (i > 0 && docm_key_starts(&L[i], "ve") && docm_number_label(L[i - 1].text))) {
				from = i;
				dm->vv = 1;
				break;
			}
		}
	}
	int caps = -1;
	size_t last = n;
	if (dm->type && dm->title_off) {
		from = dm->type_at;
		last = running_title(dc, dm);
	}
	for (size_t i = from; !dm->title_off && i < n && i < from + 7; i++) {
		if (title->len && last < n && (para_gap(dc, &L[last], &L[i]) || closed(title)))
			break;
		if (title->len && !open_end(title) && (title_stop(&L[i]) || docm_key_starts(&L[i], "kinh gui")))
			break;
		if (!title->len && i > from && title_stop(&L[i]))
			break;
		/* the number's line, not a title's line that starts with "SƠ" ("… QUY ĐỊNH HỒ" / "SƠ, …") */
		if (place_date_line(&L[i]) && !title->len)
			continue; /* read above the title (the right column of a scan's layout) */
		if (strstr(L[i].key, ", ngay ") || place_date_line(&L[i]) || docm_number_label(L[i].text) ||
		    (docm_key_starts(&L[i], "so") && L[i].letters <= 3))
			break;
		if (caps == 1 && dm->type && subject_line(&L[i])) {
			/* "CHỈ THỊ", a line in capitals, then "Về việc …": the subject is the title, the
			 * line between is a stamp's or a seal's text read in its place */
			title->len = 0;
			title->data[0] = 0;
			caps = -1;
		}
		if (caps >= 0 && mostly_upper(&L[i]) != caps && L[i].letters >= 4)
			break;
		if (speck_line(L[i].text) || date_tail_line(&L[i]))
			continue;
		if (L[i].letters >= 4 && caps < 0)
			caps = mostly_upper(&L[i]);
		size_t sb, se;
		if (docm_sender(&L[i], &sb, &se)) {
			/* "… XUẤT KHẨU THỦ TƯỚNG CHÍNH PHỦ điện:" (a line run together): the title ends
			 * before the sender */
			char *head = malloc(sb + 1);
			if (head) {
				snprintf(head, sb + 1, "%s", L[i].text);
				title_add(title, head);
				free(head);
			}
			break;
		}
		title_add(title, L[i].text);
		last = i;
	}
	title_unmark(title);
	title_cut(title);
	if (from < n && last < n && docm_line_ocr(dc, &L[from]))
		title_by_body(dc, last + 1, title);
	if (from < n && docm_line_ocr(dc, &L[from])) {
		opener_apart(title);
		title_lookalikes(title);
	}
	subject_opener(title);
	if (dm->vv && from < n && docm_vv_line(&L[from]))
		vv_opener(title);
	if (title->len && from < n && docm_line_ocr(dc, &L[from]) && misread_word(title->data)) {
		sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: title '%s' left out: a word of it is misread",
			  dc->name, title->data);
		title->len = 0;
		title->data[0] = 0;
	}
	/* a title is words: mostly marks and digits is what specks made */
	int letters, digits, others;
	count_marks(title->data ? title->data : "", &letters, &digits, &others);
	if (title->len && letters < 2 * (digits + others)) {
		title->len = 0;
		title->data[0] = 0;
	}
}

/* ---- places in the title ---- */

void docm_title_places(const doc_ctx *dc, doc_meta *dm)
{
	int p = docf_province_at_end(dm->place);
	for (int h = dm->nhead - 1; h >= 0 && p < 0; h--)
		p = docf_province_at_end(dm->head[h]);
	char *w[TITLE_MAXW];
	int n = 0;
	if (p < 0 || !dm->title.len || !docf_words(dm->title.data, w, TITLE_MAXW, &n))
		return;
	sohoa_buf fixed = {0};
	int changed = 0;
	for (int i = 0; i < n; i++) {
		sohoa_buf ph = {0};
		int k = docf_province_words(&ph, w + i, n - i, p);
		sohoa_buf_puts(&fixed, i ? " " : "");
		if (k && ph.data) {
			sohoa_buf was = {0};
			for (int j = i; j < i + k; j++) {
				sohoa_buf_puts(&was, j > i ? " " : "");
				sohoa_buf_puts(&was, w[j]);
			}
			sohoa_log(dc->ctx, SOHOA_LOG_INFO, "%s: documents: title words '%s' read as '%s', the province of "
				  "the document", dc->name, was.data ? was.data : "", ph.data);
			sohoa_buf_free(&was);
			sohoa_buf_puts(&fixed, ph.data);
			i += k - 1;
			changed = 1;
		} else {
			sohoa_buf_puts(&fixed, w[i]);
		}
		sohoa_buf_free(&ph);
	}
	free(w[0]);
	if (changed && fixed.data) {
		sohoa_buf_free(&dm->title);
		dm->title = fixed;
	} else {
		sohoa_buf_free(&fixed);
	}
}

/* ---- type by rule ---- */

/* The type from the number's code ("…/QĐ-UBND": Quyết định, "…/NQLT-…": Nghị quyết liên tịch;
 * a code of a type slot or of a type line) when no type line says it and no
 * "kèm theo" line makes the document an annex of the numbered one; a letter
 * with a "V/v" subject or a number whose code names no type is a Công văn (Decree 30, appendix
 * III: công văn numbers carry only the issuer's and the drafting unit's abbreviations). */
void docm_type_by_rule(const line_key *L, size_t n, doc_meta *dm)
{
	if (dm->type)
		return;
	/* an annex "ban hành kèm theo Quyết định số …" carries its decision's number, not its type */
	for (size_t i = 0; i < n && i < 20; i++)
		if (strstr(L[i].key, "ban hanh kem theo") ||
		    !strncmp(L[i].key + strspn(L[i].key, " ("), "kem theo ", 9))
			return;
	if (dm->code) {
		char first[32];
		const char *c = dm->code;
		if (strspn(c, "0123456789") == 4 && c[4] == '/')
			c += 5;
		size_t fl = strcspn(c, "-/");
		snprintf(first, sizeof first, "%.*s", (int)fl, c);
		for (size_t t = 0; t < sohoa_ndoctypes; t++)
			if (sohoa_doctypes[t].name && sohoa_doctypes[t].code[0] && !strcmp(first, sohoa_doctypes[t].code) &&
			    (sohoa_doctypes[t].flags & (SOHOA_DOCTYPE_SLOT | SOHOA_DOCTYPE_HEADING))) {
				dm->type = sohoa_doctypes[t].name;
				return;
			}
		for (size_t t = 0; t < sohoa_ndoctypes; t++)
			if (sohoa_doctypes[t].code[0] && !strcmp(first, sohoa_doctypes[t].code))
				return; /* a code of no type of its own (an issuer's) */
	}
	if (dm->code || dm->vv)
		dm->type = "Công văn";
}
