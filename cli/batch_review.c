/* sohoa run --review: one static HTML page per document (OUTDIR/review/<key>.html) and its part
 * of the index (OUTDIR/.sohoa/review/<key>.html, the rows only): each row beside the crop of the
 * source line its page and line columns name (OUTDIR/review/<key>/pP-lL.png), that line as read
 * with the words OCR was unsure of marked, and its confidence; the document's metadata beside the
 * crop of the top of its first page (head.png). No network, no external files: the style and
 * the script (sort, filter by kind and confidence, j/k and arrow keys) are inline. */
#include "batch_archive.h"
#include "../output/output.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define LOW_CONFIDENCE 60.0f /* words below this OCR confidence are marked */
#define LINE_ZOOM 1.5f       /* crop pixels per point: 108 dpi */
#define HEAD_ZOOM 1.0f
#define HEAD_SHARE 0.22f     /* the letterhead: this share of the first page's height */

void batch_review_page_path(char *buf, size_t n, const char *outdir, const char *key)
{
	snprintf(buf, n, "%s/review/%s.html", outdir, key);
}

void batch_review_part_path(char *buf, size_t n, const char *outdir, const char *key)
{
	snprintf(buf, n, "%s/.sohoa/review/%s.html", outdir, key);
}

static int html(sohoa_buf *b, const char *s)
{
	for (; s && *s; s++) {
		const char *e = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : *s == '"' ? "&quot;" : NULL;
		if (e ? sohoa_buf_puts(b, e) : sohoa_buf_append(b, s, 1))
			return -1;
	}
	return 0;
}

/* s as a relative URL: bytes other than letters, digits, "-._~/" percent-encoded. */
static int url(sohoa_buf *b, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		int plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~/", c);
		if (plain ? sohoa_buf_append(b, s, 1) : sohoa_buf_printf(b, "%%%02X", c))
			return -1;
	}
	return 0;
}

static const char *cell(const batch_row *r, const char *col)
{
	for (size_t i = 0; i < r->ncells && r->columns[i]; i++)
		if (!strcmp(r->columns[i], col))
			return r->cells[i];
	return NULL;
}

/* The source line a row names by its page and line columns, or NULL. */
static const sohoa_line *row_line(const sohoa_doc *doc, const batch_row *r)
{
	const char *p = cell(r, "page"), *l = cell(r, "line");
	int page = p && *p ? atoi(p) : 0, line = l && *l ? atoi(l) : 0;
	for (size_t i = 0; page > 0 && line > 0 && i < doc->npages; i++) {
		const sohoa_page *pg = &doc->pages[i];
		if (pg->number != page)
			continue;
		for (size_t j = 0; j < pg->nlines; j++)
			if (pg->lines[j].line == line)
				return &pg->lines[j];
	}
	return NULL;
}

static int cmp_line(const void *x, const void *y)
{
	const sohoa_line *a = *(const sohoa_line *const *)x, *b = *(const sohoa_line *const *)y;
	return a->page != b->page ? a->page - b->page : a->line - b->line;
}

/* The row's cells as "<b>column</b> value" lines, without doc, page, line and line_*. */
static int fields(sohoa_buf *b, const batch_row *r)
{
	int first = 1;
	for (size_t i = 0; i < r->ncells && r->columns[i]; i++) {
		const char *c = r->columns[i];
		if (!*r->cells[i] || !strcmp(c, "doc") || !strcmp(c, "page") || !strcmp(c, "line") ||
		    !strncmp(c, "line_", 5)) /* the source line's: shown beside */
			continue;
		if ((!first && sohoa_buf_puts(b, "<br>")) || sohoa_buf_puts(b, "<b>") || html(b, c) ||
		    sohoa_buf_puts(b, "</b> ") || html(b, r->cells[i]))
			return -1;
		first = 0;
	}
	return 0;
}

/* The line as read: OCR words under LOW_CONFIDENCE in <mark>. */
static int as_read(sohoa_buf *b, const sohoa_line *l)
{
	if (!l->nwords)
		return html(b, l->text);
	for (size_t w = 0; w < l->nwords; w++) {
		const sohoa_word *wd = &l->words[w];
		int low = wd->confidence >= 0 && wd->confidence < LOW_CONFIDENCE;
		if ((w && sohoa_buf_puts(b, " ")) ||
		    (low && sohoa_buf_printf(b, "<mark title=\"confidence %.0f\">", wd->confidence)) ||
		    html(b, wd->text) || (low && sohoa_buf_puts(b, "</mark>")))
			return -1;
	}
	return 0;
}

/* One <tr> of row r: link is the document page's URL, crops the URL prefix of its crops (both
 * relative to the page the row goes into); crops NULL when there are none. */
