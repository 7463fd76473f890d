/* schemes-bands: classification bands of a scheme ("Loại tốt: đạt từ 85 điểm đến dưới 95 điểm")
 * and the sections whose statements classify. */
#include "schemes-int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Words of a heading or label that make its section a classification, or a pass mark's
 * ("Điều 10. Xác định người trúng tuyển", "Điều 9. Công nhận hoàn thành chương trình"). */
static const char *const band_context[] = {"xep loai", "phan loai", "xep hang", "loai tot", "loai kha",
					   "hoan thanh xuat sac", "hoan thanh tot", "khong hoan thanh",
					   "hoan thanh nhiem vu", "muc xep", "trung tuyen", "cong nhan hoan thanh",
					   "dieu kien hoan thanh", NULL};
/* Band labels: a label made of one of these ("Tốt:", "Chưa đạt:") or starting with one of the
 * next ("Loại tốt:", "Hoàn thành xuất sắc:", "loại I là", "Hạng 1:"). */
static const char *const band_names[] = {"tot", "kha", "dat", "chua dat", "trung binh", "yeu", "kem", "xuat sac",
					 "gioi", NULL};
static const char *const band_heads[] = {"loai", "hoan thanh", "khong hoan thanh", "xep loai", "muc xep loai",
					 "hang", "muc hoan thanh", "dat yeu cau", "khong dat yeu cau", "chua dat yeu cau",
					 NULL};

/* 1 when key[b..e) is a band's label. */
static int band_label(const char *key, size_t b, size_t e)
{
	while (b < e && strchr(" -+*", key[b])) /* a bullet "- Xuất sắc:" */
		b++;
	while (e > b && strchr(" :", key[e - 1]))
		e--;
	for (int i = 0; band_names[i]; i++)
		if (e - b == strlen(band_names[i]) && !strncmp(key + b, band_names[i], e - b))
			return 1;
	return ex_starts_any(key, e, b, band_heads);
}

/* The label of band statement sm (scheme_label_span), past an article number it opens with when
 * the outline did not take it ("Điều 3. Xếp loại: từ 90 điểm trở lên …" -> "Xếp loại"). */
static int band_label_span(const ex_stmt *sm, size_t *b, size_t *e)
{
	if (!scheme_label_span(sm, 1, b, e))
		return 0;
	const char *key = sm->key;
	size_t p = *b;
	if (!ex_word_at(key, *e, p, "dieu"))
		return 1;
	p = ex_skip_sp(key, p + 4, *e);
	if (p >= *e || !isdigit((unsigned char)key[p]))
		return 1;
	while (p < *e && isdigit((unsigned char)key[p]))
		p++;
	if (p < *e && key[p] == '.')
		p++;
	p = ex_skip_sp(key, p, *e);
	if (p < *e)
		*b = p;
	return 1;
}

/* A pass or fail named right at a band's figure (at, in its clause from cb): "đạt từ 5 điểm trở
 * lên" -> "đạt", "không đạt nếu dưới 5 điểm" -> "không đạt" ("chưa đạt" likewise); NULL when
 * none. */
static char *pass_fail_at(const ex_stmt *sm, size_t cb, size_t at)
{
	const char *key = sm->key;
	size_t p = at, wb;
	while (p > cb && key[p - 1] == ' ')
		p--;
	if (ex_ends_with(key, cb, p, "neu", &wb) || ex_ends_with(key, cb, p, "khi", &wb))
		for (p = wb; p > cb && key[p - 1] == ' ';)
			p--;
	if (ex_ends_with(key, cb, p, "khong dat", &wb) || ex_ends_with(key, cb, p, "chua dat", &wb))
		return scheme_text_of(sm, wb, p);
	if (ex_word_at(key, sm->keylen, at, "dat") && !ex_ends_with(key, cb, p, "khong", &wb) &&
	    !ex_ends_with(key, cb, p, "chua", &wb))
		return scheme_text_of(sm, at, at + 3);
	return NULL;
}

/* 1 when statement sm sets a fail mark: "không đạt" or "chưa đạt" (through "nếu", "khi") right
 * before "dưới N điểm". */
