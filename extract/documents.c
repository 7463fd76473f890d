/* documents.csv: one row per document — file, digest, pages, and what the letterhead, the type
 * line, the title and the signature block say. Empty where the document does not say. */
#include "extract-int.h"

#include "../core/doctype.h"
#include "../core/sha256.h"
#include "../core/viet.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {"doc", "source", "sha256", "pages", "type", "number", "issuer",
				      "parent_issuer", "place", "date", "title", "signer", "signer_role",
				      "ocr_pages", "restored", "mean_confidence", NULL};

/* Words that start the body after the title. */
static const char *const body_cues[] = {"can cu", "kinh gui", "xet", "nham", "theo ket qua",
					"thuc hien ke hoach", "thuc hien quyet dinh", "thuc hien nghi quyet",
					"thuc hien chi thi", "thuc hien cong van", "thuc hien van ban", NULL};
/* The national motto, cut off letterhead lines that share a line with it. */
static const char *const motto[] = {"cong hoa", "doc lap", NULL};
/* Signature prefixes ("KT. GIÁM ĐỐC") and role words of the signature block. */
static const char *const sign_prefix[] = {"kt.", "tm.", "tl.", "q.", "ktt", "tuq.", NULL};
static const char *const role_words[] = {"giam doc", "chu tich", "truong", "pho", "thu truong", "chanh",
					 "bi thu", "tong", "vien truong", "cuc truong", NULL};

typedef struct line_key {
	const char *text;
	char *key;
	size_t keylen, *kmap;
	int upper;        /* no lowercase letter */
	int letters;
	size_t idx;       /* tline index */
} line_key;

static int count_case(const char *s, int *lower)
{
	int letters = 0;
	*lower = 0;
	size_t n = strlen(s), i = 0;
	while (i < n) {
		uint32_t cp, plain;
		int tone, upper;
		i += sohoa_utf8_decode(s + i, n - i, &cp);
		if (sohoa_viet_letter(cp, &plain, &tone, &upper)) {
			letters++;
			if (!upper)
				(*lower)++;
		}
	}
	return letters;
}

static int key_starts(const line_key *l, const char *w)
{
	size_t i = 0;
	while (i < l->keylen && l->key[i] == ' ')
		i++;
	return ex_word_at(l->key, l->keylen, i, w) || (w[strlen(w) - 1] == '.' && !strncmp(l->key + i, w, strlen(w)));
}

/* A person's name: 2 to 5 words, each a capital then lowercase letters. */
static int is_name(const char *s)
{
	int words = 0;
	size_t n = strlen(s), i = 0;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		int first = 1;
		while (i < n && s[i] != ' ') {
			uint32_t cp, plain;
			int tone, upper;
			i += sohoa_utf8_decode(s + i, n - i, &cp);
			if (!sohoa_viet_letter(cp, &plain, &tone, &upper))
				return 0;
			if (first != upper)
				return 0;
			first = 0;
		}
		words++;
	}
	return words >= 2 && words <= 5;
}

/* Capitalize a type name's first letter for the CSV is done by the table; this copies a line
 * with spaces collapsed. */
static char *clean_line(const char *s)
{
	return ex_clean(s, 0, strlen(s));
}

