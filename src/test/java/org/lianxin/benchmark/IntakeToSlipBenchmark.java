package org.lianxin.benchmark;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.TestEnvironment;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The design's goals measured on this machine (`mvn -B -Pbenchmark verify`, figures on the console): how many
 * cases a second go from the hotline API to their slips queued (registered, relayed, triaged, repeat-checked,
 * dispatched with their deliveries in the outbox), and how long one intake takes to be answered at a steady 200
 * requests a second. The hub runs as in production on PostgreSQL and the embedded persistent broker, with repeats
 * checked; the texts are placeable, so triage routes every case without a dispatcher. Sizes: -Dbenchmark.cases,
 * -Dbenchmark.seconds.
 */
@Tag("benchmark")
@LianxinTest
@TestPropertySource(properties = {"lianxin.repeats.enabled=true", "lianxin.database.pool-size=20",
        "logging.level.org.apache.camel=WARN", "logging.level.org.lianxin=WARN"})
class IntakeToSlipBenchmark extends HubTestSupport {

    private static final String[] TEXTS = {
        "城关镇人民路的井盖丢了，晚上走路很危险，请尽快处理。",
        "河西街道滨河社区门口下水道堵了，污水漫到路面上。",
        "青山镇青山街的路面坑洼很多，下雨天积水严重。",
        "城关镇幸福小区的电梯经常坏，老人上下楼很困难。",
        "河西街道桃园社区楼道里堆满杂物，消防通道被占。",
        "青山镇石门村的人行道被商户占道经营，行人只能走机动车道。",
    };

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger phones = new AtomicInteger();

    @Test
    void intakeToSlipQueuedAndIntakeLatency() throws Exception {
        int cases = Integer.getInteger("benchmark.cases", 5000);
        int seconds = Integer.getInteger("benchmark.seconds", 10);
        String warmup = "W" + UUID.randomUUID().toString().substring(0, 6);
        postBatches(warmup, 400, 100, 4);
        awaitDispatched(warmup, 400);

        String run = "B" + UUID.randomUUID().toString().substring(0, 6);
        long start = System.nanoTime();
        postBatches(run, cases, 100, 4);
        long accepted = System.nanoTime();
        awaitDispatched(run, cases);
        long queued = System.nanoTime();
        double acceptSeconds = (accepted - start) / 1e9;
        double queuedSeconds = (queued - start) / 1e9;
        System.out.printf("%nBENCHMARK intake→slip queued: %d cases in batches of 100 from 4 clients%n", cases);
        System.out.printf("  accepted by the hotline API: %.2f s = %.0f cases/s%n", acceptSeconds, cases / acceptSeconds);
        System.out.printf("  all dispatched, slips queued: %.2f s = %.0f cases/s%n", queuedSeconds, cases / queuedSeconds);

        String steady = "L" + UUID.randomUUID().toString().substring(0, 6);
        long[] latencies = steadyRate(steady, 200, seconds);
        Arrays.sort(latencies);
        System.out.printf("BENCHMARK single intakes at 200/s for %d s: %d answered; latency ms p50 %.1f, p95 %.1f, "
                + "p99 %.1f, max %.1f%n%n", seconds, latencies.length, ms(latencies, 0.50), ms(latencies, 0.95),
                ms(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
        awaitDispatched(steady, latencies.length);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** count records from threads clients, batch records a request, ids prefix-n. */
    private void postBatches(String prefix, int count, int batch, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(CompletableFuture.runAsync(() -> {
                int from;
                while ((from = next.getAndAdd(batch)) < count) {
                    List<Map<String, Object>> records = new ArrayList<>();
                    for (int i = from; i < Math.min(count, from + batch); i++) {
                        records.add(record(prefix, i));
                    }
                    post(records);
                }
            }, pool));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
        pool.shutdown();
    }

    /** One record a request at a fixed rate; the latency of each answer, in nanoseconds. */
    private long[] steadyRate(String prefix, int perSecond, int seconds) throws Exception {
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(32);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        int total = perSecond * seconds;
        ConcurrentLinkedQueue<CompletableFuture<Void>> pending = new ConcurrentLinkedQueue<>();
        ticks.scheduleAtFixedRate(() -> {
            int i = sent.getAndIncrement();
            if (i >= total) {
                return;
            }
            pending.add(CompletableFuture.runAsync(() -> {
                long t = System.nanoTime();
                post(List.of(record(prefix, i)));
                latencies.add(System.nanoTime() - t);
            }, senders));
        }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        await().atMost(Duration.ofSeconds(seconds + 60)).until(() -> sent.get() >= total && pending.size() >= total);
        ticks.shutdown();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
        senders.shutdown();
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private Map<String, Object> record(String prefix, int i) {
        return Map.of("recordId", prefix + "-" + i, "callerNumber", "139" + String.format("%08d",
                phones.incrementAndGet()), "content", TEXTS[i % TEXTS.length] + " 编号" + prefix + i);
    }

    private void post(List<Map<String, Object>> records) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/hotline/calls"))
                    .header("Content-Type", "application/json").header("X-Api-Key", TestEnvironment.HOTLINE_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(records))).build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("hotline API answered " + answer.statusCode() + ": " + answer.body());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitDispatched(String prefix, int count) {
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(250)).until(() -> db.queryForObject(
                "select count(*) from case_intake i join citizen_case c on c.case_no = i.case_no where i.channel = "
                        + "'hotline' and i.external_id like ? and c.status = 'DISPATCHED'", Long.class, prefix + "-%")
                >= count);
    }
}
