/* references.csv: every cited legal document — type, number, date and issuer — from patterns
 * such as "Quyết định số 608/QĐ-UBND ngày 02/4/2025 của UBND tỉnh Lai Châu". */
#include "extract-int.h"
#include "../core/array.h"
#include "../core/doctype.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {"doc", "page", "line", "type", "number", "date", "issuer", "text", NULL};

/* Row k of the document-type table (core/doctype.h) if references.csv cites that type, else
 * NULL: key as matched, name as written in the CSV, code in document numbers. */
static const sohoa_doctype *cited(size_t k)
{
	return sohoa_doctypes[k].flags & SOHOA_DOCTYPE_CITED ? &sohoa_doctypes[k] : NULL;
}

/* A document number: digits (maybe a letter), then "/" or "-" parts of which one is a code with
 * letters ("608/QĐ-UBND", "130/2005/NĐ-CP", "122-KH/TU", "36a/NQ-CP"), or a bare "số 06". */
static const char *const num_re =
	"(?<![\\p{L}\\p{N}/.,])(\\d{1,5}[a-z]?)\\s?((?:(?:/{1,2}|-)\\s?[0-9a-z]+)*(?:/{1,2}|-)[a-z][0-9a-z]*(?:(?:/|-\\s?)[0-9a-z]+)*)";
static const char *const type_re =
	"\\b(thong tu lien tich|quyet dinh|nghi dinh|nghi quyet|ke hoach|chi thi|thong tu|cong van|bao cao|"
	"huong dan|thong bao|to trinh|ket luan|chuong trinh|de an|luat|phap lenh|van ban|qd)\\s*(?:so\\s*)?(\\d{1,5}[a-z]?)?";
static const char *const date_re =
	"\\s*,?\\s*(?:ngay|ng\\.)\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})(?!\\d)|"
	"\\s*,?\\s*ngay\\s+(\\d{1,2})\\s+thang\\s+(\\d{1,2})\\s+nam\\s+(\\d{4})";
static const char *const issuer_re = "\\s*,?\\s*(?:cua|do)\\s+";

/* Words that end an issuer's name ("của UBND tỉnh Lai Châu về ..."). */
static const char *const issuer_stop[] = {
	"ve", "phe duyet", "ban hanh", "sua doi", "quy dinh", "thuc hien", "huong dan", "cong bo",
	"trien khai", "giao", "va", "tai", "trong", "theo", "nam", "nhiem ky", "de", "cho", "dang ky",
	"bo sung", "thay the", "kiem tra", "chi dao", "v/v", "ve viec", "cai thien", "nang cao", "phan cong",
	"tiep tuc", "tang cuong", "day manh", "dam bao", "bao dam", "hoan thanh", NULL,
};

/* Words that start the name of an issuing body: an issuer goes on over "và" or "," before one. */
static const char *const org_heads[] = {"bo ", "so ", "ubnd", "hdnd", "ban ", "uy ban", "tinh uy", "chinh phu",
					"thu tuong", "van phong", NULL};

static int org_at(const char *key, size_t keylen, size_t i)
{
	while (i < keylen && key[i] == ' ')
		i++;
	for (int o = 0; org_heads[o]; o++)
		if (!strncmp(key + i, org_heads[o], strlen(org_heads[o])))
			return 1;
	return 0;
}

static size_t issuer_end(const char *key, size_t keylen, size_t b)
{
	size_t i = b, words = 0;
	while (i < keylen && words < 14) {
		while (i < keylen && key[i] == ' ')
			i++;
		if (i < keylen && key[i] == ',' && words > 0 && org_at(key, keylen, i + 1)) {
			i++;
			continue;
		}
		if (i + 3 <= keylen && words > 0 && ex_word_at(key, keylen, i, "va") && org_at(key, keylen, i + 2)) {
			i += 2;
			continue;
		}
		if (i >= keylen || strchr(",;:.()\"", key[i]))
			break;
		for (int s = 0; issuer_stop[s]; s++)
			if (ex_word_at(key, keylen, i, issuer_stop[s]) && words > 0)
				return i;
		while (i < keylen && key[i] != ' ' && !strchr(",;:()\"", key[i]) &&
		       !(key[i] == '.' && (i + 1 >= keylen || key[i + 1] == ' ')))
			i++;
		words++;
	}
	return i;
}

