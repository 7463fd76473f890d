/* schemes-grammar: the scheme rows a statement states in words — a criterion's maximum, a cap,
 * a total, a rule giving or taking points under a condition. */
#include "schemes-int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Verbs that give points under a condition. */
static const char *const rule_verbs[] = {"cong them", "cong truc tiep", "cong", "tru di", "tru them", "tru",
					 "cham", "tinh them", "tinh la", "tinh", "cho", "thuong", "tuong ung voi",
					 "tuong ung", "duoc them", "duoc", "them", NULL};
/* Words that make "được N điểm" a rule rather than a result. */
static const char *const cond_words[] = {"moi", "cu", "neu", "thi", "khi", "truong hop", "doi voi", NULL};
/* Totals: "tổng số điểm chuẩn … là 100 điểm", "thang điểm 100", "Tổng cộng". */
static const char *const total_words[] = {"tong so diem chuan", "tong so diem toi da", "tong diem toi da",
					  "tong so diem cac tieu chi", "tong diem chuan", "diem chuan",
					  "thang diem", "tong cong", NULL};

/* The condition words whose key is shared with other words, as spelled: "moi" is "mỗi" (each), not
 * "mới" (new); "cu" is "cứ" (for every), not "cũ". */
static int spelled(const ex_stmt *sm, size_t at, const char *w)
{
	if (!strcmp(w, "moi"))
		return ex_spelled_at(sm, at, "mỗi");
	if (!strcmp(w, "cu"))
		return ex_spelled_at(sm, at, "cứ");
	return 1;
}

/* Past bullets and list numbers at the start of key[b..e) ("- ", "a) ", "(2) "). */
static size_t list_start_key(const char *key, size_t b, size_t e)
{
	while (b < e && strchr(" -+*", key[b]))
		b++;
	size_t d = b + (b < e && key[b] == '(');
	size_t j = d;
	while (j < e && (isdigit((unsigned char)key[j]) || (j == d && isalpha((unsigned char)key[j]))))
		j++;
	if (j > d && j < e && strchr(".)", key[j]) && j + 1 < e && key[j + 1] == ' ')
		b = j + 2;
	while (b < e && key[b] == ' ')
		b++;
	return b;
}

/* 1 when key [b, e) of sm holds a condition word (cond_words, as spelled) or a threshold on an
 * amount ("Đến 500.000 người", "Trên 10%"; not a date "đến 30/6"). */
static int has_cond(const ex_stmt *sm, size_t b, size_t e)
{
	static const char *const bounds[] = {"den", "tren", "duoi", "tu", NULL};
	const char *key = sm->key;
	for (size_t i = b; i < e; i++) {
		for (int w = 0; cond_words[w]; w++)
			if (ex_word_at(key, e, i, cond_words[w]) && spelled(sm, i, cond_words[w]))
				return 1;
		for (int w = 0; bounds[w]; w++)
			if ((i == b || key[i - 1] == ' ') && ex_word_at(key, e, i, bounds[w])) {
				size_t j = i + strlen(bounds[w]);
				while (j < e && key[j] == ' ')
					j++;
				size_t d = j;
				while (j < e && (isdigit((unsigned char)key[j]) || ((key[j] == '.' || key[j] == ',') && j + 1 < e &&
										     isdigit((unsigned char)key[j + 1]))))
					j++;
				if (j > d && (j >= e || key[j] != '/'))
					return 1;
			}
	}
	return 0;
}

/* "bị trừ điểm giấy phép lái xe 02 điểm": a deduction whose verb names what loses the points
 * between it and the figure at nb (words and glosses in parentheses, no figure, clause mark or
 * "thì" outside them). Returns 1 and
 * sets *vb to where the deduction ("bị", "trừ") starts; else 0. */
