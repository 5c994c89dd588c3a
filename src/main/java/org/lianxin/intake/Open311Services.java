package org.lianxin.intake;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.lianxin.cases.Category;
import org.lianxin.cases.CategoryCatalog;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * GET services and GET services/{code}: the county's case categories are the Open311 services. None asks for extra
 * attributes, so every service is metadata=false and every definition has an empty attribute list.
 */
@Component("open311Services")
public class Open311Services {

    private final CategoryCatalog categories;
    private final Open311Format format;

    public Open311Services(CategoryCatalog categories, Open311Format format) {
        this.categories = categories;
        this.format = format;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Service(String serviceCode, String serviceName, String description, boolean metadata, String type,
            String keywords, String group) {

        static Service of(Category c) {
            return new Service(c.code(), c.name(), c.description(), false, "realtime", c.keywords(), c.group());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Definition(String serviceCode,
            @JsonProperty("attributes") @JacksonXmlElementWrapper(localName = "attributes")
            @JacksonXmlProperty(localName = "attribute") List<Object> attributes) {
    }

    public void list(Exchange exchange) {
        format.list(exchange, "services", "service", categories.categories().stream().map(Service::of).toList());
    }

    public void definition(Exchange exchange, @Header("service") String segment) {
        String code = Open311Format.withoutFormat(segment);
        if (!categories.contains(code)) {
            throw new Open311NotFoundException("service_code", code);
        }
        format.document(exchange, "service_definition", new Definition(code, List.of()));
    }
}
