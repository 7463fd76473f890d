/* doctype: the Vietnamese document types — one table of their names, the capitals a document's
 * type line prints, the keys the extractors match in text, and the codes a document number
 * carries after its '/' (Decree 30/2020/NĐ-CP, appendix III, and older codes still in use). The
 * one home of that knowledge: the extractors, the vie job's OCR repair and the sample generator
 * read it, each the rows its flags name; adding a type is one row. */
#ifndef SOHOA_DOCTYPE_H
#define SOHOA_DOCTYPE_H

#include <stddef.h>

typedef struct sohoa_doctype {
	const char *name; /* as written in the CSVs: "Quyết định"; NULL for a code of no type */
	const char *caps; /* as a document's type line prints it: "QUYẾT ĐỊNH"; NULL: never one */
	const char *key;  /* the name as extract/ keys text (lowercase, no marks): "quyet dinh" */
	const char *code; /* in a document number after the '/': "QĐ" of "608/QĐ-UBND"; "": none */
	unsigned flags;
} sohoa_doctype;

enum {
	SOHOA_DOCTYPE_DECREE30 = 1, /* in Decree 30's closed list of administrative types and codes */
	SOHOA_DOCTYPE_CITED = 2,    /* references.csv reports citations of it, by name or by code */
	SOHOA_DOCTYPE_HEADING = 4,  /* documents.csv recognizes it on a document's type line */
	SOHOA_DOCTYPE_SLOT = 8,     /* the vie job corrects a number's type slot one OCR slip away to
	                             * this code (restore/ocrfix-codes.c) */
	SOHOA_DOCTYPE_PROSE = 16,   /* documents.csv takes it opening a text's first line in sentence
	                             * case ("Chỉ thị về việc …", no letterhead): a word that names a
	                             * document only, not "Quy định", "Hướng dẫn", which name rules and
	                             * guidance in any text ("Quy định về tách thửa …") */
};

/* The rows, sohoa_doctypes[0 .. sohoa_ndoctypes). Order matters where a key begins another
 * ("thong tu lien tich" before "thong tu"): users take the first row that matches. */
extern const sohoa_doctype sohoa_doctypes[];
extern const size_t sohoa_ndoctypes;

#endif