/* OCR without Vietnamese reads the Đ of a document code as b or D ("2222/Qb-UBND"): a code part
 * that is not a known code but becomes one with Đ in place of b/D is given back its Đ. */
static void repair_code(char **num)
{
	char *s = *num;
	for (char *p = s; *p;) {
		char *q = p;
		while (*q && *q != '/' && *q != '-')
			q++;
		size_t n = (size_t)(q - p);
		for (size_t i = 0; i < n; i++) {
			if (p[i] != 'b' && p[i] != 'D')
				continue;
			for (size_t t = 0; t < sohoa_ndoctypes; t++) {
				const char *c = cited(t) ? cited(t)->code : "";
				/* the code with "Đ" (2 bytes) where the part has one byte */
				if (strlen(c) != n + 1 || strncmp(c, p, i) || strncmp(c + i, "\xC4\x90", 2) || strncmp(c + i + 2, p + i + 1, n - i - 1))
					continue;
				size_t at = (size_t)(p - s) + i, len = strlen(s);
				char *r = malloc(len + 2);
				if (!r)
					return;
				memcpy(r, s, at);
				memcpy(r + at, "\xC4\x90", 2);
				memcpy(r + at + 2, s + at + 1, len - at);
				free(s);
				*num = r;
				repair_code(num);
				return;
			}
		}
		p = *q ? q + 1 : q;
	}
}

typedef struct refs {
	sohoa_regex *num, *type, *date, *issuer;
} refs;

static const char *code_type(const char *num)
{
	/* the code after the number: "QĐ-UBND" -> "QĐ" */
	const char *p = num;
	while (*p) {
		const char *q = p;
		while (*q && *q != '/' && *q != '-')
			q++;
		size_t n = (size_t)(q - p);
		for (size_t t = 0; t < sohoa_ndoctypes; t++) {
			const sohoa_doctype *d = cited(t);
			if (d && d->code[0] && strlen(d->code) <= n && !strncmp(d->code, p, strlen(d->code)) &&
			    (strlen(d->code) == n || isdigit((unsigned char)p[strlen(d->code)])))
				return d->name;
		}
		p = *q ? q + 1 : q;
	}
	return NULL;
}

/* Most statements cite nothing: a citation has a digit next to '/' or '-' (or " /"), or "số". */
static int may_cite(const ex_stmt *sm)
{
	int maybe = 0;
	for (size_t k = 0; k + 1 < sm->keylen && !maybe; k++)
		maybe = isdigit((unsigned char)sm->key[k]) && (sm->key[k + 1] == '/' || sm->key[k + 1] == '-' ||
							     (k + 2 < sm->keylen && sm->key[k + 1] == ' ' && sm->key[k + 2] == '/'));
	return maybe || strstr(sm->key, "so ");
}

/* A type word in a statement ("Quyết định số"): its key span, and where a bare number after it
 * starts ("Đề án số 06"), or -1. */
typedef struct type_hit {
	long b, e, num;
} type_hit;

/* A type word names the number after it only within TYPE_REACH key bytes (three words): what
 * keeps the citations of a line without spaces linear in its length. */
enum { TYPE_REACH = 80 };

/* The type words of statement sm, in order, into *hits (caller frees): their count, or
 * (size_t)-1 when out of memory. */
