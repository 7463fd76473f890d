/* documents-signature.c: the signature block — the signer, the signing role and the body a
 * "TM." signs for (the documents extractor's step). */
#include "documents-int.h"

#include "../core/govname.h"
#include "../core/viet.h"

#include <stdlib.h>
#include <string.h>

/* Signature prefixes ("KT. GIÁM ĐỐC") and role words of the signature block. */
static const char *const sign_prefix[] = {"kt.", "tm.", "tl.", "q.", "ktt", "tuq.", NULL};
static const char *const role_words[] = {"giam doc", "chu tich", "truong", "pho", "thu truong", "chanh",
					 "bi thu", "tong", "vien truong", "cuc truong", "thu tuong", "bo truong", NULL};

/* An OCR line below this does not give the signer's name (a signature page scanned badly). */
#define NAME_MIN_CONF 75

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

/* Line l's text past the mark "(Đã ký)" ("Đã ký:", "(ĐÃ KÝ)") a copy or a text version prints
 * where the hand signature stands, before the name or on a line of its own: "" when the line
 * is that mark alone; l->text when it has none. The mark is no role and no name. */
static const char *past_signed(const line_key *l)
{
	size_t i = strspn(l->key, " *_(");
	if (!ex_word_at(l->key, l->keylen, i, "da ky"))
		return l->text;
	i += 5;
	while (i < l->keylen && strchr(" ):.;,-*_", l->key[i]))
		i++;
	return i < l->keylen ? l->text + l->kmap[i] : "";
}

/* 0 when lines a and b are on one page side by side, not one under the other: their spans across
 * the page do not overlap (two signature columns); 1 otherwise or when a box is not known. */
static int same_column(const doc_ctx *dc, const line_key *a, const line_key *b)
{
	float ab[4], bb[4];
	int ap, bp;
	if (!docm_line_box(dc, a, ab, &ap) || !docm_line_box(dc, b, bb, &bp) || ap != bp)
		return 1;
	return ab[0] < bb[2] && bb[0] < ab[2];
}

/* ---- signature ---- */

/* 1 if line l is of the "Nơi nhận" list: its label or an item ("- Như Điều 1;", "+ Lưu: VT"). */
static int recipient_line(const line_key *l)
{
	const char *p = l->text + strspn(l->text, " *_");
	return docm_key_starts(l, "noi nhan") || (!l->upper && (p[0] == '-' || p[0] == '+'));
}

/* 1 when line i is a line of the block whose line is sig: under it in its column, with at most
 * one line of that column between them and that in capitals ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ
 * TỊCH" / "PHÓ CHỦ TỊCH"; "TRƯỞNG BAN" / "CHỦ TỊCH UBND TỈNH", the other post its holder signs
 * with, with the "Nơi nhận" list beside them read in between). Without boxes (a text) every line
 * counts as the block's column but the "Nơi nhận" list's (recipient_line). */
static int under_block(const doc_ctx *dc, size_t sig, size_t i)
{
	const line_key *L = dc->L;
	if (sig >= dc->n || i <= sig || i > sig + 12 || !same_column(dc, &L[sig], &L[i]))
		return 0;
	int between = 0;
	for (size_t j = sig + 1; j < i; j++) {
		if (!same_column(dc, &L[sig], &L[j]) || recipient_line(&L[j]))
			continue;
		if (!L[j].upper || ++between > 1)
			return 0;
	}
	return 1;
}

/* The signature block: a prefix line ("KT. GIÁM ĐỐC") or a short role line ("GIÁM ĐỐC") in
 * capitals after the type line, without one after the "Số:" line (a role line of up to 24
 * letters, or a longer one with a person's name under it); the last such block with a name
 * under it, else the last block; n when there is none. A role line under a block's line belongs
 * to that block (under_block). The document ends where another starts under its signed block (a
 * draft or a form sent with it, its own motto or "Số:" line): that one's blocks are not its. */
