/* The libcsv adapter: the only file that includes csv.h. Rows are RFC 4180: fields separated by
 * commas, quoted (by libcsv's csv_write) only when they hold a comma, quote, CR, LF or edge
 * spaces, records ended by CRLF. sohoa_csv_row, the writer of the CSV files, also makes each cell
 * safe to open in a spreadsheet (see safe_cell). */
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
	r->safe = 0;
}

/* 1 if s[0..n) is a plain number: an optional sign, digits with '.' or ',' between them, an
 * optional exponent ("-5", "+3", "8,5", "-1.234,5", "1e-3"); such a cell is kept as it is. */
static int plain_number(const char *s, size_t n)
{
	size_t i = 0, digits = 0;
	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if ((s[i] != '.' && s[i] != ',') || !digits || i + 1 >= n || s[i + 1] < '0' || s[i + 1] > '9')
			break;
	}
	if (digits && i < n && (s[i] == 'e' || s[i] == 'E')) {
		size_t e = i + 1;
		if (e < n && (s[e] == '-' || s[e] == '+'))
			e++;
		if (e < n && s[e] >= '0' && s[e] <= '9') {
			while (e < n && s[e] >= '0' && s[e] <= '9')
				e++;
			i = e;
		}
	}
	return digits && i == n;
}

/* 1 if a spreadsheet could read s[0..n) as a formula (OWASP "CSV injection"): it begins with
 * '=', '+', '-', '@', TAB or CR, is more than that one character, and is not a plain number. */
static int formula_like(const char *s, size_t n)
{
	if (n < 2 || !s[0] || !strchr("=+-@\t\r", s[0]))
		return 0;
	return !plain_number(s, n);
}

/* The cell s[0..n) as written to a CSV file, in tmp when it differs: a formula-like cell gets a
 * single quote in front ("=SUM(A1)" -> "'=SUM(A1)"), and each byte that is not part of valid
 * UTF-8 (a file name in another encoding) is written as the four characters \xHH. Returns the
 * bytes to write and sets *len; NULL when out of memory. */
static const char *safe_cell(const char *s, size_t n, sohoa_buf *tmp, size_t *len)
{
	int quote = formula_like(s, n), valid = sohoa_utf8_valid(s, n);
	*len = n;
	if (!quote && valid)
		return s;
	if (quote && sohoa_buf_append(tmp, "'", 1))
		return NULL;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = sohoa_utf8_decode(s + i, n - i, &cp);
		int bad = cp == 0xFFFD && !(k == 3 && !memcmp(s + i, "\xEF\xBF\xBD", 3));
		if (bad ? sohoa_buf_printf(tmp, "\\x%02X", (unsigned char)s[i]) : sohoa_buf_append(tmp, s + i, k))
			return NULL;
		i += k;
	}
	*len = tmp->len;
	return tmp->data;
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
	sohoa_buf tmp = {0};
	if (r->safe && !(s = safe_cell(s, n, &tmp, &n))) {
		r->failed = 1;
		return;
	}
	if (!needs_quotes(s, n)) {
		r->failed = sohoa_buf_append(r->out, s, n) != 0;
	} else {
		size_t need = csv_write(NULL, 0, s, n);
		if (sohoa_buf_reserve(r->out, need + 1)) {
			r->failed = 1;
		} else {
			csv_write(r->out->data + r->out->len, need, s, n);
			r->out->len += need;
			r->out->data[r->out->len] = 0;
		}
	}
	sohoa_buf_free(&tmp);
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
	r.safe = 1;
	for (size_t i = 0; i < n; i++)
		ex_field(&r, cells[i]);
	return ex_row_end(&r, NULL) == SOHOA_OK ? 0 : -1;
}
