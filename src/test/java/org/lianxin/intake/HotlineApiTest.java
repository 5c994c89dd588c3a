package org.lianxin.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianxin.support.TestEnvironment.HOTLINE_KEY;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubClient;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.RegisteredQueue;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.jms.TextMessage;

@LianxinTest
class HotlineApiTest extends HubTestSupport {

    private static final String CALLS = "/api/hotline/calls";

    @Autowired
    ObjectMapper json;

    static String recordId() {
        return "HL-" + UUID.randomUUID();
    }

    HttpAnswer push(String body) {
        return hub().postJson(CALLS, body, "X-Api-Key", HOTLINE_KEY);
    }

    String call(String recordId, String content) throws Exception {
        return json.writeValueAsString(Map.of("recordId", recordId, "callTime", "2026-11-28T09:15:00+08:00",
                "callerNumber", "+86 138-0013-8000", "callerName", "王女士", "operatorId", "op07",
                "category", "utilities", "title", "暖气不热", "content", content, "location", "城关镇幸福小区3号楼"));
    }

    long intakes(String recordId) {
        return db.queryForObject("select count(*) from case_intake where channel = 'hotline' and external_id = ?",
                Long.class, recordId);
    }

    @Test
    void aCallBecomesOneCaseOnTheQueueWithItsFields() throws Exception {
        String id = recordId();
        String content = "家里暖气一直不热，室温只有12度，已经一周了。<b>请尽快处理</b>";
        HttpAnswer answer = push(call(id, content));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode result = answer.json().get("results").get(0);
        assertThat(result.get("recordId").asText()).isEqualTo(id);
        assertThat(result.get("status").asText()).isEqualTo("created");
        String caseNo = result.get("caseNo").asText();
        assertThat(caseNo).matches("\\d{10}");

        List<TextMessage> messages = queue.messagesFor(caseNo);
        assertThat(messages).hasSize(1);
        assertThat(RegisteredQueue.property(messages.get(0), "_AMQ_DUPL_ID")).isEqualTo(caseNo);
        JsonNode message = json.readTree(RegisteredQueue.text(messages.get(0)));
        assertThat(message.get("caseNo").asText()).isEqualTo(caseNo);
        assertThat(message.get("channel").asText()).isEqualTo("hotline");
        assertThat(message.get("externalId").asText()).isEqualTo(id);
        assertThat(message.get("category").asText()).isEqualTo("utilities");
        assertThat(message.get("title").asText()).isEqualTo("暖气不热");

        Map<String, Object> stored = db.queryForMap("select * from citizen_case where case_no = ?", caseNo);
        assertThat(stored.get("content")).isEqualTo(content);
        assertThat(stored.get("citizen_phone")).isEqualTo("13800138000");
        assertThat(stored.get("location")).isEqualTo("城关镇幸福小区3号楼");
        assertThat(db.queryForObject("select to_status from case_event where case_no = ? and action = 'registered'",
                String.class, caseNo)).isEqualTo("REGISTERED");
        assertThat(db.queryForObject("select operator_id from case_intake where case_no = ?", String.class, caseNo))
                .isEqualTo("op07");
    }

    @Test
    void theSameRecordAgainAnswersTheSameCaseAndCreatesNothing() throws Exception {
        String id = recordId();
        String first = push(call(id, "路灯不亮")).json().get("results").get(0).get("caseNo").asText();
        JsonNode again = push(call(id, "路灯不亮（重复推送）")).json().get("results").get(0);

        assertThat(again.get("status").asText()).isEqualTo("duplicate");
        assertThat(again.get("caseNo").asText()).isEqualTo(first);
        assertThat(intakes(id)).isEqualTo(1);
        assertThat(db.queryForObject("select content from citizen_case where case_no = ?", String.class, first))
                .isEqualTo("路灯不亮");
        assertThat(queue.messagesFor(first)).hasSize(1);
    }

