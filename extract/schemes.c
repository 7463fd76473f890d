/* schemes.csv: how a document scores units — a criterion's maximum ("(10 điểm)", a points
 * table's "ĐIỂM CHUẨN" cell, "tối đa 03 điểm"), rules that give points under a condition ("Từ 88 -
 * 90% cộng 02 điểm", "mỗi loại cho 1 điểm", "được tính thêm 0,5 điểm"), bonus and penalty points,
 * and classification bands ("đạt từ 85 điểm đến dưới 95 điểm"). The grammar works on the
 * statement key (extract-int.h) and on the shape of points tables; scores.c asks which figures
 * it owns, so a scheme statement never becomes a measurement. This file: the helpers and rows
 * the parts share, the merging of rows and schemes.csv (schemes-int.h names the parts). */
#include "schemes-int.h"

#include "../core/array.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {"doc", "kind", "criterion", "max", "points", "condition",
				      "page", "line", "text", "confidence", NULL};

static const char *const kind_names[] = {"criterion", "bonus", "penalty", "band"};

/* A figure in points: "10 điểm", "0,5 điểm", "03 điểm". */
#define NUM "(\\d+(?:[.,]\\d+)*)"
static const char *const pts_re = "(?<![\\p{L}\\d.,/])" NUM "\\s*diem(?![a-z])";
/* A band's range: "từ 85 điểm đến dưới 95 điểm", "trên 90 điểm đến 100 điểm", "từ 70 đến 84,5",
 * "từ 5 đến cận 7" (the unit may be left out after "tổng số điểm"), "từ 95 điểm trở lên", "dưới
 * 75 điểm". */
static const char *const range_re =
	"\\b(?:(?:dat\\s+)?(tu|tren)\\s+)" NUM "\\s*(?:diem\\s*)?(?:den|-)\\s*((?:duoi|can)\\s+)?" NUM
	"(?:\\s*diem)?(?![\\d.,]*\\s*%)";
static const char *const above_re = "\\b(?:(?:dat\\s+)?(?:tu|tren|dat)\\s+)?" NUM "\\s*diem\\s+(?:tro\\s+len|tro\\s+xuong)";
static const char *const above_bare_re = "\\b(?:dat\\s+)?(?:tu|tren)\\s+" NUM "\\s+(?:tro\\s+len|tro\\s+xuong)";
static const char *const below_re = "\\b(duoi|toi da|khong qua)\\s+" NUM "\\s*diem(?![a-z])";

/* Words whose section or label makes points extra (bonus) or taken off (penalty). */
static const char *const bonus_words[] = {"diem thuong", "diem cong", "cong diem", "thuong diem",
					  "diem uu tien", "cong them", NULL};
static const char *const penalty_words[] = {"diem tru", "tru diem", "bi tru", NULL};

/* ---- small helpers over keys ---- */

int scheme_ends_word(const char *key, size_t b, size_t e, const char *w, size_t *wb)
{
	while (e > b && strchr(" (:", key[e - 1]))
		e--;
	return ex_ends_with(key, b, e, w, wb);
}

/* The text of statement st between key offsets b and e, cleaned; NULL when empty. */
char *scheme_text_of(const ex_stmt *st, size_t b, size_t e)
{
	if (e > st->keylen)
		e = st->keylen;
	if (b >= e)
		return NULL;
	size_t tb = st->kmap[b], te = st->kmap[e];
	ex_trim(st->text, &tb, &te, ",;:-.(+");
	while (te > tb && st->text[te - 1] == '(')
		te--;
	if (te <= tb)
		return NULL;
	char *s = ex_clean(st->text, tb, te);
	if (s && !*s) {
		free(s);
		return NULL;
	}
	return s;
}

/* Key offset where statement st's own words start: past its heading number ("5.1", "a)"). */
size_t scheme_body_start(const ex_stmt *st)
{
	size_t b = st->heading ? st->title_key : 0;
	while (b < st->keylen && st->key[b] == ' ')
		b++;
	return b;
}

/* The label of a statement "Loại tốt: …", "3. Điểm thưởng: Tối đa …": its words before a colon
 * (or before " là " for a band), when they are few. Sets the key span; 0 when none. */
int scheme_label_span(const ex_stmt *st, int band, size_t *b, size_t *e)
{
	size_t s = scheme_body_start(st);
	for (size_t i = s; i < st->keylen && i < s + 90; i++) {
		if (st->key[i] == ':' || (band && ex_word_at(st->key, st->keylen, i, "la") && i > s)) {
			if (i > s && ex_words_in(st->key, s, i) <= 8) {
				*b = s;
				*e = i;
				return 1;
			}
			return 0;
		}
		if (strchr(";.(", st->key[i]) && ex_sentence_dot(st->key, st->keylen, i))
			return 0;
	}
	return 0;
}

/* ---- document context ---- */

/* 1 if statement s is an article line ("Điều 6. Xếp loại hằng năm") or a heading. */
static int is_title_stmt(const ex_stmt *sm)
{
	return sm->heading || (ex_word_at(sm->key, sm->keylen, strspn(sm->key, " "), "dieu") &&
			       isdigit((unsigned char)sm->key[strspn(sm->key, " ") + 5]));
}