size_t docm_signature_line(const doc_ctx *dc, size_t type_at)
{
	const line_key *L = dc->L;
	size_t n = dc->n;
	size_t sig = n, sig_named = n, from = type_at < n ? type_at + 1 : 0;
	/* no type line: after the "Số:" line, so the letterhead's body ("THỦ TƯỚNG CHÍNH PHỦ" of a
	 * Công văn) is no role line */
	for (size_t i = 0; type_at >= n && i < n && i < 60; i++) {
		size_t at;
		if (docm_number_label(L[i].text) || docm_number_label_after_head(L[i].text, &at)) {
			from = i + 1;
			break;
		}
	}
	for (size_t i = from; i < n; i++) {
		if (sig_named < n && (docm_motto_line(&L[i]) || docm_number_label(L[i].text)))
			break;
		if (!L[i].upper || L[i].letters > 40)
			continue;
		int cand = docm_key_starts_any(&L[i], sign_prefix), long_role = 0;
		for (int r = 0; role_words[r] && !cand; r++)
			if (docm_key_starts(&L[i], role_words[r]) && L[i].letters <= 24) {
				cand = 1;
				long_role = L[i].letters > 16;
			}
		if (!cand || (i > 0 && sig < n && i <= sig + 2 && L[i - 1].upper) || under_block(dc, sig, i))
			continue;
		int named = 0;
		for (size_t j = i + 1; j < n && j < i + 12 && !named; j++) {
			const char *t = docf_after_rank(past_signed(&L[j]));
			named = is_name(t) && (!long_role || docf_name(t));
		}
		/* a long role line ("PHÓ TRƯỞNG PHÒNG PHỤ TRÁCH") only with a person's name under it: a
		 * table's row in capitals is no signature block */
		if (long_role && !named)
			continue;
		sig = i;
		if (named)
			sig_named = i;
	}
	return sig_named < n ? sig_named : sig;
}

/* 1 if line l may open a signing block: a prefix ("TM.", "KT."), a role word, or a role of Decree 30
 * as read ("GIÁM DC"). */
static int block_line(const line_key *l)
{
	if (!l->upper || l->letters > 40)
		return 0;
	if (docm_key_starts_any(l, sign_prefix) || docm_key_starts_any(l, role_words))
		return 1;
	char *r = docf_role(l->text, NULL);
	free(r);
	return r != NULL;
}

/* 1 if line b goes on from line a: under it in its column, or beside it on its row within two
 * line heights (OCR reading "GIÁM" and "ĐỐC" of a blurred role as two lines). */
static int goes_on(const doc_ctx *dc, const line_key *a, const line_key *b)
{
	float ab[4], bb[4];
	int ap, bp;
	if (!docm_line_box(dc, a, ab, &ap) || !docm_line_box(dc, b, bb, &bp) || ap != bp)
		return 0;
	if (ab[0] < bb[2] && bb[0] < ab[2])
		return 1;
	float h = ab[3] - ab[1];
	return ab[1] < bb[3] && bb[1] < ab[3] && bb[0] >= ab[2] && bb[0] - ab[2] < 2 * h;
}

/* The role of a role line split over two lines ("GIÁM" and "ĐỐC"): line a's and line b's text
 * joined, when b is the line after a, in capitals, going on from a; NULL otherwise. A new string. */
static char *split_role(const doc_ctx *dc, size_t a, size_t b)
{
	const line_key *L = dc->L;
	if (b != a + 1 || b >= dc->n || !L[a].upper || !L[b].upper || L[a].letters + L[b].letters > 40 ||
	    !goes_on(dc, &L[a], &L[b]))
		return NULL;
	sohoa_buf j = {0};
	sohoa_buf_puts(&j, L[a].text);
	sohoa_buf_puts(&j, " ");
	sohoa_buf_puts(&j, L[b].text);
	char *r = j.data ? docf_role(j.data, NULL) : NULL;
	sohoa_buf_free(&j);
	return r;
}

/* 1 if the capitals of line l (a "TM." taken off) name the issuer: the body the document's
 * letterhead names first ("SỞ GIÁO DỤC VÀ ĐÀO TẠO" of a joint "… – TẠP CHÍ GIÁO DỤC"), or the
 * start of it ("ỦY BAN NHÂN DÂN" of "ỦY BAN NHÂN DÂN TỈNH …"). */
static int names_issuer(const line_key *l, const char *issuer)
{
	if (!issuer || !l->upper)
		return 0;
	const char *t = l->text + strspn(l->text, " ");
	if (docm_key_starts(l, "tm.") && strchr(t, '.'))
		t = strchr(t, '.') + 1;
	char *v = docf_issuer(t);
	if (!v)
		return 0;
	char a[256], b[256];
	size_t al = sohoa_gov_skeleton(v, strlen(v), a, sizeof a);
	const char *joint = strstr(issuer, " \xe2\x80\x93 ");
	size_t il = joint ? (size_t)(joint - issuer) : strlen(issuer);
	size_t bl = sohoa_gov_skeleton(issuer, il, b, sizeof b);
	free(v);
	return al >= 6 && al <= bl && !strncmp(a, b, al);
}

