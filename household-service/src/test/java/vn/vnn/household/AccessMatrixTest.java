package vn.vnn.household;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import vn.vnn.kit.security.AccessMatrix;
import vn.vnn.kit.security.EndpointSecurityAudit;
import vn.vnn.kit.security.Roles;
import vn.vnn.localstack.testing.TestTokens;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role on every endpoint: the table below is the access rule as documented (README), written out by hand so
 * that a changed annotation shows up here. An allowed role must get past security (any status but 401/403: the
 * requests are deliberately empty or aimed at unknown ids, so nothing changes); any other role gets 403; no token
 * gets 401. Area scoping within an allowed role is tested by each API's own tests.
 */
@QuarkusTest
class AccessMatrixTest {

    private static final String ANY = AccessMatrix.ANY;
    private static final Set<String> READERS = Set.of("commune-officer", "commune-chairman", "province-officer",
            "admin", "auditor");
    private static final Set<String> SURVEYORS = Set.of("commune-officer", "admin");
    private static final Set<String> RECOGNISERS = Set.of("commune-chairman", "admin");
    private static final Set<String> IMPORTERS = Set.of("partner", "commune-officer", "province-officer", "admin");
    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> CONFLICT_DECIDERS = Set.of("province-officer", "admin");
    private static final String ID = UUID.randomUUID().toString();

    private static final AccessMatrix MATRIX = new AccessMatrix();

