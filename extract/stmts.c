/* stmts: statements rebuilt from text lines (joined where a sentence goes on, headings tracked
 * into section paths), the source page and line of an offset, and footnotes. */
#include "extract-int.h"

#include "../core/array.h"
#include "../core/viet.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t cp_count(const char *s)
{
	size_t c = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			c++;
	return c;
}

/* 1 if the first letter of s is a lowercase letter. */
static int starts_lower(const char *s)
{
	size_t n = strlen(s), i = 0;
	while (i < n) {
		uint32_t cp, plain;
		int tone, upper;
		size_t k = sohoa_utf8_decode(s + i, n - i, &cp);
		if (sohoa_viet_letter(cp, &plain, &tone, &upper))
			return !upper;
		if (cp >= '0' && cp <= '9')
			return 0;
		i += k;
	}
	return 0;
}

/* 1 if s starts with a word of two or more capitals ("NSNN đạt 100%"), which may go on a sentence. */
static int starts_acronym(const char *s)
{
	size_t n = strlen(s), i = strspn(s, " \t");
	int caps = 0;
	while (i < n && s[i] != ' ') {
		uint32_t cp, plain;
		int tone, upper;
		i += sohoa_utf8_decode(s + i, n - i, &cp);
		if (!sohoa_viet_letter(cp, &plain, &tone, &upper) || !upper)
			return 0;
		caps++;
	}
	return caps >= 2;
}

/* 1 if s starts with a number and then a word in lowercase ("2025 đạt 60% …"): the rest of a
 * sentence the line before broke inside. */
static int number_then_lower(const char *s)
{
	size_t i = strspn(s, " \t"), d = i;
	while (isdigit((unsigned char)s[d]) || s[d] == '/' || s[d] == ',' || (s[d] == '.' && isdigit((unsigned char)s[d + 1])))
		d++;
	if (d == i || s[d] != ' ')
		return 0;
	return starts_lower(s + d);
}

static int ends_sentence(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n && strchr(".:;!?", s[n - 1]);
}

/* 1 when s ends with a word that links to what follows ("… hoặc có di sản được"): the line
 * breaks inside a phrase. */
static int ends_linked(const char *s)
{
	static const char *const links[] = {"được", "của", "và", "hoặc", "các", "có", "với", "cho", "là", "bởi", NULL};
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (int i = 0; links[i]; i++) {
		size_t k = strlen(links[i]);
		if (n > k && !memcmp(s + n - k, links[i], k) && s[n - k - 1] == ' ')
			return 1;
	}
	return 0;
}

/* 1 when s ends with a comparison sign ("Đến hết năm 2025: Có ≥"): its figure is on the next
 * line. */
static int ends_comparison(const char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n && strchr("<>=", s[n - 1]))
		return 1;
	return n >= 3 && (!memcmp(s + n - 3, "\xE2\x89\xA5", 3) || !memcmp(s + n - 3, "\xE2\x89\xA4", 3)); /* ≥ ≤ */
}

/* 1 when line s is a full line that lists names after a colon and stops without punctuation
 * ("… và các Tập đoàn: Công nghiệp - Năng lượng …, Bưu chính viễn thông …, Công nghiệp"): a line
 * starting "- " after it is the rest of a hyphenated name ("- Viễn thông Quân đội …"), not a
 * bullet. */
static int names_run_on(const char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (!n || cp_count(s) < 55 || ends_sentence(s, n))
		return 0;
	const char *colon = NULL;
	for (const char *p = s; p < s + n; p++)
		if (*p == ':' && p[1] == ' ')
			colon = p;
	return colon && memchr(colon, ',', (size_t)(s + n - colon)) != NULL;
}

/* 1 when line s starts with a list mark written apart from its sign, as in text split into words
 * ("a ) Bộ Y tế", "2 . Sở Tài chính", "1 ." alone): one letter or one or two digits, a space,
 * then ')' (or '.' after digits) at the line's end or before a space. The outline reading does
 * not take it for a mark; it still starts a statement. */
static int spaced_mark(const char *s)
{
	size_t i = strspn(s, " \t"), d = i;
	while (d - i < 2 && isdigit((unsigned char)s[d]))
		d++;
	if (d == i) {
		if (islower((unsigned char)s[i]))
			d = i + 1;
		else if (!memcmp(s + i, "\xC4\x91", 2)) /* đ */
			d = i + 2;
		else
			return 0;
	}
	if (s[d] != ' ' || !(s[d + 1] == ')' || (isdigit((unsigned char)s[i]) && s[d + 1] == '.')))
		return 0;
	return s[d + 2] == 0 || s[d + 2] == ' ' || s[d + 2] == '\t';
}

