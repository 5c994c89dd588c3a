package org.lianxin.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lianxin.repeats.RepeatFixtures.call;
import static org.lianxin.repeats.RepeatFixtures.files;
import static org.lianxin.repeats.RepeatFixtures.onlyFile;
import static org.lianxin.repeats.RepeatFixtures.phone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.security.StaffUsers;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestDepartments;
import org.lianxin.support.WithoutTriage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Hot issues through the real channels and routes: citizens' calls within the week form a cluster at
 * direct:hot-clusters and on /hot, older calls and other matters stay out; a leader's instruction on a cluster is an
 * event on each case and reaches each case's lead department once by each channel, by email and SMS files.
 */
@LianxinTest
@WithoutTriage
@TestPropertySource(properties = "lianxin.repeats.enabled=true")
class HotIssuesTest extends HubTestSupport {

    /** Six callers about one water cut, in their own words; %s is the estate. */
    static final String[][] WATER = {
            {"%s2号楼", "%s从昨天早上开始停水，到现在还没来水，也没看到任何停水通知。"},
            {"%s5号楼", "%s停水一天多了，家里老人孩子喝水做饭都成问题，请尽快恢复供水。"},
            {"%s", "我们小区（%s）突然停水，打自来水公司电话一直占线，什么时候能来水？"},
            {"%s7号楼", "7号楼停水快两天了，没有提前通知，上班前连脸都洗不了。"},
            {"城关镇%s", "%s全小区停水，物业说是水管爆了，但一直没人来修，请供水部门尽快抢修。"},
            {"%s9号楼", "停水到现在还没恢复供水，超市的桶装水都卖光了，希望尽快来水。"}};
    static final String[][] LIFT = {
            {null, "%s5栋电梯又坏了，今天困了人，物业不管。"},
            {null, "%s5栋电梯三天两头坏，今天又把人困在电梯里面，物业推脱不管。"},
            {null, "%s的电梯经常坏，上周还困过人，物业一直不修。"},
            {null, "%s5栋电梯停运好几天了，老人爬不了楼，物业不管。"}};
    static final String[][] GARBAGE = {
            {"%s3栋", "%s的垃圾已经一个星期没人清运了，垃圾桶都满了，臭气熏天。"},
            {"%s", "%s小区垃圾好几天没人清运，垃圾桶旁边堆成了山，夏天苍蝇蚊子特别多。"},
            {"%s东门", "东门垃圾站的垃圾好多天没清运，味道很大，路过都要捂鼻子。"},
            {null, "%s垃圾没人清运，物业说环卫所不来拉，居民意见很大。"},
            {"%s12栋", "12栋楼下垃圾桶满了好几天没人清理，垃圾都溢出来了，又脏又臭。"}};

    @Autowired
    ProducerTemplate camel;
    @Autowired
    StaffUsers users;
    @Value("${lianxin.data-dir}")
    Path dataDir;

    static String estate() {
        return "翠湖苑" + ThreadLocalRandom.current().nextInt(100, 100_000) + "期";
    }