static int sets_fail_mark(const ex_stmt *sm)
{
	const char *key = sm->key;
	for (size_t i = 0; i + 8 < sm->keylen; i++) {
		size_t p;
		if (ex_word_at(key, sm->keylen, i, "khong dat"))
			p = i + 9;
		else if (ex_word_at(key, sm->keylen, i, "chua dat"))
			p = i + 8;
		else
			continue;
		p = ex_skip_sp(key, p, sm->keylen);
		if (ex_word_at(key, sm->keylen, p, "neu") || ex_word_at(key, sm->keylen, p, "khi"))
			p = ex_skip_sp(key, p + 3, sm->keylen);
		if (ex_word_at(key, sm->keylen, p, "duoi")) {
			p = ex_skip_sp(key, p + 4, sm->keylen);
			while (p < sm->keylen && (isdigit((unsigned char)key[p]) || key[p] == ','))
				p++;
			if (ex_word_at(key, sm->keylen, ex_skip_sp(key, p, sm->keylen), "diem"))
				return 1;
		}
	}
	return 0;
}

/* 1 when statement sm sets a pass mark: "N điểm trở lên" and, after it in the sentence, what
 * reaching it qualifies for ("… từ 70 điểm trở lên mới đủ điều kiện để được xét …"). */
static int sets_pass_mark(const ex_stmt *sm)
{
	static const char *const qualifies[] = {"du dieu kien", "moi duoc", "thi duoc cong nhan", NULL};
	const char *key = sm->key, *p = key;
	while ((p = strstr(p, "diem tro len")) != NULL) {
		size_t at = (size_t)(p - key), se = ex_sentence_end(key, sm->keylen, at);
		if (ex_has_any(key, at + 12, se, qualifies))
			return 1;
		p += 12;
	}
	return 0;
}

/* 1 when statement s is labelled as a band ("Loại tốt: …"), sets a fail or pass mark, or the
 * titles above it (two levels) name a classification ("Điều 6. Xếp loại hằng năm", not "Kết quả
 * xếp loại"). */
static int in_band_context(const ex_doc *ed, size_t s)
{
	const ex_stmt *sm = &ed->stmts[s];
	size_t lb, le;
	if ((band_label_span(sm, &lb, &le) && band_label(sm->key, lb, le)) || sets_fail_mark(sm) ||
	    sets_pass_mark(sm))
		return 1;
	size_t t = scheme_title_before(ed, s);
	for (int up = 0; up < 2 && t != EX_NONE; up++) {
		const ex_stmt *ts = &ed->stmts[t];
		size_t e = ts->keylen < 200 ? ts->keylen : 200;
		if (ex_has_any(ts->key, 0, e, band_context) && !ex_has_word(ts->key, 0, e, "ket qua"))
			return 1;
		t = scheme_title_before(ed, t);
	}
	return 0;
}

/* The class a band statement puts units in, named in its words: "… được phân loại II khi …",
 * "… thì được xếp loại Hoàn thành tốt." -> "loại II", "loại Hoàn thành tốt"; NULL when none. */
static char *class_named(const ex_stmt *sm)
{
	static const char *const stops[] = {"khi", "neu", "thi", "va", "trong", "theo", "tai", "co", NULL};
	const char *key = sm->key;
	for (size_t i = 0; i + 4 < sm->keylen; i++) {
		if (!(i == 0 || key[i - 1] == ' ') ||
		    !(ex_word_at(key, sm->keylen, i, "phan loai") || ex_word_at(key, sm->keylen, i, "xep loai")))
			continue;
		size_t b = i + 4, e = ex_skip_sp(key, i + 9, sm->keylen), words = 0;
		while (e < sm->keylen && words < 5 && !strchr(",.;:()", key[e]) && !ex_starts_any(key, sm->keylen, e, stops)) {
			while (e < sm->keylen && !strchr(" ,.;:()", key[e]))
				e++;
			words++;
			e = ex_skip_sp(key, e, sm->keylen);
		}
		while (e > b && key[e - 1] == ' ')
			e--;
		/* a class's name: a numeral or letter ("II", "A", "1"), a band name ("tốt", "đặc biệt") */
		size_t nb = ex_skip_sp(key, i + 9, e), ne = nb;
		while (ne < e && key[ne] != ' ')
			ne++;
		int roman = ne > nb && strspn(sm->text + sm->kmap[nb], "IVX") >= ne - nb;
		int named = roman || (ne - nb == 1 && isalnum((unsigned char)key[nb])) || isdigit((unsigned char)key[nb]) ||
			    ex_starts_any(key, e, nb, band_names) || ex_starts_any(key, e, nb, band_heads) ||
			    ex_word_at(key, e, nb, "dac biet");
		if (named && words >= 1 && words <= 4 && e > i + 9)
			return scheme_text_of(sm, b, e);
	}
	return NULL;
}