static int blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s) && !((unsigned char)*s == 0xC2 && (unsigned char)s[1] == 0xA0))
			return 0;
		else if ((unsigned char)*s == 0xC2)
			s++;
	return 1;
}

void ex_doc_free(ex_doc *ed)
{
	if (!ed)
		return;
	for (size_t i = 0; i < ed->nstmts; i++) {
		free(ed->stmts[i].text);
		free(ed->stmts[i].key);
		free(ed->stmts[i].kmap);
		free(ed->stmts[i].starts);
	}
	free(ed->stmts);
	sohoa_text_free(ed->split);
	memset(ed, 0, sizeof *ed);
}

/* Where in reflowed line t the next list mark written apart starts after a clause's end (". b )
 * Việc …", ": a ) Sở …", "; 3 . Các …"), from offset from on: the normalize stage joined such
 * items as if they went on the sentence; 0 when none. */
static size_t inner_mark(const char *t, size_t from)
{
	for (size_t i = from; t[i]; i++)
		if (i >= 2 && t[i - 1] == ' ' && strchr(".:;", t[i - 2]) && spaced_mark(t + i)) {
			size_t e = i;
			while (isalnum((unsigned char)t[e]) || (unsigned char)t[e] >= 0x80)
				e++;
			e += 2; /* " )" or " ." */
			if (t[e] == 0 || (t[e] == ' ' && t[e + 1] != 0))
				return i;
		}
	return 0;
}

/* The source line, among those tl was reflowed from, that starts with the text at t (its first
 * 24 bytes): *page and *line set, else left as they are. */
static void piece_source(const sohoa_doc *doc, const sohoa_tline *tl, const char *t, int *page, int *line)
{
	size_t n = strlen(t) < 24 ? strlen(t) : 24;
	const sohoa_page *pg;
	const sohoa_line *l;
	for (size_t p = 0, j = 0; (l = ex_source_next(doc, tl, &p, &j, &pg));) {
		const char *s = l->text ? l->text + strspn(l->text, " \t") : "";
		if (!strncmp(s, t, n)) {
			*page = pg->number;
			*line = l->line;
			return;
		}
	}
}

/* A copy of reflowed text whose lines are cut before the list marks written apart inside them
 * (inner_mark), each part placed at the source line it starts; NULL when no line has one (or
 * out of memory: the text is read as it is). */
static sohoa_text *split_marks(const sohoa_doc *doc, const sohoa_text *text)
{
	size_t extra = 0;
	for (size_t i = 0; i < text->nlines; i++)
		for (size_t k = 0; text->lines[i].text && (k = inner_mark(text->lines[i].text, k + 1)) != 0;)
			extra++;
	if (!extra)
		return NULL;
	sohoa_text *c = calloc(1, sizeof *c);
	if (!c || !(c->lines = calloc(text->nlines + extra, sizeof *c->lines))) {
		free(c);
		return NULL;
	}
	c->doc = text->doc ? sohoa_strdup(text->doc) : NULL;
	c->restore_mode = text->restore_mode;
	for (size_t i = 0; i < text->nlines; i++) {
		const sohoa_tline *tl = &text->lines[i];
		const char *t = tl->text ? tl->text : "";
		size_t b = 0, k = 0;
		do {
			k = inner_mark(t, b + 1);
			size_t e = k ? k : strlen(t);
			sohoa_tline *o = &c->lines[c->nlines++];
			*o = *tl;
			o->text = malloc(e - b + 1);
			if (!o->text) {
				sohoa_text_free(c);
				return NULL;
			}
			memcpy(o->text, t + b, e - b);
			o->text[e - b] = 0;
			if (b > 0) {
				piece_source(doc, tl, o->text, &o->page, &o->line);
				o[-1].page_end = o->page;
				o[-1].line_end = o->line;
			}
			b = e;
		} while (k);
	}
	return c;
}

typedef struct sect_state {
	char roman[16];
	char arabic[32];
	char letter[8];
} sect_state;

static void sect_path(const sect_state *ss, char out[64])
{
	out[0] = 0;
	size_t n = 0;
	const char *parts[3] = {ss->roman, ss->arabic, ss->letter};
	for (int i = 0; i < 3; i++)
		if (parts[i][0])
			n += (size_t)snprintf(out + n, 64 - n, "%s%s", n ? "." : "", parts[i]);
}

