package org.lianxin.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, installed by .ci/run) on the hub's pages: what
 * desk staff, dispatchers, departments and citizens see and click, scripts and CSRF included. Started with
 * Chromium's network chatter off (the machine has no network beyond its own services) and an empty profile.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("lianxin.test.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("lianxin.test.chromedriver", "/usr/bin/chromedriver");

    private final int port;
    private final Path profile;
    private final ChromeDriver driver;

    public Browser(int port) {
        this.port = port;
        try {
            this.profile = Files.createTempDirectory("lianxin-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--lang=zh-CN", "--user-data-dir=" + profile);
        // the pages speak the language the browser asks for: a county clerk's Chinese
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    public Browser open(String path) {
        driver.get("http://127.0.0.1:" + port + path);
        return this;
    }

    /** Logs in on the login page, as staff do. */
    public Browser logIn(String username, String password) {
        open("/login");
        type("username", username);
        type("password", password);
        submit(By.cssSelector("form button[type=submit]"));
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    public Browser type(String id, String text) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser choose(By select, String value) {
        new Select(find(select)).selectByValue(value);
        return this;
    }

    /**
     * Submits a form with its button and waits until the next page replaced this one: the page is marked first,
     * and the next document does not carry the mark (asking the old button whether it went stale is not reliable
     * in Chromium while it navigates).
     */
    public Browser submit(By button) {
        driver.executeScript("window.lianxinLeaving = true;");
        find(button).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage(this::whereWeAre)
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return window.lianxinLeaving !== true && document.readyState === 'complete';")));
        return this;
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public String text(By by) {
        return find(by).getText();
    }

    public boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Waits (polling, never sleeping) until the page meets the condition. */
    public void waitUntil(Function<ChromeDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage(this::whereWeAre)
                .until(d -> condition.apply(driver));
    }

    /** For a failing test: the page the browser is on, and what it says. */
    private String whereWeAre() {
        String text = driver.findElements(By.tagName("body")).stream().map(WebElement::getText).findFirst().orElse("");
        return "on " + driver.getCurrentUrl() + ": " + text.substring(0, Math.min(text.length(), 600));
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
