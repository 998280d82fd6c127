package vn.vnn.fund.donors;

/** Tổ chức (organisation) or cá nhân (individual). */
public enum DonorType {
    ORGANISATION, INDIVIDUAL
}