static int row_html(sohoa_buf *b, const batch_row *r, const sohoa_line *l, const char *key, const char *link,
		    const char *crops)
{
	int documents = !strcmp(r->kind, "documents");
	const char *mc = documents ? cell(r, "mean_confidence") : NULL;
	char conf[32] = "";
	if (l && l->confidence >= 0)
		snprintf(conf, sizeof conf, "%.1f", l->confidence);
	else if (mc && *mc)
		snprintf(conf, sizeof conf, "%s", mc);
	char page[16] = "", line[16] = "";
	if (l) {
		snprintf(page, sizeof page, "%d", l->page);
		snprintf(line, sizeof line, "%d", l->line);
	}
	if (sohoa_buf_printf(b, "<tr class=row tabindex=0 data-kind=\"%s\" data-conf=\"%s\"><td><a href=\"", r->kind, conf) ||
	    url(b, link) || sohoa_buf_puts(b, "\">") || html(b, key) ||
	    sohoa_buf_printf(b, "</a></td><td>%s</td><td>%s</td><td>%s</td><td data-v=\"%s\">%s</td><td>", r->kind,
			     page, line, conf[0] ? conf : "-1", conf))
		return -1;
	if (crops && (l || documents)) {
		if (sohoa_buf_puts(b, "<img loading=lazy src=\"") || url(b, crops))
			return -1;
		if (l ? sohoa_buf_printf(b, "p%d-l%d.png\" alt=\"page %d line %d\">", l->page, l->line, l->page, l->line)
		      : sohoa_buf_puts(b, "head.png\" alt=\"letterhead\">"))
			return -1;
	}
	if (sohoa_buf_puts(b, "</td><td class=read>") || (l && as_read(b, l)) || sohoa_buf_puts(b, "</td><td class=f>") ||
	    fields(b, r) || sohoa_buf_puts(b, "</td></tr>\n"))
		return -1;
	return 0;
}

static const char style[] =
	"<style>\n"
	"body{font:14px/1.4 sans-serif;margin:1em;color:#222}\n"
	"table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:3px 5px;vertical-align:top}\n"
	"th{background:#eee;cursor:pointer;position:sticky;top:0}th[data-dir=a]::after{content:' \\25B2'}"
	"th[data-dir=d]::after{content:' \\25BC'}\n"
	"tr.row:focus{outline:3px solid #36c;background:#eef4ff}td img{max-width:480px;display:block}\n"
	"td.read{min-width:14em}td.f{max-width:30em;font-size:12px}\n"
	"mark{background:#fc9}.f b{color:#555;font-weight:normal}.ctl{margin:.5em 0}.ctl label{margin-right:1em}\n"
	".meta{display:flex;gap:1em;align-items:flex-start}.meta img{max-width:600px;border:1px solid #ccc}\n"
	"</style>\n";

static const char script[] =
	"<script>\n"
	"(function(){\n"
	"var tb=document.querySelector('#rows tbody');if(!tb)return;\n"
	"var rows=Array.prototype.slice.call(tb.rows);\n"
	"var kind=document.getElementById('kind'),conf=document.getElementById('conf'),q=document.getElementById('q');\n"
	"function apply(){var k=kind.value,c=parseFloat(conf.value),s=q.value.toLowerCase(),n=0;\n"
	" rows.forEach(function(r){var rc=r.getAttribute('data-conf');\n"
	"  var ok=(!k||r.getAttribute('data-kind')===k)&&(isNaN(c)||(rc!==''&&parseFloat(rc)<c))&&\n"
	"   (!s||r.textContent.toLowerCase().indexOf(s)>=0);r.hidden=!ok;if(ok)n++;});\n"
	" document.getElementById('count').textContent=n+' of '+rows.length+' rows';}\n"
	"[kind,conf,q].forEach(function(e){e.addEventListener('input',apply);});\n"
	"Array.prototype.forEach.call(document.querySelectorAll('#rows th'),function(th,i){th.tabIndex=0;\n"
	" function key(r){var c=r.cells[i],t=c.getAttribute('data-v');if(t===null)t=c.textContent;\n"
	"  var f=parseFloat(t);return isNaN(f)?t:f;}\n"
	" function sort(){var dir=th.getAttribute('data-dir')==='a'?-1:1;\n"
	"  Array.prototype.forEach.call(document.querySelectorAll('#rows th'),function(h){h.removeAttribute('data-dir');});\n"
	"  th.setAttribute('data-dir',dir>0?'a':'d');\n"
	"  rows.sort(function(a,b){var x=key(a),y=key(b);if(typeof x!==typeof y){x=String(x);y=String(y);}\n"
	"   return (x<y?-1:x>y?1:0)*dir;});rows.forEach(function(r){tb.appendChild(r);});}\n"
	" th.addEventListener('click',sort);\n"
	" th.addEventListener('keydown',function(e){if(e.key==='Enter'){sort();e.preventDefault();}});});\n"
	"document.addEventListener('keydown',function(e){var t=e.target.tagName;\n"
	" if(t==='INPUT'||t==='SELECT'||e.altKey||e.ctrlKey||e.metaKey)return;\n"
	" if(e.key==='Enter'&&e.target.classList&&e.target.classList.contains('row')){\n"
	"  var a=e.target.querySelector('a');if(a)a.click();return;}\n"
	" var d=(e.key==='j'||e.key==='ArrowDown')?1:(e.key==='k'||e.key==='ArrowUp')?-1:0;if(!d)return;\n"
	" var vis=rows.filter(function(r){return !r.hidden;});var i=vis.indexOf(document.activeElement);\n"
	" var n=i<0?(d>0?0:vis.length-1):i+d;\n"
	" if(n>=0&&n<vis.length){vis[n].focus();vis[n].scrollIntoView({block:'nearest'});e.preventDefault();}});\n"
	"apply();})();\n"
	"</script>\n";

