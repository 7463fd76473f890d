/* documents-letterhead.c: the issuing bodies of the letterhead, the national motto beside them
 * taken out (the documents extractor's step). */
#include "documents-int.h"

#include "../core/govname.h"
#include "../core/viet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The national motto, word by word: letterheads print it beside the issuer, and reading order
 * often flattens the two columns into one line or breaks it anywhere. */
static const char *const motto_words[] = {"cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam", NULL};
static const char *const motto2_words[] = {"doc", "lap", "tu", "do", "hanh", "phuc", NULL};

/* ---- the motto ---- */

/* 2 if word w (one word of a line, any case and marks) is motto word m, 1 if it is one slip
 * from it ("HQI"), else 0. */
static int motto_word(const char *w, size_t n, const char *m)
{
	char sk[64];
	size_t sl = sohoa_gov_skeleton(w, n, sk, sizeof sk);
	size_t ml = strlen(m);
	if (!sl)
		return 0;
	if (!strcmp(sk, m))
		return 2;
	return ml >= 3 && sl >= 3 && sohoa_gov_distance(sk, m, 1) <= 1;
}

/* Line text t with the national motto's words taken out: runs of three motto words in order or
 * more, two at the motto's start or filling the line, and the words that go on with a run the
 * line above left open (*cont: the next motto word expected, or -1). *found is set when a run
 * was taken out. A new string (possibly empty). */
static char *motto_cut(const char *t, int *cont, int *found)
{
	size_t b[DOCF_MAXW], e[DOCF_MAXW];
	int n = docm_split_spans(t, b, e, DOCF_MAXW);
	char drop[DOCF_MAXW] = {0};
	int letters_words = 0, next = -1;
	for (int i = 0; i < n; i++)
		letters_words += docm_has_letter(t + b[i], e[i] - b[i]);
	const char *const *seqs[2] = {motto_words, motto2_words};
	for (int i = 0; i < n;) {
		int best = 0, best_end = i, best_next = -1, best_start = -1, best_seq = 0, best_exact = 0;
		for (int q = 0; q < 2; q++)
			for (int j = 0; seqs[q][j]; j++) {
				int k = i, m = j, run = 0, exact = 0;
				while (k < n && seqs[q][m]) {
					if (!docm_has_letter(t + b[k], e[k] - b[k])) {
						k++;
						continue;
					}
					int mw = motto_word(t + b[k], e[k] - b[k], seqs[q][m]);
					if (!mw)
						break;
					exact += mw == 2;
					k++;
					m++;
					run++;
				}
				/* one slip in three words at most: prose ("được làm") is not the motto */
				if (run > best && exact * 3 >= run * 2) {
					best_exact = exact;
					best = run;
					best_end = k;
					best_start = j;
					best_next = seqs[q][m] ? m : -1;
					best_seq = q;
				}
			}
		int whole = best == letters_words;
		int cont_ok = i == 0 && *cont >= 0 && best >= 1 && best_start == *cont && best_seq == 0;
		if (best >= 3 || (best >= 2 && best_exact == best && (best_start == 0 || whole)) || cont_ok) {
			/* from the motto's first words on, the rest of the line is the motto's column */
			if (best_start == 0 && best_exact >= 2)
				best_end = n;
			for (int k = i; k < best_end; k++)
				drop[k] = 1;
			*found = 1;
			next = best_end == n && best_seq == 0 ? best_next : -1;
			i = best_end;
		} else {
			i++;
		}
	}
	*cont = next;
	sohoa_buf out = {0};
	for (int i = 0; i < n; i++) {
		if (drop[i])
			continue;
		if (out.len)
			sohoa_buf_puts(&out, " ");
		sohoa_buf_append(&out, t + b[i], e[i] - b[i]);
	}
	if (!out.data)
		return sohoa_strdup("");
	return out.data;
}

int docm_motto_line(const line_key *l)
{
	int cont = -1, found = 0;
	char *c = motto_cut(l->text, &cont, &found);
	free(c);
	return found;
}

/* The titles the Party's and the Youth Union's documents print where the state's carry the national
 * motto (right column, above the place and date): no issuer. */
