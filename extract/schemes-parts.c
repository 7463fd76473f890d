/* schemes-parts.c: parts of a scale, "Điểm tối đa là 75/100 điểm" (or, under a scale's title,
 * "Điểm đánh giá qua điều tra là 31,50/100."): the part's maximum (75) is a criterion of the
 * scheme, the whole (100) names the scale it is part of. */
#include "schemes-int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The part a maximum at key offset p belongs to: the statement's sentence before it when the
 * statement opens with a label ("- Phần thứ nhất: Thẩm định, đánh giá qua kết quả … CCHC."), up
 * to an aside in parentheses or its twelfth word; NULL when none (the criterion is then found as
 * for any rule). */
static char *part_name(const ex_stmt *st, size_t p)
{
	size_t lb, le;
	if (!scheme_label_span(st, 0, &lb, &le) || le >= p)
		return NULL;
	size_t b = scheme_body_start(st), e = p;
	while (e > b && (st->key[e - 1] == ' ' || st->key[e - 1] == '.'))
		e--;
	for (size_t i = b; i < e; i++)
		if (st->key[i] == '(' || st->key[i] == ';' || ex_sentence_dot(st->key, st->keylen, i)) {
			e = i;
			break;
		}
	/* the part's name, not its description: twelve words after the label at most */
	size_t words = 0;
	for (size_t i = le + 1; i < e; i++)
		if (st->key[i] != ' ' && st->key[i - 1] == ' ' && ++words > 12) {
			e = i;
			while (e > le && st->key[e - 1] == ' ')
				e--;
			break;
		}
	static const char *const dangling[] = {"cua", "va", "cac", "de", "cho", "ve", "voi", "theo", "tai", "lay", NULL};
	for (int cut = 1; cut;) {
		cut = 0;
		size_t wb;
		for (int i = 0; dangling[i] && !cut; i++)
			if (ex_ends_with(st->key, le + 1, e, dangling[i], &wb)) {
				e = wb;
				while (e > le && st->key[e - 1] == ' ')
					e--;
				cut = 1;
			}
	}
	return e > le ? scheme_text_of(st, b, e) : NULL;
}

/* 1 when statement s is in a section titled by a scale ("b) Thang điểm đánh giá:"). */
static int under_scale(const sch_doc *sd, size_t s)
{
	size_t t = scheme_title_before(sd->ed, s);
	if (t == EX_NONE)
		return 0;
	const ex_stmt *ts = &sd->ed->stmts[t];
	size_t b = scheme_body_start(ts);
	return ex_word_at(ts->key, ts->keylen, b, "thang diem") && ex_words_in(ts->key, b, ts->keylen) <= 8;
}

/* Under a scale title, "Điểm đánh giá qua điều tra xã hội học là 31,50/100.": a part of the scale
 * named by the words before "là", its maximum the first number, the unit "điểm" optional; the
 * statement's figure and nothing else. 1 and the row when it is one. */
static sohoa_status scale_part(sohoa_ctx *ctx, sch_doc *sd, size_t s, int *done)
{
	const ex_stmt *st = &sd->ed->stmts[s];
	const char *k = st->key;
	size_t kl = st->keylen, b = scheme_body_start(st), la;
	*done = 0;
	while (b < kl && strchr("-+* ", k[b]))
		b++;
	if (!ex_word_at(k, kl, b, "diem") || !under_scale(sd, s))
		return SOHOA_OK;
	for (la = b + 1; la < kl && !(k[la - 1] == ' ' && ex_word_at(k, kl, la, "la")); la++)
		if (isdigit((unsigned char)k[la]) || strchr(",;:(", k[la]))
			return SOHOA_OK;
	if (la >= kl || ex_words_in(k, b, la) > 12)
		return SOHOA_OK;
	size_t q = ex_skip_sp(k, la + 2, kl), used, w;
	double part, whole;
	if (!ex_parse_number(k + q, kl - q, &part, &used) || q + used >= kl || k[q + used] != '/')
		return SOHOA_OK;
	w = q + used + 1;
	if (!ex_parse_number(k + w, kl - w, &whole, &used) || part <= 0 || part > whole || whole > 1000)
		return SOHOA_OK;
	size_t e = ex_skip_sp(k, w + used, kl);
	if (ex_word_at(k, kl, e, "diem"))
		e = ex_skip_sp(k, e + 4, kl);
	if (e < kl && !strchr(".;", k[e]))
		return SOHOA_OK;
	*done = 1;
	sohoa_status status = scheme_add_span(ctx, sd->out, s, q, e);
	if (status == SOHOA_OK)
		status = scheme_emit(ctx, sd, s, q, EX_SCH_CRITERION, &part, NULL, scheme_text_of(st, b, la), s, NULL, 0.85);
	return status;
}

sohoa_status scheme_parts(sohoa_ctx *ctx, sch_doc *sd, size_t s)
{
	int done;
	sohoa_status sp = scale_part(ctx, sd, s, &done);
	if (sp != SOHOA_OK || done)
		return sp;
	const ex_stmt *st = &sd->ed->stmts[s];
	const char *k = st->key;
	size_t kl = st->keylen;
	sohoa_status status = SOHOA_OK;
	for (size_t p = 0; p + 12 < kl && status == SOHOA_OK; p++) {
		if (!ex_word_at(k, kl, p, "diem toi da"))
			continue;
		size_t q = ex_skip_sp(k, p + 11, kl);
		if (ex_word_at(k, kl, q, "la"))
			q = ex_skip_sp(k, q + 2, kl);
		else if (q < kl && k[q] == ':')
			q = ex_skip_sp(k, q + 1, kl);
		else
			continue;
		double part, whole;
		size_t used, w;
		if (!ex_parse_number(k + q, kl - q, &part, &used) || q + used >= kl || k[q + used] != '/')
			continue;
		w = q + used + 1;
		if (!ex_parse_number(k + w, kl - w, &whole, &used) || part <= 0 || part > whole || whole > 1000)
			continue;
		size_t e = ex_skip_sp(k, w + used, kl);
		/* "điểm", or "điểm3" with a footnote's number */
		if (e + 4 > kl || strncmp(k + e, "diem", 4) || (e + 4 < kl && isalpha((unsigned char)k[e + 4])))
			continue;
		if ((status = scheme_add_span(ctx, sd->out, s, q, e + 4)) == SOHOA_OK)
			status = scheme_emit(ctx, sd, s, q, EX_SCH_CRITERION, &part, NULL, part_name(st, p), EX_NONE,
					     NULL, 0.9);
		p = e + 4;
	}
	return status;
}