/* What ex_doc_build keeps from one line to the next. */
typedef struct stmt_builder {
	ex_doc *ed;
	size_t cap;                 /* of ed->stmts */
	ex_stmt *cur;               /* the open statement, NULL before the first line */
	sohoa_buf b;                /* its text so far */
	size_t *starts, nstarts, scap; /* where each of its lines starts in b */
	int cur_heading, untitled;  /* it is a heading; a heading whose title is still to come */
	int marked;                 /* it opens with a mark written apart (spaced_mark) */
	const char *prev_text;      /* the line before */
	int prev_upper;             /* the line before is in capitals */
	int reflowed;               /* the text is normalize's reflowed paragraphs */
	sect_state ss;              /* the heading numbers in force */
} stmt_builder;

static int is_heading(sohoa_marker_kind k)
{
	return k == SOHOA_MARK_ROMAN || k == SOHOA_MARK_NUMBER || k == SOHOA_MARK_LETTER;
}

/* Move the open statement's text, line starts and key into it; the buffer is left empty. */
static sohoa_status finish_stmt(sohoa_ctx *ctx, stmt_builder *sb)
{
	ex_stmt *st = sb->cur;
	st->text = sohoa_buf_steal(&sb->b);
	if (!st->text)
		st->text = sohoa_strdup("");
	st->starts = malloc((sb->nstarts ? sb->nstarts : 1) * sizeof *st->starts);
	if (!st->text || !st->starts)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	memcpy(st->starts, sb->starts, sb->nstarts * sizeof *sb->starts);
	st->len = strlen(st->text);
	if (ex_key(st->text, st->len, &st->key, &st->keylen, &st->kmap))
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	st->title_key = 0;
	if (st->heading)
		while (st->title_key < st->keylen && st->kmap[st->title_key] < st->title_off)
			st->title_key++;
	return SOHOA_OK;
}

/* 1 when line t (with its outline marker m, in capitals or not, after two blank lines or more or
 * not) starts a statement rather than going on with the open one. Text the normalize stage
 * reflowed holds one paragraph, heading or list item per line: a line joins the one before only
 * when it plainly continues it (starts in lowercase). */
static int starts_statement(const stmt_builder *sb, const char *t, const sohoa_marker *m, int upper, int gap)
{
	if (sb->cur && !gap && m->kind == SOHOA_MARK_BULLET && t[strspn(t, " \t")] == '-' && names_run_on(sb->prev_text))
		return 0; /* "… các Tập đoàn: …, Công nghiệp" + "- Viễn thông Quân đội theo …" */
	if (!sb->cur || is_heading(m->kind) || gap || m->kind == SOHOA_MARK_BULLET ||
	    ends_sentence(sb->prev_text, strlen(sb->prev_text)) || spaced_mark(t))
		return 1;
	if (ends_comparison(sb->prev_text))
		return 0; /* "a) Đến hết năm 2025: Có ≥" + "30% doanh nghiệp …" */
	if (sb->reflowed && !starts_lower(t) && !(starts_acronym(t) && !upper) && !(sb->cur_heading && sb->untitled))
		return 1;
	size_t prev_len = cp_count(sb->prev_text);
	if (number_then_lower(t))
		return 0; /* "- Chỉ tiêu 1: Phấn đấu năm" + "2025 đạt 60% …" */
	if (sb->cur_heading && starts_lower(t) && !upper)
		return 0; /* "1. Công tác tổ chức và cụ thể" + "hóa các văn bản … (10 điểm)." */
	if (sb->cur_heading && !upper && starts_acronym(t) && ends_linked(sb->prev_text))
		return 0; /* "c) Có di sản được" + "UNESCO công nhận được tính 1 điểm." */
	if ((sb->cur_heading || sb->marked) && !(sb->prev_upper && upper) && prev_len < 55 && !sb->untitled)
		return 1; /* a short heading line ends its heading (unless its title is still to come) */
	if (sb->prev_upper != upper && prev_len < 55)
		return 1; /* a line in capitals next to one that is not */
	return 0;
}

/* Finish the open statement and open one at line i (t, marker m): a heading's number replaces
 * those of its level and below in the section path, which the statement records. */
