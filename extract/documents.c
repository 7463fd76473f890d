/* documents.csv: one row per document — file, digest, pages, and what the letterhead, the type
 * line, the title and the signature block say. Empty where the document does not say. */
#include "extract-int.h"

#include "../core/doctype.h"
#include "../core/sha256.h"
#include "../core/viet.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {"doc", "source", "sha256", "pages", "type", "number", "issuer",
				      "parent_issuer", "place", "date", "title", "signer", "signer_role",
				      "ocr_pages", "restored", "mean_confidence", NULL};

/* Words that start the body after the title. */
static const char *const body_cues[] = {"can cu", "kinh gui", "xet", "nham", "theo ket qua",
					"thuc hien ke hoach", "thuc hien quyet dinh", "thuc hien nghi quyet",
					"thuc hien chi thi", "thuc hien cong van", "thuc hien van ban", NULL};
/* The national motto, cut off letterhead lines that share a line with it. */
static const char *const motto[] = {"cong hoa", "doc lap", NULL};
/* Signature prefixes ("KT. GIÁM ĐỐC") and role words of the signature block. */
static const char *const sign_prefix[] = {"kt.", "tm.", "tl.", "q.", "ktt", "tuq.", NULL};
static const char *const role_words[] = {"giam doc", "chu tich", "truong", "pho", "thu truong", "chanh",
					 "bi thu", "tong", "vien truong", "cuc truong", NULL};

typedef struct line_key {
	const char *text;
	char *key;
	size_t keylen, *kmap;
	int upper;        /* no lowercase letter */
	int letters;
	size_t idx;       /* tline index */
} line_key;

/* What the document says about itself, as the steps below find it. */
typedef struct doc_meta {
	const char *type;        /* from the types table */
	size_t type_at;          /* the type line (index into the line keys), or n */
	sohoa_buf title;
	char *head[4];           /* letterhead bodies, outermost first */
	int nhead;
	char *number, *place;
	char date[16];
	char *signer, *role, *sign_org;
} doc_meta;

static void meta_free(doc_meta *dm)
{
	sohoa_buf_free(&dm->title);
	for (int h = 0; h < dm->nhead; h++)
		free(dm->head[h]);
	free(dm->number);
	free(dm->place);
	free(dm->signer);
	free(dm->role);
	free(dm->sign_org);
}

/* The Vietnamese letters of s (sohoa_letters), *lower of them lowercase. */
static int count_case(const char *s, int *lower)
{
	size_t low = 0;
	int letters = (int)sohoa_letters(s, strlen(s), &low);
	*lower = (int)low;
	return letters;
}

static int key_starts(const line_key *l, const char *w)
{
	size_t i = 0;
	while (i < l->keylen && l->key[i] == ' ')
		i++;
	return ex_word_at(l->key, l->keylen, i, w) || (w[strlen(w) - 1] == '.' && !strncmp(l->key + i, w, strlen(w)));
}

static int key_starts_any(const line_key *l, const char *const *words)
{
	for (int w = 0; words[w]; w++)
		if (key_starts(l, words[w]))
			return 1;
	return 0;
}

/* A person's name: 2 to 5 words, each a capital then lowercase letters. */
static int is_name(const char *s)
{
	int words = 0;
	size_t n = strlen(s), i = 0;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		int first = 1;
		while (i < n && s[i] != ' ') {
			uint32_t cp, plain;
			int tone, upper;
			i += sohoa_utf8_decode(s + i, n - i, &cp);
			if (!sohoa_viet_letter(cp, &plain, &tone, &upper))
				return 0;
			if (first != upper)
				return 0;
			first = 0;
		}
		words++;
	}
	return words >= 2 && words <= 5;
}

/* A copy of a line with spaces collapsed (ex_clean). */
static char *clean_line(const char *s)
{
	return ex_clean(s, 0, strlen(s));
}

/* The lines that hold a letter or a digit, with their keys and letter case: *L (*n of them; the
 * caller frees with free_lines, also on error). */
static sohoa_status key_lines(sohoa_ctx *ctx, const sohoa_text *text, line_key **L, size_t *n)
{
	*n = 0;
	*L = calloc(text->nlines + 1, sizeof **L);
	if (!*L)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < text->nlines; i++) {
		const char *t = text->lines[i].text ? text->lines[i].text : "";
		line_key *l = &(*L)[*n];
		int lower = 0;
		l->letters = count_case(t, &lower);
		if (!l->letters && !strpbrk(t, "0123456789"))
			continue;
		l->text = t;
		l->upper = l->letters >= 2 && lower == 0;
		l->idx = i;
		if (ex_key(t, strlen(t), &l->key, &l->keylen, &l->kmap))
			return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		(*n)++;
	}
	return SOHOA_OK;
}

