package org.lianxin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Lianxin hub: web, hotline and walk-in requests into one queue of numbered cases. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LianxinApplication {

    /**
     * Jakarta Mail finds its stream provider anew for every message it encodes, by a ServiceLoader scan of every jar
     * on the class path (every nested jar of the packaged hub): over a tenth of the hub's CPU under load. Named as a
     * system property, it is found by its class name instead (FactoryFinder reads the property first).
     */
    static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(MAIL_STREAM_PROVIDER) == null) {
            System.setProperty(MAIL_STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(LianxinApplication.class, args);
    }
}
