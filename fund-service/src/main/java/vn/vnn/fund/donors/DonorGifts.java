package vn.vnn.fund.donors;

import java.time.LocalDate;

/** What a donor gave: number and total of accepted donations, first and last date. */
public record DonorGifts(long count, long givenVnd, LocalDate first, LocalDate last) {

    public static final DonorGifts NONE = new DonorGifts(0, 0, null, null);
}
