/* responsibilities.csv from unit sections: a section whose title or headings name units ("III.
 * TRÁCH NHIỆM …", "IV. TỔ CHỨC THỰC HIỆN", "Phân công …") with one heading per unit and its bullets
 * or numbered tasks, sentences that give a unit a task ("Giao Sở X chủ trì …", "Đề nghị X …"),
 * and the units asked under a conclusion notice's topics ("Về …:"). */
#include "responsibilities-int.h"

#include "../core/viet.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Section titles that hold one heading per unit. */
static const char *const unit_sections[] = {"trach nhiem", "to chuc thuc hien", "phan cong", NULL};
/* Statements that end a unit section (closing paragraph, recipients). */
static const char *const unit_stop[] = {"tren day", "tren co so", "noi nhan", "trong qua trinh", NULL};

/* 1 when the unit heading at statement s lists its tasks as bullets (before the next heading). */
static int lists_bullets(const ex_doc *ed, size_t s)
{
	for (size_t k = s + 1; k < ed->nstmts && !ed->stmts[k].heading; k++)
		if (rs_starts_bullet(&ed->stmts[k]))
			return 1;
	return 0;
}

/* Where a closing sentence or the recipients list ("Trên đây …", "Nơi nhận") run into statement sm
 * (reflowed text): the text offset to cut at, *stop set when there is one; else sm->len. */
static size_t stop_cut(const ex_stmt *sm, int *stop)
{
	size_t cut = sm->len;
	*stop = 0;
	for (int c = 0; unit_stop[c]; c++) {
		const char *p = sm->key;
		while ((p = strstr(p + 1, unit_stop[c])) != NULL) {
			size_t at = (size_t)(p - sm->key);
			size_t q = at;
			while (q > 0 && sm->key[q - 1] == ' ')
				q--;
			if (q > 0 && (sm->key[q - 1] == '.' || sm->key[q - 1] == ';') && sm->kmap[at] < cut) {
				cut = sm->kmap[at];
				*stop = 1;
			}
		}
	}
	return cut;
}

/* A line that goes on the open bullet task: its text t appended to the task, its deadline taken
 * when the task has none, its cooperating units read again from the whole task (a name cut at the
 * line end, "phối hợp với Sở Giáo dục và" / "Đào tạo …", is whole there). */
static void continue_task(resp *cur, const ex_stmt *sm, const char *t)
{
	size_t n = strlen(cur->task) + strlen(t) + 2;
	char *j = malloc(n);
	if (j) {
		snprintf(j, n, "%s %s", cur->task, t);
		free(cur->task);
		cur->task = j;
	}
	char *d = rs_deadline_of(sm);
	if (d && !cur->deadline)
		cur->deadline = d;
	else
		free(d);
	ex_stmt whole = {0};
	whole.text = cur->task;
	whole.len = strlen(cur->task);
	if (ex_key(whole.text, whole.len, &whole.key, &whole.keylen, &whole.kmap) == 0) {
		char *c = rs_coop_in(&whole, 0, whole.keylen);
		if (c) {
			free(cur->coop);
			cur->coop = c;
		}
	}
	free(whole.key);
	free(whole.kmap);
}

/* Key offset where the text of list item sm starts: past the bullets' characters and a mark "a) ",
 * "2) ", "5- ", "5. ", or one written apart from its sign in text split into words ("a ) ", "5 . "). */
static size_t item_after(const ex_stmt *sm, const char *bullets)
{
	size_t k = strspn(sm->key, bullets), m = k;
	while (m < sm->keylen && m - k < 3 && isalnum((unsigned char)sm->key[m]))
		m++;
	int digits = m > k && m - k <= 2 && isdigit((unsigned char)sm->key[k]) && isdigit((unsigned char)sm->key[m - 1]);
	if (m > k && m - k <= 2 && m + 2 < sm->keylen && sm->key[m] == ' ' && sm->key[m + 2] == ' ' &&
	    (sm->key[m + 1] == ')' || (digits && sm->key[m + 1] == '.')) && (digits || m - k == 1))
		return ex_skip_sp(sm->key, m + 2, sm->keylen);
	if (m > k && m + 1 < sm->keylen &&
	    (sm->key[m] == ')' || (digits && strchr(".-", sm->key[m]) && sm->key[m + 1] == ' ')))
		k = ex_skip_sp(sm->key, m + 1, sm->keylen);
	return k;
}

/* The same past a bullet ("- ", "* "). */
static size_t item_text(const ex_stmt *sm)
{
	return item_after(sm, " -+*");
}

/* The same past "- " or "+ " only: "**" (bold in a web page) is no bullet before a name. */
static size_t item_mark(const ex_stmt *sm)
{
	return item_after(sm, " -+");
}

/* Key offset past a parenthesized item number ("(1) ", "(12) ", "(1). ") at the start of sm, else
 * past spaces. */
static size_t paren_item(const ex_stmt *sm)
{
	size_t k = strspn(sm->key, " "), m = k + 1;
	if (k >= sm->keylen || sm->key[k] != '(')
		return k;
	while (m < sm->keylen && m - k <= 2 && isdigit((unsigned char)sm->key[m]))
		m++;
	if (!(m > k + 1 && m < sm->keylen && sm->key[m] == ')'))
		return k;
	if (m + 1 < sm->keylen && sm->key[m + 1] == '.')
		m++;
	return ex_skip_sp(sm->key, m + 1, sm->keylen);
}

/* 1 when statement sm is a lettered item ("b) Đa dạng hóa …") over numbered sub-items, the next
 * statement opening with "(1)": the item is the title of a group whose sub-items are the tasks. */
static int group_item(const ex_doc *ed, size_t s)
{
	const ex_stmt *sm = &ed->stmts[s];
	size_t k = strspn(sm->key, " ");
	int lettered = sm->heading ? sm->level > 1 && sm->id[0] && !isdigit((unsigned char)sm->id[0])
				   : k + 1 < sm->keylen && isalpha((unsigned char)sm->key[k]) && sm->key[k + 1] == ')';
	if (!lettered || s + 1 >= ed->nstmts)
		return 0;
	const ex_stmt *nx = &ed->stmts[s + 1];
	size_t q = strspn(nx->key, " ");
	return !nx->heading && q + 1 < nx->keylen && nx->key[q] == '(' && isdigit((unsigned char)nx->key[q + 1]);
}

/* 1 when statement sm ends with a colon (it announces what follows: "… như:"). */
static int ends_colon(const ex_stmt *sm)
{
	size_t e = sm->keylen;
	while (e > 0 && sm->key[e - 1] == ' ')
		e--;
	return e > 0 && sm->key[e - 1] == ':';
}

/* 1 when statement sm ends with a dot. */
static int ends_dot(const ex_stmt *sm)
{
	size_t e = sm->keylen;
	while (e > 0 && sm->key[e - 1] == ' ')
		e--;
	return e > 0 && sm->key[e - 1] == '.';
}

/* 1 when statement sm starts the way lead does: the first line of a task that names its unit again
 * ("4. Trung tâm Chuyển đổi số Thành phố" / "Trung tâm Chuyển đổi số" / "Thành phố chủ trì …"), not
 * the rest of the unit's name. */
static int restates(const char *lead, const ex_stmt *sm)
{
	char *key = NULL;
	size_t keylen = 0, *kmap = NULL;
	if (!lead || ex_key(lead, strlen(lead), &key, &keylen, &kmap) != 0)
		return 0;
	size_t n = sm->keylen;
	while (n > 0 && sm->key[n - 1] == ' ')
		n--;
	int yes = n >= 4 && n <= keylen && !memcmp(key, sm->key, n);
	free(key);
	free(kmap);
	return yes;
}

/* 1 when text s starts with a unit's name ("Sở …", "Ủy ban nhân dân …", "Các sở, ngành"). */
static int names_unit_text(const char *s)
{
	char *key = NULL;
	size_t keylen = 0, *kmap = NULL;
	if (!s || ex_key(s, strlen(s), &key, &keylen, &kmap) != 0)
		return 0;
	int yes = rs_names_unit(key, keylen);
	free(key);
	free(kmap);
	return yes;
}

/* A new task of lead `lead` under the unit heading numbered `unit`, the nbul-th: text t (its bullet mark
 * dropped), statement sm; the cooperating units and the deadline from its text. */
static void start_task(const ex_doc *ed, resp *cur, const char *unit, const char *lead, const char *coop,
		       int nbul, const ex_stmt *sm, const char *t)
{
	snprintf(cur->task_id, sizeof cur->task_id, "%.48s-%d", unit, nbul);
	const char *p = t;
	if ((*p == '-' || *p == '+' || *p == '*') && p[1] == ' ')
		p += 2;
	cur->task = sohoa_strdup(p);
	cur->lead = lead ? sohoa_strdup(lead) : NULL;
	cur->deadline = rs_deadline_of(sm);
	cur->coop = rs_coop_in(sm, 0, sm->keylen);
	if (!cur->coop && coop)
		cur->coop = sohoa_strdup(coop);
	int page, line;
	ex_locate(ed, sm, 0, NULL, &page, &line);
	cur->page = page;
	cur->line = line;
	cur->source = "unit";
}

/* The lead a unit heading names: its title without "Đề nghị"/"Giao", up to ':', a parenthesis or
 * the sentence end. */
static char *unit_lead(const ex_stmt *h)
{
	size_t k = rs_skip_request(h, h->heading ? h->title_key : 0), e = k;
	while (e < h->keylen && h->key[e] != ':' && h->key[e] != '(' &&
	       !(h->key[e] == '.' && (e + 1 >= h->keylen || h->key[e + 1] == ' ')))
		e++;
	while (e > k && strchr(" ,", h->key[e - 1]))
		e--;
	size_t le = rs_unit_end(h, k, h->keylen, 0); /* "Bộ trưởng các Bộ: Quốc phòng, Công an" */
	if (e < h->keylen && h->key[ex_skip_sp(h->key, e, h->keylen)] == ':' && le > e)
		e = le;
	return ex_clean(h->text, h->kmap[k], h->kmap[e]);
}

/* *lead with the text of statement sm appended (a unit's name that runs on to the next line). */
static void lead_more(char **lead, const ex_stmt *sm)
{
	char *t = ex_clean(sm->text, 0, sm->len);
	size_t n = (*lead ? strlen(*lead) : 0) + (t ? strlen(t) : 0) + 2;
	char *j = t ? malloc(n) : NULL;
	if (j) {
		snprintf(j, n, "%s %s", *lead ? *lead : "", t);
		free(*lead);
		*lead = j;
	}
	free(t);
}

