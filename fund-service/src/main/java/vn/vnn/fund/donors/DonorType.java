package vn.vnn.fund.domain;

/** Tổ chức (organisation) or cá nhân (individual). */
public enum DonorType {
    ORGANISATION, INDIVIDUAL
}
