package org.lianxin.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Hub tests in a real Chromium: a fresh browser for each test, closed after it. */
public abstract class BrowserTestSupport extends HubTestSupport {

    protected Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }
}
