package org.lianxin.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lianxin.support.TestEnvironment.HOTLINE_KEY;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.support.HubClient;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.RegisteredQueue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.jms.TextMessage;

/**
 * routes/triage/triage.yaml on the real queue and database. direct:dispatch-case belongs to the dispatch core: here it is
 * replaced by a mock (advice on the whole context, hence a context of this class's own) that records each order.
 */
@LianxinTest
@DirtiesContext
class TriageRouteTest extends HubTestSupport {

    @Autowired
    CamelContext camel;
    @Autowired
    JmsTemplate jms;
    @Autowired
    ObjectMapper json;
    @Value("${lianxin.queues.registered}")
    String registeredQueue;
    @Value("${lianxin.data-dir}")
    java.nio.file.Path dataDir;

    MockEndpoint dispatch;

    @BeforeEach
    void mockDispatch() throws Exception {
        if (mockedDispatch() == null) {
            AdviceWith.adviceWith(camel, "triage-case", a -> a.mockEndpointsAndSkip("direct:dispatch-case*"));
        }
        dispatch = mockedDispatch();
        dispatch.reset();
    }

    MockEndpoint mockedDispatch() {
        return camel.getEndpoints().stream()
                .filter(e -> e instanceof MockEndpoint && e.getEndpointUri().contains("dispatch-case"))
                .map(MockEndpoint.class::cast).findFirst().orElse(null);
    }

