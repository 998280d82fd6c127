package vn.vnn.kit.security;

/** The realm roles of the {@code vnn} Keycloak realm, as used in {@code @RolesAllowed}. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String PROVINCE_OFFICER = "province-officer";
    public static final String COMMUNE_OFFICER = "commune-officer";
    /** Chủ tịch UBND cấp xã: recognises the results of the household review. */
    public static final String COMMUNE_CHAIRMAN = "commune-chairman";
    /** Chủ tịch UBND cấp tỉnh: decides provincial awards. */
    public static final String PROVINCE_CHAIRMAN = "province-chairman";
    public static final String FUND_OFFICER = "fund-officer";
    /** Trưởng ban vận động Quỹ: approves disbursements; never the officer who requested one. */
    public static final String FUND_APPROVER = "fund-approver";
    public static final String EMULATION_OFFICER = "emulation-officer";
    public static final String COUNCIL_MEMBER = "council-member";
    public static final String AUDITOR = "auditor";
    /** Partner agencies integrating data with client credentials. */
    public static final String PARTNER = "partner";

    /** Every realm role, in the order the README's table lists them. */
    public static final java.util.List<String> ALL = java.util.List.of(ADMIN, PROVINCE_OFFICER, COMMUNE_OFFICER,
            COMMUNE_CHAIRMAN, PROVINCE_CHAIRMAN, FUND_OFFICER, FUND_APPROVER, EMULATION_OFFICER, COUNCIL_MEMBER,
            AUDITOR, PARTNER);

    private Roles() {
    }
}
