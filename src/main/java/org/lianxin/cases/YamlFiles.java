package org.lianxin.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The county's own YAML files (the directory seed, the triage rules): SnakeYAML (shipped with Spring Boot) reads
 * the text, Jackson maps it onto records with kebab-case keys and refuses keys it does not know, so that a typo
 * in a county's file fails start-up instead of being ignored.
 */
public final class YamlFiles {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // `townships: any` reads as [any]: one value where a list is expected
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    private YamlFiles() {
    }

    /** The document as plain maps, lists and scalars (safe constructor: no Java types from the file). */
    public static Object read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource.getDescription(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(resource.getDescription() + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    /** One part of a document as the given type; the message says where (what) and which key is wrong. */
    public static <T> T convert(Object node, Class<T> type, String what) {
        try {
            return MAPPER.convertValue(node, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + ": " + e.getMessage(), e);
        }
    }

    public static <T> T read(Resource resource, Class<T> type) {
        return convert(read(resource), type, resource.getDescription());
    }
}