/* The page up to the rows' <tbody>: intro (may be NULL) goes between the title and the table. */
static int head(sohoa_buf *b, const char *title, const char *intro)
{
	if (sohoa_buf_puts(b, "<!DOCTYPE html>\n<html lang=vi><head><meta charset=utf-8>\n<title>") || html(b, title) ||
	    sohoa_buf_puts(b, "</title>\n") || sohoa_buf_puts(b, style) || sohoa_buf_puts(b, "</head><body>\n<h1>") ||
	    html(b, title) || sohoa_buf_puts(b, "</h1>\n") || (intro && sohoa_buf_puts(b, intro)) ||
	    sohoa_buf_puts(b, "<div class=ctl><label>kind <select id=kind><option value=\"\">all</option>"))
		return -1;
	for (const char *const *k = sohoa_row_kinds(); *k; k++)
		if (sohoa_buf_printf(b, "<option>%s</option>", *k))
			return -1;
	return sohoa_buf_puts(b, "</select></label><label>confidence below <input id=conf type=number min=0 max=100 "
				 "size=4></label><label>text <input id=q type=search></label><span id=count></span>"
				 " &middot; j/k or arrows move, Enter opens, click a heading to sort</div>\n"
				 "<table id=rows><thead><tr><th>doc</th><th>kind</th><th>page</th><th>line</th>"
				 "<th>OCR confidence</th><th>source region</th><th>as read (low confidence marked)</th>"
				 "<th>fields</th></tr></thead><tbody>\n");
}

int batch_review_head(sohoa_buf *b, const char *title)
{
	return head(b, title, NULL);
}

int batch_review_foot(sohoa_buf *b)
{
	return sohoa_buf_puts(b, script) || sohoa_buf_puts(b, "</body></html>\n");
}

/* The document's metadata (its documents row) beside the letterhead crop, with a link back to
 * the index (up is "../" per folder of the key). */
static int intro(sohoa_buf *b, const batch_archive *x, const char *crops, const char *up)
{
	if (sohoa_buf_printf(b, "<p><a href=\"%sindex.html\">all documents</a></p>\n<div class=meta><table>", up))
		return -1;
	for (size_t i = 0; i < x->nrows; i++) {
		const batch_row *r = &x->rows[i];
		if (strcmp(r->kind, "documents"))
			continue;
		for (size_t c = 0; c < r->ncells && r->columns[c]; c++)
			if (*r->cells[c] && (sohoa_buf_puts(b, "<tr><th>") || html(b, r->columns[c]) ||
					     sohoa_buf_puts(b, "</th><td>") || html(b, r->cells[c]) ||
					     sohoa_buf_puts(b, "</td></tr>")))
				return -1;
		break;
	}
	if (sohoa_buf_puts(b, "</table>"))
		return -1;
	if (crops && (sohoa_buf_puts(b, "<img src=\"") || url(b, crops) || sohoa_buf_puts(b, "head.png\" alt=\"letterhead\">")))
		return -1;
	return sohoa_buf_puts(b, "</div>\n");
}

