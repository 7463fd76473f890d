/* govname: the closed lists of the Vietnamese state that a document's letterhead and signature
 * block are checked against — the words an issuing body's name starts with, the administrative
 * units and the provinces, the sectors of the departments and ministries, the signing roles of
 * Decree 30/2020/NĐ-CP's signature blocks, the family names — and the skeleton match that finds
 * the one entry an OCR reading is a small slip away from. Written from public knowledge (the
 * list of provinces before and after the 2025 mergers, the departments and ministries of the
 * governments since 2008, Decree 30's appendices), never from the documents measured on. */
#ifndef SOHOA_GOVNAME_H
#define SOHOA_GOVNAME_H

#include <stddef.h>

/* What follows a head word in an issuer's name. */
typedef enum sohoa_gov_kind {
	SOHOA_GOV_ADMIN,  /* a unit and a place: "ỦY BAN NHÂN DÂN" + "TỈNH PHÚ THỌ" */
	SOHOA_GOV_SECTOR, /* a sector: "SỞ" + "GIÁO DỤC VÀ ĐÀO TẠO" */
	SOHOA_GOV_ALONE,  /* complete by itself: "CHÍNH PHỦ", "VĂN PHÒNG CHÍNH PHỦ" */
	SOHOA_GOV_OPEN,   /* a name of its own: "TRƯỜNG" + "THPT PHƯỚC BỬU" */
} sohoa_gov_kind;

typedef struct sohoa_gov_head {
	const char *caps; /* as a letterhead prints it: "ỦY BAN NHÂN DÂN" */
	sohoa_gov_kind kind;
} sohoa_gov_head;

/* A list of phrases in capitals with their diacritics, NULL-terminated. */
extern const sohoa_gov_head sohoa_gov_heads[];  /* the words an issuing body's name starts with */
extern const char *const sohoa_gov_units[];     /* "TỈNH", "THÀNH PHỐ", "HUYỆN", ... */
extern const char *const sohoa_gov_provinces[]; /* the provinces and centrally-run cities */
extern const char *const sohoa_gov_sectors[];   /* what a Sở or a Bộ is of: "Y TẾ", "TÀI CHÍNH" */
extern const char *const sohoa_gov_roles[];     /* signing roles: "PHÓ CHỦ TỊCH", "GIÁM ĐỐC" */
extern const char *const sohoa_gov_surnames[];  /* family names, Title case: "Nguyễn" */
extern const char *const sohoa_gov_acronyms[];  /* the administration's acronyms as printed:
						 * "TTHC", "TTg", "GD&ĐT", "SGDĐT" */

/* The skeleton of s[0..n): its letters as lowercase ASCII without marks (đ -> d), everything
 * else left out, into out (room for cap bytes, NUL-terminated). Returns its length. */
size_t sohoa_gov_skeleton(const char *s, size_t n, char *out, size_t cap);

/* The edit distance of the skeletons a and b, counting up to max + 1 (a bigger distance is
 * reported as max + 1). */
int sohoa_gov_distance(const char *a, const char *b, int max);

/* The edits a reading of a phrase whose skeleton has len letters may have and still be that
 * phrase for certain: 0 up to 3 letters, 1 up to 7, 2 up to 14, 3 beyond. */
int sohoa_gov_allowance(size_t len);

/* The entry of list (NULL-terminated) whose skeleton is nearest to s[0..n)'s within its
 * allowance less slack (never below 0) and strictly nearer than every other entry's: its index,
 * or -1. *dist gets the distance (may be NULL). */
int sohoa_gov_nearest(const char *const *list, const char *s, size_t n, int slack, int *dist);

/* The nearest of several candidates and the runner-up's distance, as a search goes: start with
 * best -1 and bestd, second above any distance; sohoa_nearest_add each candidate i at distance d
 * (a tie for the nearest makes second equal bestd). */
typedef struct sohoa_nearest {
	int best, bestd, second;
} sohoa_nearest;
void sohoa_nearest_add(sohoa_nearest *n, int i, int d);

#endif