    static {
        String households = "/api/v1/households/";
        put("AreaResource#list", "GET", "/api/v1/areas", null, null, Set.of(ANY));
        put("AreaResource#tree", "GET", "/api/v1/areas/tree", null, null, Set.of(ANY));
        put("AreaResource#unit", "GET", "/api/v1/areas/99111", null, null, Set.of(ANY));
        put("AreaResource#importCsv", "POST", "/api/v1/areas/import", "text/csv", "nothing\n", ADMIN);
        put("HouseholdResource#register", "POST", "/api/v1/households", "application/json", "{}", SURVEYORS);
        put("HouseholdResource#list", "GET", "/api/v1/households", null, null, READERS);
        put("HouseholdResource#get", "GET", households + ID, null, null, READERS);
        put("HouseholdResource#assessment", "GET", households + ID + "/assessment", null, null, READERS);
        put("HouseholdResource#update", "PUT", households + ID, "application/json", "{}", SURVEYORS);
        put("HouseholdResource#addMember", "POST", households + ID + "/members", "application/json", "{}",
                SURVEYORS);
        put("HouseholdResource#leave", "POST", households + ID + "/members/" + ID + "/leave", null, null,
                SURVEYORS);
        put("HouseholdResource#move", "POST", households + ID + "/members/" + ID + "/move", "application/json",
                "{}", SURVEYORS);
        put("HouseholdResource#recognise", "POST", households + ID + "/status-recognitions", "application/json",
                "{}", RECOGNISERS);
        put("HouseholdResource#history", "GET", households + ID + "/status-recognitions", null, null, READERS);
        put("HouseholdResource#recognition", "GET", households + ID + "/status-recognitions/" + ID, null, null,
                READERS);
        put("VerificationResource#verify", "POST", "/api/v1/verifications", "application/json", "{}",
                Set.of("partner", "admin"));
        put("VerificationResource#verifyMany", "POST", "/api/v1/verifications/bulk", "application/json", "{}",
                Set.of("partner", "admin"));
        put("VerificationResource#job", "GET", "/api/v1/verifications/jobs/" + ID, null, null,
                Set.of("partner", "admin"));
        put("VerificationResource#answers", "GET", "/api/v1/verifications/jobs/" + ID + "/answers", null, null,
                Set.of("partner", "admin"));
        put("VerificationResource#log", "GET", "/api/v1/verifications/log?from=2026-01-01&to=2026-01-02", null, null,
                Set.of("auditor", "admin"));
        put("HouseholdMemberResource#changes", "GET", "/api/v1/household-members", null, null, READERS);
        put("ReviewResource#roundChanges", "GET", "/api/v1/review-rounds", null, null, READERS);
        put("ReviewResource#caseChanges", "GET", "/api/v1/review-cases", null, null, READERS);
        Set<String> partners = Set.of("partner", "admin");
        put("SubscriptionResource#create", "POST", "/api/v1/subscriptions", "application/json", "{}", partners);
        put("SubscriptionResource#list", "GET", "/api/v1/subscriptions", null, null, partners);
        put("SubscriptionResource#get", "GET", "/api/v1/subscriptions/" + ID, null, null, partners);
        put("SubscriptionResource#end", "DELETE", "/api/v1/subscriptions/" + ID, null, null, partners);
        put("SubscriptionResource#rotate", "POST", "/api/v1/subscriptions/" + ID + "/secret-rotation",
                "application/json", "{}", partners);
        put("SubscriptionResource#replay", "POST", "/api/v1/subscriptions/" + ID + "/replays", "application/json",
                "{}", partners);
        put("SubscriptionResource#deliveries", "GET", "/api/v1/subscriptions/" + ID + "/deliveries", null, null,
                partners);
        put("SubscriptionResource#redeliver", "POST", "/api/v1/subscriptions/" + ID + "/deliveries/parked/redelivery",
                null, null, partners);
        for (String[] dci : new String[][]{{"syncSearch", "sync/search"}, {"search", "search"},
                {"syncTxnStatus", "sync/txn/status"}, {"txnStatus", "txn/status"}, {"subscribe", "subscribe"},
                {"unsubscribe", "unsubscribe"}}) {
            put("DciResource#" + dci[0], "POST", "/api/v1/dci/registry/" + dci[1], "application/json", "{}", partners);
        }
        put("DciSenderResource#register", "PUT", "/api/v1/dci/senders/nope", "application/json", "{}", partners);
        put("DciSenderResource#list", "GET", "/api/v1/dci/senders", null, null, partners);
        put("DciSenderResource#get", "GET", "/api/v1/dci/senders/nope", null, null, partners);
        put("DciSenderResource#jwks", "GET", "/api/v1/public/dci/jwks.json", null, null,
                Set.of(AccessMatrix.PUBLIC));
        put("FeedResource#read", "GET", "/api/v1/feeds/household.status-recognized.v1", null, null,
                Set.of("partner", "admin", "auditor"));
        put("ImportResource#upload", "POST", "/api/v1/household-imports", "text/csv; charset=UTF-8",
                "not,the,template\n", IMPORTERS);
        put("ImportResource#list", "GET", "/api/v1/household-imports", null, null, IMPORTERS);
        put("ImportResource#get", "GET", "/api/v1/household-imports/" + ID, null, null, IMPORTERS);
        put("ImportResource#errors", "GET", "/api/v1/household-imports/" + ID + "/errors", null, null, IMPORTERS);
        put("ImportResource#errorsCsv", "GET", "/api/v1/household-imports/" + ID + "/errors.csv", null, null,
                IMPORTERS);
        put("ImportResource#templateCsv", "GET", "/api/v1/household-imports/template.csv", null, null, IMPORTERS);
        put("ImportResource#templateXlsx", "GET", "/api/v1/household-imports/template.xlsx", null, null,
                IMPORTERS);
        put("PovertyResource#classify", "POST", "/api/v1/poverty/classify", "application/json", "{}", Set.of(ANY));
        put("PovertyResource#standards", "GET", "/api/v1/poverty/standards", null, null, Set.of(ANY));
        put("PovertyResource#standard", "GET", "/api/v1/poverty/standards/VN-MPS-2022", null, null, Set.of(ANY));
        put("PovertyResource#create", "POST", "/api/v1/poverty/standards", "application/json", "{}", ADMIN);
        put("PovertyResource#update", "PUT", "/api/v1/poverty/standards/VN-MPS-2022", "application/json", "{}",
                ADMIN);
        put("ReviewResource#open", "POST", "/api/v1/review-rounds", "application/json", "{}", SURVEYORS);
        put("PublicHolidayResource#list", "GET", "/api/v1/holidays?year=2026", null, null, READERS);
        put("PublicHolidayResource#add", "POST", "/api/v1/holidays", "application/json", "{}", ADMIN);
        put("PublicHolidayResource#remove", "DELETE", "/api/v1/holidays/2099-01-01", null, null, ADMIN);
        put("ReviewResource#round", "GET", "/api/v1/review-rounds/" + ID, null, null, READERS);
        put("ReviewResource#list", "POST", "/api/v1/review-rounds/" + ID + "/cases", "application/json", "{}",
                SURVEYORS);
        put("ReviewResource#cases", "GET", "/api/v1/review-rounds/" + ID + "/cases", null, null, READERS);
        put("ReviewResource#get", "GET", "/api/v1/review-cases/" + ID, null, null, READERS);
        put("ReviewResource#survey", "POST", "/api/v1/review-cases/" + ID + "/survey", "application/json", "{}",
                SURVEYORS);
        put("ReviewResource#villageMeeting", "POST", "/api/v1/review-cases/" + ID + "/village-meeting",
                "application/json", "{}", SURVEYORS);
        put("ReviewResource#post", "POST", "/api/v1/review-cases/" + ID + "/posting", "application/json", "{}",
                SURVEYORS);
        put("ReviewResource#complaint", "POST", "/api/v1/review-cases/" + ID + "/complaints", "application/json",
                "{}", SURVEYORS);
        put("ReviewResource#recognise", "POST", "/api/v1/review-cases/" + ID + "/recognition", "application/json",
                "{}", RECOGNISERS);
        put("MemberConflictResource#list", "GET", "/api/v1/member-conflicts", null, null, CONFLICT_DECIDERS);
        put("MemberConflictResource#get", "GET", "/api/v1/member-conflicts/" + ID, null, null, CONFLICT_DECIDERS);
        put("MemberConflictResource#resolve", "POST", "/api/v1/member-conflicts/" + ID + "/resolution",
                "application/json", "{}", CONFLICT_DECIDERS);
        put("AuditResource#read", "GET", "/api/v1/household-audit", null, null, Set.of("auditor", "admin"));
        put("OutboxResource#list", "GET", "/api/v1/household-outbox/parked", null, null, ADMIN);
        put("OutboxResource#retry", "POST", "/api/v1/household-outbox/parked/00000000-0000-0000-0000-000000000000/retry", null, null, ADMIN);
        put("OutboxResource#discard", "POST", "/api/v1/household-outbox/parked/00000000-0000-0000-0000-000000000000/discard", null, null, ADMIN);
        put("StatisticsResource#poverty", "GET", "/api/v1/statistics/poverty?areaCode=99&year=2025", null, null,
                Set.of(ANY));
        put("StatisticsResource#povertyCsv", "GET", "/api/v1/statistics/poverty.csv?areaCode=99&year=2025", null,
                null, Set.of(ANY));
        put("StatisticsResource#povertyXlsx", "GET", "/api/v1/statistics/poverty.xlsx?areaCode=99&year=2025", null,
                null, Set.of(ANY));
        put("StatisticsResource#importResidentHouseholds", "PUT", "/api/v1/statistics/resident-households",
                "text/csv", "nothing\n", Set.of("province-officer", "admin"));
        put("StatisticsResource#residentHouseholds", "GET", "/api/v1/statistics/resident-households?year=2025", null,
                null, Set.of("province-officer", "commune-officer", "commune-chairman", "admin", "auditor"));
        put("StatisticsResource#publish", "POST", "/api/v1/statistics/publications?year=1999", null, null, ADMIN);
        put("StatisticsResource#rebuildTallies", "POST", "/api/v1/statistics/tallies/rebuild?areaCode=00000", null,
                null, ADMIN);
        put("StatisticsResource#tallies", "GET", "/api/v1/statistics/tallies", null, null, Set.of("admin", "auditor"));
        put("HouseholdResource#dissolve", "POST", households + ID + "/dissolution", "application/json", "{}",
                SURVEYORS);
        put("HouseholdResource#residences", "GET", households + ID + "/residences", null, null, READERS);
        put("SuccessorMoveResource#move", "POST", "/api/v1/households/successor-moves", "application/json", "{}",
                ADMIN);
    }