/* The nearest title statement before s (a heading of a lower level than s's own, when s is a
 * heading, or an article line), within 60 statements; EX_NONE when none. */
size_t scheme_title_before(const ex_doc *ed, size_t s)
{
	const ex_stmt *sm = &ed->stmts[s];
	for (size_t h = s; h-- > 0 && s - h <= 60;) {
		const ex_stmt *hs = &ed->stmts[h];
		if (!is_title_stmt(hs))
			continue;
		if (sm->heading && hs->heading && hs->level >= sm->level)
			continue;
		return h;
	}
	return EX_NONE;
}

/* Bonus or penalty from words in key[b..e), else -1. */
int scheme_kind_from_words(const char *key, size_t b, size_t e)
{
	if (ex_has_any(key, b, e, penalty_words))
		return EX_SCH_PENALTY;
	if (ex_has_any(key, b, e, bonus_words))
		return EX_SCH_BONUS;
	return -1;
}

/* ---- rows ---- */

sohoa_status scheme_add_span(sohoa_ctx *ctx, ex_scheme_set *o, size_t stmt, size_t b, size_t e)
{
	if (o->nspans && o->spans[o->nspans - 1].stmt == stmt && o->spans[o->nspans - 1].e >= b) {
		ex_span *l = &o->spans[o->nspans - 1];
		if (b < l->b)
			l->b = b;
		if (e > l->e)
			l->e = e;
		return SOHOA_OK;
	}
	if (SOHOA_GROW(o->spans, o->nspans + 1, o->spancap))
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	o->spans[o->nspans++] = (ex_span){stmt, b, e};
	return SOHOA_OK;
}

/* Append a row; criterion and condition are taken over (freed on failure). */
static sohoa_status add_row(sohoa_ctx *ctx, ex_scheme_set *o, const ex_scheme *r)
{
	if (SOHOA_GROW(o->rows, o->n + 1, o->cap)) {
		free(r->criterion);
		free(r->condition);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	}
	o->rows[o->n++] = *r;
	return SOHOA_OK;
}

/* 1 when a rule that gives points starts at key offset i of st ("được cộng trực tiếp 05 điểm"). */
static int rule_verb_at(const ex_stmt *st, size_t i)
{
	static const char *const verbs[] = {"duoc cong", "bi tru", "cong", "tru", "duoc tinh", "cham", NULL};
	for (int v = 0; verbs[v]; v++) {
		if (!ex_word_at(st->key, st->keylen, i, verbs[v]))
			continue;
		size_t j = i + strlen(verbs[v]);
		for (int w = 0; w < 4 && j < st->keylen; w++) {
			while (j < st->keylen && st->key[j] == ' ')
				j++;
			if (isdigit((unsigned char)st->key[j]))
				return 1;
			while (j < st->keylen && isalpha((unsigned char)st->key[j]))
				j++;
		}
	}
	return 0;
}

/* 1 when a rule giving points starts somewhere in st. */
static int rule_in(const ex_stmt *st)
{
	for (size_t i = 0; i < st->keylen; i++)
		if ((i == 0 || st->key[i - 1] == ' ') && rule_verb_at(st, i))
			return 1;
	return 0;
}

/* a, sep and b joined into a new string (caller frees); NULL when out of memory. */
static char *join3(const char *a, const char *sep, const char *b)
{
	size_t n = strlen(a) + strlen(sep) + strlen(b) + 1;
	char *j = malloc(n);
	if (j)
		snprintf(j, n, "%s%s%s", a, sep, b);
	return j;
}

/* Key offset past the word at p (letters, digits and the marks of a number) and the spaces after. */
static size_t next_word(const char *key, size_t p, size_t e)
{
	while (p < e && key[p] != ' ')
		p++;
	return ex_skip_sp(key, p, e);
}

/* 1 when the word at key offset p holds a digit or is a percent sign. */
static int numeric_word(const char *key, size_t p, size_t e)
{
	for (; p < e && key[p] != ' '; p++)
		if (isdigit((unsigned char)key[p]) || key[p] == '%')
			return 1;
	return 0;
}

/* 1 when a condition on an amount starts at key offset p of st (before e): "từ 10%", "trên
 * mức", "trở xuống", "thì" (not "đô thị"). */
static int condition_at(const ex_stmt *st, size_t p, size_t e)
{
	const char *key = st->key;
	static const char *const bounds[] = {"tu", "tren", "duoi", "dat", "khoang", "toi thieu", NULL};
	static const char *const ends[] = {"tro xuong", "tro len", "thi", "neu", NULL};
	if (numeric_word(key, p, e) || (ex_starts_any(key, e, p, ends) && !ex_spelled_at(st, p, "thị")))
		return 1;
	if (!ex_starts_any(key, e, p, bounds))
		return 0;
	size_t q = next_word(key, p, e);
	if (ex_word_at(key, e, q, "toi thieu"))
		q = next_word(key, next_word(key, q, e), e);
	else if (ex_starts_any(key, e, q, (const char *const[]){"tu", "tren", "duoi", NULL})) /* "đạt từ 300%" */
		q = next_word(key, q, e);
	return q < e && (numeric_word(key, q, e) || ex_word_at(key, e, q, "muc"));
}