size_t docm_lead_block(const doc_ctx *dc, const doc_meta *dm, size_t sig)
{
	const line_key *L = dc->L;
	size_t n = dc->n;
	float sb[4], b[4];
	int sp, p;
	if (sig >= n || !docm_line_box(dc, &L[sig], sb, &sp))
		return sig;
	float h = sb[3] - sb[1];
	const char *issuer = dm->nhead ? dm->head[dm->nhead - 1] : NULL;
	/* the lines in capitals beside the block, within four lines' height of its line: another
	 * column's body and role ("SỞ GIÁO DỤC VÀ ĐÀO TẠO / GIÁM ĐỐC" left of "TẠP CHÍ … / TỔNG
	 * BIÊN TẬP") */
	size_t other = n;
	int mine_named = 0, other_named = 0, other_left = 0;
	for (size_t k = sig > 8 ? sig - 8 : 0; k < n && k <= sig + 8; k++) {
		if (!L[k].upper || L[k].letters > 40 || !docm_line_box(dc, &L[k], b, &p) || p != sp)
			continue;
		if (b[1] < sb[1] - 4 * h || b[1] > sb[1] + 4 * h)
			continue;
		if (b[0] < sb[2] && sb[0] < b[2]) {
			mine_named |= names_issuer(&L[k], issuer);
			continue;
		}
		other_named |= names_issuer(&L[k], issuer);
		char *split = other == n && !block_line(&L[k]) ? split_role(dc, k, k + 1) : NULL;
		free(split);
		if (other == n && (block_line(&L[k]) || split)) {
			other = k;
			other_left = b[2] <= sb[0];
		}
	}
	if (other == n)
		return sig;
	/* the issuer's block leads; when neither or both name it, the left one */
	if (mine_named != other_named)
		return other_named ? other : sig;
	return other_left ? other : sig;
}

/* 1 if line at alone reads as a signing role (docf_role; kt as there), a prefix line ("KT. CHỦ
 * TỊCH") not. */
static int role_reads(const doc_ctx *dc, size_t at, const char *kt)
{
	if (docm_key_starts_any(&dc->L[at], sign_prefix))
		return 0;
	char *r = docf_role(dc->L[at].text, kt);
	free(r);
	return r != NULL;
}

/* The signer, role and (for "TM. ỦY BAN NHÂN DÂN", signing for the issuer) the body of the
 * signature block at line sig: the last line in capitals under it is the role, the first name the
 * signer. The role must be one of Decree 30's (read by OCR) or Vietnamese words (a text layer);
 * the name a family name and given names, from an OCR line read with confidence. */
