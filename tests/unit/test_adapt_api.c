/* The eng-OCR channel adapted to the batch through the public API (include/sohoa/context.h:
 * sohoa_options adapt and channel_path, sohoa_ctx_save_channel), as a library caller uses it. The
 * input is a sample's truth with its marks stripped and every h read as the digit 4, a confusion
 * the shipped channel never saw: restored with adapt set the words must come back far better
 * than without; the channel saved must read back into a context that restores as well with it,
 * learns nothing and saves the same file; a context asking for no channel has none to save, and a
 * channel file that is not there fails the document. Only the stripping of the input uses an
 * internal call (core/viet.h). */
#include "check.h"
#include "../../include/sohoa/sohoa.h"
#include "../../core/sohoa.h"
#include "../../core/viet.h"

#include <stdlib.h>
#include <unistd.h>

#define TRUTH "samples/s002-born-engocr.truth.txt"
#define MODEL "data/sohoa-lm.bin"

static int keep_text(void *user, const char *text, size_t len)
{
	return sohoa_buf_append(user, text, len) || sohoa_buf_append(user, "", 1) ? 1 : 0;
}

/* Words of s (split at white space) into a NULL-terminated array of strdup'd words; NULL on no
 * memory. */
static char **words(const char *s)
{
	size_t n = 0, cap = 16;
	char **w = malloc(cap * sizeof *w);
	while (w && *s) {
		s += strspn(s, " \t\r\n\f");
		size_t len = strcspn(s, " \t\r\n\f");
		if (!len)
			break;
		if (n + 2 > cap) {
			char **more = realloc(w, (cap *= 2) * sizeof *w);
			if (!more)
				break;
			w = more;
		}
		w[n++] = strndup(s, len);
		s += len;
	}
	if (w)
		w[n] = NULL;
	return w;
}

static void words_free(char **w)
{
	for (size_t i = 0; w && w[i]; i++)
		free(w[i]);
	free(w);
}

/* Per ten thousand of the truth's words found in out (each truth word matched once). */
static int overlap(char **truth, const char *out)
{
	char **got = words(out);
	size_t nt = 0, hit = 0;
	while (truth[nt])
		nt++;
	char *used = calloc(nt + 1, 1);
	for (size_t i = 0; got && used && got[i]; i++)
		for (size_t k = 0; k < nt; k++)
			if (!used[k] && !strcmp(got[i], truth[k])) {
				used[k] = 1;
				hit++;
				break;
			}
	free(used);
	words_free(got);
	return nt ? (int)(hit * 10000 / nt) : 0;
}

/* Restore data (eng-OCR, one worker) with adapt and channel_path; the text into out, and with
 * save set the context's channel written there. The status of the first call that failed. */
static sohoa_status restore(const sohoa_buf *data, int adapt, const char *channel_path, const char *save,
			    sohoa_buf *out)
{
	sohoa_options o;
	sohoa_options_init(&o);
	o.model_path = MODEL;
	o.restore = SOHOA_RESTORE_OCR;
	o.jobs = 1;
	o.adapt = adapt;
	o.channel_path = channel_path;
	sohoa_ctx *ctx = sohoa_ctx_new(&o);
	if (!ctx)
		return SOHOA_ERR_NOMEM;
	sohoa_handler h = {.user = out, .text = keep_text};
	out->len = 0;
	sohoa_status st = sohoa_process_buffer(ctx, "h4.txt", data->data, data->len, SOHOA_INPUT_TEXT, &h, NULL);
	if (st == SOHOA_OK && save)
		st = sohoa_ctx_save_channel(ctx, save);
	sohoa_ctx_free(ctx);
	return st;
}

int main(void)
{
	char *truth_text;
	size_t len;
	sohoa_ctx *ctx = sohoa_ctx_new(NULL);
	int have = ctx && sohoa_file_read(ctx, TRUTH, &truth_text, &len) == SOHOA_OK && access(MODEL, R_OK) == 0;
	CHECK(have, "adapt api: " TRUTH " and " MODEL " read");
	if (!have) {
		sohoa_ctx_free(ctx);
		return CHECK_DONE();
	}
	sohoa_buf in = {0}, plain = {0}, adapted = {0}, reused = {0};
	sohoa_viet_strip(truth_text, len, &in);
	for (size_t i = 0; i < in.len; i++)
		if (in.data[i] == 'h')
			in.data[i] = '4';
	char **truth = words(truth_text);

	char path[] = "/tmp/sohoa-adapt-api-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0, "adapt api: a temporary file");
	close(fd);
	unlink(path);
	char path2[sizeof path + 4];
	snprintf(path2, sizeof path2, "%s.2", path);

	CHECK(restore(&in, 0, NULL, NULL, &plain) == SOHOA_OK, "adapt api: restored without adapt");
	CHECK(restore(&in, 1, NULL, path, &adapted) == SOHOA_OK, "adapt api: restored with adapt, channel saved");
	int before = overlap(truth, plain.data ? plain.data : ""), after = overlap(truth, adapted.data ? adapted.data : "");
	printf("    words of the truth found: %d -> %d (1/10000)\n", before, after);
	CHECK(before < 8000, "adapt api: the made-up confusion defeats the shipped channel");
	CHECK(after >= 9000 && after - before >= 1500, "adapt api: options.adapt learns it from the document");

	char *saved = NULL, *again = NULL;
	size_t nsaved = 0, nagain = 0;
	CHECK(sohoa_file_read(ctx, path, &saved, &nsaved) == SOHOA_OK && nsaved > 0, "adapt api: channel file written");
	CHECK(restore(&in, 0, path, path2, &reused) == SOHOA_OK, "adapt api: options.channel_path read");
	int r = overlap(truth, reused.data ? reused.data : "");
	printf("    with the saved channel: %d (1/10000)\n", r);
	CHECK(r >= 9000, "adapt api: the saved channel restores as well");
	CHECK(sohoa_file_read(ctx, path2, &again, &nagain) == SOHOA_OK && nagain == nsaved && saved &&
		      !memcmp(saved, again, nsaved),
	      "adapt api: a channel read learns nothing (saved again the same)");
	/* adapt with channel_path: the file is read, nothing learned either */
	unlink(path2);
	CHECK(restore(&in, 1, path, path2, &reused) == SOHOA_OK, "adapt api: adapt and channel_path");
	free(again);
	again = NULL;
	CHECK(sohoa_file_read(ctx, path2, &again, &nagain) == SOHOA_OK && nagain == nsaved && !memcmp(saved, again, nsaved),
	      "adapt api: channel_path wins over adapt");

	sohoa_buf none = {0};
	CHECK(restore(&in, 0, NULL, path2, &none) == SOHOA_ERR_USAGE, "adapt api: no channel to save without the options");
	unlink(path2);
	CHECK(restore(&in, 0, path2, NULL, &none) == SOHOA_ERR_IO, "adapt api: a channel_path not there fails");

	unlink(path);
	unlink(path2);
	free(saved);
	free(again);
	free(truth_text);
	words_free(truth);
	sohoa_buf_free(&in);
	sohoa_buf_free(&plain);
	sohoa_buf_free(&adapted);
	sohoa_buf_free(&reused);
	sohoa_buf_free(&none);
	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}