    /** Each request by a caller of its own, at the given time (null: now); the case numbers. */
    List<String> report(String[][] requests, String estate, OffsetDateTime at) {
        List<String> cases = new ArrayList<>();
        for (String[] r : requests) {
            String location = r[0] == null ? null : r[0].formatted(estate);
            String content = r[1].formatted(estate);
            cases.add((at == null ? call(hub(), phone(), location, content)
                    : call(hub(), phone(), location, content, "callTime", at.withNano(0).toString()))
                    .get("caseNo").asText());
        }
        return cases;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> clusters() {
        return camel.requestBody("direct:hot-clusters", null, List.class);
    }

    /** The cluster holding the case, or null. */
    Map<String, Object> clusterOf(String caseNo) {
        return clusters().stream().filter(c -> ((List<?>) c.get("cases")).contains(caseNo)).findFirst().orElse(null);
    }

    PageSession loggedIn(String role) {
        String name = role.toLowerCase() + ThreadLocalRandom.current().nextInt(1_000_000);
        users.create(name, "pass-" + name, name, List.of(role));
        return PageSession.loggedIn(port, name, "pass-" + name);
    }

    @Test
    void sixCitizensAboutOneWaterCutThisWeekAreAHotIssueWhileOlderCallsAndFourAboutALiftAreNot() {
        String estate = estate();
        OffsetDateTime lastWeek = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(8);
        // Last week's callers said it otherwise: the same words again would be re-posts and join their cases.
        String[][] lastWeeksWords = Arrays.stream(WATER).map(r -> new String[] {r[0], r[1].replace("停水", "断水")})
                .toArray(String[][]::new);
        List<String> older = report(lastWeeksWords, estate, lastWeek);
        List<String> water = report(WATER, estate, null);
        // A seventh caller repeats the second one's words at its building: the intake joins that case and counts.
        String repeat = call(hub(), phone(), WATER[1][0].formatted(estate), WATER[1][1].formatted(estate))
                .get("caseNo").asText();
        assertThat(repeat).isEqualTo(water.get(1));
        List<String> lift = report(LIFT, estate(), null);

        Map<String, Object> cluster = clusterOf(water.get(0));
        assertThat(cluster).isNotNull();
        assertThat(cluster.get("cases")).as("this week's six cases, not last week's").isEqualTo(water);
        assertThat(cluster.get("clusterId")).isEqualTo(water.get(0));
        assertThat(cluster.get("citizens")).isEqualTo(7);
        assertThat(cluster.get("intakes")).isEqualTo(7);
        assertThat((String) cluster.get("label")).contains("停水");
        assertThat(OffsetDateTime.parse((String) cluster.get("first"))).isAfter(lastWeek.plusDays(1));
        older.forEach(caseNo -> assertThat(clusterOf(caseNo)).as("last week's " + caseNo).isNull());
        lift.forEach(caseNo -> assertThat(clusterOf(caseNo)).as("four about a lift: " + caseNo).isNull());

        HttpAnswer page = loggedIn("SUPERVISOR").get("/hot");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("id=\"cluster-" + water.get(0) + "\"", "7 人反映",
                "href=\"/cases/" + water.get(5) + "\"").doesNotContain("href=\"/cases/" + older.get(0) + "\"");
    }

    @Test
    void anInstructionOnAClusterReachesEachCasesLeadDepartmentOnceAndIsAnEventOnEachCase() throws Exception {
        TestDepartments.ensure(db);
        List<String> garbage = report(GARBAGE, estate(), null);
        // Three cases led by t-water (t-town co-handles the first), one by t-town, one not dispatched yet.
        for (int i = 0; i < 4; i++) {
            camel.sendBody("direct:dispatch-case", new DispatchOrder(garbage.get(i), RequestType.COMPLAINT,
                    "environment", i < 3 ? "t-water" : "t-town", i == 0 ? List.of("t-town") : List.of(), "rule:test"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryForObject("select count(*) from slip_delivery d "
                + "join slip s on s.slip_no = d.slip_no where s.case_no in (?, ?, ?, ?) and d.status = 'ACCEPTED'",
                Long.class, garbage.get(0), garbage.get(1), garbage.get(2), garbage.get(3)) == 11);
        Map<String, Object> cluster = clusterOf(garbage.get(0));
        assertThat(cluster.get("cases")).isEqualTo(garbage);

        PageSession leader = loggedIn("SUPERVISOR");
        HttpAnswer form = leader.get("/hot");
        HttpAnswer sent = leader.postForm("/hot/instructions", Map.of(PageSession.CSRF,
                PageSession.hidden(form, PageSession.CSRF), "clusterId", (String) cluster.get("clusterId"), "label",
                (String) cluster.get("label"), "caseNos", String.join(",", garbage),
                "text", "请各主办单位三日内清运完毕，并建立长效保洁机制。"));
        assertThat(sent.status()).as(sent.text()).isEqualTo(302);
        assertThat(leader.get("/hot").text()).contains("批示已记入 5 件案件，向主办单位发送通知 10 条");

        long id = db.queryForObject("select id from instruction where cluster_id = ?", Long.class, garbage.get(0));
        assertThat(db.queryForList("select case_no from instruction_case where instruction_id = ? order by case_no",
                String.class, id)).isEqualTo(garbage);
        for (String caseNo : garbage) {
            assertThat(db.queryForObject("select note from case_event where case_no = ? and action = 'instruction'",
                    String.class, caseNo)).contains("批示 #" + id, "三日内清运完毕", "共 5 件");
        }
        assertThat(db.queryForObject("select note from case_event where case_no = ? and action = 'instruction'",
                String.class, garbage.get(4))).contains("无在办主办单位");

        // t-water: two mailboxes and a mobile for each of its three cases; t-town: its mobile for its own case only.
        Path sms = dataDir.resolve("outbox/sms");
        Path mail = dataDir.resolve("outbox/mail");
        String key = "instruction-" + id;
        await().atMost(Duration.ofSeconds(20)).until(() -> files(sms, "." + key + ".txt") == 4
                && files(mail, "-" + key + ".eml") == 6);
        List<String> texts;
        try (Stream<Path> list = Files.list(sms)) {
            texts = list.filter(f -> f.getFileName().toString().endsWith("." + key + ".txt")).map(HotIssuesTest::read)
                    .toList();
        }
        assertThat(texts).allSatisfy(t -> assertThat(t).contains("领导批示 ", " 主办：请各主办单位三日内清运完毕", "/reply/"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("领导批示 " + garbage.get(3) + "-1 主办"));
        assertThat(texts).noneSatisfy(t -> assertThat(t).contains(garbage.get(0) + "-2"));
        try (InputStream in = Files.newInputStream(onlyFile(mail, "-" + key + ".eml"))) {
            MimeMessage email = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(email.getSubject()).startsWith("【领导批示】【交办单】");
        }
        queue.awaitRelayed(garbage.get(0));
        assertThat(files(sms, "." + key + ".txt")).isEqualTo(4);
        assertThat(files(mail, "-" + key + ".eml")).isEqualTo(6);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anInstructionOnAnUnknownCaseIsRefusedAndNothingIsStored() {
        PageSession leader = loggedIn("SUPERVISOR");
        HttpAnswer form = leader.get("/hot");
        long before = db.queryForObject("select count(*) from instruction", Long.class);
        HttpAnswer refused = leader.postForm("/hot/instructions", Map.of(PageSession.CSRF,
                PageSession.hidden(form, PageSession.CSRF), "caseNo", "2099999999", "text", "请核实。"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.text()).contains("批示未保存", "no case 2099999999", "请核实。");

        HttpAnswer empty = leader.postForm("/hot/instructions", Map.of(PageSession.CSRF,
                PageSession.hidden(form, PageSession.CSRF), "caseNo", "2099999999", "text", " "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text()).contains("required: the instruction");
        assertThat(db.queryForObject("select count(*) from instruction", Long.class)).isEqualTo(before);
    }

    @Test
    void staffWhoAreNotSupervisorsAreRefused() {
        PageSession desk = loggedIn("DESK");
        assertThat(desk.get("/hot").status()).isEqualTo(403);
        HttpAnswer form = desk.get("/desk");
        HttpAnswer post = desk.postForm("/hot/instructions", Map.of(PageSession.CSRF,
                PageSession.hidden(form, PageSession.CSRF), "caseNo", "2026000001", "text", "请核实。"));
        assertThat(post.status()).isEqualTo(403);
        assertThat(loggedIn("DISPATCHER").get("/hot").status()).isEqualTo(403);
        assertThat(new PageSession(port).get("/hot").status()).as("not logged in: to the login page").isEqualTo(302);
    }
}
