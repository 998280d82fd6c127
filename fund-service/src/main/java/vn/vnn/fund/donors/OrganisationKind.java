package vn.vnn.fund.donors;

/** What kind of organisation gives: doanh nghiệp, cơ quan, tập thể, tổ chức tôn giáo/từ thiện, or another. */
public enum OrganisationKind {
    ENTERPRISE, AGENCY, COLLECTIVE, RELIGIOUS_OR_CHARITABLE, OTHER
}
