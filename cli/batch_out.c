/* The output folder of a batch run: locking, atomic writes through .sohoa/tmp, per-document rows
 * files and the CSVs assembled from them. */
#include "batch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define ROWS_MAGIC "sohoa rows 1\n"

int batch_mkdirs(const char *dir)
{
	char buf[PATH_MAX];
	if (snprintf(buf, sizeof buf, "%s", dir) >= (int)sizeof buf) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		if (mkdir(buf, 0777) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(buf, 0777) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

/* mkdir -p of the folder holding path. */
static int mkdirs_parent(const char *path)
{
	char buf[PATH_MAX];
	snprintf(buf, sizeof buf, "%s", path);
	char *slash = strrchr(buf, '/');
	if (!slash || slash == buf)
		return 0;
	*slash = 0;
	return batch_mkdirs(buf);
}

int batch_clash(int err)
{
	return err == EISDIR || err == ENOTDIR || err == EEXIST || err == ENOTEMPTY || err == ENAMETOOLONG;
}

/* 1 when dir has entries and no .sohoa/ (0 when it is empty or an output folder; -1 unreadable). */
static int foreign_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	int entries = 0, marker = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			entries = 1;
			marker |= !strcmp(e->d_name, ".sohoa");
		}
	closedir(d);
	return entries && !marker;
}

int batch_outdir_open(const char *outdir)
{
	char path[PATH_MAX];
	int foreign = foreign_dir(outdir);
	if (foreign < 0) {
		cli_error("cannot open folder '%s': %s", outdir, strerror(errno));
		return -1;
	}
	if (foreign) {
		cli_error("'%s' is not empty and not a sohoa output folder (no .sohoa/): refusing to write "
			  "into it; choose a new or empty folder", outdir);
		return -1;
	}
	static const char *const sub[] = {".sohoa", ".sohoa/rows", ".sohoa/tmp"};
	for (size_t i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/%s", outdir, sub[i]);
		if (batch_mkdirs(path)) {
			cli_error("cannot create '%s': %s", path, strerror(errno));
			return -1;
		}
	}
	snprintf(path, sizeof path, "%s/.sohoa/lock", outdir);
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0) {
		cli_error("cannot create '%s': %s", path, strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		cli_error("another sohoa run is writing into '%s' (%s)", outdir, strerror(errno));
		close(fd);
		return -1;
	}
	/* Files a killed run was writing: never renamed, so never part of the outputs. */
	snprintf(path, sizeof path, "%s/.sohoa/tmp", outdir);
	DIR *d = opendir(path);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d)))
			if (e->d_name[0] != '.') {
				char f[PATH_MAX + 256];
				snprintf(f, sizeof f, "%s/%s", path, e->d_name);
				unlink(f);
			}
		closedir(d);
	}
	return fd;
}

void batch_txt_path(char *buf, size_t n, const char *outdir, const char *name)
{
	snprintf(buf, n, "%s/%s.txt", outdir, name);
}

void batch_rows_path(char *buf, size_t n, const char *outdir, const char *name)
{
	snprintf(buf, n, "%s/.sohoa/rows/%s.rows", outdir, name);
}

void batch_manifest_path(char *buf, size_t n, const char *outdir)
{
	snprintf(buf, n, "%s/manifest.tsv", outdir);
}

/* A file being written under a temporary name, renamed onto dest when complete. */
typedef struct atomic_file {
	int fd;
	char tmp[PATH_MAX];
	char dest[PATH_MAX];
} atomic_file;

static atomic_uint tmp_counter;

/* SOHOA_ERR_IO "<verb> '<path>': strerror(err)", errno left at err for the caller. */
static sohoa_status io_error(sohoa_ctx *ctx, int err, const char *verb, const char *path)
{
	sohoa_status st = sohoa_error(ctx, SOHOA_ERR_IO, "%s '%s': %s", verb, path, strerror(err));
	errno = err;
	return st;
}

