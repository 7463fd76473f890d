/* documents-date.c: the place-and-date line ("Hà Nội, ngày 26 tháng 5 năm 2025"), the date's
 * digits checked for certainty (the documents extractor's step). */
#include "documents-int.h"

#include "../core/govname.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- place and date ---- */

/* The skeleton of one word is w ("thang"), or ends with it after digits ("26háng": "hang");
 * *digits gets the bytes before it (the day's slot glued to it). */
static int word_is(const char *s, size_t n, const char *w, size_t *digits)
{
	char sk[32];
	*digits = strspn(s, "0123456789");
	if (*digits > n)
		*digits = n;
	/* digits glued to the word itself, not through a symbol ("2¿tháng": that slot is unsure) */
	int clean = !*digits || *digits == n || isalpha((unsigned char)s[*digits]);
	sohoa_gov_skeleton(s + *digits, n - *digits, sk, sizeof sk);
	if (clean && !strcmp(sk, w))
		return 1;
	/* "tháng" with its t lost after digits: "26háng" */
	if (clean && *digits && !strcmp(w, "thang") && !strcmp(sk, "hang"))
		return 1;
	/* "tháng" after a day that is no digits: "AÂtháng" (the slot is unreadable, the line is
	 * still the place-and-date line) */
	for (size_t i = 1; !strcmp(w, "thang") && i + 5 <= n; i++)
		if ((s[i] == 't' || s[i] == 'T') && sohoa_gov_skeleton(s + i, n - i, sk, sizeof sk) && !strcmp(sk, "thang")) {
			*digits = i;
			return 1;
		}
	return 0;
}

/* A date slot's tokens s[b..e): blank (no letter or digit), its digits into out, or unreadable. */
static int slot_digits(const char *s, size_t b, size_t e, char *out, size_t cap)
{
	char t[64];
	size_t k = 0;
	for (size_t i = b; i < e && k + 1 < sizeof t; i++)
		if (s[i] != ' ')
			t[k++] = s[i];
	t[k] = 0;
	while (k && strchr(".,;:", t[k - 1]))
		t[--k] = 0;
	int alnum = 0;
	for (size_t i = 0; i < k; i++)
		alnum |= isalnum((unsigned char)t[i]) || (unsigned char)t[i] >= 0x80;
	if (!alnum)
		return NUM_BLANK;
	return docf_digits(t, k, out, cap) ? NUM_OK : NUM_UNREADABLE;
}

/* "ngày 26 tháng 5 năm 2025" in s from its "ngày" at offset at: the date into iso (ISO), with its
 * day and month tokens as printed into dtok and mtok (for their confidence), *glued 1 when the day
 * is glued to "ngày" ("ngày30"). NUM_OK, NUM_BLANK (a slot not filled in) or NUM_UNREADABLE. */