static size_t find_types(const refs *r, const ex_stmt *sm, type_hit **hits)
{
	size_t tpos = 0, ntypes = 0, cap = 0;
	long tg[8];
	*hits = NULL;
	while (ex_find(r->type, sm, tpos, tg, 3) == 1) {
		if (SOHOA_GROW(*hits, ntypes + 1, cap)) {
			free(*hits);
			*hits = NULL;
			return (size_t)-1;
		}
		(*hits)[ntypes++] = (type_hit){tg[2], tg[3], tg[4]};
		tpos = (size_t)tg[1] > tpos ? (size_t)tg[1] : tpos + 1;
	}
	return ntypes;
}

/* 1 when the number at key [nb, ne) (its parts from pb) can be a citation: not inside a web
 * address, not the document's own number ("Số: 209/BC-SYT"), and with a letter code (a date
 * "12/5/2025" also has parts). */
static int citable(const ex_stmt *sm, size_t nb, size_t pb, size_t ne)
{
	/* inside a web address ("https://…/nghi-dinh-41-2012-nd-cp…") */
	size_t tb = nb;
	while (tb > 0 && nb - tb < 512 && sm->key[tb - 1] != ' ') /* a web address is shorter */
		tb--;
	if (memmem(sm->key + tb, ne - tb, "://", 3) || memmem(sm->key + tb, ne - tb, "www.", 4) ||
	    memmem(sm->key + tb, ne - tb, ".vn/", 4) || memmem(sm->key + tb, ne - tb, ".com/", 5))
		return 0;
	size_t back = nb;
	while (back > 0 && sm->key[back - 1] == ' ')
		back--;
	if (back >= 3 && !strncmp(sm->key + back - 3, "so:", 3))
		return 0;
	for (size_t k = pb; k < ne; k++)
		if (isalpha((unsigned char)sm->key[k]))
			return 1;
	return 0;
}

/* The type word just before the number at nb ("Quyết định số", within three words): its name,
 * and *start moved to where it starts; NULL when none. *from is the first type word that can
 * reach nb; numbers come in order, so it only moves on. */
static const char *type_before(const ex_stmt *sm, const type_hit *types_at, size_t ntypes, size_t nb, size_t *start,
			       size_t *from)
{
	const char *type = NULL;
	while (*from < ntypes && (size_t)types_at[*from].e + TYPE_REACH < nb)
		(*from)++;
	for (size_t t = *from; t < ntypes; t++) {
		size_t te = (size_t)types_at[t].e;
		if (te > nb)
			break;
		size_t words = 0; /* counted up to 3 only: linear in the line, whatever its length */
		for (size_t k = te; k < nb && words <= 2; k++)
			if (sm->key[k] == ' ' && k + 1 < nb && sm->key[k + 1] != ' ')
				words++;
		if (words <= 2 && (types_at[t].num < 0 || (size_t)types_at[t].num == nb)) {
			char w[32];
			snprintf(w, sizeof w, "%.*s", (int)(te - (size_t)types_at[t].b), sm->key + types_at[t].b);
			for (size_t k = 0; k < sohoa_ndoctypes && !type; k++) {
				const sohoa_doctype *d = cited(k);
				if (d && !strncmp(w, d->key, strlen(d->key)) &&
				    (w[strlen(d->key)] == 0 || w[strlen(d->key)] == ' '))
					type = d->name;
			}
			*start = (size_t)types_at[t].b;
		}
	}
	return type;
}

/* A list "Quyết định: số 2222/…, số 1262/…": the number at nb follows the citation that ended at
 * prev_end with only ",", ";", "và" or "số" between, so it has that citation's type. */
static int continues_list(const ex_stmt *sm, size_t prev_end, size_t nb)
{
	if (nb < prev_end)
		return 0;
	size_t k = prev_end;
	while (k < nb && strchr(" ,;", sm->key[k]))
		k++;
	if (!strncmp(sm->key + k, "va ", 3))
		k += 3;
	if (!strncmp(sm->key + k, "so", 2))
		k += 2;
	while (k < nb && sm->key[k] == ' ')
		k++;
	return k == nb;
}

/* "ngày 02/4/2025" (or "ngày 2 tháng 4 năm 2025") right after key offset at: the date into iso
 * and the offset after it, else at (iso left as it is). */
