package org.lianxin.repeats;

import static org.lianxin.support.TestEnvironment.HOTLINE_KEY;
import static org.lianxin.support.TestEnvironment.PORTAL_KEY;

import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Requests through the channels, each test with a phone and a building of its own (the schema is shared). */
public final class RepeatFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RepeatFixtures() {
    }

    public static String phone() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A building no other test names: 幸福小区<n>号楼. */
    public static String building() {
        return "幸福小区" + ThreadLocalRandom.current().nextInt(100, 100_000) + "号楼";
    }

    /** One hotline call; answers its result line ({"recordId","caseNo","status","error"}). */
    public static JsonNode call(HubClient hub, String phone, String location, String content, String... more) {
        Map<String, String> call = new LinkedHashMap<>();
        call.put("recordId", "RP-" + UUID.randomUUID());
        call.put("callerNumber", phone);
        call.put("location", location);
        call.put("content", content);
        for (int i = 0; i < more.length; i += 2) {
            call.put(more[i], more[i + 1]);
        }
        return post(hub, call);
    }

    public static JsonNode post(HubClient hub, Map<String, String> call) {
        try {
            HttpAnswer answer = hub.postJson("/api/hotline/calls", JSON.writeValueAsString(call), "X-Api-Key",
                    HOTLINE_KEY);
            return answer.json().get("results").get(0);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An Open311 request from the portal (form-encoded). */
    static HttpAnswer open311(HubClient hub, String phone, String address, String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", PORTAL_KEY);
        form.put("service_code", "urban");
        form.put("description", description);
        form.put("address_string", address);
        form.put("phone", phone);
        form.put("first_name", "小明");
        form.put("last_name", "王");
        String body = form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return hub.post("/open311/v2/requests.json", "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** How many files in the folder end with the suffix (none when it does not exist yet). */
    public static long files(Path folder, String suffix) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }

    public static Path onlyFile(Path folder, String suffix) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
        }
    }
}