static int org_motto(const line_key *l)
{
	static const char *const mottos[] = {"dang cong san viet nam", "doan tncs ho chi minh",
					     "doan thanh nien cong san ho chi minh", NULL};
	char *k = ex_clean(l->key, 0, l->keylen);
	int hit = 0;
	for (int m = 0; k && mottos[m] && !hit; m++)
		hit = !strcmp(k, mottos[m]);
	free(k);
	return hit;
}

/* Line i is the Party's or the Youth Union's title, whole or broken over two lines ("ĐẢNG CỘNG
 * SẢN" over "VIỆT NAM"). */
static int org_motto_at(const line_key *L, size_t n, size_t i)
{
	if (org_motto(&L[i]))
		return 1;
	for (int d = 0; d < 2; d++) {
		size_t a = d ? i : i - 1;
		if ((!d && i == 0) || (d && i + 1 >= n) || !L[a].upper || !L[a + 1].upper)
			continue;
		char *ka = ex_clean(L[a].key, 0, L[a].keylen), *kb = ex_clean(L[a + 1].key, 0, L[a + 1].keylen);
		if (ka && kb) {
			size_t len = strlen(ka) + strlen(kb) + 2;
			char *k = malloc(len);
			if (k) {
				snprintf(k, len, "%s %s", ka, kb);
				line_key joined = {k, k, strlen(k), NULL, 1, 0, 0};
				int hit = org_motto(&joined);
				free(k);
				if (hit) {
					free(ka);
					free(kb);
					return 1;
				}
			}
		}
		free(ka);
		free(kb);
	}
	return 0;
}

/* ---- no letterhead: the issuer named in the text ---- */

/* s in capitals, as a letterhead prints a name (the text writes it in sentence case, or all in
 * lowercase as a copied page does: "hội đồng nhân dân tỉnh phú thọ"). Frees s; a new string. */
static char *capitals(char *s)
{
	if (!s)
		return NULL;
	sohoa_buf out = {0};
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp, plain;
		int tone, up;
		size_t k = sohoa_utf8_decode(s + i, n - i, &cp);
		if (!k)
			k = 1, cp = (unsigned char)s[i];
		if (sohoa_viet_letter(cp, &plain, &tone, &up)) {
			uint32_t u = sohoa_viet_compose(plain, tone, 1);
			char enc[4];
			size_t el = u ? sohoa_utf8_encode(u, enc) : 0;
			if (el)
				sohoa_buf_append(&out, enc, el);
			else
				sohoa_buf_append(&out, s + i, k);
		} else {
			sohoa_buf_append(&out, s + i, k);
		}
		i += k;
	}
	free(s);
	return out.data;
}

/* Line i read as an issuer's name, the whole of s[0..len) (no sentence: no ',' ';' ':' in it),
 * after a signing role that names the body ("Bộ trưởng Bộ …" is the ministry's): a new string
 * (docf_issuer, capitals) or NULL. */
static char *issuer_of(const char *s, size_t len)
{
	static const char *const roles[] = {"bo truong ", "chu tich ", NULL};
	while (len && s[len - 1] == ' ')
		len--;
	char *c = sohoa_strndup(s, len);
	if (!c)
		return NULL;
	char *k = NULL, *v = NULL;
	size_t kl = 0, *km = NULL;
	if (!strpbrk(c, ",;:()\"") && !ex_key(c, strlen(c), &k, &kl, &km)) {
		size_t at = 0;
		for (int r = 0; roles[r]; r++)
			if (!strncmp(k, roles[r], strlen(roles[r])) && kl > strlen(roles[r]))
				at = km[strlen(roles[r])];
		v = capitals(docf_issuer(c + at));
		/* the text prints the name whole: a name reached by a correction ("Quy định" read as
		 * "QUỸ …") is no name the text gives */
		sohoa_buf a = {0}, b = {0};
		if (v && (sohoa_viet_key(c + at, strlen(c + at), &a) || sohoa_viet_key(v, strlen(v), &b) || !a.data ||
			  !b.data || strcmp(a.data, b.data))) {
			free(v);
			v = NULL;
		}
		sohoa_buf_free(&a);
		sohoa_buf_free(&b);
	}
	free(k);
	free(km);
	free(c);
	return v;
}