static size_t date_after(const refs *r, const ex_stmt *sm, size_t at, char iso[11])
{
	long dg[14];
	if (sohoa_regex_match_at(r->date, sm->key, sm->keylen, at, dg, 7) != 1)
		return at;
	int o = dg[2] >= 0 ? 1 : 4;
	int d = atoi(sm->key + dg[2 * o]), m = atoi(sm->key + dg[2 * o + 2]), y = atoi(sm->key + dg[2 * o + 4]);
	return ex_date_dmy(d, m, y, iso) ? (size_t)dg[1] : at;
}

/* "của UBND tỉnh Lai Châu" right after key offset *end: the issuer (caller frees), *end moved
 * past it; NULL when none. */
static char *issuer_after(const refs *r, const ex_stmt *sm, size_t *end)
{
	long ig[2];
	if (sohoa_regex_match_at(r->issuer, sm->key, sm->keylen, *end, ig, 1) != 1)
		return NULL;
	size_t ib = (size_t)ig[1], ie = issuer_end(sm->key, sm->keylen, ib);
	if (ie <= ib)
		return NULL;
	*end = ie;
	return ex_clean(sm->text, sm->kmap[ib], sm->kmap[ie]);
}

/* One references.csv row: the citation's phrase is key [start, end) of sm, its source line the
 * one holding the number at key offset nb. */
static sohoa_status write_ref(sohoa_ctx *ctx, const ex_doc *ed, const ex_stmt *sm, const char *type, const char *num,
			      const char *date, const char *issuer, size_t start, size_t end, size_t nb, sohoa_buf *out)
{
	char *phrase = ex_clean(sm->text, sm->kmap[start], sm->kmap[end]);
	int page, line;
	ex_locate(ed, sm, sm->kmap[nb], num, &page, &line);
	ex_row row;
	ex_row_begin(&row, out);
	ex_field(&row, ed->name);
	ex_field_int(&row, page, 1);
	ex_field_int(&row, line, 1);
	ex_field(&row, type);
	ex_field(&row, num);
	ex_field(&row, date);
	ex_field(&row, issuer);
	ex_field(&row, phrase);
	free(phrase);
	return ex_row_end(&row, ctx);
}

/* Coded citations of sm: "Quyết định số 608/QĐ-UBND ngày 02/4/2025 của UBND tỉnh Lai Châu"; the
 * type from the type word before the number, else from its code, else from the citation before
 * in a list. */
static sohoa_status coded_refs(sohoa_ctx *ctx, const refs *r, const ex_doc *ed, const ex_stmt *sm,
			       const type_hit *types_at, size_t ntypes, sohoa_buf *out)
{
	long g[8];
	size_t pos = 0, prev_end = 0, from = 0;
	const char *prev_type = NULL;
	while (ex_find(r->num, sm, pos, g, 3) == 1) {
		size_t nb = (size_t)g[2], ne = (size_t)g[5];
		pos = ne;
		if (!citable(sm, nb, (size_t)g[4], ne))
			continue;
		size_t start = nb;
		const char *type = type_before(sm, types_at, ntypes, nb, &start, &from);
		char *num = ex_clean(sm->text, sm->kmap[nb], sm->kmap[ne]);
		if (!num)
			return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		/* drop spaces inside the number ("209 /BC-SYT") */
		size_t w = 0;
		for (size_t k = 0; num[k]; k++)
			if (num[k] != ' ')
				num[w++] = num[k];
		num[w] = 0;
		repair_code(&num);
		if (!type)
			type = code_type(num);
		if (!type && prev_type && continues_list(sm, prev_end, nb))
			type = prev_type;
		if (!type) {
			free(num);
			continue;
		}
		char iso[11] = "";
		size_t end = date_after(r, sm, ne, iso);
		char *issuer = issuer_after(r, sm, &end);
		prev_type = type;
		prev_end = end;
		sohoa_status st = write_ref(ctx, ed, sm, type, num, iso, issuer, start, end, nb, out);
		free(num);
		free(issuer);
		if (st != SOHOA_OK)
			return st;
	}
	return SOHOA_OK;
}

