/* The libcsv adapter: the only file that includes csv.h. Rows are RFC 4180: fields separated by
 * commas, quoted (by libcsv's csv_write) only when they hold a comma, quote, CR, LF or edge
 * spaces, records ended by CRLF. */
#include "extract-int.h"

#include <csv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

void ex_row_begin(ex_row *r, sohoa_buf *out)
{
	r->out = out;
	r->nfields = 0;
	r->failed = 0;
}

static int needs_quotes(const char *s, size_t n)
{
	if (n && (s[0] == ' ' || s[n - 1] == ' '))
		return 1;
	for (size_t i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			return 1;
	return 0;
}

void ex_field_n(ex_row *r, const char *s, size_t n)
{
	if (r->failed)
		return;
	if (r->nfields++ && sohoa_buf_append(r->out, ",", 1)) {
		r->failed = 1;
		return;
	}
	if (!s || !n)
		return;
	if (!needs_quotes(s, n)) {
		r->failed = sohoa_buf_append(r->out, s, n) != 0;
		return;
	}
	size_t need = csv_write(NULL, 0, s, n);
	if (sohoa_buf_reserve(r->out, need + 1)) {
		r->failed = 1;
		return;
	}
	csv_write(r->out->data + r->out->len, need, s, n);
	r->out->len += need;
	r->out->data[r->out->len] = 0;
}

void ex_field(ex_row *r, const char *s)
{
	ex_field_n(r, s, s ? strlen(s) : 0);
}

void ex_field_int(ex_row *r, long v, int present)
{
	char b[32];
	if (!present) {
		ex_field(r, NULL);
		return;
	}
	snprintf(b, sizeof b, "%ld", v);
	ex_field(r, b);
}

void ex_field_num(ex_row *r, double v, int present)
{
	char b[64];
	if (!present || !isfinite(v)) {
		ex_field(r, NULL);
		return;
	}
	/* shortest of up to 6 decimals that prints the value back: 8.41, 76.92, 100 */
	for (int prec = 0; prec <= 6; prec++) {
		snprintf(b, sizeof b, "%.*f", prec, v);
		double back = 0;
		sscanf(b, "%lf", &back);
		if (fabs(back - v) < 1e-9)
			break;
	}
	if (!strcmp(b, "-0"))
		strcpy(b, "0");
	ex_field(r, b);
}

sohoa_status ex_row_end(ex_row *r, sohoa_ctx *ctx)
{
	if (!r->failed && sohoa_buf_append(r->out, "\r\n", 2))
		r->failed = 1;
	if (r->failed)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory writing csv");
	return SOHOA_OK;
}

int sohoa_csv_row(sohoa_buf *out, const char *const *cells, size_t n)
{
	ex_row r;
	ex_row_begin(&r, out);
	for (size_t i = 0; i < n; i++)
		ex_field(&r, cells[i]);
	return ex_row_end(&r, NULL) == SOHOA_OK ? 0 : -1;
}
