/* schemes-parts.c: parts of a scale, "Điểm tối đa là 75/100 điểm": the part's maximum (75) is a
 * criterion of the scheme, the whole (100) names the scale it is part of. */
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

sohoa_status scheme_parts(sohoa_ctx *ctx, sch_doc *sd, size_t s)
{
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