/* Bare numbered citations without a code: "Đề án số 06" ("số" between the type and the number;
 * a coded number or a percentage is none). */
static sohoa_status bare_refs(sohoa_ctx *ctx, const refs *r, const ex_doc *ed, const ex_stmt *sm,
			      const type_hit *types_at, size_t ntypes, sohoa_buf *out)
{
	sohoa_status st = SOHOA_OK;
	for (size_t t = 0; t < ntypes && st == SOHOA_OK; t++) {
		if (types_at[t].num < 0)
			continue;
		size_t nb = (size_t)types_at[t].num;
		size_t ne = nb;
		while (ne < sm->keylen && isalnum((unsigned char)sm->key[ne]))
			ne++;
		if (ne < sm->keylen && (sm->key[ne] == '/' || sm->key[ne] == '-' || sm->key[ne] == ' ') &&
		    ne + 1 < sm->keylen && (sm->key[ne] != ' ' || sm->key[ne + 1] == '/' || sm->key[ne + 1] == '-'))
			continue; /* a coded number, handled above */
		/* needs "số" between the type and the number */
		if (!memmem(sm->key + types_at[t].e, nb - (size_t)types_at[t].e, "so", 2))
			continue;
		if (ne < sm->keylen && sm->key[ne] == '%')
			continue;
		char w[32];
		size_t tb = (size_t)types_at[t].b, te = (size_t)types_at[t].e;
		snprintf(w, sizeof w, "%.*s", (int)(te - tb), sm->key + tb);
		const char *type = NULL;
		for (size_t k = 0; k < sohoa_ndoctypes && !type; k++)
			if (cited(k) && !strncmp(w, cited(k)->key, strlen(cited(k)->key)))
				type = cited(k)->name;
		if (!type)
			continue;
		char *num = ex_clean(sm->text, sm->kmap[nb], sm->kmap[ne]);
		size_t end = ne;
		char *issuer = issuer_after(r, sm, &end);
		st = write_ref(ctx, ed, sm, type, num, NULL, issuer, tb, end, nb, out);
		free(num);
		free(issuer);
	}
	return st;
}

/* The coded, then the bare citations of each statement that may cite. */
static sohoa_status references(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out)
{
	sohoa_status st = SOHOA_OK;
	refs r = {ex_regex(ctx, num_re), ex_regex(ctx, type_re), ex_regex(ctx, date_re), ex_regex(ctx, issuer_re)};
	if (!r.num || !r.type || !r.date || !r.issuer)
		st = ctx->status;
	else
		for (size_t s = 0; s < ed->nstmts && st == SOHOA_OK; s++) {
			const ex_stmt *sm = &ed->stmts[s];
			if (!may_cite(sm))
				continue;
			type_hit *types_at;
			size_t ntypes = find_types(&r, sm, &types_at);
			if (ntypes == (size_t)-1)
				st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
			if (st == SOHOA_OK)
				st = coded_refs(ctx, &r, ed, sm, types_at, ntypes, out);
			if (st == SOHOA_OK)
				st = bare_refs(ctx, &r, ed, sm, types_at, ntypes, out);
			free(types_at);
			if (st == SOHOA_OK && sohoa_interrupted(ctx))
				st = sohoa_error(ctx, SOHOA_ERR_INTERRUPTED, "interrupted");
		}
	sohoa_regex_free(r.num);
	sohoa_regex_free(r.type);
	sohoa_regex_free(r.date);
	sohoa_regex_free(r.issuer);
	return st;
}

static sohoa_status run(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, sohoa_buf *out)
{
	return ex_over_stmts(ctx, doc, text, out, references);
}

const sohoa_extractor ex_references = {"references", columns, run};