static void free_lines(line_key *L, size_t n)
{
	for (size_t i = 0; L && i < n; i++) {
		free(L[i].key);
		free(L[i].kmap);
	}
	free(L);
}

/* The type line: a line in capitals that is only a type word, in the first 40 lines. */
static void find_type(const line_key *L, size_t n, doc_meta *dm)
{
	const char *type = NULL;
	size_t type_at = n;
	for (size_t i = 0; i < n && i < 40 && !type; i++) {
		if (!L[i].upper)
			continue;
		char *k = ex_clean(L[i].key, 0, L[i].keylen);
		for (size_t t = 0; k && t < sohoa_ndoctypes; t++) /* core/doctype.c: the type lines */
			if ((sohoa_doctypes[t].flags & SOHOA_DOCTYPE_HEADING) && !strcmp(k, sohoa_doctypes[t].key)) {
				type = sohoa_doctypes[t].name;
				type_at = i;
			}
		free(k);
	}
	dm->type = type;
	dm->type_at = type_at;
}

/* The title: the lines under the type line until the body starts (a body cue, a bullet, a
 * parenthesis or a Roman heading in capitals); reflowed text may have run the title into the first
 * paragraph, so it is cut at a body cue. */
static void find_title(const line_key *L, size_t n, doc_meta *dm)
{
	sohoa_buf *title = &dm->title;
	if (dm->type) {
		for (size_t i = dm->type_at + 1; i < n && i < dm->type_at + 7; i++) {
			if (key_starts_any(&L[i], body_cues) || strchr("-+", L[i].text[strspn(L[i].text, " ")]) ||
			    L[i].key[strspn(L[i].key, " ")] == '(')
				break;
			/* a heading "I. MỤC ĐÍCH" ends the title */
			const char *p = L[i].text + strspn(L[i].text, " ");
			if ((p[0] == 'I' || p[0] == 'V') && strchr(". ", p[strspn(p, "IVX")]) && L[i].upper)
				break;
			if (title->len)
				sohoa_buf_puts(title, " ");
			char *c = clean_line(L[i].text);
			if (c)
				sohoa_buf_puts(title, c);
			free(c);
		}
	}
	if (!title->len)
		return;
	char *k = NULL;
	size_t kl = 0, *km = NULL;
	if (!ex_key(title->data, title->len, &k, &kl, &km)) {
		size_t cut = title->len;
		for (size_t i = 1; i < kl; i++)
			for (int c = 0; body_cues[c]; c++)
				if (k[i - 1] == ' ' && ex_word_at(k, kl, i, body_cues[c]) && km[i] < cut)
					cut = km[i];
		while (cut > 0 && title->data[cut - 1] == ' ')
			cut--;
		title->len = cut;
		title->data[cut] = 0;
	}
	free(k);
	free(km);
}

/* "Số: 209/BC-SYT" on line l: the number without spaces ("209 /BC-SYT" is joined), or NULL. */
static char *doc_number(const line_key *l)
{
	size_t ks = strspn(l->key, " ");
	if (strncmp(l->key + ks, "so", 2) || l->key[ks + 2 + strspn(l->key + ks + 2, " ")] != ':')
		return NULL;
	size_t b = ks + 2 + strspn(l->key + ks + 2, " ") + 1;
	b += strspn(l->key + b, " ");
	size_t e = b;
	/* tokens joined while they continue the number: "209 /BC-SYT" */
	while (e < l->keylen) {
		while (e < l->keylen && l->key[e] != ' ')
			e++;
		size_t nx = e + strspn(l->key + e, " ");
		if (nx < l->keylen && (l->key[nx] == '/' || l->key[e - 1] == '/' || l->key[e - 1] == '-') && e > b)
			e = nx;
		else
			break;
	}
	if (e <= b)
		return NULL;
	char *raw = ex_clean(l->text, l->kmap[b], l->kmap[e]);
	size_t w = 0;
	for (size_t k = 0; raw && raw[k]; k++)
		if (raw[k] != ' ')
			raw[w++] = raw[k];
	if (raw)
		raw[w] = 0;
	return raw;
}

/* "Lai Châu, ngày 26 tháng 5 năm 2025" on line l, ", ngày" at key offset at: the date into
 * dm->date (ISO, or "yyyy-mm" for "tháng 5 năm 2025") and the place, the capitalized words (not in
 * capitals: those are the letterhead's) just before. */
