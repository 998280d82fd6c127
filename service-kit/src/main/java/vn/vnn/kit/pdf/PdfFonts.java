package vn.vnn.kit.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fonts for PDFs in Vietnamese: the Liberation families (from openpdf-fonts-extra) have every Vietnamese glyph, and
 * are embedded as Identity-H so that diacritics print and copy correctly on any reader. Each file is read once.
 */
public final class PdfFonts {

    public enum Face {
        SANS("LiberationSans-Regular.ttf"), SANS_BOLD("LiberationSans-Bold.ttf"),
        SERIF("LiberationSerif-Regular.ttf"), SERIF_BOLD("LiberationSerif-Bold.ttf");

        private final String file;

        Face(String file) {
            this.file = file;
        }
    }

    private static final Map<Face, byte[]> FILES = new ConcurrentHashMap<>();

    private PdfFonts() {
    }

    /** A new embedded font of the face, for one document. */
    public static BaseFont of(Face face) {
        try {
            return BaseFont.createFont(face.file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    FILES.computeIfAbsent(face, PdfFonts::read), null);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("font " + face.file + " could not be loaded", e);
        }
    }

    private static byte[] read(Face face) {
        String path = "liberation/" + face.file;
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("font " + path + " is missing (openpdf-fonts-extra)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