static sohoa_status af_open(sohoa_ctx *ctx, atomic_file *af, const char *outdir, const char *dest)
{
	af->fd = -1;
	if (snprintf(af->dest, sizeof af->dest, "%s", dest) >= (int)sizeof af->dest ||
	    snprintf(af->tmp, sizeof af->tmp, "%s/.sohoa/tmp/%ld.%u", outdir, (long)getpid(),
		     atomic_fetch_add(&tmp_counter, 1)) >= (int)sizeof af->tmp) {
		sohoa_status st = sohoa_error(ctx, SOHOA_ERR_IO, "path too long: '%s'", dest);
		errno = ENAMETOOLONG;
		return st;
	}
	af->fd = open(af->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (af->fd < 0)
		return io_error(ctx, errno, "cannot create", af->tmp);
	return SOHOA_OK;
}

static void af_abort(atomic_file *af)
{
	if (af->fd >= 0) {
		close(af->fd);
		unlink(af->tmp);
	}
	af->fd = -1;
}

static sohoa_status af_write(sohoa_ctx *ctx, atomic_file *af, const char *data, size_t len)
{
	while (len) {
		ssize_t w = write(af->fd, data, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			int saved = errno;
			af_abort(af);
			return io_error(ctx, saved, "cannot write", af->dest);
		}
		data += w;
		len -= (size_t)w;
	}
	return SOHOA_OK;
}

static sohoa_status af_commit(sohoa_ctx *ctx, atomic_file *af)
{
	int fd = af->fd;
	af->fd = -1;
	if (fsync(fd) != 0) {
		int saved = errno;
		close(fd);
		unlink(af->tmp);
		return io_error(ctx, saved, "cannot write", af->dest);
	}
	int renamed = close(fd) == 0 && rename(af->tmp, af->dest) == 0;
	if (!renamed && errno == ENOENT && mkdirs_parent(af->dest) == 0) /* first file of a folder */
		renamed = rename(af->tmp, af->dest) == 0;
	if (!renamed) {
		int saved = errno;
		unlink(af->tmp);
		return io_error(ctx, saved, "cannot write", af->dest);
	}
	return SOHOA_OK;
}

sohoa_status batch_write_atomic(sohoa_ctx *ctx, const char *outdir, const char *dest, const char *data,
				size_t len)
{
	atomic_file af;
	sohoa_status st = af_open(ctx, &af, outdir, dest);
	if (st == SOHOA_OK && (st = af_write(ctx, &af, data, len)) == SOHOA_OK)
		st = af_commit(ctx, &af);
	int saved = errno;
	af_abort(&af);
	errno = saved;
	return st;
}

sohoa_status batch_copy_atomic(sohoa_ctx *ctx, const char *outdir, const char *src, const char *dest)
{
	int in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return sohoa_error(ctx, SOHOA_ERR_IO, "cannot open '%s': %s", src, strerror(errno));
	atomic_file af;
	sohoa_status st = af_open(ctx, &af, outdir, dest);
	char chunk[65536];
	while (st == SOHOA_OK) {
		ssize_t n = read(in, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			st = sohoa_error(ctx, SOHOA_ERR_IO, "cannot read '%s': %s", src, strerror(errno));
			break;
		}
		if (n == 0) {
			st = af_commit(ctx, &af);
			break;
		}
		st = af_write(ctx, &af, chunk, (size_t)n);
	}
	af_abort(&af);
	close(in);
	return st;
}

int batch_rows_format(const sohoa_buf rows[], sohoa_buf *out)
{
	const char *const *kinds = sohoa_row_kinds();
	if (sohoa_buf_puts(out, ROWS_MAGIC))
		return -1;
	for (size_t k = 0; kinds[k] && k < CLI_MAX_KINDS; k++)
		if (sohoa_buf_printf(out, "%s %zu\n", kinds[k], rows[k].len) ||
		    sohoa_buf_append(out, rows[k].data ? rows[k].data : "", rows[k].len) || sohoa_buf_puts(out, "\n"))
			return -1;
	return 0;
}

int batch_rows_section(const char *data, size_t len, const char *name, const char **p, size_t *n)
{
	*p = NULL;
	*n = 0;
	size_t ml = strlen(ROWS_MAGIC);
	if (len < ml || memcmp(data, ROWS_MAGIC, ml))
		return -1;
	size_t i = ml;
	while (i < len) {
		const char *nl = memchr(data + i, '\n', len - i);
		if (!nl)
			return -1;
		const char *sp = memchr(data + i, ' ', (size_t)(nl - (data + i)));
		if (!sp)
			return -1;
		char *end;
		unsigned long long sz = strtoull(sp + 1, &end, 10);
		if (end != nl)
			return -1;
		size_t body = (size_t)(nl - data) + 1;
		if (sz > len - body || len - body - sz < 1 || data[body + sz] != '\n')
			return -1;
		if ((size_t)(sp - (data + i)) == strlen(name) && !memcmp(data + i, name, strlen(name))) {
			*p = data + body;
			*n = (size_t)sz;
		}
		i = body + (size_t)sz + 1;
	}
	return 0;
}

sohoa_status batch_assemble(sohoa_ctx *ctx, const char *outdir, const sohoa_manifest *m, size_t *missing)
{
	const char *const *kinds = sohoa_row_kinds();
	size_t nex = 0;
	while (kinds[nex] && nex < CLI_MAX_KINDS)
		nex++;
	atomic_file af[CLI_MAX_KINDS];
	size_t opened = 0;
	sohoa_status st = SOHOA_OK;
	*missing = 0;
	for (; opened < nex; opened++) {
		char dest[PATH_MAX];
		sohoa_buf head = {0};
		snprintf(dest, sizeof dest, "%s/%s.csv", outdir, kinds[opened]);
		if ((st = af_open(ctx, &af[opened], outdir, dest)) != SOHOA_OK)
			break;
		if (cli_csv_header(kinds[opened], &head)) {
			st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
			opened++;
			break;
		}
		st = af_write(ctx, &af[opened], head.data, head.len);
		sohoa_buf_free(&head);
		if (st != SOHOA_OK) {
			opened++;
			break;
		}
	}
	for (size_t i = 0; st == SOHOA_OK && i < m->n; i++) {
		const sohoa_manifest_entry *e = &m->entries[i];
		if (e->state != SOHOA_DOC_OK && e->state != SOHOA_DOC_PARTIAL)
			continue;
		char path[PATH_MAX];
		batch_rows_path(path, sizeof path, outdir, e->output);
		char *data = NULL;
		size_t len = 0;
		sohoa_ctx *tmp = sohoa_ctx_new_worker(ctx);
		if (!tmp) {
			st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
			break;
		}
		sohoa_status rs = sohoa_file_read(tmp, path, &data, &len);
		int bad = rs != SOHOA_OK;
		for (size_t k = 0; !bad && k < nex; k++) {
			const char *p;
			size_t n;
			if (batch_rows_section(data, len, kinds[k], &p, &n))
				bad = 1;
		}
		if (bad) {
			cli_error("rows of '%s' are missing or damaged (%s); run again to redo it", e->path,
				  rs != SOHOA_OK ? sohoa_errmsg(tmp) : path);
			(*missing)++;
		}
		sohoa_ctx_free(tmp);
		for (size_t k = 0; !bad && st == SOHOA_OK && k < nex; k++) {
			const char *p;
			size_t n;
			batch_rows_section(data, len, kinds[k], &p, &n);
			if (n)
				st = af_write(ctx, &af[k], p, n);
		}
		free(data);
	}
	for (size_t k = 0; k < opened; k++) {
		if (st == SOHOA_OK)
			st = af_commit(ctx, &af[k]);
		af_abort(&af[k]);
	}
	return st;
}

sohoa_status batch_manifest_save(sohoa_ctx *ctx, const char *outdir, const sohoa_manifest *m)
{
	sohoa_buf b = {0};
	if (sohoa_manifest_write(m, &b)) {
		sohoa_buf_free(&b);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	}
	char path[PATH_MAX];
	batch_manifest_path(path, sizeof path, outdir);
	sohoa_status st = batch_write_atomic(ctx, outdir, path, b.data, b.len);
	sohoa_buf_free(&b);
	return st;
}