/* The indicator a rule states its points for, read from the rule's own words: the noun phrase
 * before its condition and its verb ("b) Tỷ trọng dịch vụ từ 70% trở xuống được tính 1 điểm",
 * "Có từ 20% đến 30% dân số là người dân tộc thiểu số được tính 1 điểm", "…, nếu có số thu … từ
 * 50% trở xuống được tính 3 điểm"). Sets its key span and returns 1; 2 when the words name the
 * kind of unit the rule is for ("Xã từ 16.000 người trở xuống …"); 0 when they name nothing (a
 * threshold "Đạt từ 80%", "Mỗi …"). */
static int rule_subject(const ex_stmt *st, size_t *ob, size_t *oe)
{
	static const char *const units[] = {"tinh", "xa", "phuong", "huyen", "thanh pho", "thi xa", "thi tran",
					    "dac khu", "don vi hanh chinh", NULL};
	static const char *const lead[] = {"co", "doi voi", "neu co", "neu", NULL};
	static const char *const no_np[] = {"moi", "cu", "dat", "neu", "truong hop", "trong do", "tong", "diem",
					    "duoc", "khong", "chua", "voi", "la", "thi", NULL};
	const char *key = st->key;
	size_t b = scheme_body_start(st), rv = b;
	/* the rule's verb: "cộng", "trừ", not "công nhận", "tạm trú" */
	while (rv < st->keylen && !((rv == 0 || key[rv - 1] == ' ') && rule_verb_at(st, rv) &&
				    !ex_spelled_at(st, rv, "công") && !ex_spelled_at(st, rv, "trú") &&
				    !ex_spelled_at(st, rv, "trụ")))
		rv++;
	if (rv >= st->keylen)
		return 0;
	for (size_t i = b; i < rv; i++) /* the last "nếu" clause before the verb holds the indicator */
		if ((i == 0 || key[i - 1] == ' ') && ex_word_at(key, rv, i, "neu"))
			b = i;
	for (int again = 1; again;) {
		again = 0;
		for (int w = 0; lead[w]; w++)
			if (ex_word_at(key, rv, b, lead[w])) {
				b = ex_skip_sp(key, b + strlen(lead[w]), rv);
				again = 1;
				break;
			}
	}
	/* a unit in general before what it has ("Đơn vị hành chính cấp xã có vị trí …"): what it has */
	if (ex_word_at(key, rv, b, "don vi"))
		for (size_t i = b, w = 0; i < rv && w < 10 && !isdigit((unsigned char)key[i]); i++) {
			if (key[i] == ' ')
				w++;
			if (key[i] == ' ' && ex_word_at(key, rv, i + 1, "co")) {
				b = ex_skip_sp(key, i + 3, rv);
				break;
			}
		}
	/* a condition before the indicator ("từ 20% đến 30% dân số …") */
	if (condition_at(st, b, rv) && !ex_starts_any(key, rv, b, (const char *const[]){"thi", "neu", NULL}))
		while (b < rv && (numeric_word(key, b, rv) ||
				  ex_starts_any(key, rv, b, (const char *const[]){"tu", "den", "tren", "duoi", "khoang", NULL})))
			b = next_word(key, b, rv);
	size_t e = b;
	while (e < rv && !strchr(";:(", key[e]) && !ex_sentence_dot(key, rv, e) &&
	       !((e == b || key[e - 1] == ' ') && (condition_at(st, e, rv) || ex_word_at(key, rv, e, "tren tong so"))))
		e++; /* the denominator of a rate ("… trên tổng số văn bản đi") names no indicator either */
	int cut = e < rv && condition_at(st, e, rv); /* a condition follows the words */
	while (e > b && strchr(" ,*_", key[e - 1])) /* markup of emphasis ("**Diện tích**") too */
		e--;
	while (b < e && strchr("*_ ", key[b]))
		b++;
	size_t words = ex_words_in(key, b, e);
	*ob = b;
	*oe = e;
	/* the kind of unit the rule is for, before a condition ("Xã từ 16.000 người trở xuống …",
	 * "Phường thuộc tỉnh từ …"): it names who, the heading names what */
	if (cut && words <= 6 && ex_starts_any(key, e, b, units) && !ex_has_any(key, b, e, (const char *const[]){"co", "la", NULL}))
		return 2;
	if (words > 30) { /* a long indicator: its words before the first comma */
		const char *comma = memchr(key + b, ',', e - b);
		if (comma) {
			e = (size_t)(comma - key);
			words = ex_words_in(key, b, e);
		}
	}
	if (words < 2 || words > 30 || ex_starts_any(key, e, b, no_np) || ex_spelled_at(st, b, "tính") ||
	    !isalpha((unsigned char)key[b]))
		return 0;
	return 1;
}

/* The criterion a statement's rule belongs to: its table row's title, its own label, the
 * indicator its rule names, the heading it is under; *cs gets the statement. Caller frees. */
/* The name of title statement t (s: the statement it is named for): its words up to a sentence
 * end, colon, parenthesis or rule verb, a wrapped table cell joined. Caller frees. */