static int parse_date(const char *s, size_t at, char iso[11], char *dtok, char *mtok, size_t cap, int *glued)
{
	*glued = 0;
	size_t b[DOCF_MAXW], e[DOCF_MAXW];
	int n = docm_split_spans(s + at, b, e, DOCF_MAXW);
	for (int i = 0; i < n; i++) {
		b[i] += at;
		e[i] += at;
	}
	int th = -1, nm = -1;
	size_t md = 0, thd = 0;
	for (int i = 1; i < n && th < 0; i++) {
		char sk[16];
		if (word_is(s + b[i], e[i] - b[i], "thang", &thd))
			th = i;
		/* "26 hàng 7": tháng with its t lost, after the day's digits */
		else if (i >= 2 && isdigit((unsigned char)s[e[i - 1] - 1]) &&
			 sohoa_gov_skeleton(s + b[i], e[i] - b[i], sk, sizeof sk) && !strcmp(sk, "hang"))
			th = i;
	}
	for (int i = th + 1; th >= 0 && i < n && nm < 0; i++)
		if (word_is(s + b[i], e[i] - b[i], "nam", &md))
			nm = i;
	if (th < 0 || nm < 0)
		return NUM_NONE;
	/* "năm2025" glued, or the year as the next word */
	char ytok[16] = "";
	size_t ystart = b[nm], yend = e[nm];
	char sk[16];
	sohoa_gov_skeleton(s + ystart, yend - ystart, sk, sizeof sk);
	const char *yp = s + ystart;
	while (yp < s + yend && !isdigit((unsigned char)*yp))
		yp++;
	int next = nm + 1;
	if (yp < s + yend)
		snprintf(ytok, sizeof ytok, "%.*s", (int)(s + yend - yp), yp);
	else if (next < n)
		snprintf(ytok, sizeof ytok, "%.*s", (int)(e[next] - b[next]), s + b[next]), next++;
	size_t yl = strspn(ytok, "0123456789");
	if (yl != 4)
		return NUM_NONE;
	int y = atoi(ytok);
	/* the day: the words between ngày and tháng, and digits glued to either ("26háng") */
	char day[16] = "", mon[16] = "";
	int rd, rm;
	/* the day glued to ngày: "ngày30" (its digits end the word) */
	size_t ds = e[0];
	for (size_t p = b[0]; p < e[0]; p++)
		if (isdigit((unsigned char)s[p])) {
			if (strspn(s + p, "0123456789") == e[0] - p)
				ds = p;
			break;
		}
	*glued = ds < e[0];
	if (th > 1 || thd || ds < e[0]) {
		size_t de = thd ? b[th] + thd : e[th - 1];
		rd = slot_digits(s, ds, de, day, sizeof day);
		snprintf(dtok, cap, "%.*s", (int)(de - ds), s + ds);
	} else {
		rd = NUM_BLANK;
		dtok[0] = 0;
	}
	rm = nm > th + 1 ? slot_digits(s, e[th], b[nm], mon, sizeof mon) : NUM_BLANK;
	snprintf(mtok, cap, "%.*s", nm > th + 1 ? (int)(b[nm] - e[th]) : 0, s + e[th]);
	/* a lone number after the year fills the one slot left blank: "tháng năm 2025 10" */
	if (next == n - 1 && strspn(s + b[next], "0123456789") == e[next] - b[next] && e[next] - b[next] <= 2) {
		if (rm == NUM_BLANK && rd == NUM_OK) {
			snprintf(mon, sizeof mon, "%.*s", (int)(e[next] - b[next]), s + b[next]);
			rm = NUM_OK;
		} else if (rd == NUM_BLANK && rm == NUM_OK) {
			snprintf(day, sizeof day, "%.*s", (int)(e[next] - b[next]), s + b[next]);
			rd = NUM_OK;
		}
	}
	if (rd == NUM_UNREADABLE || rm == NUM_UNREADABLE)
		return NUM_UNREADABLE;
	if (rd == NUM_BLANK || rm == NUM_BLANK)
		return NUM_BLANK;
	for (char *p = dtok; *p; p++)
		if (*p == ' ')
			memmove(p, p + 1, strlen(p)), p--;
	for (char *p = mtok; *p; p++)
		if (*p == ' ')
			memmove(p, p + 1, strlen(p)), p--;
	return ex_date_dmy(atoi(day), atoi(mon), y, iso) ? NUM_OK : NUM_UNREADABLE;
}

/* The place before the date's "ngày" in t[0..at): the capitalized words just before it (with a
 * unit, "Thành phố", before them), or, when they start the line, the words of the line above
 * (prev, may be NULL) that go with them ("Thành phố Hồ" / "Chí Minh, ngày"). A new string. */
