package vn.vnn.fund.donations;

import java.math.BigDecimal;

/** One kind of goods given in kind (hiện vật), with the value the donor stated (giá trị quy đổi). */
public record DonationItem(String name, BigDecimal quantity, String unit, long valueVnd) {
}