/* 1 when key offset k of sm starts a unit's name followed by a colon and what the unit is asked
 * ("Bộ Y tế: Khẩn trương hỗ trợ …", "Các Tập đoàn, doanh nghiệp: xây dựng kế hoạch …."): the name
 * is key [*b, *e), the task starts at *q. Not places after the colon ("Chủ tịch Ủy ban nhân dân
 * các tỉnh: Sơn La, Lai Châu"): the task does not start with two capitalized words, has three
 * words or more and ends a sentence. */
static int colon_unit(const ex_stmt *sm, size_t k, size_t *b, size_t *e, size_t *q)
{
	k = ex_skip_sp(sm->key, k, sm->keylen);
	if (k >= sm->keylen || !rs_upper_at(sm, k) || !rs_names_unit(sm->key + k, sm->keylen - k))
		return 0;
	*b = k;
	*e = rs_unit_end(sm, k, sm->keylen, 0);
	size_t c = ex_skip_sp(sm->key, *e, sm->keylen);
	if (*e <= k || c >= sm->keylen || sm->key[c] != ':')
		return 0;
	*q = ex_skip_sp(sm->key, c + 1, sm->keylen);
	size_t w2 = *q;
	while (w2 < sm->keylen && isalnum((unsigned char)sm->key[w2]))
		w2++;
	w2 = ex_skip_sp(sm->key, w2, sm->keylen);
	int places = rs_upper_at(sm, *q) && w2 < sm->keylen && isalpha((unsigned char)sm->key[w2]) && rs_upper_at(sm, w2);
	return *q < sm->keylen && isalpha((unsigned char)sm->key[*q]) && !places &&
	       ex_words_in(sm->key, *q, sm->keylen) >= 3 && rs_ends_clause(sm) && !ends_colon(sm);
}

/* The number of heading h when it is a plain one ("3.", "3)"), else 0. */
static int plain_number(const ex_stmt *h)
{
	return h->heading && isdigit((unsigned char)h->id[0]) && !strchr(h->id, '.') ? atoi(h->id) : 0;
}

/* 1 when numbered heading s breaks the numbering its siblings follow: its number is not last + 1
 * and the next plain-numbered heading of its level is ("1. Bộ X", "4) …" (an item whose first
 * mark was lost), "2. Bộ Y"). Such a heading is an item of the unit before it. */
static int out_of_sequence(const ex_doc *ed, size_t s, int last)
{
	const ex_stmt *sm = &ed->stmts[s];
	int n = plain_number(sm);
	if (!n || n == last + 1)
		return 0;
	for (size_t j = s + 1; j < ed->nstmts; j++) {
		const ex_stmt *h = &ed->stmts[j];
		if (!h->heading || h->level > sm->level)
			continue;
		if (h->level < sm->level || !plain_number(h))
			return 0;
		return plain_number(h) == last + 1;
	}
	return 0;
}

/* 1 when heading j names a unit: a title starting with a capital and a unit's first word that is
 * short, or a unit given a task ("3. Bộ Nội vụ chủ trì, phối hợp với …:"), or a longer name that
 * ends with a colon or stands over lettered items ("3. Chủ tịch Ủy ban nhân dân các tỉnh, thành
 * phố trực thuộc Trung ương" / "a) …"). */
static int unit_heading(const ex_doc *ed, size_t j)
{
	const ex_stmt *h = &ed->stmts[j];
	size_t k = h->title_key, b, e, q, words = ex_words_in(h->key, k, h->keylen);
	if (!rs_upper_at(h, k) || !rs_names_unit(h->key + k, h->keylen - k))
		return 0;
	if (words <= 12 || rs_unit_sentence(h, k, &b, &e) || colon_unit(h, k, &b, &e, &q))
		return 1;
	size_t n = h->keylen;
	while (n > k && h->key[n - 1] == ' ')
		n--;
	const ex_stmt *nx = j + 1 < ed->nstmts ? &ed->stmts[j + 1] : NULL;
	return words <= 40 && ((n > k && h->key[n - 1] == ':') ||
			       (nx && nx->heading && nx->level > h->level && nx->id[0] && !isdigit((unsigned char)nx->id[0]) &&
				!rs_ends_clause(h)));
}

/* 1 when most numbered headings from statement from on, up to the next Roman heading (two or
 * more), name a unit (unit_heading); a heading out of sequence is not counted. */
static int units_below(const ex_doc *ed, size_t from)
{
	int n = 0, units = 0, last = 0;
	for (size_t j = from; j < ed->nstmts; j++) {
		const ex_stmt *h = &ed->stmts[j];
		if (!h->heading)
			continue;
		if (h->level == 1 && !isdigit((unsigned char)h->id[0]))
			break;
		if (!plain_number(h) || out_of_sequence(ed, j, last))
			continue;
		last = plain_number(h);
		n++;
		units += unit_heading(ed, j);
	}
	return n >= 2 && units * 3 >= n * 2;
}

/* 1 when top heading s opens a unit section by its title, 2 when its title runs on to the next
 * statement ("V. TỔ CHỨC" / "THỰC HIỆN", an upper-case one), 1 when the headings under it name
 * units; else 0. */
static int opens_units(const ex_doc *ed, size_t s)
{
	const ex_stmt *sm = &ed->stmts[s];
	if (rs_has_word(sm, sm->title_key, unit_sections))
		return 1;
	if (s + 1 >= ed->nstmts || ed->stmts[s + 1].heading)
		return units_below(ed, s + 1);
	const ex_stmt *nx = &ed->stmts[s + 1];
	for (size_t i = 0; i < nx->len; i++)
		if (islower((unsigned char)nx->text[i]))
			return units_below(ed, s + 1);
	size_t n = sm->keylen - sm->title_key + nx->keylen + 2;
	char *j = malloc(n);
	if (!j)
		return 0;
	snprintf(j, n, "%s %s", sm->key + sm->title_key, nx->key);
	int yes = 0;
	for (int w = 0; unit_sections[w] && !yes; w++)
		yes = strstr(j, unit_sections[w]) != NULL;
	free(j);
	return yes ? 2 : units_below(ed, s + 1);
}

/* 1 when key offset k of statement sm starts "Về …:" (a topic: "2. Về kiến nghị …:"), a
 * remedy's label ("Giải pháp khắc phục:", "Đề xuất giải pháp:") or another short label in capitals
 * that is no unit's name before "Giao"/"Đề nghị" in capitals ("Nhiệm vụ: Giao Sở X …"): what
 * follows asks units; *after gets the key offset past the colon. */
static int topic_at(const ex_stmt *sm, size_t k, size_t *after)
{
	static const char *const remedies[] = {"giai phap", "bien phap", "de xuat giai phap", "de xuat bien phap", NULL};
	const char *c = memchr(sm->key + k, ':', sm->keylen - k);
	if (!c)
		return 0;
	size_t q = ex_skip_sp(sm->key, (size_t)(c - sm->key) + 1, sm->keylen);
	if (!ex_word_at(sm->key, sm->keylen, k, "ve")) {
		size_t n = (size_t)(c - sm->key);
		if (ex_words_in(sm->key, k, n) > 6 || memchr(sm->key + k, '.', n - k) || memchr(sm->key + k, ';', n - k) ||
		    !rs_upper_at(sm, k) || rs_names_unit(sm->key + k, n - k) ||
		    rs_skip_request(sm, k) > k) /* "Giao các Bộ: Giao thông vận tải, …" is a request */
			return 0;
		if (!ex_starts_any(sm->key, sm->keylen, k, remedies) &&
		    !((ex_word_at(sm->key, sm->keylen, q, "giao") || ex_word_at(sm->key, sm->keylen, q, "de nghi")) &&
		      rs_upper_at(sm, q)))
			return 0;
	}
	*after = q;
	return 1;
}

/* 1 when the text of sm at key offset k starts a topic (topic_at), or a later sentence starts with
 * a label that asks units ("Giải pháp khắc phục: Giao Sở X …" after the shortcoming it remedies,
 * in the same paragraph or an item heading's); *after gets the key offset past its colon. */
static int label_in(const ex_stmt *sm, size_t k, size_t *after)
{
	for (size_t k0 = k; (k = ex_skip_sp(sm->key, k, sm->keylen)) < sm->keylen;) {
		/* a later sentence's "Về …, …:" is no topic of the paragraph */
		if ((k == ex_skip_sp(sm->key, k0, sm->keylen) || !ex_word_at(sm->key, sm->keylen, k, "ve")) &&
		    topic_at(sm, k, after) && *after < sm->keylen)
			return 1;
		size_t end = ex_sentence_end(sm->key, sm->keylen, k);
		if (end <= k)
			break;
		k = end;
	}
	return 0;
}

/* 1 when statement s is a paragraph under a numbered topic heading that ends with its colon ("2.
 * Về kiến nghị …:"), before the next heading; 2 when s goes on with the topic of the heading just
 * before it, whose colon has not come yet ("8. Về hoạt động của mô hình" / "02 cấp: giao …"). */
static int under_topic(const ex_doc *ed, size_t s)
{
	for (size_t j = s; j-- > 0 && s - j <= 64;) { /* a topic's paragraphs are few: stay linear */
		const ex_stmt *h = &ed->stmts[j];
		if (!h->heading)
			continue;
		size_t after, k = h->title_key;
		if (h->level <= 1 || !ex_word_at(h->key, h->keylen, k, "ve"))
			return 0;
		if (!topic_at(h, k, &after))
			return j + 1 == s && memchr(ed->stmts[s].key, ':', ed->stmts[s].keylen) ? 2 : 0;
		return after >= h->keylen;
	}
	return 0;
}

/* Clauses that open a sentence before the unit it asks ("Sau khi …,", "Căn cứ …,"). */
static const char *const opening[] = {"sau khi", "de", "voi vai tro", "tren co so", "dong thoi", "khi",
				      "truong hop", "ngoai ra", "can cu", NULL};

/* Key offset where the unit of the text of sm from key offset k is named: past an opening clause
 * ("Căn cứ nội dung Kế hoạch, các sở, ngành xây dựng …", "Trên cơ sở …, Bộ Y chủ trì …") when a
 * unit given a task follows its comma in the same sentence, else k. */