static sohoa_status run(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, sohoa_buf *out)
{
	sohoa_status st = SOHOA_OK;
	size_t n = 0;
	line_key *L = calloc(text->nlines + 1, sizeof *L);
	if (!L)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < text->nlines; i++) {
		const char *t = text->lines[i].text ? text->lines[i].text : "";
		line_key *l = &L[n];
		int lower = 0;
		l->letters = count_case(t, &lower);
		if (!l->letters && !strpbrk(t, "0123456789"))
			continue;
		l->text = t;
		l->upper = l->letters >= 2 && lower == 0;
		l->idx = i;
		if (ex_key(t, strlen(t), &l->key, &l->keylen, &l->kmap)) {
			st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
			goto done;
		}
		n++;
	}
	/* the type line: a line in capitals that is only a type word, in the first 40 lines */
	const char *type = NULL;
	size_t type_at = n;
	for (size_t i = 0; i < n && i < 40 && !type; i++) {
		if (!L[i].upper)
			continue;
		char *k = ex_clean(L[i].key, 0, L[i].keylen);
		for (size_t t = 0; k && t < sohoa_ndoctypes; t++) /* core/doctype.c: the type lines */
			if ((sohoa_doctypes[t].flags & SOHOA_DOCTYPE_HEADING) && !strcmp(k, sohoa_doctypes[t].key)) {
				type = sohoa_doctypes[t].name;
				type_at = i;
			}
		free(k);
	}
	/* the title: the lines under the type line until the body starts */
	sohoa_buf title = {0};
	if (type) {
		for (size_t i = type_at + 1; i < n && i < type_at + 7; i++) {
			int cue = 0;
			for (int c = 0; body_cues[c]; c++)
				if (key_starts(&L[i], body_cues[c]))
					cue = 1;
			char id[8];
			(void)id;
			if (cue || strchr("-+", L[i].text[strspn(L[i].text, " ")]) || L[i].key[strspn(L[i].key, " ")] == '(')
				break;
			/* a heading "I. MỤC ĐÍCH" ends the title */
			const char *p = L[i].text + strspn(L[i].text, " ");
			if ((p[0] == 'I' || p[0] == 'V') && strchr(". ", p[strspn(p, "IVX")]) && L[i].upper)
				break;
			if (title.len)
				sohoa_buf_puts(&title, " ");
			char *c = clean_line(L[i].text);
			if (c)
				sohoa_buf_puts(&title, c);
			free(c);
		}
	}
	/* reflowed text may have run the title into the first paragraph: cut at a body cue */
	if (title.len) {
		char *k = NULL;
		size_t kl = 0, *km = NULL;
		if (!ex_key(title.data, title.len, &k, &kl, &km)) {
			size_t cut = title.len;
			for (size_t i = 1; i < kl; i++)
				for (int c = 0; body_cues[c]; c++)
					if (k[i - 1] == ' ' && ex_word_at(k, kl, i, body_cues[c]) && km[i] < cut)
						cut = km[i];
			while (cut > 0 && title.data[cut - 1] == ' ')
				cut--;
			title.len = cut;
			title.data[cut] = 0;
		}
		free(k);
		free(km);
	}
	/* letterhead: capital-letter text before the type line, the motto cut off */
	char *head[4] = {0};
	int nhead = 0;
	char *number = NULL, *place = NULL;
	char date[16] = "";
	for (size_t i = 0; i < type_at && i < 20; i++) {
		line_key *l = &L[i];
		size_t ks = strspn(l->key, " ");
		/* "Số: 209/BC-SYT" */
		if (!number && !strncmp(l->key + ks, "so", 2) && l->key[ks + 2 + strspn(l->key + ks + 2, " ")] == ':') {
			size_t b = ks + 2 + strspn(l->key + ks + 2, " ") + 1;
			b += strspn(l->key + b, " ");
			size_t e = b;
			/* tokens joined while they continue the number: "209 /BC-SYT" */
			while (e < l->keylen) {
				while (e < l->keylen && l->key[e] != ' ')
					e++;
				size_t nx = e + strspn(l->key + e, " ");
				if (nx < l->keylen && (l->key[nx] == '/' || l->key[e - 1] == '/' || l->key[e - 1] == '-') && e > b)
					e = nx;
				else
					break;
			}
			if (e > b) {
				char *raw = ex_clean(l->text, l->kmap[b], l->kmap[e]);
				size_t w = 0;
				for (size_t k = 0; raw && raw[k]; k++)
					if (raw[k] != ' ')
						raw[w++] = raw[k];
				if (raw)
					raw[w] = 0;
				number = raw;
			}
		}
		/* "Lai Châu, ngày 26 tháng 5 năm 2025" */
		const char *nd = strstr(l->key, ", ngay");
		if (nd && !place) {
			size_t at = (size_t)(nd - l->key);
			int d = 0, m = 0, y = 0, len = 0;
			const char *p = nd + 6;
			while (*p == ' ')
				p++;
			if (sscanf(p, "%d thang %d nam %d%n", &d, &m, &y, &len) == 3) {
				char iso[11];
				if (ex_date_dmy(d, m, y, iso))
					snprintf(date, sizeof date, "%s", iso);
			} else {
				while (*p == ' ')
					p++;
				if (sscanf(p, "thang %d nam %d", &m, &y) == 2 && m >= 1 && m <= 12)
					snprintf(date, sizeof date, "%04d-%02d", y, m);
			}
			/* the place: the capitalized words just before ", ngày" */
			size_t e = at, b = at;
			int words = 0;
			while (b > 0 && words < 4) {
				size_t we = b;
				while (we > 0 && l->key[we - 1] == ' ')
					we--;
				size_t wb = we;
				while (wb > 0 && l->key[wb - 1] != ' ')
					wb--;
				if (wb == we)
					break;
				uint32_t cp, plain;
				int tone, upper = 0;
				const char *ts = l->text + l->kmap[wb];
				sohoa_utf8_decode(ts, strlen(ts), &cp);
				if (!sohoa_viet_letter(cp, &plain, &tone, &upper) || !upper)
					break;
				/* a word in capitals belongs to the letterhead, not the place */
				int lower = 0;
				char w[64];
				snprintf(w, sizeof w, "%.*s", (int)(l->kmap[we] - l->kmap[wb]), ts);
				count_case(w, &lower);
				if (!lower)
					break;
				b = wb;
				words++;
			}
			if (b < e)
				place = ex_clean(l->text, l->kmap[b], l->kmap[e]);
			continue;
		}
		if (!l->upper && nhead == 0 && i > 3)
			continue;
		/* capital words from the start of the line */
		size_t e = ks;
		size_t cut = l->keylen;
		for (int m = 0; motto[m]; m++) {
			const char *p = strstr(l->key, motto[m]);
			if (p && (size_t)(p - l->key) < cut)
				cut = (size_t)(p - l->key);
		}
		while (e < cut) {
			size_t wb = e + strspn(l->key + e, " ");
			size_t we = wb;
			while (we < cut && l->key[we] != ' ')
				we++;
			if (we == wb)
				break;
			char w[96];
			snprintf(w, sizeof w, "%.*s", (int)(l->kmap[we] - l->kmap[wb]), l->text + l->kmap[wb]);
			int lower = 0;
			int letters = count_case(w, &lower);
			if (lower || !letters)
				break;
			e = we;
		}
		if (e > ks && nhead < 4) {
			char *h = ex_clean(l->text, l->kmap[ks], l->kmap[e]);
			if (h && strlen(h) >= 4 && count_case(h, &(int){0}) >= 4)
				head[nhead++] = h;
			else
				free(h);
		}
	}
	/* signature block: a prefix line ("KT. GIÁM ĐỐC") or a role line ("GIÁM ĐỐC"), then roles,
	 * then a name; the last such block that has a name, else the last block */
	char *signer = NULL, *role = NULL, *sign_org = NULL;
	size_t sig = n, sig_named = n;
	for (size_t i = type_at < n ? type_at + 1 : 0; i < n; i++) {
		if (!L[i].upper || L[i].letters > 40)
			continue;
		int cand = 0;
		for (int p = 0; sign_prefix[p]; p++)
			if (key_starts(&L[i], sign_prefix[p]))
				cand = 1;
		for (int r = 0; role_words[r] && !cand; r++)
			if (key_starts(&L[i], role_words[r]) && L[i].letters <= 16)
				cand = 1;
		if (!cand || (i > 0 && sig < n && i <= sig + 2 && L[i - 1].upper))
			continue; /* the role line under a prefix line belongs to that block */
		sig = i;
		for (size_t j = i + 1; j < n && j < i + 12; j++)
			if (is_name(L[j].text + strspn(L[j].text, " "))) {
				sig_named = i;
				break;
			}
	}
	if (sig_named < n)
		sig = sig_named;
	if (sig < n) {
		const char *t = L[sig].text + strspn(L[sig].text, " ");
		/* "TM. ỦY BAN NHÂN DÂN": signs for the issuer; "KT. GIÁM ĐỐC": the role line follows */
		const char *dot = strchr(t, '.');
		int prefixed = 0;
		for (int p = 0; sign_prefix[p]; p++)
			if (key_starts(&L[sig], sign_prefix[p]))
				prefixed = 1;
		if (prefixed && dot && key_starts(&L[sig], "tm."))
			sign_org = clean_line(dot + 1);
		if (!prefixed)
			role = clean_line(t);
		for (size_t i = sig + 1; i < n && i < sig + 12; i++) {
			if (L[i].upper && L[i].letters <= 40 && !signer) {
				free(role);
				role = clean_line(L[i].text);
				continue;
			}
			char *c = clean_line(L[i].text);
			if (c && is_name(c)) {
				signer = c;
				break;
			}
			free(c);
		}
	}
	/* "ỦY BAN NHÂN DÂN" / "TỈNH LAI CHÂU": a place on its own line completes the body above */
	if (nhead >= 2) {
		char *k = NULL;
		size_t kl = 0, *km = NULL;
		if (!ex_key(head[nhead - 1], strlen(head[nhead - 1]), &k, &kl, &km)) {
			static const char *const places[] = {"tinh", "huyen", "thanh pho", "xa", "phuong", "thi xa", "quan", NULL};
			int place_line = 0;
			for (int p = 0; places[p]; p++)
				if (ex_word_at(k, kl, 0, places[p]))
					place_line = 1;
			if (place_line) {
				size_t n1 = strlen(head[nhead - 2]), n2 = strlen(head[nhead - 1]);
				char *j = malloc(n1 + n2 + 2);
				if (j) {
					snprintf(j, n1 + n2 + 2, "%s %s", head[nhead - 2], head[nhead - 1]);
					free(head[nhead - 2]);
					free(head[nhead - 1]);
					head[nhead - 2] = j;
					nhead--;
				}
			}
		}
		free(k);
		free(km);
	}
	const char *issuer = nhead ? head[nhead - 1] : sign_org;
	const char *parent_issuer = nhead >= 2 ? head[nhead - 2] : NULL;
	/* provenance and quality */
	char hex[65] = "";
	if (doc && doc->path && strcmp(doc->path, "-") && sohoa_sha256_file(ctx, doc->path, hex) != SOHOA_OK) {
		hex[0] = 0;
		sohoa_clear_error(ctx);
	}
	int restored = 0;
	for (size_t i = 0; i < text->nlines; i++)
		restored += text->lines[i].restored != 0;
	double conf = 0;
	size_t nconf = 0;
	if (doc)
		for (size_t p = 0; p < doc->npages; p++)
			for (size_t j = 0; j < doc->pages[p].nlines; j++)
				if (doc->pages[p].lines[j].confidence >= 0) {
					conf += doc->pages[p].lines[j].confidence;
					nconf++;
				}
	ex_row row;
	ex_row_begin(&row, out);
	ex_field(&row, text->doc ? text->doc : doc ? doc->name : NULL);
	ex_field(&row, doc ? doc->path : NULL);
	ex_field(&row, hex);
	ex_field_int(&row, doc ? doc->page_count : 0, doc != NULL);
	ex_field(&row, type);
	ex_field(&row, number);
	ex_field(&row, issuer);
	ex_field(&row, parent_issuer);
	ex_field(&row, place);
	ex_field(&row, date);
	ex_field(&row, title.data);
	ex_field(&row, signer);
	ex_field(&row, role);
	ex_field_int(&row, doc ? doc->ocr_pages : 0, doc != NULL);
	ex_field_int(&row, restored, 1);
	ex_field_num(&row, nconf ? (double)(long)(conf / (double)nconf * 100 + 0.5) / 100 : 0, nconf > 0);
	st = ex_row_end(&row, ctx);
	sohoa_buf_free(&title);
	for (int h = 0; h < nhead; h++)
		free(head[h]);
	free(number);
	free(place);
	free(signer);
	free(role);
	free(sign_org);
done:
	for (size_t i = 0; i < n; i++) {
		free(L[i].key);
		free(L[i].kmap);
	}
	free(L);
	return st;
}

const sohoa_extractor ex_documents = {"documents", columns, run};
