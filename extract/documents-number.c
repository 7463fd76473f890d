/* documents-number.c: the number line ("Số: 209/BC-SYT"), its digits checked for certainty
 * (the documents extractor's step). */
#include "documents-int.h"

#include "../core/doctype.h"
#include "../core/viet.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- number ---- */

/* "Số:" (also read "Sô:", "S6:", "SỐ :") at the start of text t: the offset after the label, or 0. */
size_t docm_number_label(const char *t)
{
	size_t i = strspn(t, " ");
	if (t[i] != 'S' && t[i] != 's')
		return 0;
	size_t j = i + 1;
	uint32_t cp;
	size_t l = sohoa_utf8_decode(t + j, strlen(t + j), &cp);
	uint32_t b = sohoa_viet_base(cp);
	int exact = b == 'o' || b == 'O';
	if (!exact && cp != '6' && cp != '0')
		return 0;
	j += l;
	size_t k = j + strspn(t + j, " ");
	if (t[k] == ':')
		return k + 1;
	/* "Số 12/QĐ-UBND" without the colon */
	if (exact && t[j] == ' ' && isdigit((unsigned char)t[k]))
		return k;
	return 0;
}

size_t docm_number_label_after_head(const char *t, size_t *label_at)
{
	*label_at = 0;
	for (size_t p = 1; t[p]; p++) {
		if (t[p - 1] != ' ' || (t[p] != 'S' && t[p] != 's'))
			continue;
		size_t at = docm_number_label(t + p);
		if (!at)
			continue;
		char head[256];
		int lower = 0;
		snprintf(head, sizeof head, "%.*s", (int)(p < sizeof head ? p : sizeof head - 1), t);
		if (docm_count_case(head, &lower) >= 4 && !lower && !strpbrk(head, "/:")) {
			*label_at = p;
			return p + at;
		}
		return 0;
	}
	return 0;
}

/* A line that may hold a part of the number the label's line left out: digits, or a code
 * starting with '/'. */
static int number_part(const char *t)
{
	t += strspn(t, " ");
	if (*t == '/')
		return 1;
	size_t d = strspn(t, "0123456789 ");
	return d > 0 && t[d] == 0;
}

/* A document code: letters (one capital at least), digits, '-', '/', '.', '&' ("QĐ-UBND",
 * "2021/NĐ-CP", "THPT.PB"). */
static int code_ok(const char *s)
{
	int caps;
	return ex_plain_letters(s, "0123456789-/.&", &caps) >= 0 && caps > 0;
}

/* A number's code with a '.' read for the '-' after its type ("TTLT.TANDTC-VKSNDTC-BTP" of
 * "01/2016/TTLT-TANDTC-…"): Decree 30 joins the type's abbreviation to the issuer's with a '-',
 * so a '.' right after a type's code (core/doctype.h, past a year "2016/") and before a capital
 * is that '-'. Codes whose first part is no type keep their dots ("THPT.PB"). */
static void code_dash(char *rest)
{
	char *c = rest;
	if (strspn(c, "0123456789") == 4 && c[4] == '/')
		c += 5;
	size_t fl = strcspn(c, "-/.");
	if (c[fl] != '.' || !fl || !isupper((unsigned char)c[fl + 1]))
		return;
	for (size_t t = 0; t < sohoa_ndoctypes; t++)
		if (sohoa_doctypes[t].name && (sohoa_doctypes[t].flags & SOHOA_DOCTYPE_SLOT) &&
		    strlen(sohoa_doctypes[t].code) == fl && !strncmp(c, sohoa_doctypes[t].code, fl)) {
			c[fl] = '-';
			return;
		}
}

/* The number of "Số: 209 /BC-SYT" from s (the text after the label, lines joined): *number
 * ("209/BC-SYT") when its digits are read, *code the part after the first '/' when it reads as a
 * code, *digits the digits' token as printed (for its confidence). NUM_BLANK when the number is
 * not filled in ("Số: /KH-SYT"), NUM_UNREADABLE when its digits are no digits. */