static char *place_before(const char *t, size_t at, const char *prev, size_t *start)
{
	*start = 0;
	sohoa_buf s = {0};
	size_t end = at;
	while (end > 0 && strchr(" ,.", t[end - 1]))
		end--;
	size_t b[DOCF_MAXW], e[DOCF_MAXW];
	char *line = sohoa_strndup(t, end);
	if (!line)
		return NULL;
	int n = docm_split_spans(line, b, e, DOCF_MAXW);
	int first = n;
	while (first > 0 && n - first < 6 && docm_starts_upper(line + b[first - 1], e[first - 1] - b[first - 1]))
		first--;
	/* "Thành phố", "Thị xã" before the name */
	if (first >= 2 && first < n) {
		char two[64];
		snprintf(two, sizeof two, "%.*s", (int)(e[first - 1] - b[first - 2]), line + b[first - 2]);
		if (sohoa_gov_nearest(sohoa_gov_units, two, strlen(two), 1, NULL) >= 0 && docm_starts_upper(two, strlen(two)))
			first -= 2;
	}
	if (first == 0 && prev) {
		size_t pb[DOCF_MAXW], pe[DOCF_MAXW];
		int pn = docm_split_spans(prev, pb, pe, DOCF_MAXW);
		int pf = pn;
		while (pf > 0 && pn - pf < 4) {
			const char *w = prev + pb[pf - 1];
			size_t wl = pe[pf - 1] - pb[pf - 1];
			char sk[16];
			sohoa_gov_skeleton(w, wl, sk, sizeof sk);
			/* "phố" of "Thành phố" */
			if (!docm_starts_upper(w, wl) && !(pf >= 2 && (!strcmp(sk, "pho") || !strcmp(sk, "xa"))))
				break;
			pf--;
		}
		if (pf < pn && pn - pf <= 4 && docm_has_letter(prev, strlen(prev)) && pf == 0) {
			sohoa_buf_append(&s, prev, pe[pn - 1]);
			sohoa_buf_puts(&s, " ");
		}
	}
	if (first < n) {
		sohoa_buf_append(&s, line + b[first], e[n - 1] - b[first]);
		*start = b[first];
	} else {
		*start = end;
	}
	free(line);
	if (!s.data)
		return NULL;
	char *c = docm_clean_line(s.data);
	sohoa_buf_free(&s);
	return c;
}

/* ---- the year in context ---- */

/* The current year (UTC): no document is dated later. */
static int this_year(void)
{
	time_t now = time(NULL);
	struct tm tmv;
	return gmtime_r(&now, &tmv) ? tmv.tm_year + 1900 : 2100;
}

/* 1 if years a and b differ in exactly one digit. */
static int one_digit_off(int a, int b)
{
	int diff = 0;
	for (int k = 0; k < 4; k++, a /= 10, b /= 10)
		diff += a % 10 != b % 10;
	return diff == 1;
}

/* The one year the document cites, outside lines skip_from..skip_to, that is year y with one
 * digit read wrong and no later than max: a four-digit year standing alone in a line's key
 * ("năm 2020", "26/7/2020", "155/2020/NĐ-CP"). 0 when there is none or more than one. */
static int cited_year(const doc_ctx *dc, size_t skip_from, size_t skip_to, int y, int max)
{
	int found = 0;
	for (size_t i = 0; i < dc->n; i++) {
		if (i >= skip_from && i <= skip_to)
			continue;
		const char *k = dc->L[i].key;
		for (size_t j = 0; j + 4 <= dc->L[i].keylen; j++) {
			if (strspn(k + j, "0123456789") != 4 || (j > 0 && isalnum((unsigned char)k[j - 1])))
				continue;
			int c = atoi(k + j);
			j += 3;
			if (c < 1945 || c > max || !one_digit_off(c, y))
				continue;
			if (found && found != c)
				return 0;
			found = c;
		}
	}
	return found;
}

/* The date's year checked against what the document allows: not later than this year, the year
 * of a number that carries one ("155/2020/NĐ-CP"). A year one digit off the only year that fits
 * and that the number or the text cites is read as that year ("2030" for "2020" on a photo). 1
 * when iso holds a date that fits (corrected or not), 0 when the year is not certain. */