static char *title_name(const sch_doc *sd, size_t t, size_t s)
{
	const ex_doc *ed = sd->ed;
	const ex_stmt *ts = &ed->stmts[t];
	size_t b = scheme_body_start(ts), e = b;
	if (ex_word_at(ts->key, ts->keylen, b, "dieu") && isdigit((unsigned char)ts->key[b + 5])) { /* "Điều 5. …" */
		e = b + 5;
		while (e < ts->keylen && (isdigit((unsigned char)ts->key[e]) || strchr(". ", ts->key[e])))
			e++;
		b = e;
	}
	/* up to the first sentence end, colon, parenthesis or rule verb */
	for (e = b; e < ts->keylen; e++) {
		if (ts->key[e] == '(') { /* "(bao gồm người được ủy quyền nhận thay)" stays; "(10 điểm)" ends it */
			const char *close = memchr(ts->key + e, ')', ts->keylen - e);
			if (close && !memmem(ts->key + e, (size_t)(close - ts->key) - e, "diem", 4) &&
			    (size_t)(close - ts->key) + 1 < ts->keylen) {
				e = (size_t)(close - ts->key);
				continue;
			}
			break;
		}
		if (strchr(":;", ts->key[e]) || ex_sentence_dot(ts->key, ts->keylen, e))
			break;
		if (e > b && rule_verb_at(ts, e))
			break;
	}
	/* a table row's title may go on in the next statement (a wrapped cell) */
	char *c = scheme_text_of(ts, b, e);
	if (e >= ts->keylen && t + 1 < ed->nstmts && sd->info[t + 1].title == t && !sd->info[t + 1].bare &&
	    t + 1 != s && ed->stmts[t + 1].key[0] && islower((unsigned char)ed->stmts[t + 1].text[0])) {
		const ex_stmt *ns = &ed->stmts[t + 1];
		size_t ne = 0;
		while (ne < ns->keylen && !strchr(":;(", ns->key[ne]) && !ex_sentence_dot(ns->key, ns->keylen, ne))
			ne++;
		char *more = scheme_text_of(ns, 0, ne);
		if (c && more) {
			char *j = malloc(strlen(c) + strlen(more) + 2);
			if (j)
				sprintf(j, "%s %s", c, more);
			free(c);
			c = j;
		}
		free(more);
	}
	return c;
}

/* 1 when title statement ts gives a criterion its maximum: points in its words, no rule. */
static int max_title(const ex_stmt *ts)
{
	if (rule_in(ts))
		return 0;
	for (size_t i = 0; i + 1 < ts->keylen; i++) /* "N điểm" */
		if (isdigit((unsigned char)ts->key[i]) && ex_word_at(ts->key, ts->keylen, ex_skip_sp(ts->key, i + 1, ts->keylen), "diem"))
			return 1;
	return 0;
}

/* The criterion statement s's rule names in its own words (rule_subject): the indicator, or the
 * kind of unit joined to the heading above ("Xã: Quy mô dân số"); *cs gets the statement naming
 * it. NULL when none. */
static char *rule_criterion(const sch_doc *sd, size_t s, size_t *cs)
{
	const ex_stmt *sm = &sd->ed->stmts[s];
	size_t lb, le;
	int rs = rule_in(sm) ? rule_subject(sm, &lb, &le) : 0;
	if (!rs)
		return NULL;
	char *own = scheme_text_of(sm, lb, le);
	size_t t = rs == 2 ? scheme_title_before(sd->ed, s) : EX_NONE;
	char *head = t != EX_NONE ? title_name(sd, t, s) : NULL;
	*cs = s;
	if (rs == 2 && (!own || !head)) { /* a unit alone names no criterion */
		free(own);
		free(head);
		return NULL;
	}
	if (head) {
		char *j = join3(own, ": ", head);
		free(own);
		free(head);
		own = j;
	}
	return own;
}

char *scheme_criterion_of(const sch_doc *sd, size_t s, size_t *cs)
{
	const ex_doc *ed = sd->ed;
	size_t t = sd->info[s].title;
	*cs = EX_NONE;
	if (t == EX_NONE) {
		size_t lb, le;
		const ex_stmt *sm = &ed->stmts[s];
		if (scheme_label_span(sm, 0, &lb, &le)) {
			*cs = s;
			return scheme_text_of(sm, lb, le);
		}
		/* under a heading that gives its criterion a maximum ("2. Kết quả số hóa (80 điểm)"), a rule
		 * scores that criterion; elsewhere it names its own indicator */
		size_t up = scheme_title_before(ed, s);
		char *own = up != EX_NONE && max_title(&ed->stmts[up]) ? NULL : rule_criterion(sd, s, cs);
		if (own)
			return own;
		/* a heading that is itself a rule without an indicator belongs to the criterion of the
		 * section it is in */
		t = sm->heading && !rule_in(sm) ? s : scheme_title_before(ed, s);
		/* a rule going on from the heading rule before it ("a) Xã từ 16.000 người trở xuống được
		 * tính 10 điểm;" then "trên 16.000 người thì cứ thêm …") names what that rule names */
		if (t != EX_NONE && t != s && ed->stmts[t].heading && !sm->heading && (own = rule_criterion(sd, t, cs)))
			return own;
	}
	if (t == EX_NONE)
		return NULL;
	*cs = t;
	return title_name(sd, t, s);
}

