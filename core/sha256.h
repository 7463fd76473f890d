/* SHA-256 (FIPS 180-4) for content digests: the manifest's file hashes and options digests. */
#ifndef SOHOA_SHA256_H
#define SOHOA_SHA256_H

#include "sohoa.h"

typedef struct sohoa_sha256 {
	uint32_t h[8];
	uint64_t bytes;
	unsigned char block[64];
	size_t fill;
} sohoa_sha256;

void sohoa_sha256_init(sohoa_sha256 *s);
void sohoa_sha256_update(sohoa_sha256 *s, const void *data, size_t len);
/* Finish and write the digest as 64 lowercase hex digits and a NUL into hex. */
void sohoa_sha256_hex(sohoa_sha256 *s, char hex[65]);
/* Hash a whole file, streaming (constant memory). SOHOA_ERR_IO names the file. */
sohoa_status sohoa_sha256_file(sohoa_ctx *ctx, const char *path, char hex[65]);

#endif
