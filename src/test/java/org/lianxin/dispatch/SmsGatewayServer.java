package org.lianxin.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local SMS gateway for the tests, on 127.0.0.1: it records every request exactly as received and answers like
 * Kannel's sendsms (/cgi-bin/sendsms: 202 "0: Accepted for delivery"), Twilio's Messages API (.../Messages.json:
 * 201 with a sid) or a generic JSON gateway (/send: {"code":0,"msgId":...}). A test can make it fail the next
 * requests for a number, or relay the requests for a number, unchanged, to a real Kannel.
 */
public final class SmsGatewayServer {

    /** One request as it arrived: method, path, raw query, headers and body bytes. */
    public record Request(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
            int answeredWith) {

        /** The query's parameters (GET) or the form's fields, decoded as UTF-8. */
        public Map<String, String> params() {
            String encoded = rawQuery != null ? rawQuery : new String(body, StandardCharsets.US_ASCII);
            Map<String, String> params = new LinkedHashMap<>();
            for (NameValuePair p : WWWFormCodec.parse(encoded, StandardCharsets.UTF_8)) {
                params.put(p.getName(), p.getValue());
            }
            return params;
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The number the message is for: Kannel's to, Twilio's To. */
        String to() {
            if (body.length > 0 && "application/json".equals(contentTypeBase())) {
                return null;
            }
            Map<String, String> params = params();
            return params.getOrDefault("to", params.get("To"));
        }

        private String contentTypeBase() {
            String type = header("Content-Type");
            return type == null ? null : type.split(";")[0].strip();
        }
    }

    private final HttpServer server;
    private final HttpClient relayClient = HttpClient.newHttpClient();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, String> relays = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile String genericAnswer;

    private SmsGatewayServer(HttpServer server) {
        this.server = server;
    }

    public static SmsGatewayServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            SmsGatewayServer gateway = new SmsGatewayServer(server);
            server.createContext("/", gateway::handle);
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests for that number are answered 500. */
    public void failNext(String number, int times) {
        failures.put(number, new AtomicInteger(times));
    }

    /** Requests for that number go on, unchanged, to this sendsms URL, and its answer comes back. */
    void relayTo(String number, String sendsmsUrl) {
        relays.put(number, sendsmsUrl);
    }

    /** What /send answers next (JSON); null for {"code":0,...}. */
    void genericAnswer(String json) {
        this.genericAnswer = json;
    }

    public List<Request> requestsTo(String number) {
        return requests.stream().filter(r -> number.equals(r.to()) || ("+86" + number).equals(r.to())).toList();
    }

    List<Request> requestsOn(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange http) throws IOException {
        byte[] body = http.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        http.getRequestHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        String path = http.getRequestURI().getPath();
        Request seen = new Request(http.getRequestMethod(), path, http.getRequestURI().getRawQuery(), headers, body, 0);
        String to = seen.to();
        int status;
        String answer;
        String type = "text/plain";
        AtomicInteger failing = to == null ? null : failures.get(to.replace("+86", ""));
        if (failing != null && failing.getAndDecrement() > 0) {
            status = 500;
            answer = "gateway down";
        } else if (to != null && relays.containsKey(to)) {
            HttpResponse<String> relayed = relay(relays.get(to), seen.rawQuery());
            status = relayed.statusCode();
            answer = relayed.body();
        } else if (path.endsWith("/Messages.json")) {
            status = 201;
            type = "application/json";
            answer = "{\"sid\":\"SM" + ids.incrementAndGet() + "\",\"status\":\"queued\"}";
        } else if (path.equals("/send")) {
            status = 200;
            type = "application/json";
            answer = genericAnswer != null ? genericAnswer : "{\"code\":0,\"msgId\":\"G" + ids.incrementAndGet() + "\"}";
        } else {
            status = 202;
            answer = "0: Accepted for delivery";
        }
        requests.add(new Request(seen.method(), path, seen.rawQuery(), headers, body, status));
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", type + "; charset=UTF-8");
        http.sendResponseHeaders(status, bytes.length);
        http.getResponseBody().write(bytes);
        http.close();
    }

    private HttpResponse<String> relay(String sendsmsUrl, String rawQuery) throws IOException {
        try {
            return relayClient.send(HttpRequest.newBuilder(URI.create(sendsmsUrl + "?" + rawQuery)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
