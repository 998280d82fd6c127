package vn.vnn.emulation.api;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * The certificate of a decided award (Bằng khen, Giấy khen, danh hiệu) as an A4 landscape PDF in Vietnamese, with
 * the font embedded (Liberation Serif has every Vietnamese glyph).
 */
final class CertificatePdf {

    private static final byte[] REGULAR = font("liberation/LiberationSerif-Regular.ttf");
    private static final byte[] BOLD = font("liberation/LiberationSerif-Bold.ttf");

    record Content(String authority, String formName, String participantName, String achievement, String decisionNo,
                   LocalDate decidedOn, String movementName) {
    }

    private CertificatePdf() {
    }

    static byte[] render(Content c) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont regular = BaseFont.createFont("LiberationSerif-Regular.ttf", BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, true, REGULAR, null);
            BaseFont bold = BaseFont.createFont("LiberationSerif-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    true, BOLD, null);
            Document document = new Document(PageSize.A4.rotate(), 60, 60, 50, 50);
            PdfWriter.getInstance(document, out);
            document.addTitle(c.formName() + " — " + c.participantName());
            document.open();
            centered(document, c.authority().toUpperCase(java.util.Locale.forLanguageTag("vi")), new Font(bold, 13), 0);
            centered(document, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", new Font(bold, 13), 0);
            centered(document, "Độc lập - Tự do - Hạnh phúc", new Font(bold, 12), 0);
            centered(document, c.formName().toUpperCase(java.util.Locale.forLanguageTag("vi")), new Font(bold, 30),
                    30);
            centered(document, "Tặng", new Font(regular, 16), 18);
            centered(document, c.participantName(), new Font(bold, 24), 6);
            centered(document, "Đã có thành tích xuất sắc trong phong trào " + c.movementName(),
                    new Font(regular, 15), 16);
            centered(document, c.achievement(), new Font(regular, 14, Font.ITALIC), 6);
            centered(document, "Quyết định số " + c.decisionNo() + " ngày " + c.decidedOn().getDayOfMonth()
                    + " tháng " + c.decidedOn().getMonthValue() + " năm " + c.decidedOn().getYear(),
                    new Font(regular, 13), 30);
            document.close();
            return out.toByteArray();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the certificate could not be rendered", e);
        }
    }

    private static void centered(Document document, String text, Font font, float spacingBefore)
            throws DocumentException {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(spacingBefore);
        document.add(paragraph);
    }

    private static byte[] font(String path) {
        try (InputStream in = CertificatePdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("font " + path + " is missing (openpdf-fonts-extra)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