static int year_fits(const doc_ctx *dc, const doc_meta *dm, size_t from, size_t to, char iso[11])
{
	int y = atoi(iso), max = this_year(), ny = 0;
	const char *slash = dm->number ? strchr(dm->number, '/') : NULL;
	if (slash && strspn(slash + 1, "0123456789") == 4 && slash[5] == '/')
		ny = atoi(slash + 1);
	if (ny && ny <= max && y != ny) {
		if (!one_digit_off(y, ny))
			return 0;
		y = ny;
	} else if (y > max) {
		y = cited_year(dc, from, to, y, max);
		if (!y)
			return 0;
	} else {
		return 1;
	}
	char b[16];
	snprintf(b, sizeof b, "%04d", y);
	memcpy(iso, b, 4);
	return 1;
}

/* The signing date an e-signature's stamp prints ("Thời gian ký: 2026-05-13T14:41:57+07:00"),
 * into iso: 1 when every stamp of the document gives one and the same day. */
static int stamp_date(const doc_ctx *dc, char iso[11])
{
	int found = 0;
	for (size_t i = 0; i < dc->n; i++) {
		const char *k = strstr(dc->L[i].key, "thoi gian ky");
		if (!k)
			continue;
		k += strlen("thoi gian ky");
		k += strspn(k, " :");
		char d[11];
		if (strlen(k) < 10 || strspn(k, "0123456789") != 4 || k[4] != '-' || strspn(k + 5, "0123456789") != 2 ||
		    k[7] != '-' || strspn(k + 8, "0123456789") != 2 || isdigit((unsigned char)k[10]) ||
		    !ex_date_dmy(atoi(k + 8), atoi(k + 5), atoi(k), d))
			return 0;
		if (found && strcmp(d, iso))
			return 0;
		memcpy(iso, d, 11);
		found = 1;
	}
	return found && atoi(iso) <= this_year();
}

/* The date of a document with no place-and-date line, where its last words state its own
 * adoption: a sentence that opens with the document's type and "này" and says it was passed or
 * issued on a full date ("Nghị quyết này được Hội đồng nhân dân tỉnh … thông qua ngày 11 tháng
 * 12 năm 2009"). A date cited in another sentence ("Thực hiện Chỉ thị … ngày …") or a deadline is
 * no such statement. 1 and the date into iso. */
static int adoption_date(const doc_ctx *dc, const doc_meta *dm, char iso[11])
{
	static const char *const verbs[] = {" thong qua ngay ", " ban hanh ngay ", NULL};
	if (!dm->type)
		return 0;
	char *tk = NULL;
	size_t tl = 0, *tm = NULL;
	if (ex_key(dm->type, strlen(dm->type), &tk, &tl, &tm)) {
		free(tk);
		free(tm);
		return 0;
	}
	free(tm);
	int found = 0;
	for (size_t i = dc->n; i-- > 0 && !found;) {
		const line_key *l = &dc->L[i];
		size_t ks = strspn(l->key, " ");
		if (strncmp(l->key + ks, tk, tl) || strncmp(l->key + ks + tl, " nay ", 5))
			continue;
		for (int v = 0; verbs[v] && !found; v++) {
			const char *x = strstr(l->key, verbs[v]);
			if (!x)
				continue;
			size_t at = l->kmap[x - l->key + strlen(verbs[v]) - 5];
			char dtok[64], mtok[64];
			int glued;
			found = parse_date(l->text, at, iso, dtok, mtok, sizeof dtok, &glued) == NUM_OK &&
				atoi(iso) <= this_year();
		}
	}
	free(tk);
	return found;
}

/* The place-and-date line: ", ngày" (or ". ngày") in the first 60 lines, the date on it or run on
 * to the next line ("ngày 21" / "tháng 11 năm 2025"); without one, the e-signature stamp's date. */