static int deduct_object(const ex_stmt *sm, size_t cb, size_t nb, size_t *vb)
{
	const char *key = sm->key;
	int words = 0;
	for (size_t i = nb; i-- > cb;) {
		if (key[i] == ')') { /* a gloss "(khi điều khiển xe ô tô)" */
			while (i > cb && key[i] != '(')
				i--;
			continue;
		}
		if (isdigit((unsigned char)key[i]) || strchr(",;:.", key[i]))
			return 0;
		if (key[i] == ' ' && ++words > 24)
			return 0;
		if ((i == cb || key[i - 1] == ' ') && ex_word_at(key, nb, i, "thi") && ex_spelled_at(sm, i, "thì"))
			return 0; /* "… từ ngày bị trừ điểm gần nhất thì được phục hồi đủ 12 điểm": a consequence */
		if ((i == cb || key[i - 1] == ' ') && ex_word_at(key, nb, i, "tru diem") && ex_spelled_at(sm, i, "trừ")) {
			size_t w;
			*vb = scheme_ends_word(key, cb, i, "bi", &w) ? w : i;
			return 1;
		}
	}
	return 0;
}

/* "trường hợp dưới 95% thì tiêu chí này đạt 0 điểm", "Không thực hiện thì điểm đánh giá là 0
 * điểm": a condition, "thì", what is scored (a few words naming a criterion or points, no figure)
 * and "là"/"đạt" before the figure at nb. Returns 1 and sets *thi to where "thì" starts; else 0
 * (a topic "Về … thì …" states a result, not a rule). */
static int then_points(const ex_stmt *sm, size_t cb, size_t nb, size_t *thi)
{
	const char *key = sm->key;
	size_t wb;
	if (!scheme_ends_word(key, cb, nb, "la", &wb) && !scheme_ends_word(key, cb, nb, "dat", &wb))
		return 0;
	for (size_t i = wb; i-- > cb;) {
		if (isdigit((unsigned char)key[i]) || strchr(",;:.()", key[i]))
			return 0;
		if (!((i == cb || key[i - 1] == ' ') && ex_word_at(key, wb, i, "thi") && ex_spelled_at(sm, i, "thì")))
			continue;
		size_t b = list_start_key(key, cb, i);
		if (ex_words_in(key, i + 3, wb) > 8 || ex_words_in(key, b, i) < 2 || ex_word_at(key, i, b, "ve") ||
		    !(ex_has_word(key, i, wb, "tieu chi") || ex_has_word(key, i, wb, "diem")))
			return 0;
		*thi = i;
		return 1;
	}
	return 0;
}

/* 1 when key [b, e) of heading sm names a criterion among a scheme's criteria: a few words, no
 * figure nor result verb, under a title about criteria or marking (not their results). */
static int criteria_item(const sch_doc *sd, const ex_stmt *sm, size_t b, size_t e)
{
	static const char *const verbs[] = {"dat", "duoc", "con", "chi", "bi", "tang", "giam", "la", NULL};
	static const char *const about[] = {"tieu chi", "thang diem", "cham diem", "noi dung danh gia", NULL};
	const char *key = sm->key;
	b = list_start_key(key, b, e);
	size_t words = ex_words_in(key, b, e);
	if (words < 2 || words > 20)
		return 0;
	for (size_t i = b; i < e; i++)
		if (isdigit((unsigned char)key[i]) || strchr(":;()%", key[i]) ||
		    ((i == b || key[i - 1] == ' ') && ex_starts_any(key, e, i, verbs)))
			return 0;
	size_t t = scheme_title_before(sd->ed, sm - sd->ed->stmts);
	if (t == EX_NONE)
		return 0;
	const ex_stmt *ts = &sd->ed->stmts[t];
	size_t te = ts->keylen < 200 ? ts->keylen : 200;
	return ex_has_any(ts->key, 0, te, about) && !ex_has_word(ts->key, 0, te, "ket qua");
}

/* What kind of scheme figure a points figure is: none, a cap ("tối đa"), a rule giving points, a
 * maximum in parentheses, a total, one that states nothing ("không cộng", "điểm lẻ"), a label's
 * maximum ("Công tác tuyên truyền: 20 điểm"). */
typedef enum { F_NONE, F_CAP, F_RULE, F_PAREN, F_TOTAL, F_MUTE, F_LABEL } fig_kind;

/* The kind of the points figure at key [nb, ne) of statement sm, from the words before it in its
 * clause (from cb): *vb gets where those words start, *verb a rule's verb (else NULL). */
