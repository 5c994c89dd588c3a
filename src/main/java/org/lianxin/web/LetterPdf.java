package org.lianxin.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.DataNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The reply letter as PDF: the letter's own HTML (templates/desk/letter-pdf.html, the same letter fragment as the
 * print view) rendered by openhtmltopdf, with a CJK font embedded (subset) so that it prints alike everywhere.
 * PDFBox embeds TrueType outlines only: a TrueType font or collection (.ttf, .ttc) such as WenQuanYi Micro Hei,
 * not the PostScript-flavoured Noto/Source Han CJK fonts.
 */
@Component
public class LetterPdf {

    /** Debian's fonts-wqy-microhei. */
    public static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    /** The font family that templates/desk/letter-pdf.html writes its text in. */
    static final String FONT_FAMILY = "letter-cjk";
    static final String TEMPLATE = "desk/letter-pdf";
    private static final byte[] COLLECTION_TAG = "ttcf".getBytes(StandardCharsets.US_ASCII);
    private static final Logger log = LoggerFactory.getLogger(LetterPdf.class);

    private final ITemplateEngine templates;
    private final Path font;
    private final String stylesheet;

    public LetterPdf(ITemplateEngine templates, @Value("${lianxin.letter.font}") Path font) {
        this.templates = templates;
        this.font = font;
        this.stylesheet = read(new ClassPathResource("static/css/letter.css"));
        if (!Files.isReadable(font)) {
            // Said at start-up so the IT office learns it before the desk does; the print view works without it.
            log.warn("{}", new LetterFontUnavailableException(font, "is missing", null).getMessage());
        }
    }

    /** The PDF of the letter template with these variables; fails naming the font when it is unusable. */
    public byte[] render(Map<String, Object> variables, Locale locale) {
        org.jsoup.nodes.Document html = Jsoup.parse(templates.process(TEMPLATE, new Context(locale, variables)));
        html.head().prependElement("style").appendChild(new DataNode(stylesheet));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument(); EmbeddedFont cjk = EmbeddedFont.load(font, pdf)) {
            new PdfRendererBuilder()
                    .usePDDocument(pdf)
                    .useFont(new PDFontSupplier(cjk.font()), FONT_FAMILY)
                    .withW3cDocument(W3CDom.convert(html), null)
                    .toStream(out)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("reply letter PDF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * The font loaded into one document. A collection's first font is taken, and the collection stays open until
     * the document is saved: PDFBox reads the glyphs of the subset then.
     */
    record EmbeddedFont(PDFont font, TrueTypeCollection collection) implements AutoCloseable {

        static EmbeddedFont load(Path file, PDDocument pdf) {
            if (!Files.isReadable(file)) {
                throw new LetterFontUnavailableException(file, "is missing", null);
            }
            TrueTypeCollection collection = null;
            try {
                if (isCollection(file)) {
                    collection = new TrueTypeCollection(file.toFile());
                    TrueTypeFont[] first = new TrueTypeFont[1];
                    collection.processAllFonts(f -> first[0] = first[0] == null ? f : first[0]);
                    requireTrueTypeOutlines(file, first[0]);
                    return new EmbeddedFont(PDType0Font.load(pdf, first[0], true), collection);
                }
                return new EmbeddedFont(PDType0Font.load(pdf, file.toFile()), null);
            } catch (IOException | RuntimeException e) {
                closeQuietly(collection);
                if (e instanceof LetterFontUnavailableException unavailable) {
                    throw unavailable;
                }
                throw new LetterFontUnavailableException(file, "cannot be embedded: " + e.getMessage(), e);
            }
        }

        private static boolean isCollection(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                return Arrays.equals(in.readNBytes(COLLECTION_TAG.length), COLLECTION_TAG);
            }
        }

        private static void requireTrueTypeOutlines(Path file, TrueTypeFont first) {
            if (first == null) {
                throw new LetterFontUnavailableException(file, "holds no font", null);
            }
            if (first instanceof OpenTypeFont otf && otf.isPostScript()) {
                throw new LetterFontUnavailableException(file,
                        "has PostScript (CFF) outlines, which PDFBox cannot embed", null);
            }
        }

        private static void closeQuietly(TrueTypeCollection collection) {
            try {
                if (collection != null) {
                    collection.close();
                }
            } catch (IOException ignored) {
                // nothing was made with it
            }
        }

        @Override
        public void close() throws IOException {
            if (collection != null) {
                collection.close();
            }
        }
    }

    private static String read(ClassPathResource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