void docm_read_date(doc_ctx *dc, doc_meta *dm)
{
	const line_key *L = dc->L;
	for (size_t i = 0; i < dc->n && i < 60; i++) {
		const char *nd = strstr(L[i].key, ", ngay");
		if (!nd)
			nd = strstr(L[i].key, ". ngay");
		size_t ks = strspn(L[i].key, " ");
		int at_start = !nd && ex_word_at(L[i].key, L[i].keylen, ks, "ngay") && i > 0 &&
			       L[i - 1].text[strlen(L[i - 1].text) ? strlen(L[i - 1].text) - 1 : 0] == ',';
		if (!nd && !at_start)
			continue;
		size_t kat = nd ? (size_t)(nd - L[i].key) + 2 : ks;
		size_t tat = L[i].kmap[kat];
		sohoa_buf s = {0};
		sohoa_buf_puts(&s, L[i].text);
		size_t last = i;
		if (i + 1 < dc->n && !strstr(L[i].key + kat, " nam ") && !strstr(L[i].key + kat, " nam2")) {
			sohoa_buf_puts(&s, " ");
			sohoa_buf_puts(&s, L[i + 1].text);
			last = i + 1;
		}
		char iso[11], dtok[64], mtok[64];
		int glued;
		int r = parse_date(s.data, tat, iso, dtok, mtok, sizeof dtok, &glued);
		if (r == NUM_NONE) {
			sohoa_buf_free(&s);
			continue;
		}
		size_t pstart = 0;
		char *place = at_start ? place_before(L[i - 1].text, strlen(L[i - 1].text), i > 1 ? L[i - 2].text : NULL, &pstart)
				       : place_before(L[i].text, tat, i > 0 ? L[i - 1].text : NULL, &pstart);
		/* what comes before the place: nothing, the number, or the letterhead in capitals; a
		 * sentence ("… số 30/2020/NĐ-CP, ngày 5 tháng 3 …") cites another document's date */
		const char *lt = at_start ? L[i - 1].text : L[i].text;
		char *pre = sohoa_strndup(lt, pstart);
		int lower = 0;
		if (pre)
			docm_count_case(pre, &lower);
		int ok = pre && (!lower || docm_number_label(pre));
		free(pre);
		if (!ok) {
			free(place);
			sohoa_buf_free(&s);
			continue;
		}
		if (place && *place) {
			dm->place = docf_place(place);
			if (!dm->place)
				sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: place '%s' left out: no place reads so",
					  dc->name, place);
		}
		free(place);
		float dc_ = r == NUM_OK ? docm_token_conf(dc, i, last, dtok) : -1;
		float mc = r == NUM_OK ? docm_token_conf(dc, i, last, mtok) : -1;
		if (r == NUM_OK && ((dc_ >= 0 && dc_ < DIGITS_MIN_CONF) || (mc >= 0 && mc < DIGITS_MIN_CONF))) {
			sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: date %s left out: its day or month is not "
				  "read for certain (OCR confidence %.0f)", dc->name, iso, dc_ >= 0 && dc_ < mc ? dc_ : mc);
		} else if (r == NUM_OK && glued && docm_line_ocr(dc, &L[i])) {
			/* OCR glues to the printed "ngày" a day filled in by hand or stamp ("ngày10" for a
			 * stamped 30): text layers and typed text print it so, a scan does not say it for certain */
			sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: date %s left out: its day is glued to "
				  "'ngày' on a scan (filled in, not read for certain)", dc->name, iso);
		} else if (r == NUM_OK && !year_fits(dc, dm, i > 0 && at_start ? i - 1 : i, last, iso)) {
			sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: date %s left out: its year is later than "
				  "this year or than the number's, and no year the document cites is one digit off it",
				  dc->name, iso);
		} else if (r == NUM_OK) {
			snprintf(dm->date, sizeof dm->date, "%s", iso);
			dm->day_conf = dc_;
		} else if (r == NUM_UNREADABLE) {
			sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: date left out: '%s' is not read as a date",
				  dc->name, s.data + tat);
		} else {
			sohoa_log(dc->ctx, SOHOA_LOG_INFO, "%s: documents: the date is not filled in ('%s')", dc->name,
				  s.data + tat);
		}
		sohoa_buf_free(&s);
		return;
	}
	/* no place-and-date line: an annex or a table whose date only the e-signature's stamp gives */
	char iso[11];
	if (stamp_date(dc, iso) || adoption_date(dc, dm, iso))
		snprintf(dm->date, sizeof dm->date, "%s", iso);
}