static size_t clause_unit_at(const ex_stmt *sm, size_t k)
{
	size_t b, e, end = ex_sentence_end(sm->key, sm->keylen, k);
	if (end <= k || end > sm->keylen)
		end = sm->keylen;
	if (!ex_starts_any(sm->key, sm->keylen, k, opening))
		return k;
	const char *c = memchr(sm->key + k, ',', end - k);
	size_t q = c ? ex_skip_sp(sm->key, (size_t)(c - sm->key) + 1, sm->keylen) : sm->keylen;
	return q < sm->keylen && rs_unit_sentence(sm, q, &b, &e) ? q : k;
}

/* Key offset where the unit of heading sm's title is named (clause_unit_at its title). */
static size_t title_unit_at(const ex_stmt *sm)
{
	return clause_unit_at(sm, sm->title_key);
}

/* In a topic's text from key offset k on, where a unit asked to do something starts: at k, after
 * a later colon ("Về …: tăng …, bố trí …: giao Bộ X …"), after an opening clause ("Sau khi …,",
 * "Để …,", "Với vai trò …,"), or in a later sentence of the statement; the unit's name is key
 * [*b, *e). Returns the key offset of the clause, or keylen when there is none. */
static size_t topic_unit(const ex_stmt *sm, size_t k, size_t *b, size_t *e)
{
	while ((k = ex_skip_sp(sm->key, k, sm->keylen)) < sm->keylen) {
		size_t end = ex_sentence_end(sm->key, sm->keylen, k);
		if (end <= k)
			end = sm->keylen;
		for (size_t q = k; q < end;) {
			if (rs_unit_sentence(sm, q, b, e))
				return q;
			const char *c = memchr(sm->key + q, ':', end - q);
			const char *semi = memchr(sm->key + q, ';', end - q); /* "…; Bộ Y tế hướng dẫn …" */
			if (semi && (!c || semi < c))
				c = semi;
			const char *comma = ex_starts_any(sm->key, end, q, opening) ? memchr(sm->key + q, ',', end - q) : NULL;
			if (comma && (!c || comma < c))
				c = comma;
			if (!c)
				break;
			q = ex_skip_sp(sm->key, (size_t)(c - sm->key) + 1, end);
		}
		k = ex_skip_sp(sm->key, end, sm->keylen);
	}
	return sm->keylen;
}

/* Who concludes in a report of a meeting ("Thủ tướng …", "Người đứng đầu Chính phủ …"), and the
 * words by which they ask a unit. */
static const char *const leaders[] = {"thu tuong", "pho thu tuong", "nguoi dung dau", "chu tich", "bo truong", NULL};
static const char *const ask_words[] = {"chi dao", "yeu cau", "de nghi", "giao", NULL};
/* What a unit named first in a sentence after a conclusion is asked to do ("Bộ Tài chính khẩn
 * trương nghiên cứu …", "Các địa phương rà soát …"); a report of what it did uses other verbs. */
static const char *const asked_verbs[] = {"khan truong", "chu dong", "chi dao", "ra soat", "nghien cuu", "day manh",
					  "tang cuong", "tiep tuc", "tap trung", "huong dan", "kiem tra", "hoan thanh",
					  "xu ly", "don doc", "cap nhat", "giai quyet", "chu tri", "tham muu", "se",
					  "trien khai", "tien hanh", "tham dinh", "phoi hop", "som", NULL};

/* Key offset past the first word in the first sentence of sm from k by which a leader asks
 * ("chỉ đạo", "yêu cầu"), or at it ("đề nghị", "giao": rs_unit_sentence reads those), or keylen. */
static size_t asked_after(const ex_stmt *sm, size_t k)
{
	size_t end = ex_sentence_end(sm->key, sm->keylen, k);
	if (end <= k || end > sm->keylen)
		end = sm->keylen;
	for (size_t q = k; q < end; q++)
		for (int w = 0; ask_words[w]; w++)
			if (ex_word_at(sm->key, sm->keylen, q, ask_words[w])) /* rs_unit_sentence reads "giao", "đề nghị" */
				return w >= 2 ? q : ex_skip_sp(sm->key, q + strlen(ask_words[w]), sm->keylen);
	return sm->keylen;
}

/* Verbs a task starts with ("Tổng hợp …", "Chủ động …"). */
static const char *const task_verbs[] = {
	"chu dong", "tong hop", "tap trung", "phoi hop", "theo doi", "ra soat", "nghien cuu", "xay dung", "kiem tra",
	"bao cao", "de xuat", "huong dan", "chi dao", "tang cuong", "day manh", "khan truong", "tiep tuc", "thuc hien",
	"to chuc", "trien khai", "hoan thanh", "ban hanh", "xu ly", "don doc", "cap nhat", "bao dam", "dam bao",
	"giai quyet", "huy dong", "bo tri", "xem xet", "nghien cuu", "cat giam", "quyet liet", "chu tri", "van dong", NULL};

/* 1 when key offset r of sm, right after a unit's name, says what the unit must do: "phải",
 * "cần", "có trách nhiệm", "chịu trách nhiệm". */
static int obliged_at(const ex_stmt *sm, size_t r)
{
	static const char *const duty[] = {"co trach nhiem", "chiu trach nhiem", NULL};
	static const char *const about[] = {"ve", "truoc", "chinh", "va", NULL};
	if (ex_starts_any(sm->key, sm->keylen, r, duty)) /* not what it answers for ("… về mạng lưới") */
		return !ex_starts_any(sm->key, sm->keylen, ex_skip_sp(sm->key, r + (sm->key[r] == 'c' && sm->key[r + 1] == 'o' ? 14 : 16), sm->keylen), about);
	int must = (ex_word_at(sm->key, sm->keylen, r, "phai") && ex_spelled_at(sm, r, "phải")) ||
		   (ex_word_at(sm->key, sm->keylen, r, "can") && ex_spelled_at(sm, r, "cần"));
	size_t q = ex_skip_sp(sm->key, r + 4, sm->keylen);
	/* a verb follows, in lower case (not "Cục Hậu cần, Bộ …"), and not what is to be done to it
	 * ("Các nhiệm vụ cần được …") */
	return must && q < sm->keylen && isalpha((unsigned char)sm->key[q]) && !rs_upper_at(sm, q) &&
	       !(ex_word_at(sm->key, sm->keylen, q, "duoc") && ex_spelled_at(sm, q, "được")) &&
	       !ex_word_at(sm->key, sm->keylen, q, "thiet"); /* "… cần thiết" */
}

/* 1 when key [b, e) of sm names units in at most max words, or in at most forty as a list
 * of three units or more, each named in ten words or fewer ("Thủ trưởng các sở - ngành, cơ quan,
 * đơn vị, Chủ tịch Uỷ ban nhân dân các quận - huyện, Tổng Giám đốc các doanh nghiệp …"). */
static int name_words_ok(const ex_stmt *sm, size_t b, size_t e, size_t max)
{
	size_t n = ex_words_in(sm->key, b, e), parts = 0;
	if (n <= max)
		return 1;
	if (n > 40)
		return 0;
	for (size_t p = b; p < e; parts++) {
		const char *c = memchr(sm->key + p, ',', e - p);
		size_t q = c ? (size_t)(c - sm->key) : e;
		if (ex_words_in(sm->key, p, q) > 10)
			return 0;
		p = q + 1;
	}
	return parts >= 3;
}

/* 1 when key [b, e) of sm is a unit's name a duty can be given to: twenty words or fewer (or,
 * named alone before the statement's last colon, a list of units: name_words_ok), no
 * markup or clause ("**", "[", "thì", "mà"), and after "Các"/"Những"/"Mỗi" a word for units ("Các
 * sở", "Các địa phương", not "Các thửa đất", "Các bên"). */
static int duty_unit(const ex_stmt *sm, size_t b, size_t e)
{
	static const char *const many[] = {"cac", "nhung", "moi", NULL};
	/* the words a unit's name starts with, as spelled: "Sở", not "Số"; "Bộ", not "Bố"; "Ban", not
	 * "Bản"; "Báo", not "Bảo"; "Đài", not "Đại" */
	static const char *const spelled[] = {"sở", "bộ", "ban", "báo", "đài", "viện", "cục", "vụ", "hội", "phòng",
					      "đoàn", "các", "những", "mỗi", NULL};
	static const char *const units[] = {"sở", "bộ", "ngành", "cơ quan", "đơn vị", "địa phương", "cục", "vụ", "ban",
					    "chủ đầu tư", "doanh nghiệp", "cấp", "tổng công ty", "hội đồng", "phòng",
					    "ủy ban", "ubnd", "tập đoàn", "thủ trưởng", "tỉnh", "huyện", "xã", "quận",
					    "phường", "tổng cục", "chi cục", "trung tâm", "hội", "tổ chức", NULL};
	static const char *const not_named[] = {"vừa", "là", "đã", "đang", NULL};
	size_t r = ex_skip_sp(sm->key, e, sm->keylen);
	int alone = r < sm->keylen && sm->key[r] == ':' && ex_skip_sp(sm->key, r + 1, sm->keylen) >= sm->keylen;
	if (alone ? !name_words_ok(sm, b, e, 20) : ex_words_in(sm->key, b, e) > 20)
		return 0;
	size_t w = b;
	while (w < e && isalpha((unsigned char)sm->key[w]))
		w++;
	for (int i = 0; spelled[i]; i++) {
		char plain[16];
		size_t n = 0;
		for (const char *p = spelled[i]; *p && n + 1 < sizeof plain;) { /* its key: the word unmarked */
			uint32_t cp;
			p += sohoa_utf8_decode(p, strlen(p), &cp);
			uint32_t base = sohoa_viet_base(cp);
			plain[n++] = (char)(base < 0x80 ? base : '?');
		}
		plain[n] = 0;
		if (w - b == n && !memcmp(sm->key + b, plain, n) && !ex_spelled_at(sm, b, spelled[i]))
			return 0;
	}
	for (size_t i = sm->kmap[b]; i < sm->kmap[e]; i++)
		if (strchr("*[]", sm->text[i]))
			return 0;
	for (size_t i = b; i < e; i++) {
		if ((ex_word_at(sm->key, e, i, "thi") && ex_spelled_at(sm, i, "thì")) ||
		    (ex_word_at(sm->key, e, i, "ma") && ex_spelled_at(sm, i, "mà")) ||
		    (ex_word_at(sm->key, e, i, "khi") && i > b)) /* "… khi đăng ký …": a condition */
			return 0;
		for (int n = 0; not_named[n]; n++) /* "Văn phòng X vừa ban hành …": a report */
			if ((i == b || sm->key[i - 1] == ' ') && ex_spelled_at(sm, i, not_named[n]))
				return 0;
	}
	if (!ex_starts_any(sm->key, e, b, many))
		return 1;
	size_t u = ex_skip_sp(sm->key, w, e);
	for (int i = 0; units[i]; i++)
		if (ex_spelled_at(sm, u, units[i]))
			return 1;
	return 0;
}