/* The class named right after a band's range in its clause ("từ 7 đến cận 8: đạt loại Khá;"):
 * "loại X" after ':' and "đạt", "xếp", "được xếp", up to the clause's end; NULL when none. */
static char *class_after(const ex_stmt *sm, size_t end, size_t ce)
{
	static const char *const verbs[] = {"duoc xep", "xep", "dat", NULL};
	const char *key = sm->key;
	size_t p = ex_skip_sp(key, end, ce);
	if (p < ce && key[p] == ':')
		p = ex_skip_sp(key, p + 1, ce);
	for (int v = 0; verbs[v]; v++)
		if (ex_word_at(key, ce, p, verbs[v])) {
			p = ex_skip_sp(key, p + strlen(verbs[v]), ce);
			break;
		}
	if (!ex_word_at(key, ce, p, "loai") || ex_words_in(key, p, ce) > 5)
		return NULL;
	return scheme_text_of(sm, p, ce);
}

/* The end of the clause (at ';' or the sentence's end) holding key offset at of sm. */
static size_t clause_end(const ex_stmt *sm, size_t at)
{
	size_t se = ex_sentence_end(sm->key, sm->keylen, at), e = at;
	while (e < se && sm->key[e] != ';')
		e++;
	return e;
}

/* in_band_context of statement s, read once. */
int scheme_band_context(sch_doc *sd, size_t s)
{
	if (!sd->info[s].bctx)
		sd->info[s].bctx = 1 + in_band_context(sd->ed, s);
	return sd->info[s].bctx == 2;
}

/* The band rows of statement s (in a classification): each clause's range of points, named by
 * the clause's or the statement's band label, else the title above. *is_band becomes 1 when the
 * statement states a band (all its figures are then conditions). */