/* Criterion c (taken over) of a bonus or penalty rule named by its own words, with the label of
 * the section it is in: "Điểm ưu tiên: quy mô dân số" under "Điều 9. Điểm ưu tiên trong …". */
static char *with_kind_label(const ex_doc *ed, size_t s, int kind, char *c)
{
	const char *const *ws = kind == EX_SCH_BONUS ? bonus_words : penalty_words;
	size_t cl = strlen(c);
	char *ck = NULL;
	size_t ckl = 0, *cm = NULL;
	if (ex_key(c, cl, &ck, &ckl, &cm) != 0 || !ck)
		return c;
	int has = ex_has_any(ck, 0, ckl, ws);
	free(ck);
	free(cm);
	if (has)
		return c;
	size_t t = scheme_title_before(ed, s);
	for (int up = 0; up < 2 && t != EX_NONE; up++, t = scheme_title_before(ed, t)) {
		const ex_stmt *ts = &ed->stmts[t];
		for (size_t i = 0; i < ts->keylen; i++)
			for (int w = 0; ws[w]; w++)
				if ((i == 0 || ts->key[i - 1] == ' ') && ex_word_at(ts->key, ts->keylen, i, ws[w]) &&
				    !strncmp(ws[w], "diem", 4)) {
					char *label = scheme_text_of(ts, i, i + strlen(ws[w]));
					char *j = label ? join3(label, ": ", c) : NULL;
					free(label);
					if (!j)
						return c;
					free(c);
					return j;
				}
	}
	return c;
}

/* The row of a scheme figure at key [at, end) of statement s with kind, maximum and points, its
 * criterion (given, or found) and condition; conf is its confidence. */
sohoa_status scheme_emit(sohoa_ctx *ctx, sch_doc *sd, size_t s, size_t at, int kind, const double *max,
			 const double *points, char *criterion, size_t crit_stmt, char *condition, double conf)
{
	ex_scheme r = {0};
	r.kind = (ex_scheme_kind)kind;
	r.stmt = s;
	r.at = at;
	if (max) {
		r.max = *max;
		r.has_max = 1;
	}
	if (points) {
		r.points = *points;
		r.has_points = 1;
	}
	r.criterion = criterion;
	r.crit_stmt = crit_stmt;
	r.condition = condition;
	if (!criterion) {
		r.criterion = scheme_criterion_of(sd, s, &r.crit_stmt);
		if (!r.criterion)
			conf *= 0.8;
		else if (r.crit_stmt == s && (kind == EX_SCH_BONUS || kind == EX_SCH_PENALTY))
			r.criterion = with_kind_label(sd->ed, s, kind, r.criterion);
	}
	if (!sd->scheme_doc)
		conf *= 0.7;
	r.confidence = conf;
	return add_row(ctx, sd->out, &r);
}

/* ---- merging rows ---- */

/* Free what row r owns. */
static void row_free(ex_scheme *r)
{
	free(r->criterion);
	free(r->condition);
}

/* Table rows whose first rule gives the row's full points ("5.3 …" with points 5 and "Nếu đạt
 * 100% cộng 05 điểm") state one fact: the rule carries the maximum. A rule repeated in a row
 * with a condition inside the other's is one rule. 1 when row r went into one of the w rows
 * o keeps before it. */
static int into_maximum(ex_scheme_set *o, size_t w, ex_scheme *r)
{
	if (r->kind == EX_SCH_BAND)
		return 0; /* a band's bounds are its own: "đạt từ 5 điểm", "không đạt dưới 5 điểm" are two */
	int drop = 0;
	for (size_t j = 0; j < w && !drop; j++) {
		ex_scheme *q = &o->rows[j];
		if (q->crit_stmt == EX_NONE || q->crit_stmt != r->crit_stmt || q->kind != r->kind)
			continue;
		if (r->has_points && !r->has_max && q->has_max && !q->has_points && q->max == r->points) {
			/* the first rule after the maximum of its row */
			int first = 1;
			for (size_t k = j + 1; k < w; k++)
				if (o->rows[k].crit_stmt == r->crit_stmt && o->rows[k].has_points)
					first = 0;
			if (first) {
				q->points = r->points;
				q->has_points = 1;
				free(q->condition);
				q->condition = r->condition;
				r->condition = NULL;
				drop = 1;
			}
		} else if (r->has_points && q->has_points && q->points == r->points && q->condition && r->condition) {
			char *a = NULL, *b = NULL, *ka, *kb;
			size_t la, lb2, *ma, *mb;
			if (!ex_key(q->condition, strlen(q->condition), &a, &la, &ma) &&
			    !ex_key(r->condition, strlen(r->condition), &b, &lb2, &mb)) {
				ka = a;
				kb = b;
				drop = strstr(ka, kb) != NULL || strstr(kb, ka) != NULL;
				free(mb);
			}
			free(ma);
			free(a);
			free(b);
		}
	}
	return drop;
}