/* 1 when statement s lies under a heading about the aims and requirements of a plan ("2. Yêu
 * cầu", "I. MỤC ĐÍCH, YÊU CẦU"): what is said there is required of all, not assigned. */
static int under_aims(const ex_doc *ed, size_t s)
{
	static const char *const aims[] = {"yeu cau", "muc dich", NULL};
	for (size_t j = s + 1; j-- > 0;)
		if (ed->stmts[j].heading)
			return ex_starts_any(ed->stmts[j].key, ed->stmts[j].keylen, ed->stmts[j].title_key, aims);
	return 0;
}

/* 1 when the heading statement s (or its item) lies under asks all or scores results ("2. Yêu
 * cầu", "3. Tiêu chí đánh giá, xếp loại"): a unit named there after an opening clause states a
 * requirement or a step of the scoring, not a task of the plan. */
static int under_rules(const ex_doc *ed, size_t s)
{
	static const char *const rules[] = {"yeu cau", "muc dich", "tieu chi", "thang diem", NULL};
	const ex_stmt *sm = &ed->stmts[s];
	for (size_t j = s; j-- > 0;) {
		const ex_stmt *h = &ed->stmts[j];
		if (h->heading && (!sm->heading || h->level < sm->level))
			return ex_starts_any(h->key, h->keylen, h->title_key, rules);
	}
	return 0;
}

/* 1 when statement sm states a deadline (rs_deadline_of). */
static int has_deadline(const ex_stmt *sm)
{
	char *d = rs_deadline_of(sm);
	free(d);
	return d != NULL;
}

/* A statement s outside unit sections that gives a task to a unit: "Giao Sở X …", "Sở X chủ trì,
 * …", "Các Bộ … theo chức năng nhiệm vụ …"; after a topic ("Về kiến nghị …: Bộ X khẩn trương …",
 * or a paragraph under such a heading) each sentence with a unit asked to do something, not a
 * report of what it did or is ("đã", "đang", "được", …). Its row goes to cur. *from is the key
 * offset to read from (0 first); it is set past what was read, to keylen when the statement has no
 * more. Not the '+' items of a list a label opened ("Cơ quan thực hiện:"), which prose_rows reads. */
static int sentence_task(const ex_doc *ed, size_t s, int concl, int directs, size_t *from, resp *cur)
{
	static const char *const not_asked[] = {"da", "dang", "duoc", "la", "co", "chua", "van", "cung", "dat", "gom",
						"nam", "thuoc", "thong bao", NULL};
	const ex_stmt *sm = &ed->stmts[s];
	size_t k = sm->heading ? sm->title_key : item_mark(sm), b, e, after, pk = paren_item(sm);
	int numbered = pk > k; /* "(3) Các Tập đoàn … phát huy …": a numbered item asks its unit */
	if (numbered)
		k = pk;
	size_t start = *from;
	*from = sm->keylen;
	int topic = 0, reported = 0;
	size_t colon_task = 0; /* the task after "Unit:" in an item under a number alone */
	/* after a condition ("Trường hợp …,", "Khi …,") only a duty: other verbs there state a rule
	 * of what happens then, not a task */
	static const char *const conditions[] = {"truong hop", "khi", NULL};
	int cond = 0;
	if (label_in(sm, sm->heading ? sm->title_key : k, &after)) {
		k = after;
		topic = 1;
	} else if (!sm->heading && (topic = under_topic(ed, s)) == 2) {
		const char *c = memchr(sm->key, ':', sm->keylen);
		k = ex_skip_sp(sm->key, (size_t)(c - sm->key) + 1, sm->keylen);
	}
	size_t p = s;
	while (p > 0 && ed->stmts[p].key[strspn(ed->stmts[p].key, " ")] == '+')
		p--;
	if (p < s && rs_ends_clause(&ed->stmts[p]) && ed->stmts[p].key[ed->stmts[p].keylen - 1] == ':')
		return 0;
	size_t end = sm->keylen;
	if (topic) {
		if ((k = topic_unit(sm, start > k ? start : k, &b, &e)) >= sm->keylen)
			return 0;
		end = ex_sentence_end(sm->key, sm->keylen, e);
		if (end <= k || end > sm->keylen)
			end = sm->keylen;
		for (size_t q = e, b2, e2; q < end; q++) /* the next unit asked after a ';' has its own task */
			if (sm->key[q] == ';' && rs_unit_sentence(sm, ex_skip_sp(sm->key, q + 1, end), &b2, &e2)) {
				end = q;
				break;
			}
		*from = end;
	} else if (start) {
		return 0;
	} else {
		/* after a conclusion, "Thủ tướng … chỉ đạo Bộ X phối hợp …": the unit the leader asks */
		size_t q = concl && ex_starts_any(sm->key, sm->keylen, k, leaders) ? asked_after(sm, k) : sm->keylen;
		if (q < sm->keylen && rs_unit_sentence(sm, q, &b, &e)) {
			k = q;
			reported = 1;
		} else if (!sm->heading && s > 0 && rs_number_alone(&ed->stmts[s - 1]) && !rs_unit_sentence(sm, k, &b, &e) &&
			   colon_unit(sm, k, &b, &e, &q) && duty_unit(sm, b, e) && !ex_word_at(sm->key, sm->keylen, b, "bao cao")) {
			/* "3." / "Cục Thống kê: phối hợp với …": an item that names its unit, a colon and its
			 * task */
			colon_task = q;
		} else if (!rs_unit_sentence(sm, k, &b, &e)) {
			/* "Căn cứ …, Sở X nghiên cứu … trong tháng 3": the unit after the opening clause */
			size_t c = clause_unit_at(sm, k);
			if (c == k || !rs_unit_sentence(sm, c, &b, &e) || under_rules(ed, s))
				return 0;
			cond = ex_starts_any(sm->key, sm->keylen, k, conditions);
			k = c;
			numbered = 0; /* asked in words, not by its item's number */
		}
	}
	size_t r = e;
	while (r < sm->keylen && strchr(" ,", sm->key[r]))
		r++;
	if (colon_task)
		r = colon_task;
	for (int w = 0; (numbered || concl || directs) && not_asked[w]; w++) /* "(3) Bộ Công Thương đã …": its name took "đã" */
		if (ex_has_word(sm->key, b, e, not_asked[w]))
			numbered = concl = directs = 0;
	const char *colon = memchr(sm->key + r, ':', sm->keylen - r);
	/* "Các địa phương phải …", "Văn phòng Bộ có trách nhiệm …", "Sở X tổng hợp … trong quý II năm
	 * 2026": a duty, or a task with its deadline */
	if (cond && !obliged_at(sm, r))
		return 0;
	int duty = (obliged_at(sm, r) ||
		    (ex_starts_any(sm->key, sm->keylen, r, task_verbs) && !numbered && !topic && has_deadline(sm))) &&
		   duty_unit(sm, b, e) && !under_aims(ed, s);
	/* an item's "Unit: task" is asked by its item: no verb of duty needed, its colon no label's */
	if (!colon_task &&
	    ((!duty && !ex_word_at(sm->key, sm->keylen, k, "giao") && !ex_word_at(sm->key, sm->keylen, k, "de nghi") &&
	      !ex_word_at(sm->key, sm->keylen, r, "chu tri") && !ex_word_at(sm->key, sm->keylen, r, "theo chuc nang") &&
	      !((topic || numbered) && !ex_starts_any(sm->key, sm->keylen, r, not_asked)) && !reported &&
	      !(concl && ex_starts_any(sm->key, sm->keylen, r, asked_verbs)) &&
	      !(directs && ex_starts_any(sm->key, sm->keylen, r, asked_verbs) && duty_unit(sm, b, e) && !under_aims(ed, s))) ||
	     (colon && colon - (sm->key + r) < 50))) { /* a label ("Đơn vị chủ trì: …"): prose_rows reads it */
		if (!topic || end >= sm->keylen)
			return 0;
		*from = end; /* the topic's next sentence */
		return sentence_task(ed, s, concl, directs, from, cur);
	}
	cur->lead = ex_clean(sm->text, sm->kmap[b], sm->kmap[e]);
	cur->task = ex_clean(sm->text, sm->kmap[r], end < sm->keylen ? sm->kmap[end] : sm->len);
	cur->coop = rs_coop_in(sm, e, end);
	ex_stmt part = *sm; /* a topic's sentence states its own deadline */
	part.key = sm->key + k;
	part.keylen = end - k;
	part.kmap = sm->kmap + k;
	cur->deadline = rs_deadline_of(topic ? &part : sm);
	size_t b2, e2;
	if (topic && !cur->deadline && end < sm->keylen && topic_unit(sm, end, &b2, &e2) >= sm->keylen) {
		part.keylen = sm->keylen - k; /* no other unit after it: the rest of the statement is its own */
		cur->deadline = rs_deadline_of(&part);
	}
	snprintf(cur->task_id, sizeof cur->task_id, "%s", sm->section);
	int page, line;
	ex_locate(ed, sm, sm->kmap[k], NULL, &page, &line);
	cur->page = page;
	cur->line = line;
	cur->source = "prose";
	return 1;
}


static int verb_item(const ex_doc *ed, size_t s);

/* 1 (2 for a name alone) when statement s, outside unit sections, names a unit over the bullets that follow it ("(1)
 * Bộ X chủ trì, phối hợp với Y:", "Các Bộ, cơ quan theo chức năng, nhiệm vụ được giao:"): it is
 * not a bullet, ends with a colon, starts with a unit's name (after "(1)", "Giao", "Đề nghị")
 * followed by what the unit does over them, and the next statement is a bullet. The name is key
 * [*b, *e). */
