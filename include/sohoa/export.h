/* SOHOA_API marks the functions libsohoa exports. The library is built with -fvisibility=hidden,
 * so everything else stays inside it. */
#ifndef SOHOA_EXPORT_H
#define SOHOA_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define SOHOA_API __attribute__((visibility("default")))
#else
#define SOHOA_API
#endif

#endif