/* Same, for a table row whose points cell comes after the rule in its title ("5.1 … được cộng
 * trực tiếp 05 điểm" then "5"): the maximum goes onto the rule. */
static int into_rule(ex_scheme_set *o, size_t w, ex_scheme *r)
{
	if (!(r->has_max && !r->has_points && r->crit_stmt != EX_NONE) || r->kind == EX_SCH_BAND)
		return 0;
	int merged = 0;
	for (size_t j = 0; j < w && !merged; j++) {
		ex_scheme *q = &o->rows[j];
		if (q->stmt == r->crit_stmt && q->has_points && !q->has_max && q->points == r->max && q->kind == r->kind) {
			q->max = r->max;
			q->has_max = 1;
			if (!q->criterion) {
				q->criterion = r->criterion;
				r->criterion = NULL;
			}
			q->crit_stmt = r->crit_stmt;
			merged = 1;
		}
	}
	return merged;
}

/* Drop the rows of o that into(o, w, r) merged into one of the w rows kept before them; the
 * order of the others is kept. */
static void merge_rows(ex_scheme_set *o, int (*into)(ex_scheme_set *o, size_t w, ex_scheme *r))
{
	size_t w = 0;
	for (size_t i = 0; i < o->n; i++) {
		ex_scheme *r = &o->rows[i];
		if (into(o, w, r))
			row_free(r);
		else
			o->rows[w++] = *r;
	}
	o->n = w;
}