    @Test
    void aBatchAnswersEachRecordInOrderAndOneBadRecordRejectsNoOther() throws Exception {
        String good = recordId();
        String noContent = recordId();
        String badPhone = recordId();
        String body = "[" + call(good, "楼道堆放杂物") + ","
                + "{\"recordId\":\"" + noContent + "\",\"content\":\"  \"},"
                + "{\"recordId\":\"" + badPhone + "\",\"content\":\"噪音扰民\",\"callerNumber\":\"12ab\"},"
                + "42]";
        HttpAnswer answer = push(body);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode results = answer.json().get("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("status").asText()).isEqualTo("created");
        assertThat(results.get(1).get("status").asText()).isEqualTo("rejected");
        assertThat(results.get(1).get("error").asText()).startsWith("content");
        assertThat(results.get(2).get("error").asText()).startsWith("callerNumber");
        assertThat(results.get(3).get("error").asText()).startsWith("recordId");
        assertThat(intakes(good)).isEqualTo(1);
        assertThat(intakes(noContent) + intakes(badPhone)).isZero();
    }

    @Test
    void chineseTextRoundTripsByteForByte() throws Exception {
        String id = recordId();
        // CJK, a character outside the BMP (𠮷), full-width punctuation and an emoji.
        String content = "𠮷野家门口的井盖丢失，“非常危险”！😟\n第二行：请处理。";
        String caseNo = push(call(id, content)).json().get("results").get(0).get("caseNo").asText();

        HttpAnswer view = hub().get("/api/cases/" + caseNo, HubClient.admin());
        assertThat(view.json().get("content").asText().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void badInputIsA400NamingTheFieldAndStoresNothing() throws Exception {
        long casesBefore = db.queryForObject("select count(*) from citizen_case", Long.class);

        assertRejected(push("{\"recordId\": \"x\", \"content\": "), 400, "body");
        assertRejected(push("[]"), 400, "body");
        assertRejected(push("\"just text\""), 400, "body");
        String id = recordId();
        assertRejected(push("{\"recordId\":\"" + id + "\"}"), 400, "content");
        assertRejected(push("{\"recordId\":\"" + id + "\",\"content\":\"" + "长".repeat(10_001) + "\"}"), 400,
                "content");
        assertRejected(push("{\"recordId\":\"" + id + "\",\"content\":\"a\",\"callerNumber\":\"110\"}"), 400,
                "callerNumber");
        assertRejected(push("{\"recordId\":\"" + id + "\",\"content\":\"a\",\"category\":\"weather\"}"), 400,
                "category");
        assertRejected(push("{\"recordId\":\"" + id + "\",\"content\":\"a\",\"callTime\":\"yesterday\"}"), 400,
                "callTime");
        assertRejected(push("{\"content\":\"no id\"}"), 400, "recordId");
        // The same JSON in GBK: not UTF-8, so refused rather than stored garbled.
        byte[] gbk = ("{\"recordId\":\"" + id + "\",\"content\":\"路灯坏了\"}").getBytes(Charset.forName("GBK"));
        assertRejected(hub().post(CALLS, "application/json", gbk, "X-Api-Key", HOTLINE_KEY), 400, "body");
        StringBuilder tooMany = new StringBuilder("[");
        for (int i = 0; i < 501; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"recordId\":\"").append(id).append(i)
                    .append("\",\"content\":\"a\"}");
        }
        assertRejected(push(tooMany.append("]").toString()), 400, "body");

        assertThat(intakes(id)).isZero();
        assertThat(db.queryForObject("select count(*) from citizen_case", Long.class)).isEqualTo(casesBefore);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        byte[] huge = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        HttpAnswer answer = hub().post(CALLS, "application/json", huge, "X-Api-Key", HOTLINE_KEY);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asText()).isEqualTo("body");
    }

    @Test
    void aChunkedBodyIsReadLikeAnyOtherAndAnOversizedOneIsRefused() throws Exception {
        String id = recordId();
        HttpAnswer answer = hub().postChunked(CALLS, "application/json",
                call(id, "分块传输的来电记录").getBytes(StandardCharsets.UTF_8), "X-Api-Key", HOTLINE_KEY);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("results").get(0).get("status").asText()).isEqualTo("created");

        byte[] huge = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        HttpAnswer refused = hub().postChunked(CALLS, "application/json", huge, "X-Api-Key", HOTLINE_KEY);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("body");
    }

    @Test
    void aMissingOrWrongKeyIs401AndStoresNothing() throws Exception {
        String id = recordId();
        HttpAnswer none = hub().postJson(CALLS, call(id, "没有密钥"));
        HttpAnswer wrong = hub().postJson(CALLS, call(id, "错误密钥"), "X-Api-Key", "guess");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").asText()).contains("X-Api-Key");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(intakes(id)).isZero();
    }

    @Test
    void theAnswerEchoesNoRequestHeader() throws Exception {
        HttpAnswer answer = hub().postJson(CALLS, call(recordId(), "检查响应头"), "X-Api-Key", HOTLINE_KEY);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.header("X-Api-Key")).isNull();
    }

    private static void assertRejected(HttpAnswer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        String error = answer.json().has("error") ? answer.json().get("error").asText()
                : answer.json().get("results").get(0).get("error").asText();
        assertThat(error).as(answer.toString()).startsWith(field);
    }
}