static void place_and_date(const line_key *l, size_t at, doc_meta *dm)
{
	int d = 0, m = 0, y = 0, len = 0;
	const char *p = l->key + at + 6;
	while (*p == ' ')
		p++;
	if (sscanf(p, "%d thang %d nam %d%n", &d, &m, &y, &len) == 3) {
		char iso[11];
		if (ex_date_dmy(d, m, y, iso))
			snprintf(dm->date, sizeof dm->date, "%s", iso);
	} else {
		while (*p == ' ')
			p++;
		if (sscanf(p, "thang %d nam %d", &m, &y) == 2 && m >= 1 && m <= 12)
			snprintf(dm->date, sizeof dm->date, "%04d-%02d", y, m);
	}
	size_t e = at, b = at;
	int words = 0;
	while (b > 0 && words < 4) {
		size_t we = b;
		while (we > 0 && l->key[we - 1] == ' ')
			we--;
		size_t wb = we;
		while (wb > 0 && l->key[wb - 1] != ' ')
			wb--;
		if (wb == we)
			break;
		uint32_t cp, plain;
		int tone, upper = 0;
		const char *ts = l->text + l->kmap[wb];
		sohoa_utf8_decode(ts, strlen(ts), &cp);
		if (!sohoa_viet_letter(cp, &plain, &tone, &upper) || !upper)
			break;
		/* a word in capitals belongs to the letterhead, not the place */
		int lower = 0;
		char w[64];
		snprintf(w, sizeof w, "%.*s", (int)(l->kmap[we] - l->kmap[wb]), ts);
		count_case(w, &lower);
		if (!lower)
			break;
		b = wb;
		words++;
	}
	if (b < e)
		dm->place = ex_clean(l->text, l->kmap[b], l->kmap[e]);
}

/* The words in capitals that start line l, the national motto cut off: a letterhead body of four
 * letters or more, or NULL. */
static char *letterhead_words(const line_key *l)
{
	size_t ks = strspn(l->key, " ");
	size_t e = ks;
	size_t cut = l->keylen;
	for (int m = 0; motto[m]; m++) {
		const char *p = strstr(l->key, motto[m]);
		if (p && (size_t)(p - l->key) < cut)
			cut = (size_t)(p - l->key);
	}
	while (e < cut) {
		size_t wb = e + strspn(l->key + e, " ");
		size_t we = wb;
		while (we < cut && l->key[we] != ' ')
			we++;
		if (we == wb)
			break;
		char w[96];
		snprintf(w, sizeof w, "%.*s", (int)(l->kmap[we] - l->kmap[wb]), l->text + l->kmap[wb]);
		int lower = 0;
		int letters = count_case(w, &lower);
		if (lower || !letters)
			break;
		e = we;
	}
	if (e <= ks)
		return NULL;
	char *h = ex_clean(l->text, l->kmap[ks], l->kmap[e]);
	if (h && strlen(h) >= 4 && count_case(h, &(int){0}) >= 4)
		return h;
	free(h);
	return NULL;
}

/* The lines before the type line (at most 20): the number, the place and date, and the letterhead
 * bodies in capitals. */
static void read_letterhead(const line_key *L, doc_meta *dm)
{
	for (size_t i = 0; i < dm->type_at && i < 20; i++) {
		const line_key *l = &L[i];
		if (!dm->number)
			dm->number = doc_number(l);
		const char *nd = strstr(l->key, ", ngay");
		if (nd && !dm->place) {
			place_and_date(l, (size_t)(nd - l->key), dm);
			continue;
		}
		if (!l->upper && dm->nhead == 0 && i > 3)
			continue;
		if (dm->nhead < 4) {
			char *h = letterhead_words(l);
			if (h)
				dm->head[dm->nhead++] = h;
		}
	}
}

/* The signature block: a prefix line ("KT. GIÁM ĐỐC") or a short role line ("GIÁM ĐỐC") in
 * capitals after the type line; the last such block with a name under it, else the last block;
 * n when there is none. A role line right under a prefix line belongs to that block. */
static size_t signature_line(const line_key *L, size_t n, size_t type_at)
{
	size_t sig = n, sig_named = n;
	for (size_t i = type_at < n ? type_at + 1 : 0; i < n; i++) {
		if (!L[i].upper || L[i].letters > 40)
			continue;
		int cand = key_starts_any(&L[i], sign_prefix);
		for (int r = 0; role_words[r] && !cand; r++)
			if (key_starts(&L[i], role_words[r]) && L[i].letters <= 16)
				cand = 1;
		if (!cand || (i > 0 && sig < n && i <= sig + 2 && L[i - 1].upper))
			continue;
		sig = i;
		for (size_t j = i + 1; j < n && j < i + 12; j++)
			if (is_name(L[j].text + strspn(L[j].text, " "))) {
				sig_named = i;
				break;
			}
	}
	return sig_named < n ? sig_named : sig;
}

/* The signer, role and (for "TM. ỦY BAN NHÂN DÂN", signing for the issuer) the body of the
 * signature block at line sig: the last line in capitals under it is the role, the first name the
 * signer. */
