/* schemes-pctbands.c: classification bands in percentages, "Xếp loại Tốt: Có chỉ số chung đạt
 * từ 80% trở lên", "Xếp loại Khá: … từ 65% đến dưới 80%", "Xếp loại Kém: … dưới 50%": a band whose
 * bounds are a share of the maximum rather than points. */
#include "schemes-int.h"

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

sohoa_status scheme_pct_bands(sohoa_ctx *ctx, sch_doc *sd, size_t s)
{
	const ex_stmt *st = &sd->ed->stmts[s];
	const char *k = st->key;
	size_t kl = st->keylen, lb, le;
	if (sd->info[s].band || !strchr(k, '%') || strstr(k, "diem") || !scheme_label_span(st, 0, &lb, &le))
		return SOHOA_OK;
	/* the label names a band: "Xếp loại Tốt", "Loại Khá" */
	while (lb < le && strchr("-+* ", k[lb]))
		lb++;
	size_t nb;
	if (ex_word_at(k, kl, lb, "xep loai"))
		nb = lb + 8;
	else if (ex_word_at(k, kl, lb, "loai"))
		nb = lb + 4;
	else
		return SOHOA_OK;
	nb = ex_skip_sp(k, nb, kl);
	if (nb >= le || ex_words_in(k, nb, le) > 4)
		return SOHOA_OK;
	/* one bound or a range, the body's only figures */
	size_t body = ex_skip_sp(k, le + 1, kl), at = 0, end = 0;
	double lo = 0, hi = 0;
	int has_lo = 0, has_hi = 0, figures = 0;
	for (size_t p = body; p < kl; p++) {
		double v;
		size_t e;
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
		p = e;
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
