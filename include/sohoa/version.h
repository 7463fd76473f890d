/* The version of libsohoa and of the libraries and model behind it. */
#ifndef SOHOA_VERSION_H
#define SOHOA_VERSION_H

#include "export.h"

#define SOHOA_VERSION_MAJOR 0
#define SOHOA_VERSION_MINOR 1
#define SOHOA_VERSION_PATCH 0
#define SOHOA_VERSION "0.1.0"
/* 10000 * major + 100 * minor + patch, for #if */
#define SOHOA_VERSION_NUMBER (SOHOA_VERSION_MAJOR * 10000 + SOHOA_VERSION_MINOR * 100 + SOHOA_VERSION_PATCH)

#ifdef __cplusplus
extern "C" {
#endif

/* The version of the library loaded at run time ("0.1.0"), which may differ from the
 * SOHOA_VERSION a program was compiled against. */
SOHOA_API const char *sohoa_version(void);

/* The run-time version of a library sohoa uses: name is "tesseract", "leptonica", "mupdf" or
 * "icu". Returns a static string such as "5.3.0", or NULL for any other name. */
SOHOA_API const char *sohoa_dependency_version(const char *name);

#ifdef __cplusplus
}
#endif

#endif
