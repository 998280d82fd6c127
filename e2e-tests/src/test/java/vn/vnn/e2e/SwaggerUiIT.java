package vn.vnn.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator's way through the gateway's Swagger UI, in a real browser: the three APIs are listed, the Keycloak
 * login (authorization code with PKCE, public client vnn-web) is done as {@code fund.officer} on Keycloak's own page,
 * and a fund endpoint is called from the UI with that login. Needs Debian's chromium and chromium-driver (README).
 */
@ExtendWith(SharedStack.class)
class SwaggerUiIT {

    @Test
    void aFundOfficerLogsInThroughKeycloakAndCallsAFundEndpoint() throws Exception {
        String gateway = SharedStack.stack().gatewayUrl();
        HeadlessChromium chromium = HeadlessChromium.start("1400,1200");
        WebDriver browser = chromium.browser();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(45));
        try {
            browser.get(gateway + "/q/swagger-ui/");
            Select apis = new Select(wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".topbar select"))));
            assertThat(apis.getOptions()).extracting(WebElement::getText)
                    .contains("household", "fund", "emulation");
            assertThat(apis.getFirstSelectedOption().getText()).isEqualTo("fund");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));

            String swaggerWindow = browser.getWindowHandle();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-wrapper button.authorize")))
                    .click();
            WebElement login = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//div[contains(@class,'auth-container')][.//h4[contains(., 'keycloak')]]")));
            login.findElement(By.cssSelector("button.authorize")).click();

            // Keycloak's login page opens in its own window.
            wait.until(ExpectedConditions.numberOfWindowsToBe(2));
            for (String window : browser.getWindowHandles()) {
                if (!window.equals(swaggerWindow)) {
                    browser.switchTo().window(window);
                }
            }
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys("fund.officer");
            browser.findElement(By.id("password")).sendKeys("fund.officer");
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.numberOfWindowsToBe(1));
            browser.switchTo().window(swaggerWindow);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//div[contains(@class,'auth-container')][.//h4[contains(., 'keycloak')]]"
                            + "//button[contains(., 'Logout')]")));
            browser.findElement(By.cssSelector(".modal-ux button.close-modal")).click();

            // GET /api/v1/funds with the login: Try it out, Execute, 200.
            WebElement operation = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//div[contains(@class,'opblock-get')][.//*[@data-path='/api/v1/funds']]")));
            operation.findElement(By.cssSelector(".opblock-summary")).click();
            wait.until(ExpectedConditions.elementToBeClickable(operation.findElement(
                    By.cssSelector("button.try-out__btn")))).click();
            wait.until(ExpectedConditions.elementToBeClickable(operation.findElement(
                    By.cssSelector("button.execute")))).click();
            WebElement status = wait.until(d -> operation.findElement(
                    By.cssSelector(".live-responses-table tr.response .response-col_status")));
            wait.until(d -> !status.getText().isBlank());
            assertThat(status.getText()).isEqualTo("200");
            assertThat(operation.findElement(By.cssSelector(".live-responses-table tr.response .microlight"))
                    .getText()).contains("\"code\": \"Q99\"")  // the officer's own fund, with their token
                    .doesNotContain("Q99111");
        } catch (RuntimeException | AssertionError e) {
            Path shot = Path.of("target/swagger-ui-failure.png");
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            throw e;
        } finally {
            chromium.close();
        }
    }
}