static fig_kind classify(const sch_doc *sd, const ex_stmt *sm, size_t cb, size_t nb, size_t ne, size_t *vb,
			 const char **verb)
{
	const char *key = sm->key;
	size_t wb;
	*vb = nb;
	*verb = NULL;
	/* "Đáp án phải có thang điểm chi tiết, tối thiểu là 0,1 điểm … (thang điểm 10)": the
	 * granularity of marking, its sentence states no criterion */
	if (ex_has_word(key, ex_sentence_start(key, nb), ex_sentence_end(key, sm->keylen, nb), "thang diem chi tiet"))
		return F_MUTE;
	/* "(10 điểm)", "(tối đa 10 điểm)" closing right after the figure */
	size_t a = ne;
	while (a < sm->keylen && key[a] == ' ')
		a++;
	size_t p = nb;
	while (p > 0 && key[p - 1] == ' ')
		p--;
	if (a < sm->keylen && key[a] == ')') {
		size_t q = p;
		if (scheme_ends_word(key, cb, p, "toi da", &wb))
			q = wb;
		while (q > 0 && key[q - 1] == ' ')
			q--;
		if (q > 0 && key[q - 1] == '(') {
			*vb = q - 1;
			return F_PAREN;
		}
	}
	static const char *const caps[] = {"toi da khong qua", "toi da khong vuot qua", "khong vuot qua", "toi da",
					   "khong qua", NULL};
	for (int i = 0; caps[i]; i++)
		if (scheme_ends_word(key, cb, nb, caps[i], &wb)) {
			*vb = wb;
			return F_CAP;
		}
	for (int i = 0; rule_verbs[i]; i++) {
		if (!scheme_ends_word(key, cb, nb, rule_verbs[i], &wb))
			continue;
		/* "Sở Công Thương 86 điểm": a name, not "cộng", "thưởng" */
		if ((!strncmp(rule_verbs[i], "cong", 4) && !ex_spelled_at(sm, wb, "cộng")) ||
		    (!strcmp(rule_verbs[i], "thuong") && !ex_spelled_at(sm, wb, "thưởng")))
			continue;
		size_t w2;
		if (!strcmp(rule_verbs[i], "cong") && scheme_ends_word(key, cb, wb, "tong", &w2)) {
			*vb = w2;
			return F_TOTAL; /* "Tổng cộng 100 điểm" */
		}
		if (!strcmp(rule_verbs[i], "duoc") || !strcmp(rule_verbs[i], "duoc them") || !strcmp(rule_verbs[i], "them")) {
			/* "đạt được 85 điểm" reports a result; "mỗi …, được 1 điểm" is a rule */
			if (scheme_ends_word(key, cb, wb, "dat", &w2) || !has_cond(sm, cb, wb))
				return F_NONE;
		}
		if (scheme_ends_word(key, cb, wb, "khong", &w2))
			return F_MUTE;
		/* "cho điểm lẻ đến 0,5 điểm": the granularity of marking */
		*vb = wb;
		if (!scheme_ends_word(key, cb, wb, "duoc", vb) && !scheme_ends_word(key, cb, wb, "bi", vb))
			*vb = wb;
		*verb = rule_verbs[i];
		return F_RULE;
	}
	if (then_points(sm, cb, nb, vb)) {
		*verb = "thi";
		return F_RULE;
	}
	if (deduct_object(sm, cb, nb, vb)) {
		*verb = "tru";
		return F_RULE;
	}
	if (ex_has_word(key, cb, nb, "diem le"))
		return F_MUTE;
	/* "- Công tác tuyên truyền: 20 điểm." in a scheme: a criterion and its maximum */
	size_t c = nb;
	while (c > 0 && key[c - 1] == ' ')
		c--;
	size_t after = a;
	if (c > 0 && key[c - 1] == ':' && c - 1 >= cb - 1 && (after >= sm->keylen || strchr(".;,", key[after])) &&
	    (sd->scheme_doc || sd->info[sm - sd->ed->stmts].table)) {
		*vb = c - 1;
		return F_LABEL;
	}
	/* "d) Thực hiện chế độ báo cáo 10 điểm." among the criteria of a scheme: the item's words,
	 * then its maximum ending it */
	if (sd->scheme_doc && sm->heading && cb <= scheme_body_start(sm) && (after >= sm->keylen || strchr(".;", key[after])) &&
	    ex_skip_sp(key, after + 1, sm->keylen) >= sm->keylen && criteria_item(sd, sm, cb, c)) {
		*vb = c;
		return F_LABEL;
	}
	/* "Thang điểm bài thi viết: 100 điểm": the label before the clause's colon counts */
	size_t lb = cb;
	while (lb > 0 && key[lb - 1] == ' ')
		lb--;
	if (lb > 0 && key[lb - 1] == ':')
		lb = ex_clause_start(key, 0, lb - 1);
	else
		lb = cb;
	for (int i = 0; total_words[i]; i++)
		if (ex_has_word(key, lb, nb, total_words[i]) && !ex_has_word(key, lb, nb, "dat duoc")) {
			*vb = nb;
			return F_TOTAL;
		}
	return F_NONE;
}

