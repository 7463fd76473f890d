/* schemes-pctbands.c: classification bands in percentages, "Xếp loại Tốt: Có chỉ số chung đạt
 * từ 80% trở lên", "Xếp loại Khá: … từ 65% đến dưới 80%", "Xếp loại Kém: … dưới 50%", "Mức TỐT
 * tương ứng với kết quả … đạt từ 80% - dưới 90%": a band whose bounds are a share of the maximum
 * rather than points. */
#include "schemes-int.h"
#include "../core/viet.h"

#include <stdlib.h>
#include <string.h>

/* The number and '%' at key offset p: its value and the end of the '%'; 0 when none. */
static int pct_at(const char *k, size_t kl, size_t p, double *v, size_t *end)
{
	size_t used;
	if (p >= kl || !ex_parse_number(k + p, kl - p, v, &used))
		return 0;
	size_t e = ex_skip_sp(k, p + used, kl);
	if (e >= kl || k[e] != '%')
		return 0;
	*end = e + 1;
	return 1;
}

/* Without a colon, the end of a level's name at key offset nb: the word that ties it to its
 * condition ("Mức TỐT tương ứng với …", "Hạng A khi …"), within four words; 0 when none. */
static size_t level_name_end(const char *k, size_t kl, size_t nb)
{
	static const char *const ties[] = {"tuong ung", "khi", "neu", "la", "dat", "co", NULL};
	size_t p = nb;
	for (int w = 0; w < 5 && p < kl; w++) {
		if (p > nb && ex_starts_any(k, kl, p, ties)) {
			while (p > nb && k[p - 1] == ' ')
				p--;
			return p;
		}
		while (p < kl && k[p] != ' ')
			p++;
		p = ex_skip_sp(k, p, kl);
	}
	return 0;
}

/* 1 when key span [nb, ne) of st names a level: a band word ("tốt", "trung bình") or written in
 * capitals ("XUẤT SẮC", "A"), not a measure ("Mức hỗ trợ", "Mục 2"). */
static int level_name(const ex_stmt *st, size_t nb, size_t ne)
{
	static const char *const words[] = {"xuat sac", "tot", "kha", "trung binh", "yeu", "kem", "thap", "gioi",
					    "dat", "khong dat", "chua dat", NULL};
	for (int w = 0; words[w]; w++)
		if (ne - nb == strlen(words[w]) && !strncmp(st->key + nb, words[w], ne - nb))
			return 1;
	const char *t = st->text + st->kmap[nb], *te = st->text + st->kmap[ne];
	int letters = 0;
	while (t < te) {
		uint32_t cp, plain;
		int tone, upper;
		t += sohoa_utf8_decode(t, (size_t)(te - t), &cp);
		if (!sohoa_viet_letter(cp, &plain, &tone, &upper))
			continue;
		if (!upper)
			return 0;
		letters++;
	}
	return letters > 0;
}

sohoa_status scheme_pct_bands(sohoa_ctx *ctx, sch_doc *sd, size_t s)
{
	const ex_stmt *st = &sd->ed->stmts[s];
	const char *k = st->key;
	size_t kl = st->keylen, lb, le;
	if (sd->info[s].band || !strchr(k, '%') || strstr(k, "diem"))
		return SOHOA_OK;
	int colon = scheme_label_span(st, 0, &lb, &le);
	if (!colon)
		lb = scheme_body_start(st), le = kl;
	/* the label names a band: "Xếp loại Tốt", "Loại Khá", a level "Mức TỐT", "Hạng A" */
	while (lb < le && strchr("-+* ", k[lb]))
		lb++;
	size_t nb;
	int level = 0;
	if (ex_word_at(k, kl, lb, "xep loai"))
		nb = lb + 8;
	else if (ex_word_at(k, kl, lb, "loai"))
		nb = lb + 4;
	else if ((level = ex_word_at(k, kl, lb, "muc")))
		nb = lb + 3;
	else if ((level = ex_word_at(k, kl, lb, "hang")))
		nb = lb + 4;
	else
		return SOHOA_OK;
	nb = ex_skip_sp(k, nb, kl);
	if (!colon && !(le = level_name_end(k, kl, nb)))
		return SOHOA_OK;
	if (nb >= le || ex_words_in(k, nb, le) > 4 || (level && !level_name(st, nb, le)))
		return SOHOA_OK;
	/* one bound or a range, the body's only figures */
	size_t body = ex_skip_sp(k, colon ? le + 1 : le, kl), at = 0, end = 0;
	double lo = 0, hi = 0;
	int has_lo = 0, has_hi = 0, figures = 0;
	for (size_t p = body; p < kl; p++) {
		double v;
		size_t e;
		if (strchr(".;", k[p]) && ex_sentence_dot(k, kl, p))
			break; /* the band's sentence ends: what follows is not its condition */
		if ((p > body && k[p - 1] != ' ') || !pct_at(k, kl, p, &v, &e))
			continue;
		figures++;
		size_t before = p;
		while (before > body && k[before - 1] == ' ')
			before--;
		size_t wb;
		int below = ex_ends_with(k, body, before, "duoi", &wb);
		int from = ex_ends_with(k, body, before, "tu", &wb) || ex_ends_with(k, body, before, "tren", &wb);
		size_t after = ex_skip_sp(k, e, kl);
		if (below) {
			hi = v;
			has_hi = 1;
		} else if (from || ex_word_at(k, kl, after, "tro len")) {
			lo = v;
			has_lo = 1;
			if (ex_word_at(k, kl, after, "tro len"))
				e = after + 7;
		} else {
			return SOHOA_OK;
		}
		if (!at)
			at = p;
		end = e;
		p = e - 1; /* the loop steps on to e: a sentence end right after is seen */
	}
	if (!figures || figures > 2 || (figures == 2 && !(has_lo && has_hi)))
		return SOHOA_OK;
	char *name = scheme_text_of(st, nb, le), *cond = scheme_text_of(st, body, end);
	sohoa_status status = scheme_add_span(ctx, sd->out, s, body, end);
	if (status == SOHOA_OK)
		status = scheme_emit(ctx, sd, s, at, EX_SCH_BAND, has_hi ? &hi : NULL, has_lo ? &lo : NULL, name, s,
				     cond, 0.9);
	else {
		free(name);
		free(cond);
	}
	sd->info[s].band = 1;
	return status;
}
