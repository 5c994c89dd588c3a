package org.lianxin.triage;

import java.util.List;

import org.lianxin.cases.CategoryCatalog;
import org.lianxin.directory.DepartmentDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Reads the triage rules once at start-up and checks them against the categories and the (seeded) directory. */
@Configuration(proxyBeanMethods = false)
class TriageConfig {

    private static final Logger LOG = LoggerFactory.getLogger(TriageConfig.class);

    @Bean
    TriageRules triageRules(TriageSettings settings, ResourceLoader resources, CategoryCatalog catalog,
            DepartmentDirectory directory) {
        TriageRules rules = TriageRules.read(resources.getResource(settings.rules()));
        List<String> uncovered = rules.check(catalog, directory::find);
        if (!uncovered.isEmpty()) {
            LOG.warn("Triage rules {}: no catch-all routing rule for categories {}: their cases may wait for a "
                    + "dispatcher", settings.rules(), uncovered);
        }
        LOG.info("Triage rules {}: {} type, {} township and {} routing rules", settings.rules(), rules.types().size(),
                rules.townships().size(), rules.routing().size());
        return rules;
    }
}