/* The criterion named before a figure ("điểm trừ tối đa 03 điểm" -> "điểm trừ", "tổng số điểm
 * chuẩn các tiêu chí là 100 điểm" -> that phrase): the clause's words before the verb, cut at a
 * relation word, when they name points; else NULL. */
static char *points_name(const ex_stmt *sm, size_t cb, size_t vb)
{
	const char *key = sm->key;
	size_t b = cb;
	while (b < vb && strchr(" ,", key[b]))
		b++;
	/* "Mỗi tiêu chí có thang điểm cụ thể, tổng số điểm …": the last part that names points */
	for (size_t i = vb; i-- > b;)
		if (key[i] == ',' && i + 1 < vb) {
			size_t k = i + 1;
			while (k < vb && key[k] == ' ')
				k++;
			if (ex_word_at(key, vb, k, "diem") || ex_word_at(key, vb, k, "tong") || ex_word_at(key, vb, k, "thang"))
				b = k;
			break;
		}
	if (!(ex_word_at(key, vb, b, "diem") || ex_word_at(key, vb, b, "tong") || ex_word_at(key, vb, b, "thang")))
		return NULL;
	size_t e = vb;
	static const char *const cut[] = {"can cu", "theo", "duoc", "neu", "khi", "doi voi", "la", "bang", NULL};
	for (size_t i = b + 4; i < vb; i++)
		if (ex_starts_any(key, vb, i, cut) && (i == 0 || key[i - 1] == ' ')) {
			e = i;
			break;
		}
	return scheme_text_of(sm, b, e);
}

/* The condition of a rule: the clause's words before the verb, from the last condition word
 * ("mỗi", "nếu", "từ", …) or after the previous rule of the sentence. */
static char *condition_of(const ex_stmt *sm, size_t cb, size_t vb)
{
	const char *key = sm->key;
	size_t b = cb, last_end = 0;
	static const char *const starts[] = {"moi", "neu", "cu", "khi", "truong hop", NULL};
	for (size_t i = cb; i < vb; i++)
		for (int w = 0; starts[w]; w++)
			if (ex_word_at(key, vb, i, starts[w]) && spelled(sm, i, starts[w]) && i > last_end + 1) {
				b = i;
				last_end = i + strlen(starts[w]);
				break;
			}
	size_t e = vb;
	while (e > b && key[e - 1] == ' ')
		e--;
	size_t wb;
	if (scheme_ends_word(key, b, e, "thi", &wb) && ex_spelled_at(sm, wb, "thì")) /* not "phòng thi" */
		e = wb;
	for (size_t i = b + 1; i < e; i++) /* "Trường hợp X thì tiêu chí này được 0 điểm": X */
		if (key[i - 1] == ' ' && ex_word_at(key, e, i, "thi") && ex_spelled_at(sm, i, "thì")) {
			e = i;
			while (e > b && key[e - 1] == ' ')
				e--;
			break;
		}
	if (ex_word_at(key, e, b, "neu"))
		b += 3;
	return scheme_text_of(sm, b, e);
}

/* A points figure being read in statement s: its number at key [nb, ne), where its clause (cb)
 * and sentence (ssb) start, where the words that make it a scheme figure start (vb: a verb, a
 * cap, a parenthesis) and its verb (rules); its value, and the kind its context gives (ctxkind,
 * -1 when none). */
typedef struct fig {
	size_t s, nb, ne, cb, ssb, vb;
	const char *verb;
	double v;
	int ctxkind;
} fig;

/* Where the clause holding key offset at ends (not after e): at its ';' or the ')' closing the
 * parenthesis it is in. */
static size_t clause_end(const char *key, size_t keylen, size_t at, size_t e)
{
	int depth = 0;
	for (size_t i = at; i < e && i < keylen; i++) {
		if (key[i] == '(')
			depth++;
		else if (key[i] == ')' && !depth--)
			return i;
		else if (key[i] == ';' && !depth)
			return i;
	}
	return e;
}

