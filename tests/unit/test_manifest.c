/* Unit tests for the batch manifest (core/manifest.c) and SHA-256 (core/sha256.c). */
#include "../../core/manifest.h"
#include "../../core/sha256.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>

static void sha_hex(const char *s, char hex[65])
{
	sohoa_sha256 h;
	sohoa_sha256_init(&h);
	sohoa_sha256_update(&h, s, strlen(s));
	sohoa_sha256_hex(&h, hex);
}

int main(void)
{
	char hex[65];
	sha_hex("", hex);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "sha256 of empty");
	sha_hex("abc", hex);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "sha256 of abc");
	sha_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", hex);
	CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", "sha256 of two blocks");
	/* the same bytes fed in odd pieces */
	sohoa_sha256 h;
	sohoa_sha256_init(&h);
	const char *msg = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	size_t mlen = strlen(msg);
	for (size_t i = 0; i < mlen; i += 3)
		sohoa_sha256_update(&h, msg + i, mlen - i < 3 ? mlen - i : 3);
	sohoa_sha256_hex(&h, hex);
	CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", "sha256 in pieces");

	sohoa_ctx *ctx = sohoa_ctx_new(NULL);
	sohoa_manifest *m = NULL;
	CHECK(sohoa_manifest_read(ctx, "x", "garbage\n", 8, &m) == SOHOA_ERR_FORMAT && !m, "not a manifest is refused");

	/* rows appended by a run: the last complete row of a path wins, a cut row is ignored */
	const char *text =
		"# sohoa manifest 1\n"
		"path\tsize\tmtime_ns\tsha256\toptions\tstatus\tpages\tocr_pages\toutput\tmessage\n"
		"b.pdf\t10\t5\t\t0123456789abcdef\ttodo\t0\t0\tb\t\n"
		"a\\tb.pdf\t3\t4\t\t0123456789abcdef\tfailed\t0\t0\ta\\tb\tcannot \\\\ open\\nreally\n"
		"b.pdf\t10\t5\t\t0123456789abcdef\tok\t7\t2\tb\t\n"
		"c.pdf\tnot a number\t5\t\t0123456789abcdef\tok\t7\t2\tc\t\n"
		"#x.pdf\t1\t1\t\t0123456789abcdef\tpartial\t2\t1\t#x\t1 of 2 pages failed\n"
		"b.pdf\t10\t5\t\t0123456789abcdef\tfai";
	CHECK(sohoa_manifest_read(ctx, "x", text, strlen(text), &m) == SOHOA_OK && m, "journal read");
	if (!m)
		return 1;
	CHECK(m->n == 3, "three documents");
	CHECK(m->nbad == 1, "one malformed row counted");
	sohoa_manifest_entry *b = sohoa_manifest_find(m, "b.pdf");
	CHECK(b && b->state == SOHOA_DOC_OK && b->pages == 7 && b->ocr_pages == 2, "last complete row wins");
	sohoa_manifest_entry *a = sohoa_manifest_find(m, "a\tb.pdf");
	CHECK(a && a->state == SOHOA_DOC_FAILED, "escaped tab in a path");
	CHECK_STR(a ? a->message : NULL, "cannot \\ open\nreally", "escaped message");
	CHECK(sohoa_manifest_find(m, "#x.pdf") != NULL, "a path starting with # is a row");
	CHECK(sohoa_manifest_find(m, "c.pdf") == NULL, "malformed row skipped");

	/* write, read back: the same text */
	sohoa_buf one = {0}, two = {0};
	sohoa_manifest *again = NULL;
	CHECK(sohoa_manifest_write(m, &one) == 0, "write");
	CHECK(sohoa_manifest_read(ctx, "x", one.data, one.len, &again) == SOHOA_OK && again && again->n == 3 &&
		      again->nbad == 0, "read what was written");
	if (again)
		sohoa_manifest_write(again, &two);
	CHECK(one.len == two.len && one.data && two.data && !memcmp(one.data, two.data, one.len), "write is a fixed point");
	const char *px = one.data ? strstr(one.data, "\n#x.pdf") : NULL, *pa = one.data ? strstr(one.data, "\na\\tb.pdf") : NULL;
	CHECK(px && pa && px < pa, "rows in path order");

	/* put replaces and keeps order */
	char path[] = "!first.pdf", output[] = "!first", message[] = "";
	sohoa_manifest_entry e = *b;
	e.path = path;
	e.output = output;
	e.message = message;
	CHECK(sohoa_manifest_put(m, &e) == 0 && m->n == 4 && !strcmp(m->entries[0].path, path), "put inserts in order");
	e.state = SOHOA_DOC_PARTIAL;
	CHECK(sohoa_manifest_put(m, &e) == 0 && m->n == 4 && m->entries[0].state == SOHOA_DOC_PARTIAL, "put replaces");
	for (size_t i = 1; i < m->n; i++)
		if (strcmp(m->entries[i - 1].path, m->entries[i].path) >= 0)
			CHECK(0, "entries sorted and unique");
	sohoa_buf_free(&one);
	sohoa_buf_free(&two);
	sohoa_manifest_free(again);
	sohoa_manifest_free(m);
	sohoa_manifest_free(NULL);
	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}
