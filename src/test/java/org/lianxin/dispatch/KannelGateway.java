package org.lianxin.dispatch;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Kannel on 127.0.0.1 for the tests: bearerbox with a fake SMSC, smsbox with the sendsms interface, and
 * fakesmsc (Debian's kannel-extras) as the SMSC, each a child process in a folder of its own, on free ports. The
 * fake SMSC connection sends a delivery report as soon as fakesmsc has the message. {@link #received(String)} reads
 * what fakesmsc printed for a number, the UCS-2 parts of a concatenated message joined and decoded.
 */
final class KannelGateway implements AutoCloseable {

    static final Path BEARERBOX = Path.of("/usr/sbin/bearerbox");
    static final Path SMSBOX = Path.of("/usr/sbin/smsbox");
    static final Path FAKESMSC = Path.of("/usr/lib/kannel/test/fakesmsc");
    private static final String STATUS_PASSWORD = "status-test";
    /** fakesmsc: "Got message 3: <from to udh %05%00%03%01%03%02 data ...>" or "<from to ucs-2 ...>". */
    private static final Pattern GOT = Pattern.compile("Got message \\d+: <(\\S+) (\\S+) (.*)>");

    private final Path dir;
    private final int adminPort;
    private final int sendsmsPort;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private KannelGateway(Path dir) {
        this.dir = dir;
        this.adminPort = SmsTestSupport.freePort();
        this.sendsmsPort = SmsTestSupport.freePort();
    }

    /** Starts Kannel in that folder; fails, naming the missing program, when Kannel is not installed. */
    static KannelGateway start(Path dir) throws IOException {
        for (Path program : List.of(BEARERBOX, SMSBOX, FAKESMSC)) {
            if (!Files.isExecutable(program)) {
                throw new AssertionError(program + " is missing: the Kannel test needs Debian's kannel and "
                        + "kannel-extras (apt-get install -y kannel kannel-extras; .ci/run installs them)");
            }
        }
        KannelGateway kannel = new KannelGateway(dir);
        try {
            kannel.run();
        } catch (RuntimeException | Error | IOException e) {
            kannel.close();
            throw e;
        }
        return kannel;
    }

    String sendsmsUrl() {
        return "http://127.0.0.1:" + sendsmsPort + "/cgi-bin/sendsms";
    }

    private void run() throws IOException {
        int smsboxPort = SmsTestSupport.freePort();
        int smscPort = SmsTestSupport.freePort();
        Path conf = dir.resolve("kannel.conf");
        Files.writeString(conf, String.join("\n",
                "group = core",
                "admin-port = " + adminPort,
                "admin-interface = 127.0.0.1",
                "admin-password = " + STATUS_PASSWORD,
                "status-password = " + STATUS_PASSWORD,
                "admin-allow-ip = 127.0.0.1",
                "smsbox-port = " + smsboxPort,
                "smsbox-interface = 127.0.0.1",
                "box-allow-ip = 127.0.0.1",
                "dlr-storage = internal",
                "log-level = 1",
                "",
                "group = smsc",
                "smsc = fake",
                "smsc-id = fake",
                "port = " + smscPort,
                "our-host = 127.0.0.1",
                "connect-allow-ip = 127.0.0.1",
                "",
                "group = smsbox",
                "bearerbox-host = 127.0.0.1",
                "bearerbox-port = " + smsboxPort,
                "sendsms-port = " + sendsmsPort,
                "sendsms-interface = 127.0.0.1",
                "log-level = 1",
                "",
                "group = sendsms-user",
                // the hub's sendsms user, whose password needs encoding in a query
                "username = \"" + SmsTestSupport.KANNEL_USER + "\"",
                "password = \"" + SmsTestSupport.KANNEL_PASSWORD + "\"",
                "concatenation = true",
                "max-messages = 10",
                "",
                "group = sms-service",
                "keyword = default",
                "text = \"\"",
                "omit-empty = true",
                ""), StandardCharsets.UTF_8);

        start("bearerbox", BEARERBOX.toString(), conf.toString());
        await("bearerbox status page").atMost(Duration.ofSeconds(20)).until(() -> status().contains("Status: running"));
        // no messages of its own (-m 0), only printing what the SMSC hands it
        start("fakesmsc", FAKESMSC.toString(), "-H", "127.0.0.1", "-r", String.valueOf(smscPort), "-m", "0",
                "100 200 text unused");
        start("smsbox", SMSBOX.toString(), conf.toString());
        await("Kannel's SMSC online and smsbox connected").atMost(Duration.ofSeconds(20))
                .until(() -> status().contains("(online") && status().contains("smsbox:"));
        await("smsbox's sendsms port").atMost(Duration.ofSeconds(20)).until(this::sendsmsListening);
    }

    private void start(String name, String... command) throws IOException {
        processes.add(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile()).start());
    }

    private String status() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort
                    + "/status.txt?password=" + STATUS_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private boolean sendsmsListening() {
        try (var socket = new java.net.Socket(InetAddress.getLoopbackAddress(), sendsmsPort)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Every message fakesmsc received for that number, each joined from its parts and decoded. */
    List<String> received(String number) throws IOException {
        TreeMap<Integer, String> parts = new TreeMap<>();
        List<String> messages = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("fakesmsc.out"), StandardCharsets.ISO_8859_1)) {
            Matcher m = GOT.matcher(line);
            if (!m.find() || !m.group(2).equals(number)) {
                continue;
            }
            String[] fields = m.group(3).split(" ");
            String text = ucs2(fields[fields.length - 1]);
            if (!"udh".equals(fields[0])) {
                messages.add(text);
                continue;
            }
            // UDH of a concatenated message: 05 00 03 <ref> <total> <this part>
            byte[] udh = bytes(fields[1]);
            parts.put(udh[5] & 0xff, text);
            if (parts.size() == (udh[4] & 0xff)) {
                messages.add(String.join("", parts.values()));
                parts.clear();
            }
        }
        return messages;
    }

    /** URL-encoded bytes (Kannel writes a space as +) read as UCS-2, big-endian. */
    private static String ucs2(String urlEncoded) {
        return new String(bytes(urlEncoded), StandardCharsets.UTF_16BE);
    }

    private static byte[] bytes(String urlEncoded) {
        return URLDecoder.decode(urlEncoded, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Stops smsbox, fakesmsc and bearerbox (the reverse of their start), killing any that does not stop. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String name : List.of("bearerbox", "smsbox", "fakesmsc")) {
            Path log = dir.resolve(name + ".out");
            if (Files.exists(log)) {
                all.append("--- ").append(name).append('\n').append(Files.readString(log, StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

}
