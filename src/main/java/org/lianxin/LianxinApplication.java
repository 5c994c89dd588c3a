package org.lianxin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Lianxin hub: web, hotline and walk-in requests into one queue of numbered cases. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LianxinApplication {
    public static void main(String[] args) {
        SpringApplication.run(LianxinApplication.class, args);
    }
}
