/* Where the shipped data (the language model) is found: relative to the file the library's code
 * was loaded from, so that a source tree and any installed prefix work without configuration,
 * then the data folder of the PREFIX the library was built for. */
#include "sohoa.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef SOHOA_DATADIR
#define SOHOA_DATADIR "/usr/local/share/sohoa"
#endif

/* Places beside the folder of the library or program, in order: a source tree's build/ (the
 * program, libsohoa.so) and build/tools/, build/tests/ (tools and tests); an installed prefix's
 * bin/ or lib/ (and lib/<multiarch>/). */
static const char *const beside[] = {
	"../data", "../../data", "../share/sohoa", "../../share/sohoa",
};

static const char anchor; /* any object of the library, to ask the loader where it lives */

/* The folder of the file this code was loaded from, written into dir[0..n): libsohoa.so when
 * linked as a shared library, else the program. 0, or -1 when it cannot be told. */
static int module_dir(char *dir, size_t n)
{
	Dl_info info;
	const char *file = NULL;
	char exe[PATH_MAX];
	if (dladdr(&anchor, &info) && info.dli_fname) {
		const char *slash = strrchr(info.dli_fname, '/');
		if (slash && strstr(slash, ".so"))
			file = info.dli_fname;
	}
	if (!file) {
		ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
		if (k <= 0)
			return -1;
		exe[k] = 0;
		file = exe;
	}
	const char *slash = strrchr(file, '/');
	if (!slash || snprintf(dir, n, "%.*s", (int)(slash - file), file) >= (int)n)
		return -1;
	return 0;
}

/* The path without "..": nicer in messages and sohoa --version. */
static sohoa_status tidy(char *path, size_t n)
{
	char real[PATH_MAX];
	if (realpath(path, real) && strlen(real) < n)
		memcpy(path, real, strlen(real) + 1);
	return SOHOA_OK;
}

sohoa_status sohoa_data_find(sohoa_ctx *ctx, const char *name, char *path, size_t n)
{
	char dir[PATH_MAX];
	int have_dir = module_dir(dir, sizeof dir) == 0;
	for (size_t i = 0; have_dir && i < sizeof beside / sizeof beside[0]; i++)
		if (snprintf(path, n, "%s/%s/%s", dir, beside[i], name) < (int)n && access(path, R_OK) == 0)
			return tidy(path, n);
	if (snprintf(path, n, "%s/%s", SOHOA_DATADIR, name) < (int)n && access(path, R_OK) == 0)
		return tidy(path, n);
	path[0] = 0;
	return sohoa_error(ctx, SOHOA_ERR_MISSING, "%s not found beside '%s' nor in '%s' (give its path: --model FILE)",
			   name, have_dir ? dir : "?", SOHOA_DATADIR);
}