/* The issuer of a document with no letterhead, where its text names it: a line under the type
 * line that is only an authority's name ("Hội đồng nhân dân tỉnh Phú Thọ", "Bộ trưởng Bộ Tư
 * pháp"), else a body's name opening the sentence that gives notice ("Văn phòng Chính phủ xin
 * thông báo …", a Thông báo's formula). Only names the closed lists know (docf_issuer). */
static char *issuer_in_text(const doc_ctx *dc, const doc_meta *dm)
{
	const line_key *L = dc->L;
	for (size_t i = dm->type_at + 1; dm->type_at < dc->n && i < dc->n && i <= dm->type_at + 2; i++) {
		if (L[i].upper || docm_key_starts(&L[i], "can cu"))
			break;
		if (dm->title.data && strstr(dm->title.data, L[i].text))
			continue; /* the title's line */
		char *v = issuer_of(L[i].text, strlen(L[i].text));
		if (v)
			return v;
	}
	for (size_t i = 0; i < dc->n; i++) {
		const char *x = strstr(L[i].key, " xin thong bao");
		if (!x || x == L[i].key)
			continue;
		size_t at = L[i].kmap[x - L[i].key];
		char *v = issuer_of(L[i].text, at);
		if (v)
			return v;
	}
	return NULL;
}

/* ---- letterhead ---- */

/* The letterhead: the lines in capitals around the number, motto (the state's, the Party's, the
 * Youth Union's) and date lines (or, without them, the first 20 lines before the type line), the
 * motto taken out. Each body starts with a
 * head word (core/govname.h: "ỦY BAN NHÂN DÂN", "SỞ", "TRƯỜNG") and takes the lines under it
 * that start with none ("TỈNH PHÚ THỌ"); a line starting with a dash joins the body above as a
 * co-issuer ("– TẠP CHÍ GIÁO DỤC"). Each body is checked (docf_issuer): NULL where it is no
 * valid name. */
