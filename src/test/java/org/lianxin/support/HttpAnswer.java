package org.lianxin.support;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An HTTP answer as bytes, with its status, content type and the body read as UTF-8 text or JSON. */
public record HttpAnswer(int status, HttpHeaders headers, byte[] body) {

    public String contentType() {
        return headers.firstValue("Content-Type").orElse(null);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON (status " + status + "): " + text(), e);
        }
    }

    @Override
    public String toString() {
        return status + " " + text();
    }
}
