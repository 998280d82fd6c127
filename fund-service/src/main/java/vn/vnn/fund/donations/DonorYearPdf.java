package vn.vnn.fund.donations;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import vn.vnn.kit.pdf.PdfFonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;

/**
 * A donor's statement of a year (thư xác nhận ủng hộ trong năm) as an A4 PDF in Vietnamese: every accepted gift with
 * its receipt, fund and amount, and the year's total in figures and in words. Signed like a receipt.
 */
final class DonorYearPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private DonorYearPdf() {
    }

    static byte[] render(DonationService.DonorYear year) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont regular = PdfFonts.of(PdfFonts.Face.SANS);
            BaseFont bold = PdfFonts.of(PdfFonts.Face.SANS_BOLD);
            Font text = new Font(regular, 10);
            Font strong = new Font(bold, 10);
            Document document = new Document(PageSize.A4, 48, 48, 48, 48);
            PdfWriter.getInstance(document, out);
            document.addTitle("Thư xác nhận ủng hộ năm " + year.year());
            document.open();
            Paragraph title = new Paragraph("THƯ XÁC NHẬN ỦNG HỘ NĂM " + year.year(), new Font(bold, 14));
            title.setAlignment(Element.ALIGN_CENTER);
            document.add(title);
            Paragraph to = new Paragraph("Kính gửi: " + year.donor().name, strong);
            to.setSpacingBefore(12);
            document.add(to);
            Paragraph intro = new Paragraph("Quỹ \"Vì người nghèo\" trân trọng xác nhận các khoản ủng hộ của Quý vị "
                    + "trong năm " + year.year() + " như sau:", text);
            intro.setSpacingAfter(8);
            document.add(intro);
            PdfPTable gifts = new PdfPTable(new float[] {2.5f, 1.2f, 2.3f, 0.9f, 1.5f});
            gifts.setWidthPercentage(100);
            for (String heading : new String[] {"Biên lai", "Ngày", "Quỹ", "Hình thức", "Số tiền (đồng)"}) {
                gifts.addCell(new PdfPCell(new Phrase(heading, strong)));
            }
            for (Donation gift : year.gifts()) {
                gifts.addCell(new PdfPCell(new Phrase(gift.receiptNo, text)));
                gifts.addCell(new PdfPCell(new Phrase(gift.receivedOn.format(DATE), text)));
                gifts.addCell(new PdfPCell(new Phrase(year.fundNames().get(gift.fundId), text)));
                gifts.addCell(new PdfPCell(new Phrase(gift.kind == DonationKind.CASH ? "Tiền" : "Hiện vật", text)));
                PdfPCell amount = new PdfPCell(new Phrase(VietnameseAmount.inFigures(gift.amountVnd)
                        .replace(" đồng", ""), text));
                amount.setHorizontalAlignment(Element.ALIGN_RIGHT);
                gifts.addCell(amount);
            }
            document.add(gifts);
            Paragraph total = new Paragraph("Tổng cộng: " + year.gifts().size() + " khoản, "
                    + VietnameseAmount.inFigures(year.totalVnd()) + " (" + VietnameseAmount.inWords(year.totalVnd())
                    + ").", strong);
            total.setSpacingBefore(8);
            document.add(total);
            Paragraph thanks = new Paragraph("Trân trọng cảm ơn tấm lòng vì người nghèo của Quý vị!",
                    new Font(regular, 10, Font.ITALIC));
            thanks.setSpacingBefore(16);
            document.add(thanks);
            document.close();
            return out.toByteArray();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the statement could not be rendered", e);
        }
    }
}