static int cmp_rows(const void *a, const void *b)
{
	const ex_scheme *x = a, *y = b;
	if (x->stmt != y->stmt)
		return x->stmt < y->stmt ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* 1 when the document defines a scheme: two scheme cues or more among its statements. */
static int count_cues(const ex_doc *ed)
{
	static const char *const cues[] = {"thang diem", "diem chuan", "diem thuong", "diem tru", "diem cong",
					   "cong diem", "tru diem", "cham diem", "tinh diem", "toi da", "xep loai",
					   "phan loai", NULL};
	int n = 0;
	for (size_t s = 0; s < ed->nstmts && n < 3; s++)
		for (int c = 0; cues[c]; c++)
			if (strstr(ed->stmts[s].key, cues[c]) && strstr(ed->stmts[s].key, "diem"))
				n++;
	return n >= 2;
}

/* 1 when the scale at key offset i is what marks are set on ("chấm theo thang điểm 10", "trên
 * thang điểm 100", "quy đổi về thang điểm 10"), not a bound ("vượt quá thang điểm 30"). */
static int set_on(const char *key, size_t i)
{
	size_t wb;
	return scheme_ends_word(key, 0, i, "theo", &wb) || scheme_ends_word(key, 0, i, "tren", &wb) ||
	       scheme_ends_word(key, 0, i, "ve", &wb);
}

/* "Thang điểm đánh giá của Chỉ số CCHC là 100", "Thang điểm đánh giá là 100": a scale stated
 * with "là" a few words after "thang điểm" (key offset p): 1, *nb set to where its number
 * starts and *of to what the scale is of (the words after "của"; "" when none; NULL when out of
 * memory); 0 when p starts no such statement. */
static int scale_is(const ex_stmt *sm, size_t p, size_t *nb, char **of)
{
	const char *key = sm->key;
	size_t cua = EX_NONE;
	*of = NULL;
	for (size_t i = p, w = 0; i < sm->keylen && w <= 10; i++) {
		if (isdigit((unsigned char)key[i]) || strchr(",;:()%.", key[i]))
			return 0;
		if (key[i] != ' ')
			continue;
		w++;
		if (ex_word_at(key, sm->keylen, i + 1, "cua") && cua == EX_NONE)
			cua = ex_skip_sp(key, i + 4, sm->keylen);
		if (!ex_word_at(key, sm->keylen, i + 1, "la"))
			continue;
		size_t n = ex_skip_sp(key, i + 3, sm->keylen);
		if (n >= sm->keylen || !isdigit((unsigned char)key[n]))
			return 0;
		*nb = n;
		*of = cua != EX_NONE && cua < i ? scheme_text_of(sm, cua, i) : NULL;
		if (!*of)
			*of = calloc(1, 1);
		return 1;
	}
	return 0;
}

/* The maximum a prose sentence sets with a scale without unit: "… chấm điểm, tính theo thang
 * điểm 10", "… thì tổng điểm bài thi được quy đổi về thang điểm 100", "… theo thang điểm 10."
 * (not a marking's granularity, "thang điểm chi tiết"): a criterion row with that
 * maximum, named by the noun phrase that opens the clause (after "thì") or the sentence ("Việc"
 * left out), up to its verb. Only in a document that defines a scheme. */
static sohoa_status scale_rows(sohoa_ctx *ctx, sch_doc *sd, size_t s)
{
	static const char *const stops[] = {"duoc", "do", "tinh", "theo", "la", "thuc hien", "se", "phai", "cham",
					    "quy doi", NULL};
	const ex_stmt *sm = &sd->ed->stmts[s];
	const char *key = sm->key;
	sohoa_status st = SOHOA_OK;
	for (size_t i = 0; i + 12 < sm->keylen && st == SOHOA_OK; i++) {
		if (!ex_word_at(key, sm->keylen, i, "thang diem"))
			continue;
		size_t nb = ex_skip_sp(key, i + 10, sm->keylen), ne;
		char *of = NULL; /* "Thang điểm đánh giá của Chỉ số CCHC là 100.": what the scale is of */
		if (!isdigit((unsigned char)key[nb]) && scale_is(sm, nb, &nb, &of) && !of)
			continue;
		ne = nb;
		while (ne < sm->keylen && isdigit((unsigned char)key[ne]))
			ne++;
		size_t a = ex_skip_sp(key, ne, sm->keylen);
		if (ne == nb || ne - nb > 3 || (ne < sm->keylen && strchr("%.,/", key[ne]) && isdigit((unsigned char)key[ne + 1])) ||
		    (a < sm->keylen && (ex_word_at(key, sm->keylen, a, "diem") || key[a] == '%'))) {
			free(of);
			continue; /* "thang điểm 100 điểm", "thang điểm 10,5": read elsewhere or no scale */
		}
		if (of) { /* "… là 100." ends its sentence or clause */
			double max = ex_num_at(key, nb);
			char *name = *of ? of : NULL;
			if (name != of)
				free(of);
			if (a < sm->keylen && !strchr(".;", key[a])) {
				free(name);
				continue;
			}
			size_t cs = name ? s : EX_NONE, t = scheme_title_before(sd->ed, s);
			/* "b) Thang điểm đánh giá:" then "- Thang điểm đánh giá là 100.": the scale of the
			 * heading above that title; a heading "2. Thang điểm đánh giá là 100." that of the
			 * title above it */
			if (!name && t != EX_NONE &&
			    ex_word_at(sd->ed->stmts[t].key, sd->ed->stmts[t].keylen, scheme_body_start(&sd->ed->stmts[t]), "thang diem"))
				t = scheme_title_before(sd->ed, t);
			if (!name && t != EX_NONE && (name = title_name(sd, t, s)) != NULL)
				cs = t;
			if (!name) { /* no title above: the scale's own words before "là" */
				size_t lp = nb;
				while (lp > i && !(key[lp - 1] == ' ' && ex_word_at(key, nb, lp, "la")))
					lp--;
				name = scheme_text_of(sm, i, lp);
				cs = s;
			}
			st = scheme_add_span(ctx, sd->out, s, nb, ne);
			if (st == SOHOA_OK)
				st = scheme_emit(ctx, sd, s, nb, EX_SCH_CRITERION, &max, NULL, name, name ? cs : EX_NONE, NULL, 0.8);
			else
				free(name);
			i = ne;
			continue;
		}
		if (a < sm->keylen && !strchr(";:)", key[a]) && !ex_word_at(key, sm->keylen, a, "theo") &&
		    !ex_word_at(key, sm->keylen, a, "va") && !ex_word_at(key, sm->keylen, a, "cho") &&
		    !(key[a] == '.' && set_on(key, i)))
			continue;
		double max = ex_num_at(key, nb);
		if (max < 1 || max > 1000)
			continue;
		if (ex_has_word(key, ex_sentence_start(key, i), ex_sentence_end(key, sm->keylen, i), "thang diem chi tiet"))
			continue; /* "Đáp án phải có thang điểm chi tiết, … (thang điểm 10)": how answers are marked */
		size_t sb = ex_sentence_start(key, i), nb0;
		if (sb < scheme_body_start(sm))
			sb = scheme_body_start(sm);
		nb0 = sb;
		for (size_t k = sb; k < i; k++)
			if (ex_word_at(key, i, k, "thi") && k > sb && key[k - 1] == ' ' && ex_spelled_at(sm, k, "thì"))
				nb0 = ex_skip_sp(key, k + 3, i);
		nb0 = ex_skip_sp(key, nb0 + strspn(key + nb0, " -+*"), i);
		if (ex_word_at(key, i, nb0, "viec"))
			nb0 = ex_skip_sp(key, nb0 + 4, i);
		size_t ce = nb0;
		while (ce < i && !strchr(",;:(", key[ce]) && !(ce > nb0 && key[ce - 1] == ' ' && ex_starts_any(key, i, ce, stops)))
			ce++;
		char *name = ex_words_in(key, nb0, ce) >= 2 ? scheme_text_of(sm, nb0, ce) : NULL;
		st = scheme_emit(ctx, sd, s, nb, EX_SCH_CRITERION, &max, NULL, name, s, NULL, name ? 0.8 : 0.6);
		i = ne;
	}
	return st;
}

sohoa_status ex_schemes_collect(sohoa_ctx *ctx, const ex_doc *ed, ex_scheme_set *out)
{
	memset(out, 0, sizeof *out);
	sch_doc sd = {.ed = ed, .out = out};
	sohoa_status st = SOHOA_OK;
	sd.pts = ex_regex(ctx, pts_re);
	sd.range = ex_regex(ctx, range_re);
	sd.above = ex_regex(ctx, above_re);
	sd.below = ex_regex(ctx, below_re);
	sd.above_bare = ex_regex(ctx, above_bare_re);
	sd.info = calloc(ed->nstmts ? ed->nstmts : 1, sizeof *sd.info);
	if (!sd.pts || !sd.range || !sd.above || !sd.below || !sd.above_bare) {
		st = ctx->status;
		goto done;
	}
	if (!sd.info) {
		st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		goto done;
	}
	for (size_t s = 0; s < ed->nstmts; s++) {
		sd.info[s].title = EX_NONE;
		sd.info[s].group = -1;
	}
	sd.scheme_doc = count_cues(ed);
	st = scheme_read_tables(ctx, &sd);
	for (size_t s = 0; s < ed->nstmts && st == SOHOA_OK; s++) {
		if (sd.info[s].bare || !strpbrk(ed->stmts[s].key, "0123456789") || !scheme_band_context(&sd, s))
			continue;
		st = scheme_bands(ctx, &sd, s, &sd.info[s].band);
		if (sd.info[s].band) {
			size_t t = scheme_title_before(ed, s);
			sd.info[s].banded = 1;
			if (t != EX_NONE)
				sd.info[t].banded = 1;
		}
	}
	for (size_t s = 0; s < ed->nstmts && st == SOHOA_OK; s++) {
		const ex_stmt *sm = &ed->stmts[s];
		if (sd.info[s].table && !sd.info[s].bare)
			st = scheme_add_span(ctx, out, s, 0, sm->keylen); /* a points table's cells are conditions */
		if (st == SOHOA_OK && !sd.info[s].bare && strpbrk(sm->key, "0123456789") && !ex_footnote(ed, sm, 0))
			st = scheme_grammar(ctx, &sd, s);
		if (st == SOHOA_OK && sd.scheme_doc && !sd.info[s].table && strstr(sm->key, "thang diem"))
			st = scale_rows(ctx, &sd, s);
		if (st == SOHOA_OK && !sd.info[s].table && strstr(sm->key, "diem") && strchr(sm->key, '/'))
			st = scheme_parts(ctx, &sd, s);
		if (st == SOHOA_OK && !sd.info[s].table && strchr(sm->key, '%'))
			st = scheme_pct_bands(ctx, &sd, s);
	}
	if (st == SOHOA_OK && out->n > 1) {
		qsort(out->rows, out->n, sizeof *out->rows, cmp_rows);
		merge_rows(out, into_rule);
		merge_rows(out, into_maximum);
	}
done:
	free(sd.info);
	sohoa_regex_free(sd.pts);
	sohoa_regex_free(sd.range);
	sohoa_regex_free(sd.above);
	sohoa_regex_free(sd.below);
	sohoa_regex_free(sd.above_bare);
	if (st != SOHOA_OK)
		ex_schemes_free(out);
	return st;
}

void ex_schemes_free(ex_scheme_set *s)
{
	if (!s)
		return;
	while (s->n > 0)
		row_free(&s->rows[--s->n]);
	free(s->rows);
	free(s->spans);
	memset(s, 0, sizeof *s);
}

int ex_schemes_owns(const ex_scheme_set *s, size_t stmt, size_t at)
{
	for (size_t i = 0; i < s->nspans; i++)
		if (s->spans[i].stmt == stmt && at >= s->spans[i].b && at < s->spans[i].e)
			return 1;
	return 0;
}

/* ---- schemes.csv ---- */

static sohoa_status write_row(sohoa_ctx *ctx, const ex_doc *ed, const ex_scheme *r, sohoa_buf *out)
{
	int page, line;
	char *sentence = ex_figure_context(ed, &ed->stmts[r->stmt], r->at, r->at, ",.", &page, &line);
	char conf[16];
	snprintf(conf, sizeof conf, "%.2f", r->confidence);
	ex_row w;
	ex_row_begin(&w, out);
	ex_field(&w, ed->name);
	ex_field(&w, kind_names[r->kind]);
	ex_field(&w, r->criterion);
	ex_field_num(&w, r->max, r->has_max);
	ex_field_num(&w, r->points, r->has_points);
	ex_field(&w, r->condition);
	ex_field_int(&w, page, 1);
	ex_field_int(&w, line, 1);
	ex_field(&w, sentence);
	ex_field(&w, conf);
	free(sentence);
	return ex_row_end(&w, ctx);
}

static sohoa_status schemes(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out)
{
	ex_scheme_set sc;
	sohoa_status st = ex_schemes_collect(ctx, ed, &sc);
	for (size_t i = 0; i < sc.n && st == SOHOA_OK; i++)
		st = write_row(ctx, ed, &sc.rows[i], out);
	ex_schemes_free(&sc);
	ex_ltables *lt = NULL;
	if (st == SOHOA_OK && (st = ex_ltables_read(ctx, ed, &lt)) == SOHOA_OK)
		st = ex_ltables_schemes(ctx, ed, lt, out);
	ex_ltables_free(lt);
	return st;
}

static sohoa_status run(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, sohoa_buf *out)
{
	return ex_over_stmts(ctx, doc, text, out, schemes);
}

const sohoa_extractor ex_schemes = {"schemes", columns, run};
