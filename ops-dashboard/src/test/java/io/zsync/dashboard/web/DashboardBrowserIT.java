package io.zsync.dashboard.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.testing.RealKafka;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.zsync.dashboard.Fixtures.deadLetter;
import static io.zsync.dashboard.Fixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): an
 * operator logs in, watches a flow's counts move as events arrive, looks up a record's lineage and redrives a
 * dead letter. Without Chromium this test fails, saying how to install it; it never skips.
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT implements TestPropertyProvider {

    static final Path CHROMEDRIVER = Path.of(System.getProperty("zsync.chromedriver", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getProperty("zsync.chromium", "/usr/bin/chromium"));
    static final String INSTALL = "install the browser with: apt-get update && apt-get install -y "
            + "--no-install-recommends chromium chromium-driver";

    @Inject
    EmbeddedServer server;

    private final ItSupport.OutcomeProducer producer = new ItSupport.OutcomeProducer();
    private WebDriver browser;
    private WebDriverWait wait;

    @Override
    public Map<String, String> getProperties() {
        return ItSupport.properties("browser-it-" + UUID.randomUUID());
    }

    @BeforeAll
    void startBrowserAndLogIn() throws IOException {
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("chromedriver missing at " + CHROMEDRIVER + ": " + INSTALL)
                .isTrue();
        assertThat(Files.isExecutable(CHROMIUM)).as("chromium missing at " + CHROMIUM + ": " + INSTALL).isTrue();
        Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));

        browser.get(server.getURL() + "/");
        wait.until(ExpectedConditions.urlContains("/login.html"));
        browser.findElement(By.id("username")).sendKeys(ItSupport.OPERATOR);
        browser.findElement(By.id("password")).sendKeys(ItSupport.OPERATOR_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("user"), ItSupport.OPERATOR));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        producer.close();
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    @Test
    void shouldSeeAFlowsCountsChangeAfterEventsAreProduced() {
        String flowId = "browser-flow-" + UUID.randomUUID().toString().substring(0, 8);
        producer.completed("r1", succeeded(flowId, "r1", "e-" + UUID.randomUUID(), Instant.now().minusMillis(50), 50));

        wait.until(ExpectedConditions.textToBe(testId("flow-total-" + flowId), "1"));
        producer.completed("r2", succeeded(flowId, "r2", "e-" + UUID.randomUUID(), Instant.now().minusMillis(50), 50));
        producer.deadLettered("r3", deadLetter(flowId, "r3", "e-" + UUID.randomUUID(), "INVALID_DATA", Instant.now(), 0));

        wait.until(ExpectedConditions.textToBe(testId("flow-total-" + flowId), "3"));
        assertThat(browser.findElement(testId("flow-dead-" + flowId)).getText()).isEqualTo("1");
        assertThat(browser.findElements(testId("chart-" + flowId))).hasSize(1);
        screenshot("dashboard-flows.png");
    }

    /** Keeps what the browser showed in target/, for a human to look at after the run. */
    private void screenshot(String name) {
        try {
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.write(Path.of("target", name), png);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the screenshot", e);
        }
    }

    @Test
    void shouldShowTheLineageOfASearchedRecord() {
        String recordId = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        String booksId = "books-" + UUID.randomUUID().toString().substring(0, 8);
        producer.completed(recordId, succeeded("crm-contact-to-books-customer", recordId, "e-" + UUID.randomUUID(),
                Instant.now().minusMillis(120), 120, booksId));

        wait.until(d -> {
            WebElement input = d.findElement(testId("lineage-input"));
            input.clear();
            input.sendKeys(recordId);
            d.findElement(testId("lineage-search")).click();
            return d.findElement(testId("lineage-result")).getText().contains(booksId);
        });

        String shown = browser.findElement(testId("lineage-result")).getText();
        screenshot("dashboard-lineage.png");
        assertThat(shown).contains("crm-contact-to-books-customer").contains("SUCCEEDED").contains(recordId);
    }

    @Test
    void shouldRedriveADeadLetterFromTheList() {
        String recordId = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = "e-" + UUID.randomUUID();
        producer.deadLettered(recordId, deadLetter("crm-contact-to-books-customer", recordId, eventId, "INVALID_EMAIL",
                Instant.now(), 0));

        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(testId("redrive-" + eventId)));
        button.click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("redrive-status"), "Redriven"));
        ChangeEvent published = DashboardEndToEndIT.RedrivenEvents.find(recordId, eventId, Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no redriven event on the topic"));
        assertThat(published.getOrigin()).isEqualTo(EventOrigin.REDRIVE);
    }
}