void docm_read_signature(doc_ctx *dc, size_t sig, doc_meta *dm)
{
	const line_key *L = dc->L;
	size_t n = dc->n;
	const char *t = L[sig].text + strspn(L[sig].text, " ");
	const char *dot = strchr(t, '.');
	int prefixed = docm_key_starts_any(&L[sig], sign_prefix);
	char *kt = NULL;
	if (prefixed && dot && docm_key_starts(&L[sig], "tm."))
		dm->sign_org = docm_clean_line(dot + 1);
	if (prefixed && dot && docm_key_starts(&L[sig], "kt."))
		kt = docm_clean_line(dot + 1);
	size_t role_at = n;
	int other_post = 0, deputy = kt != NULL;
	if (!prefixed)
		role_at = sig;
	/* eleven lines of the block's column: the "Nơi nhận" list beside it does not count */
	for (size_t i = sig + 1, col = 0; i < n && i < sig + 40 && col < 11; i++) {
		col += same_column(dc, &L[sig], &L[i]);
		const char *named = past_signed(&L[i]);
		if (!*named)
			continue;
		if (L[i].upper && L[i].letters <= 40 && !dm->signer && named == L[i].text) {
			if (other_post || !same_column(dc, &L[sig], &L[i]) || L[i].letters < 3) /* "LÌ": a seal's speck */
				continue; /* not another signing block's role beside this one */
			deputy |= docm_key_starts(&L[i], "kt.");
			/* a role line under a role already read is another post the signer holds ("TM. HỘI
			 * ĐỒNG" / "CHỦ TỊCH" / "GIÁM ĐỐC SỞ …"), not the role signed in; under "KT." the
			 * deputy's "PHÓ …" is the role, the lines above it the title it signs for ("KT. BỘ
			 * TRƯỞNG," / "CHỦ NHIỆM" / "PHÓ CHỦ NHIỆM") */
			if (role_at < n && !deputy && docm_key_starts_any(&L[i], role_words) &&
			    !docm_key_starts(&L[i], "pho") && role_reads(dc, role_at, kt)) {
				other_post = 1;
				continue;
			}
			role_at = i;
			continue;
		}
		char *c = docm_clean_line(docf_after_rank(named));
		if (c && is_name(c) && !same_column(dc, &L[role_at < n ? role_at : sig], &L[i])) {
			/* the name under another column's role ("HỘI CHA MẸ HỌC SINH" beside the issuer's) */
			free(c);
			continue;
		}
		if (c && is_name(c)) {
			float conf = docm_line_conf(dc, &L[i]);
			char *fixed = docf_name_fixed(c);
			if (fixed) {
				sohoa_log(dc->ctx, SOHOA_LOG_INFO, "%s: documents: signer '%s' read as '%s'", dc->name, c,
					  fixed);
				free(c);
				c = fixed;
			}
			/* a person's name (a family name first) from any source, read with confidence by OCR */
			if (docf_name(c) && conf >= 0 && docf_given_name_doubtful(c)) {
				sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: signer '%s' left out: its given name "
					  "is rare and one mark from a common one", dc->name, c);
				free(c);
			} else if (docf_name(c) && (conf < 0 || conf >= NAME_MIN_CONF)) {
				dm->signer = c;
			} else if (!docf_name(c)) {
				sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: signer '%s' left out: no person's name",
					  dc->name, c);
				free(c);
			} else {
				sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: signer '%s' left out: not read for "
					  "certain (OCR confidence %.0f)", dc->name, c, conf);
				free(c);
			}
			break;
		}
		free(c);
	}
	if (role_at < n) {
		const char *rt = role_at == sig ? t : L[role_at].text;
		int ocr = docm_line_ocr(dc, &L[role_at]);
		dm->role = docf_role(rt, kt);
		if (!dm->role && !kt && role_at > sig)
			dm->role = split_role(dc, role_at - 1, role_at);
		if (!dm->role && !kt)
			dm->role = split_role(dc, role_at, role_at + 1);
		if (!dm->role && !ocr) {
			char *c = docm_clean_line(rt);
			char *w[DOCF_MAXW];
			int nw = 0, ok = c != NULL;
			if (c && docf_words(c, w, DOCF_MAXW, &nw)) {
				for (int k = 0; k < nw && ok; k++)
					ok = sohoa_viet_syllable(w[k], strlen(w[k]));
				free(w[0]);
			}
			if (ok)
				dm->role = c;
			else
				free(c);
		}
		if (!dm->role)
			sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: signer's role '%s' left out: no role reads so",
				  dc->name, rt);
	}
	free(kt);
}

/* The signer when no signature block gave one: the document's last line, a person's name alone
 * (docf_name; from OCR read with confidence NAME_MIN_CONF or more and not doubtful), under a
 * "Nơi nhận" list within the last 40 lines. Decree 30 prints the signer's name last, beside the
 * recipients; the block's role lines above it may be lost to the seal. */
void docm_signer_at_end(doc_ctx *dc, doc_meta *dm)
{
	const line_key *L = dc->L;
	size_t n = dc->n;
	if (dm->signer || n < 2)
		return;
	int recipients = 0;
	for (size_t i = n > 40 ? n - 40 : 0; i + 1 < n && !recipients; i++)
		recipients = docm_key_starts(&L[i], "noi nhan");
	if (!recipients)
		return;
	char *c = docm_clean_line(docf_after_rank(L[n - 1].text));
	if (!c || !is_name(c) || !docf_name(c)) {
		free(c);
		return;
	}
	float conf = docm_line_conf(dc, &L[n - 1]);
	if (conf >= 0 && (conf < NAME_MIN_CONF || docf_given_name_doubtful(c))) {
		sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: signer '%s' (the last line) left out: not read "
			  "for certain", dc->name, c);
		free(c);
		return;
	}
	dm->signer = c;
}
