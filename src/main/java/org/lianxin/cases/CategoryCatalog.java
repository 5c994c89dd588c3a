package org.lianxin.cases;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The categories a deployment uses, from lianxin.categories (application.yml ships twelve). */
@ConfigurationProperties("lianxin")
public record CategoryCatalog(List<Category> categories) {

    public CategoryCatalog {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public Optional<Category> find(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public boolean contains(String code) {
        return find(code).isPresent();
    }
}