static sohoa_status open_statement(sohoa_ctx *ctx, stmt_builder *sb, size_t i, const char *t, const sohoa_marker *m)
{
	sohoa_status st;
	if (sb->cur && (st = finish_stmt(ctx, sb)) != SOHOA_OK)
		return st;
	ex_doc *ed = sb->ed;
	if (SOHOA_GROW(ed->stmts, ed->nstmts + 1, sb->cap))
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	ex_stmt *cur = sb->cur = &ed->stmts[ed->nstmts++];
	memset(cur, 0, sizeof *cur);
	cur->first = i;
	sb->nstarts = 0;
	int heading = is_heading(m->kind);
	sb->cur_heading = heading;
	sb->untitled = heading && m->title >= strlen(t);
	sb->marked = !heading && spaced_mark(t);
	sect_state *ss = &sb->ss;
	if (m->kind == SOHOA_MARK_ROMAN) {
		snprintf(ss->roman, sizeof ss->roman, "%.15s", m->id);
		ss->arabic[0] = ss->letter[0] = 0;
	} else if (m->kind == SOHOA_MARK_NUMBER) {
		snprintf(ss->arabic, sizeof ss->arabic, "%s", m->id);
		ss->letter[0] = 0;
	} else if (m->kind == SOHOA_MARK_LETTER) {
		snprintf(ss->letter, sizeof ss->letter, "%.7s", m->id);
	}
	sect_path(ss, cur->section);
	if (heading) {
		int under_roman = ss->roman[0] ? 1 : 0;
		cur->heading = 1;
		if (m->kind == SOHOA_MARK_ROMAN)
			cur->level = 1;
		else if (m->kind == SOHOA_MARK_NUMBER)
			cur->level = under_roman + m->parts;
		else
			cur->level = under_roman + (ss->arabic[0] ? 1 + (int)(strchr(ss->arabic, '.') != NULL) : 0) + 1;
		snprintf(cur->id, sizeof cur->id, "%s", m->id);
	}
	return SOHOA_OK;
}

/* Append line i (t, marker m) to the open statement, after a space unless it opened it; a heading
 * line that opens its statement places the statement's title. */
static sohoa_status add_line(sohoa_ctx *ctx, stmt_builder *sb, size_t i, const char *t, const sohoa_marker *m,
			     int opened)
{
	if (!opened && sohoa_buf_puts(&sb->b, " "))
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	if (SOHOA_GROW(sb->starts, sb->nstarts + 1, sb->scap))
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	size_t lb = 0, le = strlen(t);
	ex_trim(t, &lb, &le, NULL);
	if (is_heading(m->kind) && sb->nstarts == 0)
		sb->cur->title_off = sb->b.len + (m->title > lb ? m->title - lb : 0);
	sb->starts[sb->nstarts++] = sb->b.len;
	if (sohoa_buf_append(&sb->b, t + lb, le - lb))
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	sb->cur->last = i;
	return SOHOA_OK;
}

sohoa_status ex_doc_build(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, ex_doc *ed)
{
	memset(ed, 0, sizeof *ed);
	ed->doc = doc;
	ed->text = text;
	stmt_builder sb = {.ed = ed, .ss = {"", "", ""}};
	for (size_t i = 0; i < text->nlines && !sb.reflowed; i++)
		sb.reflowed = text->lines[i].line_end > text->lines[i].line || text->lines[i].page_end > text->lines[i].page;
	if (sb.reflowed && (ed->split = split_marks(doc, text)) != NULL)
		ed->text = text = ed->split;
	ed->name = text->doc ? text->doc : (doc && doc->name ? doc->name : "");
	sohoa_status st = SOHOA_OK;
	int blanks = 0;
	for (size_t i = 0; i < text->nlines; i++) {
		const char *t = text->lines[i].text ? text->lines[i].text : "";
		if (blank(t)) {
			blanks++;
			continue;
		}
		int gap = blanks >= 2;
		blanks = 0;
		size_t tn = strlen(t);
		sohoa_marker m;
		sohoa_marker_outline(t, tn, &m);
		int upper = sohoa_caps(t, tn);
		int opens = starts_statement(&sb, t, &m, upper, gap);
		if (opens && (st = open_statement(ctx, &sb, i, t, &m)) != SOHOA_OK)
			goto fail;
		if ((st = add_line(ctx, &sb, i, t, &m, opens)) != SOHOA_OK)
			goto fail;
		if (!opens)
			sb.untitled = 0;
		sb.prev_text = t;
		sb.prev_upper = upper;
	}
	if (sb.cur && (st = finish_stmt(ctx, &sb)) != SOHOA_OK)
		goto fail;
	free(sb.starts);
	return SOHOA_OK;
fail:
	sohoa_buf_free(&sb.b);
	free(sb.starts);
	ex_doc_free(ed);
	return st;
}