sohoa_status docm_read_letterhead(doc_ctx *dc, doc_meta *dm)
{
	const line_key *L = dc->L;
	size_t n = dc->n;
	size_t anchor = n, stop = dm->type_at < n ? dm->type_at : n;
	int cont = -1;
	for (size_t i = 0; i < n && i < 60 && anchor == n; i++) {
		int found = 0;
		char *c = motto_cut(L[i].text, &cont, &found);
		free(c);
		size_t label_at;
		if (found || org_motto_at(L, n, i) || docm_number_label(L[i].text) || strstr(L[i].key, ", ngay") ||
		    docm_number_label_after_head(L[i].text, &label_at))
			anchor = i;
	}
	size_t from = 0, to = stop < 20 ? stop : 20;
	if (anchor == n) /* no number, motto or date: a letterhead is above the first sentence */
		for (size_t i = 0; i < to; i++)
			if (!L[i].upper && L[i].letters >= 12) {
				to = i;
				break;
			}
	if (anchor < n) {
		from = anchor > 10 ? anchor - 10 : 0;
		to = anchor + 10 < stop ? anchor + 10 : stop;
	}
	/* the words of the caps lines, with the line each starts */
	char *words[DOCF_MAXW * 2];
	int nw = 0, starts[DOCF_MAXW * 2], dashes[DOCF_MAXW * 2];
	char *copies[32];
	int ncopies = 0;
	cont = -1;
	for (size_t i = from; i < to && ncopies < 32; i++) {
		/* the subject, the body, or a type line (one past the first 40 lines, under a web
		 * page's header: "CÔNG ĐIỆN" is no part of the body above) ends the letterhead */
		if (i > anchor && (docm_vv_line(&L[i]) || docm_key_starts(&L[i], "ve viec") ||
				   docm_key_starts(&L[i], "kinh gui") || docm_key_starts_any(&L[i], docm_body_cues) ||
				   docm_type_line(&L[i])))
			break;
		int found = 0;
		size_t label_at = 0;
		char *c = NULL;
		if (docm_number_label_after_head(L[i].text, &label_at)) {
			/* "CHÍNH PHỦ Số: 170/2025/NĐ-CP | …": the name before the number */
			c = sohoa_strdup(L[i].text);
			if (c)
				c[label_at] = 0;
		} else {
			c = motto_cut(L[i].text, &cont, &found);
		}
		if (!c)
			return sohoa_error(dc->ctx, SOHOA_ERR_NOMEM, "out of memory");
		int lower = 0, letters = docm_count_case(c, &lower);
		if (docm_number_label(L[i].text) || (!label_at && strstr(L[i].key, ", ngay")) || letters < 2 || lower || strpbrk(c, "/:@") ||
		    org_motto_at(L, n, i)) {
			free(c);
			continue;
		}
		copies[ncopies++] = c;
		char *w[DOCF_MAXW];
		int k = 0;
		char *p = c;
		while (*p && k < DOCF_MAXW) {
			while (*p == ' ')
				*p++ = 0;
			if (!*p)
				break;
			w[k++] = p;
			while (*p && *p != ' ')
				p++;
		}
		int dash = 0;
		for (int j = 0; j < k && nw < DOCF_MAXW * 2; j++) {
			if (j == 0 && (!strcmp(w[0], "-") || !strcmp(w[0], "\xe2\x80\x93") || !strcmp(w[0], "\xe2\x80\x94"))) {
				dash = 1;
				continue;
			}
			starts[nw] = j == dash;
			dashes[nw] = j == dash && dash;
			words[nw++] = w[j];
		}
	}
	/* bodies: a head at a line start opens one */
	sohoa_buf body = {0};
	int open = 0, joint = 0, head_end = 0;
	for (int t = 0; t <= nw; t++) {
		int used = 0, h = -1;
		if (t < nw && starts[t] && t >= head_end)
			h = docf_head(words + t, nw - t, &used);
		if (h >= 0)
			head_end = t + used;
		if (t == nw || h >= 0) {
			if (open && body.data) {
				char *v = docf_issuer(body.data);
				if (joint && dm->nhead > 0 && dm->head[dm->nhead - 1] && v) {
					size_t ln = strlen(dm->head[dm->nhead - 1]) + strlen(v) + 8;
					char *j = malloc(ln);
					if (j)
						snprintf(j, ln, "%s \xe2\x80\x93 %s", dm->head[dm->nhead - 1], v);
					free(dm->head[dm->nhead - 1]);
					free(v);
					dm->head[dm->nhead - 1] = j;
				} else if (dm->nhead < 4) {
					if (!v)
						sohoa_log(dc->ctx, SOHOA_LOG_INFO, "%s: documents: letterhead '%s' is no "
							  "issuer's name", dc->name, body.data);
					dm->head[dm->nhead++] = v;
				} else {
					free(v);
				}
			}
			body.len = 0;
			if (body.data)
				body.data[0] = 0;
			open = h >= 0;
			joint = t < nw && dashes[t];
		}
		if (t < nw && open) {
			if (body.len)
				sohoa_buf_puts(&body, " ");
			sohoa_buf_puts(&body, words[t]);
		}
	}
	sohoa_buf_free(&body);
	for (int c = 0; c < ncopies; c++)
		free(copies[c]);
	/* no letterhead: a telegram's sender ("THỦ TƯỚNG CHÍNH PHỦ điện:") issues it */
	for (size_t i = 0; i < n && i < 20 && !dm->nhead; i++) {
		size_t sb, se;
		if (!docm_sender(&L[i], &sb, &se))
			continue;
		char *name = malloc(se - sb + 1);
		if (!name)
			return sohoa_error(dc->ctx, SOHOA_ERR_NOMEM, "out of memory");
		snprintf(name, se - sb + 1, "%s", L[i].text + sb);
		char *v = docf_issuer(name);
		free(name);
		if (v)
			dm->head[dm->nhead++] = v;
		break;
	}
	/* no letterhead and no signature block (whose "TM." body would name the issuer) */
	if (!dm->nhead && docm_signature_line(dc, dm->type_at) >= n) {
		char *v = issuer_in_text(dc, dm);
		if (v)
			dm->head[dm->nhead++] = v;
	}
	return SOHOA_OK;
}