static int parse_number(const char *s, char **number, char **code, char *digits, size_t cap)
{
	*number = *code = NULL;
	digits[0] = 0;
	char buf[256];
	size_t k = 0;
	/* the words that make the number: "209 /BC-SYT" (a word joins while one of the two sides is
	 * a '/' or a '-'), not the place and date a flattened letterhead put after it */
	for (size_t i = 0; s[i] && k + 1 < sizeof buf; i++) {
		if (s[i] == ' ' && k > 0) {
			size_t j = i + strspn(s + i, " ");
			char prev = buf[k - 1];
			int digits_before = 1;
			for (size_t q = 0; q < k; q++)
				digits_before &= buf[q] == ' ' || isdigit((unsigned char)buf[q]);
			if (!(s[j] == '/' || s[j] == '-' || prev == '/' || prev == '-' || digits_before ||
			      (!s[j + strcspn(s + j, " ")] && strspn(s + j, "0123456789") == strcspn(s + j, " "))))
				break;
		}
		buf[k++] = s[i];
	}
	buf[k] = 0;
	/* a lone number after the code: "/KHLT-SGDĐT-TCGD 90" (the digits placed apart) */
	char *t = buf + strspn(buf, " ");
	char trail[32] = "";
	if (*t == '/') {
		char *sp = strrchr(t, ' ');
		if (sp && sp[1] && strspn(sp + 1, "0123456789") == strlen(sp + 1) && strlen(sp + 1) < sizeof trail) {
			snprintf(trail, sizeof trail, "%s", sp + 1);
			*sp = 0;
		}
	}
	/* spaces out: "209 /BC- SYT" */
	k = 0;
	for (size_t i = 0; t[i]; i++)
		if (t[i] != ' ')
			t[k++] = t[i];
	t[k] = 0;
	while (k > 0 && strchr(".,;:", t[k - 1]))
		t[--k] = 0;
	if (!k)
		return NUM_BLANK;
	char *slash = strchr(t, '/');
	if (!slash)
		return strspn(t, "0123456789") == k ? NUM_UNREADABLE : NUM_NONE;
	*slash = 0;
	const char *lead = t, *rest = slash + 1;
	/* "496-TB/TU": the type between the number and the '/' */
	char *dash = strchr(t, '-');
	char pre[64] = "";
	if (dash) {
		snprintf(pre, sizeof pre, "%s", dash);
		*dash = 0;
	}
	/* digits after the first '/' are the year of a "155/2020/NĐ-CP": four of them, then the
	 * code ("4/3/SGDĐT" is a misread number, not a number and a code) */
	size_t yd = strspn(rest, "0123456789");
	if (yd && (yd != 4 || rest[4] != '/' || atoi(rest) < 1945))
		return NUM_UNREADABLE;
	code_dash(slash + 1);
	if (code_ok(rest))
		*code = sohoa_strdup(rest);
	if (!*lead && trail[0])
		lead = trail;
	if (!*lead)
		return NUM_BLANK;
	snprintf(digits, cap, "%s", lead);
	char d[32];
	if (!docf_digits(lead, strlen(lead), d, sizeof d) || !*code || (pre[0] && !code_ok(pre + 1)))
		return NUM_UNREADABLE;
	/* numbers start at 1: "00" is a handwritten number read as look-alikes ("ô0"), not a number */
	if (!d[strspn(d, "0")])
		return NUM_UNREADABLE;
	size_t need = strlen(d) + strlen(pre) + strlen(rest) + 2;
	*number = malloc(need);
	if (*number)
		snprintf(*number, need, "%s%s/%s", d, pre, rest);
	return *number ? NUM_OK : NUM_NONE;
}

/* The number: a "Số:" line in the first 60 lines, its number on it or on the next lines. */
void docm_read_number(doc_ctx *dc, doc_meta *dm)
{
	const line_key *L = dc->L;
	for (size_t i = 0; i < dc->n && i < 60; i++) {
		size_t at = docm_number_label(L[i].text), label_at;
		if (!at)
			at = docm_number_label_after_head(L[i].text, &label_at);
		if (!at)
			continue;
		sohoa_buf s = {0};
		sohoa_buf_puts(&s, L[i].text + at);
		size_t last = i;
		for (size_t j = i + 1; j < dc->n && j <= i + 2 && (!s.data || !strchr(s.data, '/') ||
								  strspn(s.data, " ") == s.len); j++) {
			if (!number_part(L[j].text))
				break;
			sohoa_buf_puts(&s, " ");
			sohoa_buf_puts(&s, L[j].text);
			last = j;
		}
		char digits[64];
		char *number = NULL, *code = NULL;
		int r = parse_number(s.data ? s.data : "", &number, &code, digits, sizeof digits);
		sohoa_buf_free(&s);
		if (r == NUM_NONE) {
			free(number);
			free(code);
			continue;
		}
		dm->number_seen = 1;
		dm->code = code;
		float conf = r == NUM_OK ? docm_token_conf(dc, i, last, digits) : -1;
		if (r == NUM_OK && conf >= 0 && conf < DIGITS_MIN_CONF) {
			sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: number '%s' left out: its digits are not "
				  "read for certain (OCR confidence %.0f)", dc->name, number, conf);
			free(number);
			number = NULL;
		} else if (r == NUM_OK && conf >= 0 && conf < DIGITS_SURE_CONF &&
			   docm_token_apart(dc, i, last, digits)) {
			dm->number_apart = conf; /* handwritten unless the date says otherwise: docm_check_number */
		} else if (r == NUM_UNREADABLE) {
			sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: number left out: '%s' is not read as digits",
				  dc->name, digits[0] ? digits : L[i].text);
		} else if (r == NUM_BLANK) {
			sohoa_log(dc->ctx, SOHOA_LOG_INFO, "%s: documents: the number is not filled in ('%s')", dc->name,
				  L[i].text);
		}
		dm->number = number;
		return;
	}
}

void docm_check_number(doc_ctx *dc, doc_meta *dm)
{
	if (!dm->number || dm->number_apart < 0 || dm->day_conf >= DIGITS_SURE_CONF)
		return;
	sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: number '%s' left out: its digits are written apart "
		  "from the code, read uncertain (OCR confidence %.0f), and no printed day dates it", dc->name,
		  dm->number, dm->number_apart);
	free(dm->number);
	dm->number = NULL;
}
