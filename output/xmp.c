/* xmp: the PDF's metadata — what the documents extractor reads (title, number, issuer, date,
 * type) and the XMP packet that carries it with the PDF/A identification. */
#include "output-int.h"
#include "../extract/extract.h"

#include <stdlib.h>
#include <string.h>

sohoa_status sohoa_pdf_meta_get(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text,
				sohoa_pdf_meta *meta, sohoa_buf *store)
{
	memset(meta, 0, sizeof *meta);
	if (!text)
		return SOHOA_OK;
	sohoa_doc_fields f;
	sohoa_status st = sohoa_doc_fields_read(ctx, doc, text, &f);
	if (st != SOHOA_OK) {
		sohoa_doc_fields_free(&f);
		return st;
	}
	/* into store NUL-separated, "" for an empty field; meta points there once store is whole */
	const char *v[5] = {f.title, f.number, f.issuer, f.date, f.type};
	size_t off[5];
	int r = 0;
	store->len = 0;
	for (int k = 0; k < 5; k++) {
		off[k] = store->len;
		r |= sohoa_buf_append(store, v[k] ? v[k] : "", (v[k] ? strlen(v[k]) : 0) + 1);
	}
	sohoa_doc_fields_free(&f);
	if (r)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	meta->title = store->data + off[0];
	meta->number = store->data + off[1];
	meta->issuer = store->data + off[2];
	meta->date = store->data + off[3];
	meta->type = store->data + off[4];
	return SOHOA_OK;
}

static int has(const char *s)
{
	return s && *s;
}

/* 1 for an XMP date as documents.csv writes them: YYYY, YYYY-MM or YYYY-MM-DD. */
static int is_date(const char *s)
{
	static const char *const shape[] = {"dddd", "dddd-dd", "dddd-dd-dd"};
	for (size_t k = 0; s && k < 3; k++) {
		size_t i = 0;
		while (shape[k][i] && s[i] && (shape[k][i] == 'd' ? s[i] >= '0' && s[i] <= '9' : s[i] == shape[k][i]))
			i++;
		if (!shape[k][i] && !s[i])
			return 1;
	}
	return 0;
}

/* <tag><rdf:KIND><rdf:li ATTR>value</rdf:li></rdf:KIND></tag> */
static int xmp_list(sohoa_buf *b, const char *tag, const char *kind, const char *attr, const char *value)
{
	return sohoa_buf_printf(b, "   <%s><rdf:%s><rdf:li%s>", tag, kind, attr) ||
	       out_xml_escape(b, value, strlen(value)) ||
	       sohoa_buf_printf(b, "</rdf:li></rdf:%s></%s>\n", kind, tag);
}

int out_xmp(const sohoa_pdf_meta *meta, const char *producer, const char *now, int pdfa, sohoa_buf *out)
{
	static const sohoa_pdf_meta empty;
	meta = meta ? meta : &empty;
	int r = sohoa_buf_puts(out, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
				    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
				    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
	if (pdfa)
		r |= sohoa_buf_puts(out, "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
					 "   <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>B</pdfaid:conformance>\n"
					 "  </rdf:Description>\n");
	r |= sohoa_buf_puts(out, "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
				 "   <dc:format>application/pdf</dc:format>\n");
	if (has(meta->title))
		r |= xmp_list(out, "dc:title", "Alt", " xml:lang=\"x-default\"", meta->title);
	if (has(meta->issuer))
		r |= xmp_list(out, "dc:creator", "Seq", "", meta->issuer);
	if (has(meta->number))
		r |= sohoa_buf_puts(out, "   <dc:identifier>") || out_xml_escape(out, meta->number, strlen(meta->number)) ||
		     sohoa_buf_puts(out, "</dc:identifier>\n");
	if (is_date(meta->date))
		r |= xmp_list(out, "dc:date", "Seq", "", meta->date);
	if (has(meta->type))
		r |= xmp_list(out, "dc:type", "Bag", "", meta->type);
	r |= xmp_list(out, "dc:language", "Bag", "", "vi");
	r |= sohoa_buf_puts(out, "  </rdf:Description>\n"
				 "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
	r |= sohoa_buf_printf(out, "   <xmp:CreatorTool>%s</xmp:CreatorTool>\n", producer);
	r |= sohoa_buf_printf(out, "   <xmp:CreateDate>%s</xmp:CreateDate>\n   <xmp:ModifyDate>%s</xmp:ModifyDate>\n"
				   "   <xmp:MetadataDate>%s</xmp:MetadataDate>\n", now, now, now);
	r |= sohoa_buf_puts(out, "  </rdf:Description>\n"
				 "  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
	r |= sohoa_buf_printf(out, "   <pdf:Producer>%s</pdf:Producer>\n  </rdf:Description>\n", producer);
	r |= sohoa_buf_puts(out, " </rdf:RDF>\n</x:xmpmeta>\n");
	/* room to edit the packet in place, as XMP writers leave */
	for (int i = 0; i < 8; i++)
		r |= sohoa_buf_puts(out, "                                                                                \n");
	r |= sohoa_buf_puts(out, "<?xpacket end=\"w\"?>");
	return r ? -1 : 0;
}