/* Render the crops of the lines and the letterhead into OUTDIR/review/<key>/. 0 when they are there. */
static int render(sohoa_ctx *ctx, const batch_archive *x, const sohoa_doc *doc, const sohoa_line **lines)
{
	const sohoa_line **sorted = NULL;
	sohoa_crop *crops = NULL;
	char (*paths)[PATH_MAX] = NULL;
	char dir[PATH_MAX - 64]; /* room for the crop's file name */
	int rc = -1;
	if (!doc->npages || !doc->kind || (strcmp(doc->kind, "pdf") && strcmp(doc->kind, "image")))
		return -1;
	if (snprintf(dir, sizeof dir, "%s/review/%s", x->outdir, x->key) >= (int)sizeof dir || batch_mkdirs(dir)) {
		sohoa_log(ctx, SOHOA_LOG_WARN, "cannot create '%s': no crops", dir);
		return -1;
	}
	size_t n = 0;
	sorted = calloc(x->nrows + 1, sizeof *sorted);
	crops = calloc(x->nrows + 1, sizeof *crops);
	paths = calloc(x->nrows + 1, sizeof *paths);
	if (!sorted || !crops || !paths)
		goto out;
	for (size_t i = 0; i < x->nrows; i++)
		if (lines[i])
			sorted[n++] = lines[i];
	qsort(sorted, n, sizeof *sorted, cmp_line);
	const sohoa_page *first = &doc->pages[0];
	size_t nc = 0;
	crops[nc] = (sohoa_crop){first->number, {0, 0, first->width, first->height * HEAD_SHARE}, paths[nc]};
	snprintf(paths[nc++], PATH_MAX, "%s/head.png", dir);
	if (sohoa_crops_render(ctx, doc, crops, 1, HEAD_ZOOM) != SOHOA_OK)
		goto failed;
	nc = 0;
	for (size_t i = 0; i < n; i++) {
		const sohoa_line *l = sorted[i];
		if (i && l == sorted[i - 1])
			continue;
		crops[nc] = (sohoa_crop){l->page, {l->x0 - 6, l->y0 - 2, l->x1 + 6, l->y1 + 2}, paths[nc]};
		snprintf(paths[nc++], PATH_MAX, "%s/p%d-l%d.png", dir, l->page, l->line);
	}
	if (sohoa_crops_render(ctx, doc, crops, nc, LINE_ZOOM) != SOHOA_OK)
		goto failed;
	rc = 0;
	goto out;
failed:
	sohoa_log(ctx, SOHOA_LOG_WARN, "%s; the review page has no crops", sohoa_errmsg(ctx));
out:
	free(sorted);
	free(crops);
	free(paths);
	return rc;
}

sohoa_status batch_review_doc(sohoa_ctx *ctx, const batch_archive *x, const sohoa_doc *doc)
{
	sohoa_status st = SOHOA_OK;
	const sohoa_line **lines = calloc(x->nrows + 1, sizeof *lines);
	sohoa_buf part = {0}, page = {0}, up = {0}, in = {0};
	sohoa_buf link = {0}, crops = {0}, plink = {0}, pcrops = {0};
	if (!lines)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < x->nrows; i++)
		lines[i] = row_line(doc, &x->rows[i]);
	int have = render(ctx, x, doc, lines) == 0;
	/* URLs in the index are relative to review/, in the page to the key's folder below it */
	const char *base = strrchr(x->key, '/');
	base = base ? base + 1 : x->key;
	int bad = 0;
	for (const char *s = x->key; *s && !bad; s++)
		bad = *s == '/' && sohoa_buf_puts(&up, "../");
	bad = bad || sohoa_buf_printf(&link, "%s.html", x->key) || sohoa_buf_printf(&crops, "%s/", x->key) ||
	      sohoa_buf_printf(&plink, "%s.html", base) || sohoa_buf_printf(&pcrops, "%s/", base) ||
	      intro(&in, x, have ? pcrops.data : NULL, up.data ? up.data : "") || head(&page, x->key, in.data);
	for (size_t i = 0; i < x->nrows && !bad; i++)
		bad = row_html(&part, &x->rows[i], lines[i], x->key, link.data, have ? crops.data : NULL) ||
		      row_html(&page, &x->rows[i], lines[i], x->key, plink.data, have ? pcrops.data : NULL);
	bad = bad || sohoa_buf_puts(&page, "</tbody></table>\n") || batch_review_foot(&page);
	if (bad) {
		st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	} else {
		char path[PATH_MAX];
		batch_review_part_path(path, sizeof path, x->outdir, x->key);
		st = batch_write_atomic(ctx, x->outdir, path, part.data ? part.data : "", part.len);
		if (st == SOHOA_OK) {
			batch_review_page_path(path, sizeof path, x->outdir, x->key);
			st = batch_write_atomic(ctx, x->outdir, path, page.data, page.len);
		}
	}
	free(lines);
	sohoa_buf *bufs[] = {&part, &page, &up, &in, &link, &crops, &plink, &pcrops};
	for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
		sohoa_buf_free(bufs[i]);
	return st;
}
