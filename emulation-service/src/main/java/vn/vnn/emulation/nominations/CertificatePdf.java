package vn.vnn.emulation.nominations;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import vn.vnn.kit.pdf.PdfFonts;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The certificate of a decided award (Bằng khen, Giấy khen, danh hiệu) as an A4 landscape PDF in Vietnamese, with
 * the font embedded (Liberation Serif has every Vietnamese glyph).
 */
final class CertificatePdf {

    private CertificatePdf() {
    }

    static byte[] render(CertificateData c) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont regular = PdfFonts.of(PdfFonts.Face.SERIF);
            BaseFont bold = PdfFonts.of(PdfFonts.Face.SERIF_BOLD);
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
}
