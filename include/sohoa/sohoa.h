/* libsohoa: Vietnamese government documents (PDFs, scans, images, text) into clean Unicode
 * Vietnamese text and tables of what they say. The one header a program includes:
 *
 *	#include <sohoa/sohoa.h>
 *	cc prog.c $(pkg-config --cflags --libs sohoa)
 *
 * Start with sohoa_global_init (context.h), make a context, then process documents
 * (process.h). See libsohoa(3) and examples/ in the source tree. */
#ifndef SOHOA_SOHOA_H
#define SOHOA_SOHOA_H

#include "version.h"
#include "context.h"
#include "process.h"

#endif