    private static void put(String endpoint, String method, String path, String contentType, String body,
                            Set<String> roles) {
        MATRIX.add(endpoint, method, path, contentType, body, roles);
    }

    @Test
    void theTableCoversEveryEndpoint() throws Exception {
        assertThat(MATRIX.endpoints()).containsExactlyInAnyOrderElementsOf(
                AccessMatrix.simpleNames(EndpointSecurityAudit.audit(Path.of("target/classes")).endpoints()));
    }

    @Test
    void withoutATokenEveryEndpointIs401() {
        assertThat(MATRIX.withoutToken(AccessMatrixTest::send)).isEmpty();
    }

    /**
     * Every role alone and every combination of two roles, each in one real signed token with areas: an endpoint
     * admits a combination when it admits one of its roles, and holding a second role never turns a 403 into a
     * pass.
     */
    @Test
    void everyRoleAndEveryCombinationOfTwoRoles() {
        assertThat(MATRIX.mismatchesOfEveryCombination(Roles.ALL,
                roles -> TestTokens.of("matrix", roles, List.of("99111")), AccessMatrixTest::send)).isEmpty();
    }

    @Test
    void aTokenMintedForAnotherClientOfTheRealmIs401() {
        String foreign = TestTokens.sign("commune.officer", "account", "account", List.of("commune-officer"),
                List.of("99111"));
        given().auth().oauth2(foreign).get("/api/v1/households").then().statusCode(401);
        String noAudience = TestTokens.sign("commune.officer", "admin-cli", null, List.of("admin"), List.of());
        given().auth().oauth2(noAudience).get("/api/v1/households").then().statusCode(401);
        given().auth().oauth2(TestTokens.of("commune.officer", List.of("commune-officer"), List.of("99111")))
                .get("/api/v1/households").then().statusCode(200);
    }

    private static int send(AccessMatrix.Call call) {
        return send(call, null);
    }

    private static int send(AccessMatrix.Call call, String token) {
        RequestSpecification request = given().header("Idempotency-Key", UUID.randomUUID().toString());
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (call.contentType() != null) {
            request = request.contentType(call.contentType()).body(call.body());
        }
        return request.request(call.method(), call.path()).then().extract().statusCode();
    }
}
