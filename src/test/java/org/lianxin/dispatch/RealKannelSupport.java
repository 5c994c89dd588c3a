package org.lianxin.dispatch;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The shared SMS context plus a real Kannel (bearerbox, smsbox, fakesmsc) for the test class's lifetime. */
abstract class RealKannelSupport extends SmsTestSupport {

    @TempDir
    static Path kannelDir;
    static KannelGateway kannel;

    @BeforeAll
    static void startKannel() throws Exception {
        kannel = KannelGateway.start(kannelDir);
    }

    @AfterAll
    static void stopKannel() {
        if (kannel != null) {
            kannel.close();
        }
    }
}
