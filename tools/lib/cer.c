/* cer: text as code points and the character error rate; see tool.h. */
#include "tool.h"
#include "../../core/icu.h"

#include <stdlib.h>

int cer_is_space(uint32_t c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
	       c == 0x3000 || c == 0xFEFF;
}

uint32_t *tool_cps(const char *s, size_t n, int (*is_space)(uint32_t), size_t *count)
{
	uint32_t *cp = xmalloc((n + 1) * sizeof *cp);
	size_t k = 0;
	int space = 0;
	for (size_t i = 0; i < n;) {
		uint32_t c;
		i += sohoa_utf8_decode(s + i, n - i, &c);
		if (is_space && is_space(c)) {
			space = 1;
			continue;
		}
		if (space && k > 0)
			cp[k++] = ' ';
		space = 0;
		cp[k++] = c;
	}
	*count = k;
	return cp;
}

double cer_compare(sohoa_ctx *ctx, const char *truth, size_t tn, const char *output, size_t on, int nfc,
		   size_t *errors, size_t *chars)
{
	*errors = *chars = 0;
	sohoa_buf bt = {0}, bo = {0};
	if (nfc) {
		if (sohoa_icu_nfc(ctx, truth, tn, &bt) != SOHOA_OK || sohoa_icu_nfc(ctx, output, on, &bo) != SOHOA_OK) {
			sohoa_buf_free(&bt);
			sohoa_buf_free(&bo);
			return -1;
		}
		truth = bt.data ? bt.data : "", tn = bt.len;
		output = bo.data ? bo.data : "", on = bo.len;
	}
	size_t na, nb;
	uint32_t *a = tool_cps(truth, tn, cer_is_space, &na), *b = tool_cps(output, on, cer_is_space, &nb);
	align_cps c = {a, b};
	align_spec s = {NULL, &c, 1, 0};
	size_t d = (size_t)align_run(&s, na, nb, NULL);
	*errors = d;
	*chars = na;
	free(a);
	free(b);
	sohoa_buf_free(&bt);
	sohoa_buf_free(&bo);
	return na ? (double)d / (double)na : (double)d;
}