static int opens_list(const ex_doc *ed, size_t s, const char *const *assigns, size_t *b, size_t *e)
{
	const ex_stmt *sm = &ed->stmts[s];
	if (sm->heading || rs_starts_bullet(sm) || s + 1 >= ed->nstmts)
		return 0;
	int bullets = rs_starts_bullet(&ed->stmts[s + 1]);
	size_t pk = paren_item(sm), ik = item_mark(sm);
	size_t k = rs_skip_request(sm, pk > ik ? pk : ik);
	/* a name alone after its mark or under a number alone on its line ("c ) Bộ Nội vụ", "2." /
	 * "Sở Tài chính:"), over bullets or over paragraphs that start with a task's verb */
	int alone = k > strspn(sm->key, " ") || (s > 0 && rs_number_alone(&ed->stmts[s - 1]));
	size_t n = sm->keylen;
	while (n > k && strchr(" :", sm->key[n - 1]))
		n--;
	if (alone && (bullets || verb_item(ed, s + 1)) && n > k && !strchr(".;", sm->key[n - 1]) &&
	    ex_words_in(sm->key, k, n) <= 16 && rs_upper_at(sm, k) && rs_names_unit(sm->key + k, n - k) &&
	    !ex_starts_any(sm->key, n, k, task_verbs) && /* "Ban hành …:" names no unit */
	    duty_unit(sm, k, n) &&
	    (!ends_colon(sm) || rs_unit_end(sm, k, n, 1) >= n)) { /* not "Bộ X chủ trì, phối hợp với Y:" */
		*b = k; /* "(1). Bộ Kế hoạch và Đầu tư" alone over its bullets */
		*e = n;
		return 2;
	}
	if (!bullets || !ends_colon(sm))
		return 0;
	if (!rs_upper_at(sm, k) || !rs_unit_sentence(sm, k, b, e))
		return 0;
	size_t r = *e;
	while (r < sm->keylen && strchr(" ,", sm->key[r]))
		r++;
	return ex_starts_any(sm->key, sm->keylen, r, assigns);
}

/* 1 when statement sm, which names its unit at key [.., e) over the tasks that follow its colon,
 * states a task of its own before them (twenty words or more before any "phối hợp": "Bí thư tỉnh
 * ủy … tiếp tục phân công nhiệm vụ cụ thể … , trong đó tập trung một số nhiệm vụ sau:"), not just
 * what the unit does over them ("Bộ X theo chức năng, nhiệm vụ chủ trì, phối hợp với Y:") nor
 * what a rule says it does ("… được quy định tại Điều 3 …, cụ thể như sau:"). */
static int own_task_over(const ex_stmt *sm, size_t e)
{
	static const char *const rule[] = {"quy dinh tai", "nhu sau", NULL};
	size_t end = e;
	while (end < sm->keylen && !ex_word_at(sm->key, sm->keylen, end, "phoi hop"))
		end++; /* the units it works with are not a task */
	return ends_colon(sm) && ex_words_in(sm->key, e, end) >= 20 && !rs_has_word(sm, e, rule);
}


/* 1 when statement s is a paragraph that starts in capitals with a task's verb ("Tổng hợp đầy đủ
 * …") and either it or the statement before ends a clause: in a unit's list, after its last
 * bullet, it is an item whose bullet was lost (a scan's dash); between two bullets it goes on with
 * the one before. */
static int verb_item(const ex_doc *ed, size_t s)
{
	const ex_stmt *sm = &ed->stmts[s];
	size_t k = strspn(sm->key, " ");
	return s > 0 && !sm->heading && !rs_starts_bullet(sm) && (rs_ends_clause(&ed->stmts[s - 1]) || rs_ends_clause(sm)) &&
	       rs_upper_at(sm, k) &&
	       ex_starts_any(sm->key, sm->keylen, k, task_verbs);
}

/* 1 when the document directs units by its type: a directive, a telegram or a resolution ("CHỈ
 * THỊ" on its type line within its first statements, or "Chỉ thị về …" opening its text), or a
 * letter that guides units ("V/v hướng dẫn …", "V/v triển khai …" as its subject). There a
 * unit named first with what it is asked to do ("Sở X tổ chức …") is given a task, as after a
 * conclusion; a report's or a submission's sentences of that shape say what was done. */
static int directs_units(const ex_doc *ed)
{
	static const char *const types[] = {"chi thi", "cong dien", "nghi quyet", NULL};
	static const char *const guides[] = {"huong dan", "trien khai", NULL};
	for (size_t s = 0; s < ed->nstmts && s < 12; s++) {
		const ex_stmt *sm = &ed->stmts[s];
		size_t k = strspn(sm->key, " ");
		if (!strncmp(sm->key + k, "v/v", 3) && ex_starts_any(sm->key, sm->keylen, ex_skip_sp(sm->key, k + 3, sm->keylen), guides))
			return 1;
		if (!ex_starts_any(sm->key, sm->keylen, k, types) || !rs_upper_at(sm, k))
			continue;
		size_t w = k; /* the type word's second word: in capitals on a type line */
		while (w < sm->keylen && sm->key[w] != ' ')
			w++;
		w = ex_skip_sp(sm->key, w, sm->keylen);
		if (s == 0 || (w < sm->keylen && rs_upper_at(sm, w)))
			return 1;
	}
	return 0;
}

/* 1 when statement sm is a number alone that ends with its dot ("1."), not a footnote's mark. */
static int number_dot(const ex_stmt *sm)
{
	return rs_number_alone(sm) && ends_dot(sm);
}

/* The level of the heading statement s is or lies under (0 before any heading). */
static int level_at(const ex_doc *ed, size_t s)
{
	for (size_t j = s + 1; j-- > 0;)
		if (ed->stmts[j].heading)
			return ed->stmts[j].level;
	return 0;
}

/* 1 when statement s is an item of the duty a unit was given over it by statement opener
 * (duty_opener): not the opener's next bullet, its text starts in capitals, names no unit of its
 * own and states no rule or role ("Là …", "Được …"), and it is an item heading deeper than level
 * (not a sub-title ending with a colon), a bullet, a lettered item, the paragraph under a number
 * alone on its line, or a paragraph that starts with a task's verb; *k gets the key offset of its
 * text. */
static int duty_item(const ex_doc *ed, size_t s, const ex_stmt *opener, int level, size_t *k)
{
	/* what states a rule or a role, not a task ("Là đại diện …", "Được …", "Có quyền …") */
	static const char *const stated[] = {"la", "duoc", "co", "da", "dang", "thuoc", "gom", NULL};
	static const char *const spelled[] = {"là", "được", "có", "đã", "đang", "thuộc", "gồm", NULL};
	const ex_stmt *sm = &ed->stmts[s];
	size_t b, e, t = sm->heading ? sm->title_key : item_text(sm);
	size_t ob = strspn(opener->key, " "), sb = strspn(sm->key, " ");
	if (rs_starts_bullet(opener) && rs_starts_bullet(sm) && opener->key[ob] == sm->key[sb])
		return 0; /* the opener's next bullet, not one below it */
	for (int i = 0; stated[i]; i++) /* as spelled: "Đa dạng hóa …", "Đăng ký …" are tasks */
		if (ex_word_at(sm->key, sm->keylen, t, stated[i]) && ex_spelled_at(sm, t, spelled[i]))
			return 0;
	int verb = ex_starts_any(sm->key, sm->keylen, t, task_verbs) || ex_starts_any(sm->key, sm->keylen, t, asked_verbs);
	if (t >= sm->keylen || !rs_upper_at(sm, t) || rs_unit_sentence(sm, t, &b, &e) ||
	    (!verb && rs_names_unit(sm->key + t, sm->keylen - t))) /* "Báo cáo …" names no newspaper */
		return 0;
	*k = t;
	if (sm->heading)
		return sm->level > level && !ends_colon(sm);
	/* a bullet, a lettered item, an item under its number alone ("1." / "Quan tâm …") */
	return rs_starts_bullet(sm) || t > strspn(sm->key, " ") || (s > 0 && number_dot(&ed->stmts[s - 1])) || verb;
}

/* 1 when key offset u of sm starts a unit's name (rs_names_unit) or a ministry's department
 * ("Vụ Khoa học Công nghệ": "Vụ" as spelled, in capitals). Key [u, n) is the text read. */
static int unit_named(const ex_stmt *sm, size_t u, size_t n)
{
	return rs_names_unit(sm->key + u, n - u) ||
	       (ex_word_at(sm->key, n, u, "vu") && ex_spelled_at(sm, u, "vụ") && rs_upper_at(sm, u));
}

/* Key offset of the unit a report asks at the end of key [k, n): past the last "đề xuất", "đề
 * nghị" or "kiến nghị" in it when a unit's name in capitals follows (at most twelve words in, no
 * sentence before: "Kiến nghị, đề xuất: Trung tâm kính đề xuất UBND tỉnh"); else k. */
static size_t request_at(const ex_stmt *sm, size_t k, size_t n)
{
	static const char *const asks[] = {"de xuat", "de nghi", "kien nghi", NULL};
	if (n <= k || memchr(sm->key + k, '.', n - k) || memchr(sm->key + k, ';', n - k))
		return k;
	for (size_t i = n; i-- > k;) {
		if ((i > k && sm->key[i - 1] != ' ') || !ex_starts_any(sm->key, n, i, asks))
			continue;
		size_t u = ex_skip_sp(sm->key, i + (ex_word_at(sm->key, n, i, "kien nghi") ? 9 : 7), n);
		if (u < n && rs_upper_at(sm, u) && unit_named(sm, u, n) && ex_words_in(sm->key, k, i) <= 12)
			return u;
		return k;
	}
	return k;
}

/* 1 when key [k, n) of sm, one sentence, ends by asking units in lower case what to do over the
 * items below it: "Để …, Bộ X đề nghị các bộ, tỉnh quan tâm, chỉ đạo thực hiện một số nội dung
 * sau" (the last "đề nghị"/"yêu cầu", "các" and units, twelve words or fewer after them). Their
 * name is key [*b, *e). */
static int asks_units(const ex_stmt *sm, size_t k, size_t n, size_t *b, size_t *e)
{
	static const char *const asks[] = {"de nghi", "yeu cau", NULL};
	if (n <= k || memchr(sm->key + k, '.', n - k) || memchr(sm->key + k, ';', n - k))
		return 0;
	for (size_t i = n; i-- > k;) {
		if ((i > k && sm->key[i - 1] != ' ') || !ex_starts_any(sm->key, n, i, asks))
			continue;
		size_t q = ex_skip_sp(sm->key, i + 7, n), qe;
		if (!ex_word_at(sm->key, n, q, "cac") || (qe = rs_unit_end(sm, q, n, 0)) <= q || qe >= n ||
		    !duty_unit(sm, q, qe) || ex_words_in(sm->key, qe, n) > 12 || memchr(sm->key + qe, ':', n - qe))
			return 0;
		*b = q;
		*e = qe;
		return 1;
	}
	return 0;
}