static void read_signature(const line_key *L, size_t n, size_t sig, doc_meta *dm)
{
	const char *t = L[sig].text + strspn(L[sig].text, " ");
	const char *dot = strchr(t, '.');
	int prefixed = key_starts_any(&L[sig], sign_prefix);
	if (prefixed && dot && key_starts(&L[sig], "tm."))
		dm->sign_org = clean_line(dot + 1);
	if (!prefixed)
		dm->role = clean_line(t);
	for (size_t i = sig + 1; i < n && i < sig + 12; i++) {
		if (L[i].upper && L[i].letters <= 40 && !dm->signer) {
			free(dm->role);
			dm->role = clean_line(L[i].text);
			continue;
		}
		char *c = clean_line(L[i].text);
		if (c && is_name(c)) {
			dm->signer = c;
			break;
		}
		free(c);
	}
}

/* "ỦY BAN NHÂN DÂN" / "TỈNH LAI CHÂU": a place on its own line completes the body above it. */
static void join_place_line(doc_meta *dm)
{
	if (dm->nhead < 2)
		return;
	char *k = NULL, **last = &dm->head[dm->nhead - 1], **above = &dm->head[dm->nhead - 2];
	size_t kl = 0, *km = NULL;
	if (!ex_key(*last, strlen(*last), &k, &kl, &km)) {
		static const char *const places[] = {"tinh", "huyen", "thanh pho", "xa", "phuong", "thi xa", "quan", NULL};
		int place_line = 0;
		for (int p = 0; places[p]; p++)
			if (ex_word_at(k, kl, 0, places[p]))
				place_line = 1;
		if (place_line) {
			size_t n1 = strlen(*above), n2 = strlen(*last);
			char *j = malloc(n1 + n2 + 2);
			if (j) {
				snprintf(j, n1 + n2 + 2, "%s %s", *above, *last);
				free(*above);
				free(*last);
				*above = j;
				dm->nhead--;
			}
		}
	}
	free(k);
	free(km);
}

/* The row: provenance (file, digest, pages), what the document says, and quality (OCR pages,
 * restored lines, mean OCR confidence rounded to 0.01). */
static sohoa_status write_row(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, const doc_meta *dm,
			      sohoa_buf *out)
{
	const char *issuer = dm->nhead ? dm->head[dm->nhead - 1] : dm->sign_org;
	const char *parent_issuer = dm->nhead >= 2 ? dm->head[dm->nhead - 2] : NULL;
	char hex[65] = "";
	if (doc && doc->path && strcmp(doc->path, "-") && sohoa_sha256_file(ctx, doc->path, hex) != SOHOA_OK) {
		hex[0] = 0;
		sohoa_clear_error(ctx);
	}
	int restored = 0;
	for (size_t i = 0; i < text->nlines; i++)
		restored += text->lines[i].restored != 0;
	double conf = 0;
	size_t nconf = 0;
	if (doc)
		for (size_t p = 0; p < doc->npages; p++)
			for (size_t j = 0; j < doc->pages[p].nlines; j++)
				if (doc->pages[p].lines[j].confidence >= 0) {
					conf += doc->pages[p].lines[j].confidence;
					nconf++;
				}
	ex_row row;
	ex_row_begin(&row, out);
	ex_field(&row, text->doc ? text->doc : doc ? doc->name : NULL);
	ex_field(&row, doc ? doc->path : NULL);
	ex_field(&row, hex);
	ex_field_int(&row, doc ? doc->page_count : 0, doc != NULL);
	ex_field(&row, dm->type);
	ex_field(&row, dm->number);
	ex_field(&row, issuer);
	ex_field(&row, parent_issuer);
	ex_field(&row, dm->place);
	ex_field(&row, dm->date);
	ex_field(&row, dm->title.data);
	ex_field(&row, dm->signer);
	ex_field(&row, dm->role);
	ex_field_int(&row, doc ? doc->ocr_pages : 0, doc != NULL);
	ex_field_int(&row, restored, 1);
	ex_field_num(&row, nconf ? (double)(long)(conf / (double)nconf * 100 + 0.5) / 100 : 0, nconf > 0);
	return ex_row_end(&row, ctx);
}

static sohoa_status run(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, sohoa_buf *out)
{
	line_key *L = NULL;
	size_t n = 0;
	sohoa_status st = key_lines(ctx, text, &L, &n);
	if (st == SOHOA_OK) {
		doc_meta dm = {0};
		find_type(L, n, &dm);
		find_title(L, n, &dm);
		read_letterhead(L, &dm);
		size_t sig = signature_line(L, n, dm.type_at);
		if (sig < n)
			read_signature(L, n, sig, &dm);
		join_place_line(&dm);
		st = write_row(ctx, doc, text, &dm, out);
		meta_free(&dm);
	}
	free_lines(L, n);
	return st;
}

const sohoa_extractor ex_documents = {"documents", columns, run};
