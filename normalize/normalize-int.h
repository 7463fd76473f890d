/* normalize/ internals shared by the stage's files (encoding.c, unicode.c, layout.c, normalize.c);
 * nothing outside normalize/ includes this. */
#ifndef SOHOA_NORMALIZE_INT_H
#define SOHOA_NORMALIZE_INT_H

#include "normalize.h"

#endif
