/* documents-title.c: the type line, the title under it, and the type read from the number's
 * code when no type line says it (the documents extractor's steps). */
#include "documents-int.h"

#include "../core/doctype.h"

#include <stdlib.h>
#include <string.h>

/* Words that start the body after the title. */
const char *const docm_body_cues[] = {"can cu", "kinh gui", "xet", "nham", "theo ket qua",
					"thuc hien ke hoach", "thuc hien quyet dinh", "thuc hien nghi quyet",
					"thuc hien chi thi", "thuc hien cong van", "thuc hien van ban", NULL};

/* ---- type and title ---- */

/* The type line: a line in capitals that is only a type word, in the first 40 lines. */
void docm_find_type(const line_key *L, size_t n, doc_meta *dm)
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

/* A line that names the body or the official who issues the document ("ỦY BAN NHÂN DÂN THÀNH
 * PHỐ CẦN THƠ", "BỘ TRƯỞNG BỘ Y TẾ" between a decision's title and its grounds). */
static int authority_line(const line_key *l)
{
	if (!l->upper)
		return 0;
	char *w[DOCF_MAXW];
	int n = 0, used = 0, hit = 0;
	if (docf_words(l->text, w, DOCF_MAXW, &n)) {
		hit = docf_head(w, n, &used) >= 0 && used >= 2;
		free(w[0]);
	}
	static const char *const official[] = {"chu tich", "bo truong", "thu tuong", "giam doc", "hieu truong",
					       "truong ban", "cuc truong", "tong cuc truong", "vien truong", NULL};
	return hit || docm_key_starts_any(l, official);
}

/* A line where a title stops: the body's cues, a bullet, a parenthesis, a Roman heading, the
 * authority line, "Kính gửi". */
static int title_stop(const line_key *l)
{
	const char *p = l->text + strspn(l->text, " ");
	if (docm_key_starts_any(l, docm_body_cues) || strchr("-+", p[0]) || l->key[strspn(l->key, " ")] == '(')
		return 1;
	if ((p[0] == 'I' || p[0] == 'V') && strchr(". ", p[strspn(p, "IVX")]) && l->upper)
		return 1;
	return authority_line(l);
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
		while (cut > 0 && title->data[cut - 1] == ' ')
			cut--;
		title->len = cut;
		title->data[cut] = 0;
	}
	free(k);
	free(km);
}

/* The title: the lines under the type line until the body starts (title_stop), or until the
 * case changes (a title in capitals ends where the body's sentence case begins, and the other
 * way round); without a type line, a "V/v" or "Về việc" subject and its lines. */
void docm_find_title(const line_key *L, size_t n, doc_meta *dm)
{
	sohoa_buf *title = &dm->title;
	size_t from = n;
	if (dm->type) {
		from = dm->type_at + 1;
	} else {
		for (size_t i = 0; i < n && i < 45; i++) {
			if (docm_key_starts(&L[i], "kinh gui"))
				break;
			/* "V/v …", "Về việc …", or "Về …" right under the number */
			if (docm_key_starts(&L[i], "v/v") || docm_key_starts(&L[i], "ve viec") ||
			    (i > 0 && docm_key_starts(&L[i], "ve") && docm_number_label(L[i - 1].text))) {
				from = i;
				dm->vv = 1;
				break;
			}
		}
	}
	int caps = -1;
	for (size_t i = from; i < n && i < from + 7; i++) {
		if (title->len && (title_stop(&L[i]) || docm_key_starts(&L[i], "kinh gui")))
			break;
		if (!title->len && i > from && title_stop(&L[i]))
			break;
		if (strstr(L[i].key, ", ngay ") || docm_key_starts(&L[i], "so"))
			break;
		if (caps >= 0 && L[i].upper != caps && L[i].letters >= 4)
			break;
		if (L[i].letters >= 4 && caps < 0)
			caps = L[i].upper;
		title_add(title, L[i].text);
	}
	title_cut(title);
}

/* ---- type by rule ---- */

/* The type from the number's code ("…/QĐ-UBND": Quyết định) when no type line says it; a letter
 * with a "V/v" subject or a number whose code names no type is a Công văn (Decree 30, appendix
 * III: công văn numbers carry only the issuer's and the drafting unit's abbreviations). */
void docm_type_by_rule(doc_meta *dm)
{
	if (dm->type)
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
			    (sohoa_doctypes[t].flags & SOHOA_DOCTYPE_SLOT)) {
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