/* 1 when statement s, outside unit sections, gives a unit a duty over the items below it: "Thủ
 * trưởng các sở, ban, ngành có trách nhiệm:", "Để …, Sở X có trách nhiệm:", "b) Giao Sở Nội
 * vụ:" (a name alone, asked or numbered). It ends with its colon, at most six words follow the
 * duty's words ("… có trách nhiệm thực hiện các nội dung sau:"), or it asks units in lower case
 * (asks_units), and the next statement past a
 * number alone is an item (duty_item). The name is key [*b, *e). */
static int duty_opener(const ex_doc *ed, size_t s, size_t *b, size_t *e)
{
	const ex_stmt *sm = &ed->stmts[s];
	if (!ends_colon(sm))
		return 0;
	size_t k = sm->heading ? sm->title_key : item_mark(sm), pk = paren_item(sm), n = sm->keylen, it;
	if (!sm->heading && pk > k)
		k = pk;
	while (n > k && strchr(" :", sm->key[n - 1]))
		n--;
	size_t u = rs_skip_request(sm, request_at(sm, k, n));
	int alone = rs_upper_at(sm, u) && unit_named(sm, u, n) && rs_unit_end(sm, u, n, 1) >= n &&
		    !ex_starts_any(sm->key, n, u, task_verbs); /* "Ban hành kế hoạch năm:" names no unit */
	/* "Giao Sở Nội vụ:", "2. Thủ trưởng các sở, ban, ngành:": the unit's name alone, asked or
	 * numbered */
	if (u > ex_skip_sp(sm->key, k, sm->keylen) ||
	    (alone && (sm->heading || k > strspn(sm->key, " ") || (s > 0 && number_dot(&ed->stmts[s - 1]))))) {
		size_t ue = n <= u ? u : rs_unit_end(sm, u, n, 1), r = ex_skip_sp(sm->key, ue, n);
		/* "Giao Sở Nội vụ (Ban Thi đua - Khen thưởng) có nhiệm vụ:" */
		int duty = r < n && (obliged_at(sm, r) || ex_word_at(sm->key, n, r, "co nhiem vu")) && ex_words_in(sm->key, r, n) <= 9;
		if (n <= u || !name_words_ok(sm, u, ue, 16) || !unit_named(sm, u, ue) || (ue < n && !duty) ||
		    !duty_unit(sm, u, ue))
			return 0;
		*b = u;
		*e = ue;
	} else if (asks_units(sm, k, n, b, e)) {
		if (under_aims(ed, s))
			return 0;
	} else {
		if (!rs_unit_sentence(sm, k, b, e)) {
			size_t c = clause_unit_at(sm, k);
			if (c != k && rs_unit_sentence(sm, c, b, e)) {
				/* "Để …, Thủ trưởng các sở có trách nhiệm:" */
			} else if (rs_upper_at(sm, k) && rs_names_unit(sm->key + k, n - k)) {
				*b = k; /* "Thủ trưởng các sở; Chủ tịch …": its name ends at the ';' */
				if ((*e = rs_unit_end(sm, k, n, 0)) <= k)
					return 0;
			} else {
				return 0;
			}
		}
		size_t r = *e;
		while (r < sm->keylen && strchr(" ,", sm->key[r]))
			r++;
		/* "Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân … có trách nhiệm:" */
		if (r < n && sm->key[r] == ';' && rs_upper_at(sm, ex_skip_sp(sm->key, r + 1, n))) {
			size_t q = ex_skip_sp(sm->key, r + 1, n);
			while (q < n && !(sm->key[q - 1] == ' ' && obliged_at(sm, q)) && !strchr(".;:", sm->key[q]))
				q++;
			if (q < n && obliged_at(sm, q) && ex_words_in(sm->key, r, q) <= 20) {
				for (*e = q; *e > r && sm->key[*e - 1] == ' ';)
					(*e)--;
				r = q;
			}
		}
		if (!obliged_at(sm, r) || ex_words_in(sm->key, r, n) > 9 || memchr(sm->key + r, ':', n - r) ||
		    !duty_unit(sm, *b, *e) || under_aims(ed, s))
			return 0;
	}
	size_t j = s + 1;
	while (j < ed->nstmts && number_dot(&ed->stmts[j]))
		j++;
	return j < ed->nstmts && duty_item(ed, j, sm, sm->heading ? sm->level : level_at(ed, s), &it);
}

/* 1 when statement s is a plain paragraph (no heading, bullet or mark) that says what is to be
 * done: it starts in capitals, with no opening clause ("Khi …", "Để …"), and with a task's verb
 * or has "cần"/"phải" before a verb in lower case ("… các tỉnh cần phối hợp …", "… phải được
 * kiểm dịch …"; not "cần thiết"). */
static int regard_item(const ex_doc *ed, size_t s)
{
	const ex_stmt *sm = &ed->stmts[s];
	size_t k = strspn(sm->key, " ");
	if (sm->heading || rs_starts_bullet(sm) || item_text(sm) > k || paren_item(sm) > k || k >= sm->keylen ||
	    !rs_upper_at(sm, k) || ex_starts_any(sm->key, sm->keylen, k, opening) || ends_colon(sm) ||
	    rs_number_alone(sm))
		return 0;
	if (ex_starts_any(sm->key, sm->keylen, k, task_verbs))
		return 1;
	for (size_t i = k; i < sm->keylen; i++) {
		if (i > k && sm->key[i - 1] != ' ')
			continue;
		size_t w = ex_word_at(sm->key, sm->keylen, i, "phai") && ex_spelled_at(sm, i, "phải")  ? 4
			   : ex_word_at(sm->key, sm->keylen, i, "can") && ex_spelled_at(sm, i, "cần") ? 3
												      : 0;
		size_t q = w ? ex_skip_sp(sm->key, i + w, sm->keylen) : sm->keylen;
		if (q < sm->keylen && isalpha((unsigned char)sm->key[q]) && !rs_upper_at(sm, q) &&
		    !ex_word_at(sm->key, sm->keylen, q, "thiet"))
			return 1;
	}
	return 0;
}

/* 1 when statement s, outside unit sections, regards a unit over plain paragraphs: "Đối với
 * <unit>:" (after its number: "2. Đối với các tỉnh nuôi tôm trọng điểm:"), the name alone up to
 * the colon, and the next statement a paragraph that says what is to be done (regard_item). The
 * name is key [*b, *e). */
static int regard_opener(const ex_doc *ed, size_t s, size_t *b, size_t *e)
{
	const ex_stmt *sm = &ed->stmts[s];
	if (rs_starts_bullet(sm) || !ends_colon(sm) || s + 1 >= ed->nstmts)
		return 0;
	size_t k = sm->heading ? sm->title_key : item_mark(sm), n = sm->keylen;
	while (n > k && strchr(" :", sm->key[n - 1]))
		n--;
	if (!ex_word_at(sm->key, n, k, "doi voi") || !rs_upper_at(sm, k))
		return 0;
	size_t u = ex_skip_sp(sm->key, k + 7, n);
	if (u >= n || !unit_named(sm, u, n) || ex_words_in(sm->key, u, n) > 16 || memchr(sm->key + u, '.', n - u) ||
	    memchr(sm->key + u, ';', n - u) || !duty_unit(sm, u, n))
		return 0;
	*b = u;
	*e = n;
	return regard_item(ed, s + 1);
}

/* The unit heading tasks are gathered under: the heading, its numbering id, the lead it names and
 * the units it asks to cooperate, the tasks read so far, whether a closing paragraph stopped them,
 * whether its tasks are bullets and whether the heading is itself a task (for a list: 2 when
 * opened by a name alone). */
typedef struct open_unit {
	const ex_stmt *head;
	char id[64];
	char *lead, *coop;
	int ntasks, stopped, bullets, sentence;
} open_unit;

/* Open u on heading head (statement s of ed) numbered id, freeing what it held; head NULL only
 * frees. */
static void unit_open(open_unit *u, const ex_doc *ed, size_t s, const ex_stmt *head, const char *id)
{
	free(u->lead);
	free(u->coop);
	memset(u, 0, sizeof *u);
	if (!head)
		return;
	u->head = head;
	snprintf(u->id, sizeof u->id, "%s", id);
	u->bullets = lists_bullets(ed, s);
}

/* Write statement sm from byte `from` on as a prose task of unit u, after flushing the row in
 * cur: SOHOA_OK, or the error that stopped the writing. */
static sohoa_status unit_prose_row(sohoa_ctx *ctx, const rs_sink *sk, const ex_doc *ed, resp *cur, open_unit *u,
				   const ex_stmt *sm, size_t from)
{
	sohoa_status st = rs_flush(ctx, sk, cur, cur->task != NULL);
	if (st != SOHOA_OK)
		return st;
	char *t = ex_clean(sm->text, from, sm->len);
	if (!t)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	start_task(ed, cur, u->id, u->lead, NULL, ++u->ntasks, sm, t);
	cur->source = "prose";
	free(t);
	return rs_flush(ctx, sk, cur, 1);
}

/* Unit sections: under a top heading such as "III. TRÁCH NHIỆM …", each unit heading ("2) Sở Nội
 * vụ") leads the tasks below it, one row per bullet (or per paragraph in reflowed text), until a
 * closing statement or the recipients ("Nơi nhận"). A unit heading that is itself a sentence ("2.
 * Sở Tài chính chủ trì, phối hợp với … bố trí …") is a task. Outside unit sections, sentences
 * that give a unit a task (sentence_task) are rows. */