sohoa_status ex_over_stmts(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, sohoa_buf *out,
			   sohoa_status (*fn)(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out))
{
	ex_doc ed;
	sohoa_status st = ex_doc_build(ctx, doc, text, &ed);
	if (st != SOHOA_OK)
		return st;
	st = fn(ctx, &ed, out);
	ex_doc_free(&ed);
	return st;
}

/* Occurrences of needle in s[0..n) that are not part of a longer number. */
static size_t count_needle(const char *s, size_t n, const char *needle)
{
	size_t c = 0, nl = strlen(needle);
	for (size_t i = 0; i + nl <= n; i++) {
		if (memcmp(s + i, needle, nl))
			continue;
		if (isdigit((unsigned char)needle[0]) && i > 0 && isdigit((unsigned char)s[i - 1]))
			continue;
		if (isdigit((unsigned char)needle[nl - 1]) && i + nl < n && isdigit((unsigned char)s[i + nl]))
			continue;
		c++;
	}
	return c;
}

const sohoa_line *ex_source_next(const sohoa_doc *doc, const sohoa_tline *t, size_t *p, size_t *j,
				 const sohoa_page **page)
{
	for (; doc && *p < doc->npages; (*p)++, *j = 0) {
		const sohoa_page *pg = &doc->pages[*p];
		if (pg->number < t->page || pg->number > t->page_end)
			continue;
		while (*j < pg->nlines) {
			const sohoa_line *l = &pg->lines[(*j)++];
			if ((pg->number == t->page && l->line < t->line) || (pg->number == t->page_end && l->line > t->line_end) ||
			    l->source == SOHOA_SRC_STAMP)
				continue;
			if (page)
				*page = pg;
			return l;
		}
	}
	return NULL;
}

/* The source line, among those text line tl was reflowed from, holding the occurrence of needle
 * that follows the nbefore bytes of before (its text up to the offset sought): 1 with *page and
 * *line set, else 0. */
static int locate_in_source(const ex_doc *ed, const sohoa_tline *tl, const char *before, size_t nbefore,
			    const char *needle, int *page, int *line)
{
	size_t nth = count_needle(before, nbefore, needle);
	size_t seen = 0;
	const sohoa_page *pg;
	const sohoa_line *l;
	for (size_t p = 0, j = 0; (l = ex_source_next(ed->doc, tl, &p, &j, &pg));) {
		if (!l->text)
			continue;
		seen += count_needle(l->text, strlen(l->text), needle);
		if (seen > nth) {
			*page = pg->number;
			*line = l->line;
			return 1;
		}
	}
	return 0;
}

/* The text line of statement st holding text offset off (its index in ed->text; blank lines
 * were left out of st); *start gets where that line starts in st->text. */
static size_t line_holding(const ex_doc *ed, const ex_stmt *st, size_t off, size_t *start)
{
	size_t line = st->first, nl = 0;
	*start = 0;
	for (size_t i = st->first; i <= st->last; i++) {
		const char *t = ed->text->lines[i].text ? ed->text->lines[i].text : "";
		if (blank(t))
			continue;
		if (st->starts[nl] <= off) {
			line = i;
			*start = st->starts[nl];
		}
		nl++;
	}
	return line;
}

void ex_locate(const ex_doc *ed, const ex_stmt *st, size_t off, const char *needle, int *page, int *line)
{
	size_t kstart;
	const sohoa_tline *tl = &ed->text->lines[line_holding(ed, st, off, &kstart)];
	*page = tl->page;
	*line = tl->line;
	if (!ed->doc || !needle || !*needle || (tl->page_end == tl->page && tl->line_end <= tl->line))
		return;
	/* counting occurrences costs the offset: past EX_LOCATE_MAX into one reflowed line the
	 * line's start stands (linear time for a paragraph of any length) */
	if (off >= kstart && off - kstart > EX_LOCATE_MAX)
		return;
	/* a reflowed line: the source line holding the same occurrence of the needle; a needle split
	 * over two source lines ("161/2018/NĐ-" + "CP") is looked up by its longest leading part */
	char part[128];
	snprintf(part, sizeof part, "%s", needle);
	for (;;) {
		if (locate_in_source(ed, tl, st->text + kstart, off >= kstart ? off - kstart : 0, part, page, line))
			return;
		char *cut = NULL;
		for (char *p = part + 1; *p; p++)
			if (*p == '/' || *p == '-' || *p == ',' || *p == ' ')
				cut = p;
		if (!cut)
			return;
		*cut = 0;
	}
}