sohoa_status scheme_bands(sohoa_ctx *ctx, sch_doc *sd, size_t s, int *is_band)
{
	const ex_doc *ed = sd->ed;
	const ex_stmt *sm = &ed->stmts[s];
	const char *key = sm->key;
	*is_band = 0;
	long g[10];
	size_t pos = scheme_body_start(sm);
	sohoa_status st = SOHOA_OK;
	size_t lb = 0, le = 0;
	int labelled = band_label_span(sm, &lb, &le) && band_label(key, lb, le);
	size_t named_in = sm->keylen; /* the sentence end of the last band that named its class */
	int pass_fail = sets_fail_mark(sm); /* "đạt từ 5 điểm trở lên, không đạt nếu dưới 5 điểm" */
	while (pos < sm->keylen && st == SOHOA_OK) {
		/* the first band figure from pos: a range, "N điểm trở lên", "dưới N điểm" */
		size_t at = sm->keylen, end = 0;
		double lo = 0, hi = 0;
		int has_lo = 0, has_hi = 0;
		if (ex_find(sd->range, sm, pos, g, 5) == 1) {
			/* a range without units needs "điểm" before it in its clause ("Tổng số điểm … từ 85 đến 100") */
			size_t cb = ex_clause_start(key, 0, (size_t)g[0]);
			int unit = memmem(key + g[0], (size_t)(g[1] - g[0]), "diem", 4) != NULL ||
				   ex_has_word(key, cb, (size_t)g[0], "diem");
			if (unit) {
				at = (size_t)g[0];
				end = (size_t)g[1];
				lo = ex_num_at(key, (size_t)g[4]);
				hi = ex_num_at(key, (size_t)g[8]);
				has_lo = has_hi = 1;
			}
		}
		/* "N điểm trở lên/xuống", or a bound without unit when its clause is about "điểm" ("Điểm
		 * bài kiểm tra … phải đạt từ 5 trở lên"): the earlier of the two */
		long ga[4];
		int above = 0;
		if (ex_find(sd->above, sm, pos, g, 2) == 1 && (size_t)g[0] < at) {
			memcpy(ga, g, sizeof ga);
			above = 1;
		}
		if (ex_find(sd->above_bare, sm, pos, g, 2) == 1 && (size_t)g[0] < (above ? (size_t)ga[0] : at) &&
		    ex_has_word(key, ex_clause_start(key, 0, (size_t)g[0]), (size_t)g[0], "diem")) {
			memcpy(ga, g, sizeof ga);
			above = 1;
		}
		if (above) {
			at = (size_t)ga[0];
			end = (size_t)ga[1];
			lo = ex_num_at(key, (size_t)ga[2]);
			has_lo = 1;
			has_hi = 0;
			if (memmem(key + ga[0], (size_t)(ga[1] - ga[0]), "tro xuong", 9)) {
				hi = lo;
				has_hi = 1;
				has_lo = 0;
			}
		}
		if (ex_find(sd->below, sm, pos, g, 3) == 1 && (size_t)g[0] < at && key[g[2]] == 'd') {
			at = (size_t)g[0];
			end = (size_t)g[1];
			hi = ex_num_at(key, (size_t)g[4]);
			has_hi = 1;
			has_lo = 0;
		}
		if (at >= sm->keylen)
			break;
		/* "không có tiêu chí nào … chấm 0 điểm" is a condition, not a band */
		size_t cb = ex_clause_start(key, 0, at);
		if (ex_has_word(key, cb, at, "khong co") && ex_has_word(key, cb, at, "nao")) {
			pos = end;
			continue;
		}
		size_t ke = clause_end(sm, end);
		size_t ce = ex_sentence_end(key, sm->keylen, at);
		char *name = class_after(sm, end, ke);
		int passfail = 0;
		if (!name && pass_fail && (name = pass_fail_at(sm, ex_sentence_start(key, at), at)) != NULL)
			passfail = 1;
		size_t cs = s, xb, xe;
		/* a clause opening with its class right before its range: "loại B từ 70 điểm đến dưới 90
		 * điểm" after "Xếp loại: loại A từ 90 điểm trở lên;" */
		size_t cb0 = ex_skip_sp(key, cb, at);
		if (!name && at > cb0 && ex_words_in(key, cb0, at) <= 4 && ex_word_at(key, at, cb0, "loai") &&
		    band_label(key, cb0, at))
			name = scheme_text_of(sm, cb0, at);
		int own_class = name != NULL;
		if (!own_class && named_in < sm->keylen && ce == named_in) {
			pos = ce; /* after a named band, a figure naming none is its condition */
			continue;
		}
		/* the clause's own label ("loại II: …", "loại II là …") else the statement's, else the title's */
		size_t clb = cb, cle = at;
		while (clb < cle && key[clb] == ' ')
			clb++;
		size_t j = clb;
		while (j < cle && key[j] != ':' && !ex_word_at(key, cle, j, "la"))
			j++;
		if (name)
			;
		else if (j < cle && j > clb && ex_words_in(key, clb, j) <= 6 && band_label(key, clb, j))
			name = scheme_text_of(sm, clb, j);
		else if (labelled)
			name = scheme_text_of(sm, lb, le);
		else if ((name = class_named(sm)) != NULL)
			;
		else if (scheme_label_span(sm, 1, &xb, &xe) && key[xe] == ':' && ex_words_in(key, xb, xe) <= 4 &&
			 ex_skip_sp(key, xe + 1, at) == at && !ex_has_word(key, xb, xe, "diem"))
			name = scheme_text_of(sm, xb, xe); /* "- Vững mạnh: từ 85 điểm trở lên" in a classification */
		else {
			size_t t = scheme_title_before(ed, s);
			if (t != EX_NONE) {
				const ex_stmt *ts = &ed->stmts[t];
				size_t tb = scheme_body_start(ts), te = tb;
				while (te < ts->keylen && !strchr(":;(", ts->key[te]) && !ex_sentence_dot(ts->key, ts->keylen, te))
					te++;
				name = scheme_text_of(ts, tb, te);
				cs = t;
			}
		}
		/* the condition: from the range to the end of its clause or sentence */
		char *cond = scheme_text_of(sm, at, passfail ? end : own_class ? ke : ce);
		double conf = labelled || name ? 0.9 : 0.75;
		st = scheme_emit(ctx, sd, s, at, EX_SCH_BAND, has_hi ? &hi : NULL, has_lo ? &lo : NULL,
			  name ? name : sohoa_strdup(""), cs, cond, conf);
		*is_band = 1;
		/* one band per sentence, or per clause when each names its class at its range */
		if (own_class)
			named_in = ce;
		pos = passfail ? end : own_class && ke < ce ? ke + 1 : ce > end ? ce : end;
	}
	return st;
}