sohoa_status rs_unit_rows(sohoa_ctx *ctx, const ex_doc *ed, const rs_sink *sk)
{
	static const char *const recipients[] = {"noi nhan", NULL};
	static const char *const grounds[] = {"tren co so", NULL};
	/* what a unit heading says the unit does over its tasks ("Bộ X chủ trì, phối hợp với Y:") */
	static const char *const assigns[] = {"chu tri", "phoi hop", "chi dao", "theo doi", "thuc hien", "huong dan",
					      "to chuc", "tham muu", "chiu trach nhiem", "co trach nhiem", "theo chuc nang",
					      "khan truong", "chu dong", "tiep tuc", NULL};
	const sohoa_text *text = ed->text;
	sohoa_status st = SOHOA_OK;
	int reflowed = 0;
	for (size_t i = 0; i < text->nlines && !reflowed; i++)
		reflowed = text->lines[i].line_end > text->lines[i].line || text->lines[i].page_end > text->lines[i].page;
	resp cur = {0};
	/* a document whose numbered items name units from its start (a telegram: "1. Bộ X …"): its
	 * numbered headings are unit headings, not sections */
	int flat = units_below(ed, 0), in_units = flat, last_no = 0;
	/* concl: a conclusion ("Kết luận …") came before; chain: the unit it asked last, whose tasks
	 * the paragraphs right after may go on with */
	int concl = 0, nchain = 0, directs = directs_units(ed);
	char *chain = NULL;
	open_unit u = {0}, list = {0}; /* list: the unit named over bullets outside unit sections */
	open_unit duty = {0};         /* the unit given a duty over the items that follow */
	open_unit regard = {0};       /* the unit "Đối với …:" regards over the paragraphs that follow */
	int duty_level = 0;
	int cur_bullet = 0;
	for (size_t s = 0; s < ed->nstmts && st == SOHOA_OK; s++) {
		const ex_stmt *sm = &ed->stmts[s];
		if (s > 0 && !concl && ex_word_at(ed->stmts[s - 1].key, ed->stmts[s - 1].keylen, item_text(&ed->stmts[s - 1]), "ket luan"))
			concl = 1; /* "Kết luận hội nghị, Thủ tướng …", "KẾT LUẬN" */
		if (s == 1 && ex_word_at(ed->stmts[0].key, ed->stmts[0].keylen, strspn(ed->stmts[0].key, " "), "thong bao ket luan"))
			concl = 1; /* the notice's own title: "Thông báo kết luận của Bộ trưởng …" */
		if (sm->heading && sm->level == 1 && !strchr(sm->section, '.') && !(flat && isdigit((unsigned char)sm->id[0]))) {
			st = rs_flush(ctx, sk, &cur, cur.task != NULL);
			unit_open(&duty, ed, s, NULL, "");
			unit_open(&regard, ed, s, NULL, "");
			in_units = opens_units(ed, s);
			last_no = 0;
			if (in_units == 2)
				s++; /* the title's second line */
			u.head = NULL;
			size_t tb, te;
			if (!in_units && regard_opener(ed, s, &tb, &te)) {
				/* "2. Đối với các tỉnh …:" as a top heading */
				unit_open(&regard, ed, s, sm, sm->section);
				regard.lead = ex_clean(sm->text, sm->kmap[tb], sm->kmap[te]);
			} else if (!in_units && duty_opener(ed, s, &tb, &te)) {
				/* "3. Kiến nghị, đề xuất: Trung tâm kính đề xuất UBND tỉnh:" as a top heading */
				unit_open(&duty, ed, s, sm, sm->section);
				duty.lead = ex_clean(sm->text, sm->kmap[tb], sm->kmap[te]);
				duty_level = sm->level;
			}
			continue;
		}
		if (rs_starts_with_word(sm, recipients) || (sm->heading && in_units && rs_starts_with_word(sm, unit_stop))) {
			st = rs_flush(ctx, sk, &cur, cur.task != NULL);
			in_units = 0;
			u.head = NULL;
			continue;
		}
		size_t a0 = strspn(sm->key, " ");
		if (in_units && ex_word_at(sm->key, sm->keylen, a0, "dieu") &&
		    isdigit((unsigned char)sm->key[ex_skip_sp(sm->key, a0 + 4, sm->keylen)])) {
			/* the next article ("Điều 2. Quyết định này có hiệu lực …") ends the open unit's
			 * tasks; its own numbered units open theirs */
			st = rs_flush(ctx, sk, &cur, cur.task != NULL);
			u.head = NULL;
			continue;
		}
		const char *nn = strstr(sm->key, "noi nhan");
		if (in_units && nn && nn > sm->key && strchr(". ", nn[-1]) && sm->heading) {
			/* the recipients run into a unit heading's paragraph: no unit section after it */
			st = rs_flush(ctx, sk, &cur, cur.task != NULL);
			in_units = 0;
			u.head = NULL;
			continue;
		}
		if (in_units && sm->heading)
			unit_open(&list, ed, s, NULL, ""); /* a unit heading ends a list read before it */
		/* a telegram's text before its first numbered unit (a web page's summary of it) is read
		 * as prose outside unit sections */
		if (!in_units || (flat && !u.head && !sm->heading)) {
			size_t lb, le, dk;
			if (regard.head && !sm->heading && !rs_starts_bullet(sm) && item_text(sm) == a0 && paren_item(sm) == a0 &&
			    !ends_colon(sm) && !rs_number_alone(sm)) {
				/* a paragraph under "Đối với …:": a task of the unit when it says what is to be
				 * done; else it explains, or asks a unit of its own, and is read as prose below
				 * while the unit stays regarded */
				if (regard_item(ed, s)) {
					st = unit_prose_row(ctx, sk, ed, &cur, &regard, sm, 0);
					continue;
				}
			} else {
				unit_open(&regard, ed, s, NULL, "");
			}
			if (duty.head && number_dot(sm))
				continue; /* "1." alone over the item */
			if (duty.head && duty_item(ed, s, duty.head, duty_level, &dk)) {
				st = unit_prose_row(ctx, sk, ed, &cur, &duty, sm, sm->kmap[dk]);
				continue;
			}
			unit_open(&duty, ed, s, NULL, "");
			if (list.head && !sm->heading && !rs_starts_bullet(sm) && item_mark(sm) > strspn(sm->key, " ") &&
			    !opens_list(ed, s, assigns, &lb, &le)) {
				/* the next marked item ("i ) Trách nhiệm của …") ends the list of the unit before */
				st = rs_flush(ctx, sk, &cur, cur.task != NULL);
				unit_open(&list, ed, s, NULL, "");
			}
			int lost = list.head && (cur.task || (!list.ntasks && list.sentence == 2)) && verb_item(ed, s) &&
				   !(s + 1 < ed->nstmts && rs_starts_bullet(&ed->stmts[s + 1]));
			if (list.head && (sm->heading || rs_starts_bullet(sm) || lost ||
					  (s + 1 < ed->nstmts && rs_starts_bullet(&ed->stmts[s + 1]) && cur.task &&
					   !opens_list(ed, s, assigns, &lb, &le)))) {
				/* a bullet under a unit that named itself over the list: its task (a bullet
				 * that names its own unit is that unit's); a paragraph between two bullets goes
				 * on with the one before it */
				size_t ub, ue, it = item_text(sm);
				char *t = ex_clean(sm->text, 0, sm->len);
				if (!t)
					break;
				if (!sm->heading && !rs_starts_bullet(sm) && !lost) {
					continue_task(&cur, sm, t);
				} else if (!sm->heading) {
					st = rs_flush(ctx, sk, &cur, cur.task != NULL);
					char *own = rs_upper_at(sm, it) && rs_unit_sentence(sm, it, &ub, &ue)
							    ? ex_clean(sm->text, sm->kmap[ub], sm->kmap[ue])
							    : NULL;
					start_task(ed, &cur, list.id, own ? own : list.lead, own ? NULL : list.coop, ++list.ntasks,
						   sm, t);
					free(own);
				}
				free(t);
				if (!sm->heading)
					continue;
			}
			unit_open(&list, ed, s, NULL, "");
			int opened = sm->heading ? 0 : opens_list(ed, s, assigns, &lb, &le);
			if (opened) {
				st = rs_flush(ctx, sk, &cur, cur.task != NULL);
				unit_open(&list, ed, s, sm, sm->section);
				list.sentence = opened; /* 2: a name alone, whose first task may be a paragraph */
				list.lead = ex_clean(sm->text, sm->kmap[lb], sm->kmap[le]);
				list.coop = rs_coop_in(sm, le, sm->keylen);
				char *t = own_task_over(sm, le) ? ex_clean(sm->text, 0, sm->len) : NULL;
				if (t) { /* its own task, read here rather than by sentence_task */
					start_task(ed, &cur, list.id, list.lead, NULL, ++list.ntasks, sm, t);
					free(t);
					continue;
				}
			}
			if (!opened && !list.head && regard_opener(ed, s, &lb, &le)) {
				st = rs_flush(ctx, sk, &cur, cur.task != NULL);
				unit_open(&regard, ed, s, sm, sm->section);
				regard.lead = ex_clean(sm->text, sm->kmap[lb], sm->kmap[le]);
				continue;
			}
			if (!opened && !list.head && duty_opener(ed, s, &lb, &le)) {
				st = rs_flush(ctx, sk, &cur, cur.task != NULL);
				unit_open(&duty, ed, s, sm, sm->section);
				duty.lead = ex_clean(sm->text, sm->kmap[lb], sm->kmap[le]);
				duty_level = sm->heading ? sm->level : level_at(ed, s);
				continue;
			}
			if (!sm->heading || sm->level > 1) {
				st = rs_flush(ctx, sk, &cur, cur.task != NULL);
				int got = 0;
				for (size_t from = 0; st == SOHOA_OK && sentence_task(ed, s, concl, directs, &from, &cur);) {
					free(chain);
					chain = concl && cur.lead ? sohoa_strdup(cur.lead) : NULL;
					nchain = 1;
					got = 1;
					st = rs_flush(ctx, sk, &cur, 1);
				}
				/* a report of conclusions: a paragraph that starts with a task's verb and
				 * ends its sentence goes on with the tasks of the unit asked just before it */
				char *t = !got && chain && rs_ends_clause(sm) && verb_item(ed, s) ? ex_clean(sm->text, 0, sm->len) : NULL;
				if (t) {
					start_task(ed, &cur, sm->section, chain, NULL, ++nchain, sm, t);
					cur.source = "prose";
					st = rs_flush(ctx, sk, &cur, 1);
					free(t);
				} else if (!got) {
					free(chain);
					chain = NULL;
				}
			}
			continue;
		}
		if (rs_number_alone(sm)) { /* "3." alone, the unit's name on the next line */
			const ex_stmt *nx = s + 1 < ed->nstmts ? &ed->stmts[s + 1] : NULL;
			st = rs_flush(ctx, sk, &cur, cur.task != NULL);
			size_t cb, ce, cq;
			if (nx && !nx->heading && !rs_starts_bullet(nx) && colon_unit(nx, 0, &cb, &ce, &cq)) {
				/* "3." / "Cục Thống kê: phối hợp với …": the unit and its task after the colon */
				unit_open(&u, ed, s + 1, nx, sm->section);
				u.lead = ex_clean(nx->text, nx->kmap[cb], nx->kmap[ce]);
				char *t = ex_clean(nx->text, nx->kmap[cq], nx->len);
				if (t)
					start_task(ed, &cur, u.id, u.lead, NULL, ++u.ntasks, nx, t);
				free(t);
				u.sentence = 1;
				cur_bullet = 0;
				s++;
				continue;
			}
			size_t db, de;
			if (nx && !nx->heading && !rs_starts_bullet(nx) && duty_opener(ed, s + 1, &db, &de)) {
				/* "4." / "Giao Sở X có nhiệm vụ:" over the unit's items */
				unit_open(&u, ed, s + 1, nx, sm->section);
				u.lead = ex_clean(nx->text, nx->kmap[db], nx->kmap[de]);
				cur_bullet = 0;
				s++;
				continue;
			}
			if (!nx || nx->heading || rs_starts_bullet(nx) || rs_ends_clause(nx) ||
			    ex_words_in(nx->key, 0, nx->keylen) > 16 || !rs_names_unit(nx->key, nx->keylen)) {
				u.head = NULL; /* "8." / "Phương án huy động kinh phí": no unit's tasks below */
				continue;
			}
			prose_task pt = {0};
			s = rs_task_of(ed, s, NULL, &pt);
			unit_open(&u, ed, s, nx, pt.id);
			free(pt.title);
			u.lead = unit_lead(nx);
			continue;
		}
		if (sm->heading && !strchr("abcdefghđ", sm->id[0]) && !(u.head && out_of_sequence(ed, s, last_no))) {
			st = rs_flush(ctx, sk, &cur, cur.task != NULL);
			unit_open(&u, ed, s, sm, sm->section);
			if (plain_number(sm))
				last_no = plain_number(sm);
			size_t b, e, tk = title_unit_at(sm);
			u.sentence = rs_unit_sentence(sm, tk, &b, &e) && rs_ends_clause(sm) &&
					strchr(".;", sm->key[sm->keylen - 1 - (sm->key[sm->keylen - 1] == ' ')]);
			if (u.sentence) {
				u.lead = ex_clean(sm->text, sm->kmap[b], sm->kmap[e]);
				char *t = ex_clean(sm->text, sm->title_off, sm->len);
				if (t)
					start_task(ed, &cur, u.id, u.lead, NULL, ++u.ntasks, sm, t);
				free(t);
				cur_bullet = 0;
			} else if (rs_unit_sentence(sm, tk, &b, &e) &&
				   ex_starts_any(sm->key, sm->keylen, ex_skip_sp(sm->key, e, sm->keylen), assigns)) {
				/* "1. Bộ X chủ trì, phối hợp với Y:" over its tasks */
				u.lead = ex_clean(sm->text, sm->kmap[b], sm->kmap[e]);
				u.coop = rs_coop_in(sm, e, sm->keylen);
				char *t = own_task_over(sm, e) ? ex_clean(sm->text, sm->title_off, sm->len) : NULL;
				if (t)
					start_task(ed, &cur, u.id, u.lead, NULL, ++u.ntasks, sm, t);
				free(t);
			} else {
				u.lead = unit_lead(sm);
				/* "9. Các Tập đoàn, doanh nghiệp: xây dựng kế hoạch …; tăng cường …." gives the
				 * unit its task after the colon */
				size_t q;
				if (colon_unit(sm, sm->title_key, &b, &e, &q) && names_unit_text(u.lead)) {
					char *t = ex_clean(sm->text, sm->kmap[q], sm->len);
					if (t)
						start_task(ed, &cur, u.id, u.lead, NULL, ++u.ntasks, sm, t);
					free(t);
					u.sentence = 1;
					cur_bullet = 0;
				}
			}
			continue;
		}
		size_t db, de;
		if (!u.head && !sm->heading && !rs_starts_bullet(sm) && duty_opener(ed, s, &db, &de)) {
			/* "Để …, Bộ X đề nghị các bộ, tỉnh … một số nội dung sau:" under the section's
			 * heading, over the units' items */
			st = rs_flush(ctx, sk, &cur, cur.task != NULL);
			unit_open(&u, ed, s, sm, sm->section);
			u.lead = ex_clean(sm->text, sm->kmap[db], sm->kmap[de]);
			cur_bullet = 0;
			continue;
		}
		if (!u.head || u.stopped)
			continue;
		/* a closing paragraph ends the unit's tasks; "Trên cơ sở …, tổ chức …" as a bullet or right
		 * under the unit's heading is one of them */
		/* so does a request to all after the last item ("Yêu cầu các Bộ, ngành … thực hiện nghiêm
		 * túc Công điện này"), a paragraph with no mark of its own */
		static const char *const request_all[] = {"yeu cau cac", NULL};
		if ((rs_starts_with_word(sm, unit_stop) && !((rs_starts_bullet(sm) || !u.ntasks) && rs_starts_with_word(sm, grounds))) ||
		    (u.ntasks && !sm->heading && !rs_starts_bullet(sm) && item_text(sm) == strspn(sm->key, " ") &&
		     rs_starts_with_word(sm, request_all))) {
			st = rs_flush(ctx, sk, &cur, cur.task != NULL);
			u.stopped = 1;
			continue;
		}
		if (!strncmp(sm->key + strspn(sm->key, " "), "http", 4) || !strncmp(sm->key + strspn(sm->key, " "), "www.", 4))
			continue; /* a web address (footnote) */
		int bullet = rs_starts_bullet(sm), stop_after;
		/* the unit's name running on: no task yet, a short line that ends no sentence and says
		 * nothing a task says (not "Căn cứ chức năng …, phối hợp với Bộ" / "Xây dựng …") */
		static const char *const task_words[] = {"phoi hop", "chu tri", NULL};
		if (!u.ntasks && !bullet && !sm->heading && !rs_ends_clause(sm) && !rs_ends_clause(&ed->stmts[s - 1]) &&
		    ex_words_in(sm->key, 0, sm->keylen) <= 16 && !restates(u.lead, sm) &&
		    !ex_starts_any(sm->key, sm->keylen, strspn(sm->key, " "), opening) && !rs_has_word(sm, 0, task_words)) {
			lead_more(&u.lead, sm);
			continue;
		}
		/* the end of a unit heading that lists places after its colon ("2. Chủ tịch Ủy ban nhân dân
		 * các tỉnh: Khánh Hòa," / "Đắk Lắk, Gia Lai:"): the lead stays the unit */
		if (!u.ntasks && !bullet && !sm->heading && ed->stmts[s - 1].heading && !rs_ends_clause(&ed->stmts[s - 1]) &&
		    sm->key[sm->keylen - 1 - (sm->keylen > 1 && sm->key[sm->keylen - 1] == ' ')] == ':' &&
		    ex_words_in(sm->key, 0, sm->keylen) <= 30)
			continue;
		size_t cut = stop_cut(sm, &stop_after);
		char *t = ex_clean(sm->text, 0, cut);
		if (!t)
			break;
		/* in reflowed text a line is a paragraph: a new line without a bullet is a new task */
		int new_para = reflowed && sm->starts[0] == 0 && sm->first > 0 && (ed->stmts[s - 1].last < sm->first);
		/* a line that finishes the sentence the task broke off ("(Ban" / "Thi đua …)") */
		size_t fb = strspn(sm->key, " -+*");
		int runs_on = cur.task && !sm->heading && !rs_ends_clause(&ed->stmts[s - 1]) &&
			      (!bullet || (fb < sm->keylen && !rs_upper_at(sm, fb)));
		/* a paragraph after a bullet that ends with a colon ("… như:") goes on with that bullet */
		/* … but not a paragraph that gives a unit its own task ("Bộ X: Chỉ đạo …") */
		size_t cb, ce, cq;
		if (runs_on || (cur.task && !bullet && (u.sentence || (u.bullets && cur_bullet)) &&
				(!new_para || (cur_bullet && !sm->heading && ends_colon(&ed->stmts[s - 1]))) &&
				!colon_unit(sm, item_text(sm), &cb, &ce, &cq))) {
			continue_task(&cur, sm, t);
		} else {
			st = rs_flush(ctx, sk, &cur, cur.task != NULL);
			if (group_item(ed, s)) {
				free(t);
				continue;
			}
			/* under a heading that names no unit ("7. Cơ chế phối hợp …") a task is one only
			 * when it starts with the unit that does it; an item that gives its own unit the task
			 * ("Giao Phó Thủ tướng …") is that unit's */
			char *own = NULL;
			size_t ub, ue, it = item_text(sm);
			/* … and so is an item that starts with a people's committee that does it ("b) Ủy ban
			 * nhân dân các địa phương có … thường xuyên cập nhật …") */
			static const char *const committee[] = {"uy ban nhan dan", "ubnd", NULL};
			int asks = ex_word_at(sm->key, sm->keylen, it, "giao") || ex_word_at(sm->key, sm->keylen, it, "de nghi") ||
				   (ex_starts_any(sm->key, sm->keylen, it, committee) && rs_upper_at(sm, it));
			if ((asks || !names_unit_text(u.lead)) && rs_unit_sentence(sm, it, &ub, &ue))
				own = ex_clean(sm->text, sm->kmap[ub], sm->kmap[ue]);
			else if (colon_unit(sm, it, &ub, &ue, &(size_t){0})) /* "Bộ X: Chỉ đạo …" */
				own = ex_clean(sm->text, sm->kmap[ub], sm->kmap[ue]);
			if (own || names_unit_text(u.lead))
				start_task(ed, &cur, u.id, own ? own : u.lead, u.coop, ++u.ntasks, sm, t);
			free(own);
			cur_bullet = bullet;
		}
		free(t);
		u.stopped = stop_after;
	}
	unit_open(&u, NULL, 0, NULL, "");
	unit_open(&list, NULL, 0, NULL, "");
	unit_open(&duty, NULL, 0, NULL, "");
	unit_open(&regard, NULL, 0, NULL, "");
	free(chain);
	if (st == SOHOA_OK)
		return rs_flush(ctx, sk, &cur, cur.task != NULL);
	rs_clear(&cur);
	return st;
}
