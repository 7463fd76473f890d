/* encoding-eval CHUNK FILE...: how often sohoa_enc_detect names the right legacy encoding. Cuts
 * about 20 chunks of CHUNK bytes from each UTF-8 file (e.g. the text files of
 * ../shared/corpus/vlc-legal), encodes each with TCVN3, VNI, VISCII and VPS using our tables,
 * detects, and prints the share found per encoding. The chunks are text the tables and the
 * detector were not built from. */
#include "../../normalize/encoding.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: encoding-eval CHUNK FILE...\n");
		return 2;
	}
	size_t chunk = (size_t)atol(argv[1]);
	static const sohoa_enc encs[] = {SOHOA_ENC_TCVN3, SOHOA_ENC_VNI, SOHOA_ENC_VISCII, SOHOA_ENC_VPS};
	long total[4] = {0}, right[4] = {0};
	sohoa_ctx *ctx = sohoa_ctx_new(NULL);
	for (int f = 2; f < argc; f++) {
		char *buf = NULL;
		size_t n = 0;
		if (sohoa_file_read(ctx, argv[f], &buf, &n) != SOHOA_OK) {
			fprintf(stderr, "encoding-eval: %s\n", sohoa_errmsg(ctx));
			continue;
		}
		for (size_t off = 0; chunk && off + chunk < n; off += n / 20 + 1) {
			size_t s = off, e = off + chunk;
			while (s < n && ((unsigned char)buf[s] & 0xC0) == 0x80)
				s++;
			while (e < n && ((unsigned char)buf[e] & 0xC0) == 0x80)
				e++;
			for (int k = 0; k < 4; k++) {
				sohoa_buf b = {0};
				if (sohoa_enc_encode(encs[k], buf + s, e - s, &b) < 0)
					return 1;
				total[k]++;
				right[k] += sohoa_enc_detect((const unsigned char *)b.data, b.len, NULL) == encs[k];
				sohoa_buf_free(&b);
			}
		}
		free(buf);
	}
	for (int k = 0; k < 4; k++)
		printf("%-7s chunks of %zu bytes: %ld/%ld detected (%.1f%%)\n", sohoa_enc_name(encs[k]), chunk, right[k],
		       total[k], total[k] ? 100.0 * (double)right[k] / (double)total[k] : 0.0);
	sohoa_ctx_free(ctx);
	return 0;
}