/* In a classification with bands (not a points table), a statement's figures are the conditions
 * of its bands ("d) 100% cơ quan … được đánh giá hoàn thành nhiệm vụ"): the whole statement is
 * owned. Its rules are still read. */
static sohoa_status classification_span(sohoa_ctx *ctx, sch_doc *sd, size_t s)
{
	const ex_doc *ed = sd->ed;
	if (sd->info[s].table || !scheme_band_context(sd, s))
		return SOHOA_OK;
	size_t t = scheme_title_before(ed, s);
	int banded = 0;
	for (int up = 0; up < 2 && t != EX_NONE && !banded; up++, t = scheme_title_before(ed, t))
		banded = sd->info[t].banded;
	return banded ? scheme_add_span(ctx, sd->out, s, 0, ed->stmts[s].keylen) : SOHOA_OK;
}

/* Where figure f (s, nb and ne set) stands: its clause, after the previous rule of its sentence
 * (which ended at prev_end) when there is one, its sentence and its verb. Returns its kind;
 * F_NONE when its "điểm" counts places or nothing makes it a scheme figure. */
static fig_kind figure_at(const sch_doc *sd, fig *f, size_t prev_end)
{
	const ex_stmt *sm = &sd->ed->stmts[f->s];
	const char *key = sm->key;
	if (ex_counts_places(key, sm->keylen, f->ne))
		return F_NONE;
	f->cb = ex_clause_start(key, scheme_body_start(sm), f->nb);
	f->ssb = ex_sentence_start(key, f->nb);
	if (prev_end > f->cb && prev_end >= f->ssb) {
		/* after the previous rule of the sentence: past its comma */
		const char *c = memchr(key + prev_end, ',', f->nb - prev_end);
		f->cb = c ? (size_t)(c - key) + 1 : prev_end;
	}
	return classify(sd, sm, f->cb, f->nb, f->ne, &f->vb, &f->verb);
}

/* The bonus or penalty kind the context of figure f gives: the statement's label, its clause
 * before the verb, its points table group, the section it is in ("5. Điểm cộng"), not its own
 * words; -1 when none. */
static int context_kind(const sch_doc *sd, const fig *f)
{
	const ex_doc *ed = sd->ed;
	const ex_stmt *sm = &ed->stmts[f->s];
	int kind = -1;
	size_t lb, le;
	if (scheme_label_span(sm, 0, &lb, &le))
		kind = scheme_kind_from_words(sm->key, lb, le);
	if (kind < 0)
		kind = scheme_kind_from_words(sm->key, f->cb, f->vb);
	if (kind < 0 && sd->info[f->s].group >= 0 && sd->info[f->s].table)
		kind = sd->info[f->s].group;
	if (kind < 0) {
		size_t t = scheme_title_before(ed, f->s);
		if (t != EX_NONE)
			kind = scheme_kind_from_words(ed->stmts[t].key, 0, ed->stmts[t].keylen < 160 ? ed->stmts[t].keylen : 160);
	}
	return kind;
}

/* "- Công tác tuyên truyền: 20 điểm.": the row of a criterion named by a label and its maximum. */
static sohoa_status emit_label(sohoa_ctx *ctx, sch_doc *sd, const fig *f)
{
	const ex_stmt *sm = &sd->ed->stmts[f->s];
	int kind = f->ctxkind >= 0 ? f->ctxkind : EX_SCH_CRITERION;
	size_t nb0 = list_start_key(sm->key, ex_clause_start(sm->key, scheme_body_start(sm), f->vb), f->vb);
	char *crit = scheme_text_of(sm, nb0, f->vb);
	return scheme_emit(ctx, sd, f->s, f->nb, kind, &f->v, NULL, crit, crit ? f->s : EX_NONE, NULL, 0.85);
}

/* "(10 điểm)" (fk F_PAREN) or "Tổng cộng 100 điểm" (F_TOTAL): the row of a maximum, its
 * criterion the points named before it, or the heading or sentence the parenthesis closes. A
 * parenthesis in a sentence of a document that defines no scheme gives no row (it may be a
 * result). */