    String call(String category, String title, String content, String location) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("recordId", "TR-" + UUID.randomUUID());
        record.put("callerNumber", "13800138000");
        record.put("category", category);
        record.put("title", title);
        record.put("content", content);
        record.put("location", location);
        try {
            return hub().postJson("/api/hotline/calls", json.writeValueAsString(record), "X-Api-Key", HOTLINE_KEY)
                    .json().get("results").get(0).get("caseNo").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<DispatchOrder> ordersFor(String caseNo) {
        return dispatch.getReceivedExchanges().stream().map(e -> e.getMessage().getBody(DispatchOrder.class))
                .filter(o -> o.caseNo().equals(caseNo)).toList();
    }

    List<String> events(String caseNo) {
        return db.queryForList("select action || '|' || coalesce(from_status, '') || '|' || coalesce(to_status, '') "
                + "|| '|' || coalesce(note, '') from case_event where case_no = ? order by id", String.class, caseNo);
    }

    Map<String, Object> row(String caseNo) {
        return db.queryForMap("select status, request_type, category, hot from citizen_case where case_no = ?", caseNo);
    }

    void awaitEvent(String caseNo, String action) {
        await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
                "select count(*) from case_event where case_no = ? and action = ?", Long.class, caseNo, action) > 0);
    }

    @Test
    void aCategorisedCallIsClassifiedRecordedAndHandedToDispatchWithItsLead() {
        String caseNo = call("utilities", "小区停电", "幸福小区3号楼从昨晚8点开始停电，到现在还没来电，请尽快抢修。",
                "城关镇幸福小区3号楼");

        awaitEvent(caseNo, "routed");

        assertThat(ordersFor(caseNo)).containsExactly(new DispatchOrder(caseNo, RequestType.HELP, "utilities", "gdj",
                List.of(), "rule:route-utilities-power"));
        assertThat(row(caseNo)).containsEntry("request_type", "HELP").containsEntry("category", "utilities")
                .containsEntry("hot", false).containsEntry("status", "REGISTERED");
        assertThat(events(caseNo)).containsExactly(
                "registered||REGISTERED|",
                "classified|||类型 求助 (rule type-default)",
                "classified|||类别 供水供电供热 (rule channel)",
                "classified|||属地 城关镇人民政府 (rule township-cgz: “城关镇”)",
                "routed|||主办 县供电公司 (rule route-utilities-power)");
        assertThat(db.queryForObject("select actor from case_event where case_no = ? and action = 'routed'",
                String.class, caseNo)).isEqualTo("system:triage");
    }

    @Test
    void aCallInATownshipGoesToTheTownshipWithCoHandlers() {
        String caseNo = call(null, "村道私搭乱建", "青山镇石门村村民在村道上私搭乱建，占用道路，车辆无法通行。", null);

        awaitEvent(caseNo, "routed");

        assertThat(ordersFor(caseNo)).containsExactly(new DispatchOrder(caseNo, RequestType.HELP, "urban", "qsz",
                List.of("cgj"), "rule:route-urban-illegal-building-township"));
        assertThat(row(caseNo)).containsEntry("category", "urban");
        assertThat(events(caseNo)).contains("classified|||类别 城乡建设 (rule category-urban: “道路”“私搭乱建”)",
                "routed|||主办 青山镇人民政府；协办 县城市管理综合执法局 (rule route-urban-illegal-building-township)");
    }

    @Test
    void aCallWithNoRecognisableCategoryWaitsForADispatcherWithTheReason() {
        String caseNo = call(null, "反映问题", "我有个情况想反映一下，麻烦有关部门联系我。", null);

        awaitEvent(caseNo, "triage");

        assertThat(row(caseNo)).containsEntry("status", "TRIAGE").containsEntry("request_type", "HELP")
                .containsEntry("category", null).containsEntry("hot", false);
        assertThat(events(caseNo)).containsExactly(
                "registered||REGISTERED|",
                "classified|||类型 求助 (rule type-default)",
                "triage|REGISTERED|TRIAGE|待人工分派：未能确定类别（没有与任何类别相符的关键词）");
        assertThat(ordersFor(caseNo)).isEmpty();
    }

    @Test
    void aHotCallIsFlaggedRecordedAndNoticedToTheSupervisorsThroughTheOutbox() throws Exception {
        String caseNo = call("labour", "农民工讨薪", "青山镇某工地拖欠三十多名农民工工资半年，工人们准备集体上访。", null);

        awaitEvent(caseNo, "routed");

        assertThat(row(caseNo)).containsEntry("hot", true).containsEntry("status", "REGISTERED");
        assertThat(events(caseNo)).contains("hot|||热点 (rule hot-keywords: “上访”)");
        assertThat(ordersFor(caseNo)).extracting(DispatchOrder::lead).containsExactly("rsj");
        // The notice went through the outbox and lianxin.cases.hot to the supervisors' mail (the file outbox here).
        awaitEvent(caseNo, "hot-notified");
        MimeMessage mail;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(
                dataDir.resolve("outbox/mail/hot-" + caseNo + ".eml"))) {
            mail = new MimeMessage(Session.getInstance(new java.util.Properties()), in);
        }
        assertThat(mail.getSubject()).isEqualTo("【热点】" + caseNo + " 农民工讨薪");
        assertThat((String) mail.getContent()).contains("热点 (rule hot-keywords: “上访”)", "rsj", "劳动就业");
    }

    @Test
    void aGroupPetitionIsHotByItsVisitors() {
        String body = """
                {"submissionId":"%s","name":"李大爷","phone":"13700001234","content":"我们村的征地补偿款至今未发放",
                 "category":"agriculture",
                 "location":"柳树乡王家沟村","visitors":6}
                """.formatted(UUID.randomUUID());
        String caseNo = hub().postJson("/api/petitions", body, HubClient.admin()).json().get("caseNo").asText();

        awaitEvent(caseNo, "routed");

        assertThat(row(caseNo)).containsEntry("hot", true);
        assertThat(events(caseNo)).contains("hot|||热点 (rule hot-visitors: 来访 6 人)");
        assertThat(ordersFor(caseNo)).containsExactly(new DispatchOrder(caseNo, RequestType.HELP, "agriculture", "lsx",
                List.of("nyncj"), "rule:route-agriculture-township"));
    }

    @Test
    void theSameMessageDeliveredThreeTimesAtOnceIsTriagedOnce() throws Exception {
        AtomicReference<String> caseNo = new AtomicReference<>();
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("triage")
                .filter(e -> caseNo.get() != null && caseNo.get().equals(e.getMessage().getHeader("caseNo")))
                .whenDone(3).create();
        camel.getRouteController().stopRoute("triage");
        try {
            caseNo.set(call("urban", "路灯不亮", "滨河社区门口的路灯坏了一个多月。", "河西街道滨河社区"));
            // The relayed message, and the same message twice more: a redelivery, a second node's copy.
            String message = RegisteredQueue.text(queue.messagesFor(caseNo.get()).get(0));
            for (int i = 0; i < 2; i++) {
                jms.convertAndSend(registeredQueue, message);
            }
        } finally {
            camel.getRouteController().startRoute("triage");
        }

        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();

        assertThat(ordersFor(caseNo.get())).containsExactly(new DispatchOrder(caseNo.get(), RequestType.HELP, "urban",
                "hxjd", List.of("zjj"), "rule:route-urban-township"));
        assertThat(events(caseNo.get())).filteredOn(e -> !e.startsWith("registered")).hasSize(4)
                .filteredOn(e -> e.startsWith("routed")).hasSize(1);
    }

    @Test
    void aFailureBeforeTheCommitRollsEverythingBackAndTheMessageComesAgain() throws Exception {
        AtomicReference<String> caseNo = new AtomicReference<>();
        AtomicBoolean crashed = new AtomicBoolean();
        dispatch.whenAnyExchangeReceived(e -> {
            if (e.getMessage().getBody(DispatchOrder.class).caseNo().equals(caseNo.get())
                    && crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("dispatch down (test)");
            }
        });
        camel.getRouteController().stopRoute("triage");
        try {
            caseNo.set(call("education", "学校乱收费", "城关镇第二小学开学要求每个学生交500元补课费，这是不是乱收费？", null));
            queue.awaitRelayed(caseNo.get());
        } finally {
            camel.getRouteController().startRoute("triage");
        }

        awaitEvent(caseNo.get(), "routed");

        assertThat(crashed).isTrue();
        assertThat(ordersFor(caseNo.get())).hasSize(2);
        assertThat(events(caseNo.get())).containsExactly(
                "registered||REGISTERED|",
                "classified|||类型 投诉 (rule type-complaint: “乱收费”)",
                "classified|||类别 教育 (rule channel)",
                "classified|||属地 城关镇人民政府 (rule township-cgz: “城关镇”)",
                "routed|||主办 县教育局 (rule route-education)");
    }
}
