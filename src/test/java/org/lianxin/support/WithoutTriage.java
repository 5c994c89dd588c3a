package org.lianxin.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Holds the triage consumer during each test, so that a test may dispatch the cases it registers by hand, whatever
 * their text, without the rules dispatching them first. Cases left on the queue are triaged when it resumes, and
 * skipped there if already dispatched.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(WithoutTriage.Hold.class)
public @interface WithoutTriage {

    class Hold implements BeforeEachCallback, AfterEachCallback {

        private static CamelContext camel(ExtensionContext context) {
            return SpringExtension.getApplicationContext(context).getBean(CamelContext.class);
        }

        @Override
        public void beforeEach(ExtensionContext context) throws Exception {
            camel(context).getRouteController().stopRoute("triage");
        }

        @Override
        public void afterEach(ExtensionContext context) throws Exception {
            camel(context).getRouteController().startRoute("triage");
        }
    }
}