static sohoa_status emit_max(sohoa_ctx *ctx, sch_doc *sd, const fig *f, fig_kind fk)
{
	const ex_stmt *sm = &sd->ed->stmts[f->s];
	const char *key = sm->key;
	size_t s = f->s, cb = f->cb, vb = f->vb;
	int kind = f->ctxkind >= 0 ? f->ctxkind : EX_SCH_CRITERION;
	char *crit = NULL;
	size_t cs = EX_NONE;
	if (fk == F_TOTAL)
		crit = points_name(sm, cb, vb);
	if (!crit && fk == F_PAREN && (sm->heading || sd->info[s].title == EX_NONE)) {
		/* the heading or sentence the parenthesis closes */
		size_t b = cb == vb + 1 ? ex_clause_start(key, scheme_body_start(sm), vb) : cb;
		if (ex_word_at(key, vb, b, "dieu") && isdigit((unsigned char)key[b + 5])) {
			b += 5;
			while (b < vb && (isdigit((unsigned char)key[b]) || strchr(". ", key[b])))
				b++;
		}
		crit = scheme_text_of(sm, b, vb);
		cs = sm->heading ? s : EX_NONE;
		size_t wb2;
		if (crit && scheme_ends_word(key, b, vb, "toi da", &wb2)) { /* "Điểm thưởng: Tối đa (03 điểm)" */
			free(crit);
			crit = NULL;
		}
	}
	/* "(10 điểm)" in a sentence of a document that defines no scheme may be a result */
	if (fk == F_PAREN && !sm->heading && !sd->scheme_doc && sd->info[s].title == EX_NONE) {
		free(crit);
		return SOHOA_OK;
	}
	return scheme_emit(ctx, sd, s, f->nb, kind, &f->v, NULL, crit, crit ? cs : EX_NONE, NULL,
			   fk == F_PAREN ? 0.95 : 0.9);
}

/* "tối đa 03 điểm": the row of a cap of kind kind, its criterion the points named before it, else
 * its condition the clause's words (none when the statement's label names it). */
static sohoa_status emit_cap(sohoa_ctx *ctx, sch_doc *sd, const fig *f, int kind)
{
	const ex_stmt *sm = &sd->ed->stmts[f->s];
	size_t cb = f->cb, vb = f->vb;
	char *crit = points_name(sm, cb, vb);
	char *cond = NULL;
	if (!crit) {
		size_t b = cb;
		while (b < vb && strchr(" ,", sm->key[b]))
			b++;
		size_t lb2, le2;
		if (scheme_label_span(sm, 0, &lb2, &le2) && b <= le2 + 2) /* "3. Điểm thưởng: Tối đa (03 điểm)" */
			cond = NULL;
		else if (sm->heading && cb <= scheme_body_start(sm) && ex_words_in(sm->key, b, vb) <= 12 && !has_cond(sm, b, vb) &&
			 !ex_has_word(sm->key, b, vb, "diem"))
			crit = scheme_text_of(sm, list_start_key(sm->key, b, vb), vb); /* "c) Công tác X, tối đa 15 điểm" */
		else
			cond = scheme_text_of(sm, b, vb);
	}
	return scheme_emit(ctx, sd, f->s, f->nb, kind, &f->v, NULL, crit, crit ? f->s : EX_NONE, cond, 0.9);
}

/* The condition a rule states after its points ("Cộng 1 điểm cho mỗi sáng kiến được công nhận",
 * "Trừ 0,5 điểm/báo cáo gửi chậm"): from "/", "cho mỗi", "mỗi", "khi", "nếu" right after the
 * figure's unit ending at key offset ne, to the end of its clause. NULL when none. */
static char *condition_after(const ex_stmt *sm, size_t ne)
{
	static const char *const leads[] = {"cho moi", "moi", "khi", "neu", NULL};
	const char *key = sm->key;
	size_t b = ex_skip_sp(key, ne, sm->keylen);
	if (b < sm->keylen && key[b] == '/')
		b = ex_skip_sp(key, b + 1, sm->keylen);
	else if (!ex_starts_any(key, sm->keylen, b, leads) || (ex_word_at(key, sm->keylen, b, "moi") && !spelled(sm, b, "moi")))
		return NULL;
	else if (ex_word_at(key, sm->keylen, b, "cho moi"))
		b = ex_skip_sp(key, b + 3, sm->keylen);
	size_t e = b;
	while (e < sm->keylen && !strchr(",;:()", key[e]) && !ex_sentence_dot(key, sm->keylen, e))
		e++;
	return ex_words_in(key, b, e) >= 1 && isalpha((unsigned char)key[b]) ? scheme_text_of(sm, b, e) : NULL;
}

