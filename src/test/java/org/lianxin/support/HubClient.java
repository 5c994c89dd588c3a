package org.lianxin.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Talks to the hub over real HTTP on 127.0.0.1, sending exact bytes so that encodings are tested as sent. */
public class HubClient {

    private final HttpClient http;
    private final String base;

    public HubClient(int port) {
        this(port, HttpClient.newHttpClient());
    }

    /** With a client of the caller's own, e.g. one that keeps cookies (see {@link PageSession}). */
    public HubClient(int port, HttpClient http) {
        this.base = "http://127.0.0.1:" + port;
        this.http = http;
    }

    public HttpAnswer get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    public HttpAnswer post(String path, String contentType, byte[] body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    /** A POST without Content-Length: the body goes chunked, as from a streaming client. */
    public HttpAnswer postChunked(String path, String contentType, byte[] body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))), headers);
    }

    public HttpAnswer postJson(String path, String json, String... headers) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    public static String[] basic(String user, String password) {
        return new String[] {"Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))};
    }

    public static String[] admin() {
        return basic("admin", TestEnvironment.ADMIN_PASSWORD);
    }

    private HttpAnswer send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new HttpAnswer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
