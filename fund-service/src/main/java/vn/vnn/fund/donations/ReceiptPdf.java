package vn.vnn.fund.donations;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import vn.vnn.kit.pdf.PdfFonts;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;

/**
 * The receipt of a donation (biên lai thu) as an A5 PDF, in Vietnamese with an embedded font (Liberation Sans, which
 * has every Vietnamese glyph), the amount in figures and in words.
 */
final class ReceiptPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ReceiptPdf() {
    }

    /**
     * @param verificationLink where the QR code printed on the receipt leads: the public verification of this
     *                         receipt with its code
     * @param copy             a reissued copy, marked as such (same number)
     */
    static byte[] render(DonationView donation, String fundName, String verificationLink, boolean copy) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont regular = PdfFonts.of(PdfFonts.Face.SANS);
            BaseFont bold = PdfFonts.of(PdfFonts.Face.SANS_BOLD);
            Font text = new Font(regular, 10);
            Font strong = new Font(bold, 10);
            Document document = new Document(PageSize.A5, 36, 36, 36, 36);
            PdfWriter.getInstance(document, out);
            document.addTitle("Biên lai " + donation.receiptNo());
            document.open();
            Paragraph header = new Paragraph(fundName, strong);
            header.setAlignment(Element.ALIGN_CENTER);
            document.add(header);
            Paragraph title = new Paragraph("BIÊN LAI THU", new Font(bold, 14));
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingBefore(8);
            document.add(title);
            if (copy) {
                Paragraph marked = new Paragraph("BẢN SAO", new Font(bold, 11, Font.NORMAL, java.awt.Color.GRAY));
                marked.setAlignment(Element.ALIGN_CENTER);
                document.add(marked);
            }
            Paragraph number = new Paragraph("Số: " + donation.receiptNo() + "    Ngày: "
                    + donation.receivedOn().format(DATE), text);
            number.setAlignment(Element.ALIGN_CENTER);
            number.setSpacingAfter(10);
            document.add(number);
            if ("CANCELLED".equals(donation.status())) {
                Paragraph cancelled = new Paragraph("ĐÃ HUỶ: " + donation.cancelReason(), new Font(bold, 12,
                        Font.NORMAL, java.awt.Color.RED));
                cancelled.setAlignment(Element.ALIGN_CENTER);
                document.add(cancelled);
            }
            PdfPTable fields = new PdfPTable(new float[] {1.3f, 3f});
            fields.setWidthPercentage(100);
            row(fields, "Người/đơn vị ủng hộ", donation.donorName(), text, strong);
            row(fields, "Hình thức", "CASH".equals(donation.kind()) ? "Tiền" + channel(donation.channel())
                    : "Hiện vật", text, strong);
            if (donation.bankReference() != null) {
                row(fields, "Mã giao dịch", donation.bankReference(), text, strong);
            }
            row(fields, "Số tiền", VietnameseAmount.inFigures(donation.amountVnd()), text, strong);
            row(fields, "Bằng chữ", VietnameseAmount.inWords(donation.amountVnd()), text, strong);
            if (donation.note() != null) {
                row(fields, "Nội dung", donation.note(), text, strong);
            }
            document.add(fields);
            if (!donation.items().isEmpty()) {
                Paragraph goods = new Paragraph("Hiện vật", strong);
                goods.setSpacingBefore(8);
                document.add(goods);
                PdfPTable items = new PdfPTable(new float[] {3f, 1.2f, 1f, 1.8f});
                items.setWidthPercentage(100);
                for (String heading : new String[] {"Tên hàng", "Số lượng", "Đơn vị", "Giá trị (đồng)"}) {
                    items.addCell(new PdfPCell(new Phrase(heading, strong)));
                }
                for (DonationItem item : donation.items()) {
                    items.addCell(new PdfPCell(new Phrase(item.name(), text)));
                    items.addCell(new PdfPCell(new Phrase(item.quantity().stripTrailingZeros().toPlainString(),
                            text)));
                    items.addCell(new PdfPCell(new Phrase(item.unit(), text)));
                    items.addCell(new PdfPCell(new Phrase(VietnameseAmount.inFigures(item.valueVnd())
                            .replace(" đồng", ""), text)));
                }
                document.add(items);
            }
            Paragraph signature = new Paragraph("Người lập biên lai: " + donation.recordedBy(), text);
            signature.setAlignment(Element.ALIGN_RIGHT);
            signature.setSpacingBefore(16);
            document.add(signature);
            PdfPTable check = new PdfPTable(new float[] {1f, 3f});
            check.setWidthPercentage(100);
            check.setSpacingBefore(10);
            com.lowagie.text.Image qr = com.lowagie.text.Image.getInstance(QrImage.png(verificationLink));
            qr.scaleAbsolute(80, 80);
            PdfPCell code = new PdfPCell(qr, false);
            code.setBorder(PdfPCell.NO_BORDER);
            check.addCell(code);
            PdfPCell how = new PdfPCell(new Phrase("Xác minh biên lai: quét mã QR hoặc mở " + verificationLink
                    + "\nMã xác minh: " + donation.verificationCode()
                    + "\nBiên lai được ký số; chữ ký hợp lệ cho biết nội dung không bị sửa đổi.",
                    new Font(regular, 8)));
            how.setBorder(PdfPCell.NO_BORDER);
            check.addCell(how);
            document.add(check);
            Paragraph thanks = new Paragraph("Trân trọng cảm ơn tấm lòng vì người nghèo!", new Font(regular, 9,
                    Font.ITALIC));
            thanks.setAlignment(Element.ALIGN_CENTER);
            thanks.setSpacingBefore(12);
            document.add(thanks);
            document.close();
            return out.toByteArray();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the receipt could not be rendered", e);
        }
    }

    private static String channel(String channel) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
            case "BANK_TRANSFER" -> " (chuyển khoản)";
            case "CASH_AT_OFFICE" -> " mặt (nộp tại cơ quan)";
            case "TREASURY" -> " (qua Kho bạc Nhà nước)";
            default -> "";
        };
    }

    private static void row(PdfPTable table, String label, String value, Font text, Font strong) {
        PdfPCell left = new PdfPCell(new Phrase(label, text));
        PdfPCell right = new PdfPCell(new Phrase(value, strong));
        left.setBorder(PdfPCell.NO_BORDER);
        right.setBorder(PdfPCell.NO_BORDER);
        left.setPaddingBottom(4);
        right.setPaddingBottom(4);
        table.addCell(left);
        table.addCell(right);
    }
}
