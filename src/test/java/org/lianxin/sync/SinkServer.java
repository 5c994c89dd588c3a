package org.lianxin.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A receiver of the hub's JSON POSTs for the tests (a call center's callback-task endpoint, a portal's reply
 * endpoint), on 127.0.0.1: it records every request as received and answers 201, or 502 while a test keeps it
 * down for the next requests (not 503, which the HTTP client itself would try again once).
 */
final class SinkServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived, with what it was answered. */
    record Request(String path, String contentType, String idempotencyKey, String apiKey, String body, int answeredWith) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        boolean taken() {
            return answeredWith / 100 == 2;
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger down = new AtomicInteger();

    private SinkServer(HttpServer server) {
        this.server = server;
    }

    static SinkServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            SinkServer sink = new SinkServer(server);
            server.createContext("/", sink::handle);
            server.start();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests are answered 502, as by a proxy whose system behind it is down. */
    void downFor(int requests) {
        down.set(requests);
    }

    /** The requests about one case (its caseNo field). */
    List<Request> requestsFor(String caseNo) {
        return requests.stream().filter(r -> caseNo.equals(r.json().path("caseNo").asText())).toList();
    }

    private void handle(HttpExchange http) throws IOException {
        String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = down.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 502 : 201;
        requests.add(new Request(http.getRequestURI().getPath(), http.getRequestHeaders().getFirst("Content-Type"),
                http.getRequestHeaders().getFirst("Idempotency-Key"), http.getRequestHeaders().getFirst("X-Api-Key"),
                body, status));
        byte[] answer = (status == 201 ? "{\"ok\":true}" : "down for maintenance").getBytes(StandardCharsets.UTF_8);
        http.sendResponseHeaders(status, answer.length);
        http.getResponseBody().write(answer);
        http.close();
    }
}