/* What "tiêu chí này" of a rule in parentheses points back to: the subject of the sentence the
 * parenthesis opening before key offset at belongs to ("Tỷ lệ hồ sơ đúng hẹn chỉ đạt 94%
 * (trường hợp dưới 95% thì tiêu chí này đạt 0 điểm)" -> "Tỷ lệ hồ sơ đúng hẹn"): its words up to
 * its first verb, past a short lead-in ("Trong đó,") and "Việc". NULL when none. */
static char *subject_before(const ex_stmt *sm, size_t at)
{
	static const char *const verbs[] = {"chi dat", "dat", "con", "hien", "chua", "la", "van", "tang", "giam",
					    "duoc", "co", "bi", NULL};
	const char *key = sm->key;
	size_t open = at;
	for (int depth = 0; open > 0; open--) {
		char c = key[open - 1];
		if (c == ')')
			depth++;
		else if (c == '(' && !depth--)
			break;
	}
	if (open == 0)
		return NULL;
	open--;
	size_t b = ex_sentence_start(key, open), body = scheme_body_start(sm);
	if (b < body)
		b = body;
	b = list_start_key(key, b, open);
	const char *comma = memchr(key + b, ',', open - b);
	if (comma && ex_words_in(key, b, (size_t)(comma - key)) <= 3)
		b = ex_skip_sp(key, (size_t)(comma - key) + 1, open);
	if (ex_word_at(key, open, b, "viec"))
		b = ex_skip_sp(key, b + 4, open);
	size_t e = b;
	while (e < open && !strchr(",;:", key[e]) && !(e > b && key[e - 1] == ' ' && ex_starts_any(key, open, e, verbs)))
		e++;
	if (e >= open || ex_words_in(key, b, e) < 2)
		return NULL; /* no verb: the words before the parenthesis are no subject of a sentence */
	return scheme_text_of(sm, b, e);
}

/* "Từ 88 - 90% cộng 02 điểm": the row of a rule giving the figure's points under its condition;
 * *kind gets its kind (bonus after "cộng", "thưởng", penalty after "trừ", else the context's). */
static sohoa_status emit_rule(sohoa_ctx *ctx, sch_doc *sd, const fig *f, int *kind)
{
	const ex_stmt *sm = &sd->ed->stmts[f->s];
	const char *verb = f->verb;
	*kind = !strncmp(verb, "cong", 4) || !strcmp(verb, "thuong") ? EX_SCH_BONUS
		: !strncmp(verb, "tru", 3)                            ? EX_SCH_PENALTY
		: f->ctxkind >= 0                                     ? f->ctxkind
								      : EX_SCH_CRITERION;
	char *cond = condition_of(sm, f->cb, f->vb);
	if (!cond)
		cond = condition_after(sm, f->ne);
	/* "bị trừ điểm giấy phép lái xe 02 điểm": the deduction names what it is taken from */
	char *crit = NULL;
	for (size_t i = f->vb; i < f->nb && !crit; i++)
		if (ex_word_at(sm->key, f->nb, i, "tru diem"))
			crit = scheme_text_of(sm, i, f->nb);
	/* "… thì tiêu chí này đạt 0 điểm" names the criterion of the sentence it glosses */
	size_t cs = crit ? f->s : EX_NONE;
	if (!strcmp(verb, "thi") && ex_has_word(sm->key, f->vb, f->nb, "nay") && (crit = subject_before(sm, f->cb)))
		cs = f->s;
	/* a heading that is such a rule ("d) Không thực hiện thì điểm đánh giá là 0 điểm") scores the
	 * criterion of the heading above it */
	size_t up;
	if (!crit && !strcmp(verb, "thi") && sm->heading && f->cb <= scheme_body_start(sm) + 4 &&
	    (up = scheme_title_before(sd->ed, f->s)) != EX_NONE)
		crit = scheme_criterion_of(sd, up, &cs);
	double conf = !strcmp(verb, "duoc") || !strcmp(verb, "cho") ? 0.8 : 0.9;
	return scheme_emit(ctx, sd, f->s, f->nb, *kind, NULL, &f->v, crit, crit ? cs : EX_NONE, cond, conf);
}