/* The source page and line of the figure at key offset at of st: its digits and seps as written,
 * back to its last digit, are the needle of ex_locate. */
static void locate_figure(const ex_doc *ed, const ex_stmt *st, size_t at, const char *seps, int *page, int *line)
{
	size_t ne = at;
	while (ne < st->keylen && (isdigit((unsigned char)st->key[ne]) || (st->key[ne] && strchr(seps, st->key[ne]))))
		ne++;
	while (ne > at && !isdigit((unsigned char)st->key[ne - 1]))
		ne--;
	char needle[64];
	snprintf(needle, sizeof needle, "%.*s", (int)(st->kmap[ne] - st->kmap[at]), st->text + st->kmap[at]);
	ex_locate(ed, st, st->kmap[at], needle, page, line);
}

char *ex_figure_context(const ex_doc *ed, const ex_stmt *st, size_t at, size_t end, const char *seps, int *page,
			int *line)
{
	size_t sb = ex_sentence_start(st->key, at), se = ex_sentence_end(st->key, st->keylen, end);
	locate_figure(ed, st, at, seps, page, line);
	return ex_clean(st->text, st->kmap[sb], st->kmap[se]);
}

/* ---- footnotes ---- */

/* Words of a note that amends or explains the text it hangs from. */
static const char *const note_words[] = {"duoc sua doi", "duoc bo sung", "duoc bai bo", "duoc thay the",
					 "bi bai bo", "bi thay the", "sua doi, bo sung", "het hieu luc",
					 "duoc huong dan", "diem nay", "khoan nay", "dieu nay", "cum tu",
					 "quy dinh tai", "theo quy dinh", "xem ", "truong hop", "vi du", NULL};

/* The size of line l as printed: the font size of a PDF line, else the height of its box. */
static float line_size(const sohoa_line *l)
{
	return l->font_size > 0 ? l->font_size : l->y1 - l->y0;
}

/* 1 when source line tl sits in the lowest third of its page and is printed smaller than most
 * lines of the page (positions known only). */
static int low_and_small(const ex_doc *ed, const sohoa_tline *tl)
{
	if (!ed->doc)
		return 0;
	for (size_t p = 0; p < ed->doc->npages; p++) {
		const sohoa_page *pg = &ed->doc->pages[p];
		if (pg->number != tl->page || pg->height <= 0 || pg->nlines < 4)
			continue;
		const sohoa_line *l = NULL;
		size_t larger = 0;
		for (size_t j = 0; j < pg->nlines; j++)
			if (pg->lines[j].line == tl->line)
				l = &pg->lines[j];
		if (!l || l->y0 < pg->height * 2 / 3 || line_size(l) <= 0)
			return 0;
		for (size_t j = 0; j < pg->nlines; j++)
			larger += line_size(&pg->lines[j]) > line_size(l) * 1.1f;
		return larger * 2 > pg->nlines;
	}
	return 0;
}

int ex_footnote(const ex_doc *ed, const ex_stmt *st, size_t off)
{
	size_t lstart, line = line_holding(ed, st, off, &lstart);
	const char *t = st->text + lstart;
	size_t i = 0;
	while (t[i] == ' ')
		i++;
	size_t d = i;
	while (isdigit((unsigned char)t[d]))
		d++;
	if (d == i || d - i > 2 || t[d] != ' ' || (st->heading && lstart == 0))
		return 0;
	uint32_t cp, plain;
	int tone, upper;
	sohoa_utf8_decode(t + d + 1, strlen(t + d + 1), &cp);
	if (!sohoa_viet_letter(cp, &plain, &tone, &upper) || !upper)
		return 0;
	/* the note's words, in the key of the rest of its statement */
	size_t k = 0;
	while (k < st->keylen && st->kmap[k] < lstart + d)
		k++;
	for (int w = 0; note_words[w]; w++)
		if (strstr(st->key + k, note_words[w]))
			return 1;
	return low_and_small(ed, &ed->text->lines[line]);
}

