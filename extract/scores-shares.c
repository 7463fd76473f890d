/* scores-shares.c: shares of a count, "Có 11/15 đơn vị có kết quả đạt từ 80% trở lên, chiếm tỷ
 * lệ 73,33%": the percentage is a result, the rate of the counted things; the thresholds that
 * describe them (80%) are no figures of their own. */
#include "extract-int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The digits of a whole number at key offset p: its value and end, else 0. */
static int whole_at(const char *key, size_t keylen, size_t p, long *v, size_t *end)
{
	size_t e = p;
	while (e < keylen && isdigit((unsigned char)key[e]) && e - p < 7)
		e++;
	if (e == p || (e < keylen && isdigit((unsigned char)key[e])))
		return 0;
	*v = strtol(key + p, NULL, 10);
	*end = e;
	return 1;
}

/* The next share clause of statement st from key offset from: "có N/M <what>, chiếm (tỷ lệ) P%"
 * with P the share N/M makes (to its rounding). Sets the clause's span [*b, *e), the span of
 * <what> [*wb, *we), the key offset of P and P. 0 when there is none. */
static int next_share(const ex_stmt *st, size_t from, size_t *b, size_t *e, size_t *wb, size_t *we, size_t *at,
		      double *pct)
{
	const char *k = st->key;
	size_t kl = st->keylen;
	for (size_t p = from; p + 6 < kl; p++) {
		if (!ex_word_at(k, kl, p, "co"))
			continue;
		long n, m;
		size_t q = ex_skip_sp(k, p + 2, kl), ne, me;
		if (!whole_at(k, kl, q, &n, &ne) || ne >= kl || k[ne] != '/' || !whole_at(k, kl, ne + 1, &m, &me) ||
		    m <= 0 || n > m)
			continue;
		/* what is counted, up to the comma before "chiếm", in the same clause */
		size_t c = me;
		while (c < kl && !strchr(";.", k[c]) && !ex_word_at(k, kl, c, "chiem"))
			c++;
		if (c >= kl || !ex_word_at(k, kl, c, "chiem"))
			continue;
		size_t comma = c;
		while (comma > me && k[comma - 1] == ' ')
			comma--;
		if (comma == me || k[comma - 1] != ',')
			continue;
		size_t r = ex_skip_sp(k, c + 5, kl);
		if (ex_word_at(k, kl, r, "ty le"))
			r = ex_skip_sp(k, r + 5, kl);
		double v;
		size_t used;
		if (!ex_parse_number(k + r, kl - r, &v, &used))
			continue;
		size_t pe = ex_skip_sp(k, r + used, kl);
		if (pe >= kl || k[pe] != '%')
			continue;
		double want = 100.0 * (double)n / (double)m;
		if (v < want - 0.6 || v > want + 0.6)
			continue;
		*b = p;
		*e = pe + 1;
		*wb = ex_skip_sp(k, me, kl);
		*we = comma - 1;
		*at = r;
		*pct = v;
		return 1;
	}
	return 0;
}

int ex_shares_owns(const ex_doc *ed, size_t stmt, size_t keyoff)
{
	const ex_stmt *st = &ed->stmts[stmt];
	if (!strchr(st->key, '/'))
		return 0;
	size_t b, e, wb, we, at;
	double v;
	for (size_t from = 0; next_share(st, from, &b, &e, &wb, &we, &at, &v); from = e)
		if (keyoff >= b && keyoff < e)
			return 1;
	return 0;
}

sohoa_status ex_shares_scores(sohoa_ctx *ctx, const ex_doc *ed, size_t stmt, sohoa_buf *out)
{
	const ex_stmt *st = &ed->stmts[stmt];
	if (!strchr(st->key, '/'))
		return SOHOA_OK;
	size_t b, e, wb, we, at;
	double v;
	sohoa_status status = SOHOA_OK;
	for (size_t from = 0; status == SOHOA_OK && next_share(st, from, &b, &e, &wb, &we, &at, &v); from = e) {
		char *what = ex_clean(st->text, st->kmap[wb], st->kmap[we]);
		if (!what)
			return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		char subject[512];
		snprintf(subject, sizeof subject, "tỷ lệ %s", what);
		free(what);
		int page, line;
		char *sentence = ex_figure_context(ed, st, at, e, ",./", &page, &line);
		ex_score_out o = {.page = page, .line = line, .section = st->section, .subject = subject,
				  .kind = "score", .op = "=", .unit = "%", .text = sentence, .confidence = "0.95",
				  .value = v, .has_value = 1};
		status = ex_score_write(ctx, ed, &o, out);
		free(sentence);
	}
	return status;
}