/* A points table's "Tỷ lệ đạt từ 95% trở lên: 2,5" (a cell under a row's title): a condition and
 * its points, no unit. */
static sohoa_status table_condition(sohoa_ctx *ctx, sch_doc *sd, size_t s)
{
	const ex_stmt *sm = &sd->ed->stmts[s];
	const char *key = sm->key;
	if (!sd->info[s].table || sd->info[s].title == EX_NONE || sd->info[s].title == s || sd->info[s].bare)
		return SOHOA_OK;
	size_t e = sm->keylen;
	while (e > 0 && strchr(" .;", key[e - 1]))
		e--;
	size_t b = e;
	while (b > 0 && (isdigit((unsigned char)key[b - 1]) || key[b - 1] == ','))
		b--;
	size_t c = b;
	while (c > 0 && key[c - 1] == ' ')
		c--;
	if (!(b < e && c > 0 && key[c - 1] == ':' && isdigit((unsigned char)key[b])))
		return SOHOA_OK;
	double v = ex_num_at(key, b);
	size_t cb = ex_clause_start(key, 0, c - 1);
	char *cond = scheme_text_of(sm, cb, c - 1);
	int kind = sd->info[s].group >= 0 ? sd->info[s].group : EX_SCH_CRITERION;
	return scheme_emit(ctx, sd, s, b, kind, NULL, &v, NULL, EX_NONE, cond, 0.8);
}

sohoa_status scheme_grammar(sohoa_ctx *ctx, sch_doc *sd, size_t s)
{
	const ex_stmt *sm = &sd->ed->stmts[s];
	const char *key = sm->key;
	if (sd->info[s].band)
		return scheme_add_span(ctx, sd->out, s, 0, sm->keylen);
	sohoa_status st = classification_span(ctx, sd, s);
	if (st != SOHOA_OK)
		return st;
	long g[4];
	size_t pos = 0, prev_end = 0, rule_end = 0;
	int prev_kind = -1; /* the kind of the sentence's rule before (ending at rule_end): its cap is of that kind */
	while (st == SOHOA_OK && ex_find(sd->pts, sm, pos, g, 2) == 1) {
		fig f = {.s = s, .nb = (size_t)g[2], .ne = (size_t)g[1]};
		pos = f.ne;
		fig_kind fk = figure_at(sd, &f, prev_end);
		if (fk == F_NONE)
			continue;
		/* a rule glossing a result in parentheses owns its clause only: "chỉ đạt 94% (trường hợp dưới
		 * 95% thì tiêu chí này đạt 0 điểm)" keeps its 94% */
		size_t sb = f.ssb, se = ex_sentence_end(key, sm->keylen, f.nb);
		if (fk == F_RULE && !strcmp(f.verb, "thi"))
			sb = f.cb, se = clause_end(key, sm->keylen, f.ne, se);
		if ((st = scheme_add_span(ctx, sd->out, s, sb, se)) != SOHOA_OK)
			break;
		prev_end = f.ne;
		/* "không có tiêu chí nào … chấm 0 điểm": a condition of something else */
		if (fk == F_MUTE || (ex_has_word(key, f.cb, f.nb, "khong co") && ex_has_word(key, f.cb, f.nb, "nao")))
			continue;
		f.v = ex_num_at(key, f.nb);
		f.ctxkind = context_kind(sd, &f);
		if (fk == F_LABEL)
			st = emit_label(ctx, sd, &f);
		else if (fk == F_PAREN || fk == F_TOTAL)
			st = emit_max(ctx, sd, &f, fk);
		else if (fk == F_CAP) /* "Cộng 1 điểm cho mỗi …, tối đa 5 điểm" caps that bonus, whatever its section */
			st = emit_cap(ctx, sd, &f,
				      prev_kind >= 0 && rule_end > f.ssb ? prev_kind : f.ctxkind >= 0 ? f.ctxkind : EX_SCH_CRITERION);
		else {
			st = emit_rule(ctx, sd, &f, &prev_kind);
			rule_end = f.ne;
		}
	}
	if (st == SOHOA_OK)
		st = table_condition(ctx, sd, s);
	return st;
}
