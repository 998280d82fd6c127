package vn.vnn.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The donors' pages in a real browser, on a phone-sized screen, through the gateway: a campaign page shows its QR
 * code; the QR payload of a gift asked for there goes into a bank statement; the gift is then found on the page by
 * its bank reference and its receipt verified where the receipt's QR code leads. No JavaScript on the pages.
 */
@ExtendWith(SharedStack.class)
class DonorsPagesIT {

    @Test
    void aDonorGivesByTheCampaignPagesQrAndFindsTheGiftAndItsReceipt() throws Exception {
        String gateway = SharedStack.stack().gatewayUrl();
        String officer = Tokens.password(SharedStack.stack().realmUrl(), "fund.officer");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String number = Long.toString(System.currentTimeMillis() % 10_000_000_000L + 20_000_000_000L);
        String fundId = given().auth().oauth2(officer).get(gateway + "/api/v1/funds").then().statusCode(200)
                .extract().path("find { it.code == 'Q99' }.id");
        String accountId = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("bankBin", "970415", "accountNumber", number, "accountName", "MTTQ TINH 99 - WEB"))
                .post(gateway + "/api/v1/funds/" + fundId + "/bank-accounts").then().statusCode(201)
                .extract().path("id");
        String campaign = "Mùa đông ấm " + number;
        String campaignId = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("fundAreaCode", "99", "name", campaign, "startsOn", today.minusDays(5).toString(),
                        "endsOn", today.plusDays(30).toString(), "targetVnd", 100_000_000))
                .post(gateway + "/api/v1/campaigns").then().statusCode(201).extract().path("id");

        HeadlessChromium chromium = HeadlessChromium.start("390,844");
        WebDriver browser = chromium.browser();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        JavascriptExecutor script = (JavascriptExecutor) browser;
        try {
            // the funds, then the fund's page with the campaign and the account's QR code
            browser.get(gateway + "/donors");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='/donors/funds/Q99']"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), campaign));
            assertPage(browser, script);
            assertThat(browser.findElement(By.tagName("main")).getText()).contains(number);
            WebElement accountQr = browser.findElement(By.cssSelector("img[src$='/bank-accounts/" + accountId
                    + "/qr.png']"));
            assertThat(loaded(script, accountQr)).isTrue();

            // a gift to the campaign: the page of its QR code
            new Select(browser.findElement(By.name("bankAccountId"))).selectByValue(accountId);
            new Select(browser.findElement(By.name("campaignId"))).selectByValue(campaignId);
            browser.findElement(By.name("amountVnd")).sendKeys("300000");
            browser.findElement(By.cssSelector("form[action$='/give'] button")).click();
            WebElement payloadElement = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("qr-payload")));
            assertPage(browser, script);
            String payload = payloadElement.getAttribute("textContent").strip();
            assertThat(loaded(script, browser.findElement(By.cssSelector("img.qr")))).isTrue();
            String message = DonorsJourneyIT.tlv(DonorsJourneyIT.tlv(payload, "62"), "08");
            assertThat(DonorsJourneyIT.tlv(payload, "54")).isEqualTo("300000");
            assertThat(browser.findElement(By.id("transfer-message")).getText()).isEqualTo(message);

            // the bank's statement of today carries the transfer; the fund imports it
            String bankReference = "FTW" + number;
            String camt = CamtStatements.oneCredit(number, "WEB-" + number, today, today, today, 300_000,
                    bankReference, "VŨ THỊ LAN", message);
            String location = given().auth().oauth2(officer).contentType("application/xml")
                    .body(camt.getBytes(StandardCharsets.UTF_8))
                    .post(gateway + "/api/v1/bank-accounts/" + accountId + "/statements?format=CAMT053")
                    .then().statusCode(202).extract().header("Location");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(officer).get(location)
                    .then().statusCode(200).body("status", equalTo("DONE")).body("matched", equalTo(1)));
            String donationId = given().auth().oauth2(officer).get(location + "/lines").then().statusCode(200)
                    .extract().path("items[0].donationId");
            Map<String, Object> donation = given().auth().oauth2(officer)
                    .get(gateway + "/api/v1/donations/" + donationId).then().statusCode(200)
                    .body("campaignId", equalTo(campaignId)).extract().path("");

            // "did my gift arrive?" on the fund's page, by its bank reference
            browser.get(gateway + "/donors/funds/Q99");
            WebElement search = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("form[action$='/search']")));
            search.findElement(By.name("bankReference")).sendKeys(bankReference);
            script.executeScript("arguments[0].value = arguments[1]", search.findElement(By.name("day")),
                    today.toString());
            search.findElement(By.tagName("button")).click();
            WebElement found = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("found")));
            assertPage(browser, script);
            assertThat(found.getText()).contains((String) donation.get("receiptNo"), "300.000 đ", "VŨ THỊ LAN",
                    "Hợp lệ");

            // the receipt's QR code leads here, where it is verified
            browser.get(gateway + "/donors/receipt?no=" + donation.get("receiptNo") + "&code="
                    + donation.get("verificationCode"));
            assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-status"))).getText())
                    .isEqualTo("Hợp lệ");
            assertThat(browser.findElement(By.id("receipt-amount")).getText()).isEqualTo("300.000 đ");
            assertPage(browser, script);
            browser.get(gateway + "/donors/receipt?no=" + donation.get("receiptNo") + "&code=WRONGCODE1");
            assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("not-verified"))).getText())
                    .contains("Không xác minh được");
        } finally {
            chromium.close();
        }
    }

    /** Vietnamese, no script, nothing wider than the phone's screen. */
    private static void assertPage(WebDriver browser, JavascriptExecutor script) {
        assertThat(browser.getPageSource()).doesNotContain("<script");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        Number overflow = (Number) script.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("horizontal overflow on a phone").isLessThanOrEqualTo(0);
    }

    private static boolean loaded(JavascriptExecutor script, WebElement image) {
        return Boolean.TRUE.equals(script.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", image));
    }
}
