package org.lianxin.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianxin.support.TestEnvironment.HOTLINE_KEY;
import static org.lianxin.support.TestEnvironment.PORTAL_KEY;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubClient;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.RegisteredQueue;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.jms.TextMessage;

/**
 * The Open311 GeoReport v2 channel, spoken to as a GeoReport v2 client speaks: form-encoded posts with api_key
 * (and jurisdiction_id, which the hub ignores), resources named with their format, answers read as JSON or as XML
 * with a real XML parser.
 */
@LianxinTest
class Open311Test extends HubTestSupport {

    private static final String BASE = "/open311/v2/";
    private static final String FORM = "application/x-www-form-urlencoded";

    @Autowired
    ObjectMapper json;

    static String externalId() {
        return "WEB-" + UUID.randomUUID();
    }

    /** A form body encoded the way every HTTP client library encodes one: UTF-8, %-escaped. */
    static byte[] form(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String query(String... namesAndValues) {
        return "?" + new String(form(namesAndValues), StandardCharsets.UTF_8);
    }

    HttpAnswer post(String format, byte[] body) {
        return hub().post(BASE + "requests." + format, FORM, body);
    }

    /** A request as the portal posts it, with the key and the portal's own id; more fields add or replace. */
    String[] request(String externalId, String description, String... more) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("api_key", PORTAL_KEY, "jurisdiction_id",
                "lianxin.example.gov.cn", "service_code", "environment", "description", description, "external_id",
                externalId));
        for (int i = 0; i < more.length; i += 2) {
            fields.put(more[i], more[i + 1]);
        }
        return fields.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
    }

    String created(HttpAnswer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get(0).get("service_request_id").asText();
    }

    static Document xml(HttpAnswer answer) {
        assertThat(answer.contentType()).startsWith("text/xml");
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(answer.body()));
        } catch (Exception e) {
            throw new AssertionError("not XML (status " + answer.status() + "): " + answer.text(), e);
        }
    }

    static String text(Element parent, String name) {
        return parent.getElementsByTagName(name).item(0).getTextContent();
    }

    long cases() {
        return db.queryForObject("select count(*) from citizen_case", Long.class);
    }

    long intakes(String externalId) {
        return db.queryForObject("select count(*) from case_intake where channel = 'open311' and external_id = ?",
                Long.class, externalId);
    }

    String hotlineCase(String content) throws Exception {
        String body = json.writeValueAsString(Map.of("recordId", "HL-" + UUID.randomUUID(), "content", content,
                "callerName", "李先生", "callerNumber", "13912345678", "category", "environment"));
        return hub().postJson("/api/hotline/calls", body, "X-Api-Key", HOTLINE_KEY).json().get("results").get(0)
                .get("caseNo").asText();
    }

    @Test
    void servicesAreTheCategoriesInJsonAndXml() {
        HttpAnswer answer = hub().get(BASE + "services.json");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode services = answer.json();
        assertThat(services).hasSize(12);
        JsonNode first = services.get(0);
        assertThat(first.get("service_code").asText()).isEqualTo("urban");
        assertThat(first.get("service_name").asText()).isEqualTo("城乡建设");
        assertThat(first.get("description").asText()).isEqualTo("道路、小区、市政设施、违章建筑");
        assertThat(first.get("metadata").asBoolean(true)).isFalse();
        assertThat(first.get("type").asText()).isEqualTo("realtime");
        assertThat(first.get("keywords").asText()).isEqualTo("道路,小区,路灯,违建,市政");
        assertThat(first.get("group").asText()).isEqualTo("城市管理");

        Document xml = xml(hub().get(BASE + "services.xml"));
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("services");
        NodeList items = xml.getDocumentElement().getElementsByTagName("service");
        assertThat(items.getLength()).isEqualTo(12);
        Element environment = (Element) items.item(1);
        assertThat(text(environment, "service_code")).isEqualTo("environment");
        assertThat(text(environment, "service_name")).isEqualTo("环境保护");
        assertThat(text(environment, "metadata")).isEqualTo("false");
        assertThat(text(environment, "group")).isEqualTo("城市管理");
    }

    @Test
    void aServiceDefinitionHasNoAttributesAndAnUnknownServiceIs404() {
        JsonNode definition = hub().get(BASE + "services/utilities.json").json();
        assertThat(definition.get("service_code").asText()).isEqualTo("utilities");
        assertThat(definition.get("attributes").isArray()).isTrue();
        assertThat(definition.get("attributes")).isEmpty();

        Document xml = xml(hub().get(BASE + "services/utilities.xml"));
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_definition");
        assertThat(text(xml.getDocumentElement(), "service_code")).isEqualTo("utilities");
        assertThat(xml.getElementsByTagName("attributes").getLength()).isEqualTo(1);

        assertOpen311Error(hub().get(BASE + "services/weather.json"), 404, "service_code");
        assertOpen311Error(hub().get(BASE + "services/weather.xml"), 404, "service_code");
    }

    @Test
    void aFormPostBecomesOneCaseOnTheQueueWithItsFields() throws Exception {
        String id = externalId();
        String description = "小区门口垃圾堆放三天无人清理，气味很大。";
        HttpAnswer answer = post("json", form(request(id, description, "title", "垃圾无人清理",
                "address_string", "城关镇幸福小区东门", "lat", "39.904200", "long", "116.407400",
                "first_name", "小明", "last_name", "王", "phone", "+86 138-0013-8000", "email", "wang@example.cn")));

        assertThat(answer.contentType()).startsWith("application/json");
        String caseNo = created(answer);
        assertThat(caseNo).matches("\\d{10}");
        Map<String, Object> stored = db.queryForMap("select * from citizen_case where case_no = ?", caseNo);
        assertThat(answer.json().get(0).get("service_notice").asText())
                .contains(caseNo).contains("查询码 " + stored.get("query_code"));

        List<TextMessage> messages = queue.messagesFor(caseNo);
        assertThat(messages).hasSize(1);
        JsonNode message = json.readTree(RegisteredQueue.text(messages.get(0)));
        assertThat(message.get("channel").asText()).isEqualTo("open311");
        assertThat(message.get("externalId").asText()).isEqualTo(id);
        assertThat(message.get("category").asText()).isEqualTo("environment");
        assertThat(message.get("title").asText()).isEqualTo("垃圾无人清理");

        assertThat(stored.get("content")).isEqualTo(description);
        assertThat(stored.get("category")).isEqualTo("environment");
        assertThat(stored.get("location")).isEqualTo("城关镇幸福小区东门（坐标 39.904200, 116.407400）");
        assertThat(stored.get("citizen_name")).isEqualTo("王小明");
        assertThat(stored.get("citizen_phone")).isEqualTo("13800138000");
        assertThat(intakes(id)).isEqualTo(1);
    }

    @Test
    void aFormPostToRequestsXmlAnswersInXml() {
        String id = externalId();
        HttpAnswer answer = post("xml", form(request(id, "路灯不亮", "service_code", "urban")));

        assertThat(answer.status()).isEqualTo(200);
        Document xml = xml(answer);
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_requests");
        Element request = (Element) xml.getDocumentElement().getElementsByTagName("request").item(0);
        String caseNo = text(request, "service_request_id");
        assertThat(text(request, "service_notice")).contains(caseNo).contains("查询码");
        assertThat(queue.messagesFor(caseNo)).hasSize(1);
        assertThat(db.queryForObject("select category from citizen_case where case_no = ?", String.class, caseNo))
                .isEqualTo("urban");
    }

    @Test
    void theSameExternalIdAgainAnswersTheSameRequestAndCreatesNothing() {
        String id = externalId();
        HttpAnswer first = post("json", form(request(id, "噪音扰民")));
        HttpAnswer again = post("xml", form(request(id, "噪音扰民（重发）")));

        String caseNo = created(first);
        Element request = (Element) xml(again).getElementsByTagName("request").item(0);
        assertThat(again.status()).isEqualTo(200);
        assertThat(text(request, "service_request_id")).isEqualTo(caseNo);
        assertThat(text(request, "service_notice")).isEqualTo(first.json().get(0).get("service_notice").asText());
        assertThat(intakes(id)).isEqualTo(1);
        assertThat(db.queryForObject("select content from citizen_case where case_no = ?", String.class, caseNo))
                .isEqualTo("噪音扰民");
        assertThat(queue.messagesFor(caseNo)).hasSize(1);
    }

    @Test
    void chineseTextRoundTripsByteForByteInJsonAndXml() throws Exception {
        // CJK, a character outside the BMP (𠮷), full-width punctuation, an emoji, markup and a CRLF line break.
        String description = "𠮷野家门口的井盖丢失，“非常危险”！😟 <b>&amp;</b>\r\n第二行：请处理。";
        String address = "城关镇𠮷祥路１２号";
        String caseNo = created(post("json", form(request(externalId(), description, "address_string", address))));
        byte[] expected = description.getBytes(StandardCharsets.UTF_8);

        JsonNode asJson = hub().get(BASE + "requests/" + caseNo + ".json").json().get(0);
        assertThat(asJson.get("description").asText().getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(asJson.get("address").asText()).isEqualTo(address);

        Element asXml = (Element) xml(hub().get(BASE + "requests/" + caseNo + ".xml")).getElementsByTagName("request")
                .item(0);
        assertThat(text(asXml, "description").getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(text(asXml, "address")).isEqualTo(address);
        assertThat(db.queryForObject("select content from citizen_case where case_no = ?", String.class, caseNo))
                .isEqualTo(description);
    }

    @Test
    void badInputIsAnOpen311ErrorNamingTheFieldAndStoresNothing() {
        long before = cases();
        String id = externalId();

        assertOpen311Error(post("json", form("api_key", PORTAL_KEY, "external_id", id, "description", "没有类别")), 400,
                "service_code");
        assertOpen311Error(post("xml", form("api_key", PORTAL_KEY, "external_id", id, "service_code", "  ",
                "description", "空类别")), 400, "service_code");
        assertOpen311Error(post("json", form(request(id, "未知类别", "service_code", "weather"))), 400, "service_code");
        assertOpen311Error(post("xml", form(request(id, "   "))), 400, "description");
        assertOpen311Error(post("json", form("api_key", PORTAL_KEY, "service_code", "urban", "external_id", id)), 400,
                "description");
        assertOpen311Error(post("json", form(request(id, "长".repeat(10_001)))), 400, "description");
        assertOpen311Error(post("xml", form(request(id, "a", "title", "题".repeat(201)))), 400, "title");
        assertOpen311Error(post("json", form(request(id, "a", "phone", "12ab"))), 400, "phone");
        assertOpen311Error(post("json", form(request(id, "a", "lat", "39.9"))), 400, "long");
        assertOpen311Error(post("json", form(request(id, "a", "lat", "north", "long", "116.4"))), 400, "lat");
        assertOpen311Error(post("xml", form(request(id, "a", "lat", "39.9", "long", "190"))), 400, "long");
        assertOpen311Error(post("json", form(request(id, "a", "first_name", "名".repeat(60), "last_name",
                "姓".repeat(60)))), 400, "first_name/last_name");
        assertOpen311Error(post("json", form("api_key", PORTAL_KEY, "service_code", "urban", "external_id", id,
                "description", "一次", "description", "两次")), 400, "description");
        assertOpen311Error(post("json", form(request(id, "bell\u0007"))), 400, "description");
        assertOpen311Error(post("json", form("api_key", PORTAL_KEY, "service_code", "urban", "description", "a",
                "external_id", "x".repeat(101))), 400, "external_id");
        // The same words in GBK, %-escaped as a GBK page would send them, and as raw bytes: not UTF-8, so refused.
        String gbk = URLEncoder.encode("路灯坏了", Charset.forName("GBK"));
        assertOpen311Error(post("json", ("api_key=" + PORTAL_KEY + "&service_code=urban&external_id=" + id
                + "&description=" + gbk).getBytes(StandardCharsets.US_ASCII)), 400, "description");
        assertOpen311Error(post("xml", ("api_key=" + PORTAL_KEY + "&service_code=urban&external_id=" + id
                + "&description=路灯坏了").getBytes(Charset.forName("GBK"))), 400, "description");
        // A %-escape that is not one: the form cannot be read at all.
        assertOpen311Error(post("xml", ("api_key=" + PORTAL_KEY + "&service_code=urban&external_id=" + id
                + "&description=100%zz").getBytes(StandardCharsets.US_ASCII)), 400, "body");
        assertOpen311Error(hub().get(BASE + "requests.json?status=%C3%28"), 400, "status");
        // A format GeoReport does not have.
        assertOpen311Error(post("csv", form(request(id, "a"))), 400, "format");

        assertThat(intakes(id)).isZero();
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aMissingOrWrongApiKeyIs401AndStoresNothing() {
        String id = externalId();
        byte[] noKey = form("service_code", "environment", "description", "没有密钥", "external_id", id);

        assertOpen311Error(post("json", noKey), 401, "api_key");
        assertOpen311Error(post("xml", form("api_key", "guess", "service_code", "environment", "description", "错误密钥",
                "external_id", id)), 401, "api_key");
        for (String guess : List.of("${body[api_key]}", PORTAL_KEY + "x", "a),requirePortal(b", " " + PORTAL_KEY)) {
            assertOpen311Error(post("json", form("api_key", guess, "service_code", "environment", "description", "猜测",
                    "external_id", id)), 401, "api_key");
        }
        // A key in an HTTP header of the same name is not the form's api_key.
        assertOpen311Error(hub().post(BASE + "requests.json", FORM, noKey, "api_key", PORTAL_KEY), 401, "api_key");
        assertThat(intakes(id)).isZero();
    }

    @Test
    void aFormSentChunkedIsReadLikeAnyOther() throws Exception {
        String id = externalId();
        byte[] body = form(request(id, "分块发送的诉求"));
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + BASE + "requests.json"))
                .header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<byte[]> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(chunked, HttpResponse.BodyHandlers.ofByteArray());

        String caseNo = created(new HttpAnswer(response.statusCode(), response.headers(), response.body()));
        assertThat(db.queryForObject("select content from citizen_case where case_no = ?", String.class, caseNo))
                .isEqualTo("分块发送的诉求");
        assertThat(intakes(id)).isEqualTo(1);
    }

    @Test
    void anOversizedBodyIsRefusedInOpen311Format() {
        byte[] huge = form(request(externalId(), "大".repeat(300_000)));
        assertOpen311Error(post("json", huge), 400, "body");
        assertOpen311Error(post("xml", huge), 400, "body");
    }

    @Test
    void requestsAreFoundByIdServiceStatusAndDate() throws Exception {
        String water = created(post("json", form(request(externalId(), "停水两天", "service_code", "utilities"))));
        String noise = created(post("json", form(request(externalId(), "夜间施工噪音", "service_code", "environment"))));
        String closed = created(post("json", form(request(externalId(), "已处理的诉求", "service_code", "utilities"))));
        db.update("update citizen_case set status = 'CLOSED' where case_no = ?", closed);
        String hourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
        String inAMinute = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusMinutes(1).toString();

        assertThat(ids(hub().get(BASE + "requests.json" + query("service_request_id", water + "," + noise))))
                .containsExactlyInAnyOrder(water, noise);
        assertThat(ids(hub().get(BASE + "requests.json" + query("service_code", "utilities", "start_date", hourAgo,
                "end_date", inAMinute)))).contains(water, closed).doesNotContain(noise);
        assertThat(ids(hub().get(BASE + "requests.json" + query("status", "closed", "start_date", hourAgo))))
                .contains(closed).doesNotContain(water, noise);
        assertThat(ids(hub().get(BASE + "requests.json" + query("status", "open")))).contains(water, noise)
                .doesNotContain(closed);
        assertThat(ids(hub().get(BASE + "requests.json"))).contains(water, noise, closed);
        assertThat(ids(hub().get(BASE + "requests.json" + query("end_date", hourAgo))))
                .doesNotContain(water, noise, closed);
        assertThat(ids(hub().get(BASE + "requests.json" + query("start_date", inAMinute))))
                .doesNotContain(water, noise, closed);

        JsonNode closedOne = hub().get(BASE + "requests/" + closed + ".json").json().get(0);
        assertThat(closedOne.get("status").asText()).isEqualTo("closed");
        Document xml = xml(hub().get(BASE + "requests.xml" + query("service_request_id", water + "," + closed)));
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_requests");
        assertThat(xml.getElementsByTagName("request").getLength()).isEqualTo(2);

        assertOpen311Error(hub().get(BASE + "requests.json" + query("start_date", "last week")), 400, "start_date");
        assertOpen311Error(hub().get(BASE + "requests.xml" + query("status", "pending")), 400, "status");
        assertOpen311Error(hub().get(BASE + "requests.json" + query("service_code", "weather")), 400, "service_code");
        assertOpen311Error(hub().get(BASE + "requests.json" + query("start_date", "2026-01-01T00:00:00+08:00",
                "end_date", "2026-06-01T00:00:00+08:00")), 400, "end_date");
    }

    @Test
    void aRequestShowsItsGeoReportFieldsAndNeverWhoSentIt() {
        String caseNo = created(post("json", form(request(externalId(), "公交站牌倒了", "service_code", "transport",
                "address_string", "人民路公交站", "lat", "39.9042", "long", "116.4074", "first_name", "小红",
                "last_name", "赵", "phone", "13712345678"))));

        HttpAnswer answer = hub().get(BASE + "requests/" + caseNo + ".json");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode r = answer.json().get(0);
        assertThat(r.get("service_request_id").asText()).isEqualTo(caseNo);
        assertThat(r.get("status").asText()).isEqualTo("open");
        assertThat(r.get("service_code").asText()).isEqualTo("transport");
        assertThat(r.get("service_name").asText()).isEqualTo("交通运输");
        assertThat(r.get("description").asText()).isEqualTo("公交站牌倒了");
        assertThat(r.get("address").asText()).isEqualTo("人民路公交站（坐标 39.9042, 116.4074）");
        assertThat(r.get("lat").asDouble()).isEqualTo(39.9042);
        assertThat(r.get("long").asDouble()).isEqualTo(116.4074);
        assertThat(r.get("requested_datetime").asText()).endsWith("+08:00");
        assertThat(OffsetDateTime.parse(r.get("updated_datetime").asText())).isNotNull();
        for (String field : List.of("status_notes", "agency_responsible", "service_notice", "expected_datetime",
                "media_url")) {
            assertThat(r.has(field)).as(field).isTrue();
        }
        assertThat(answer.text()).doesNotContain("赵").doesNotContain("小红").doesNotContain("13712345678");

        Element xml = (Element) xml(hub().get(BASE + "requests/" + caseNo + ".xml")).getElementsByTagName("request")
                .item(0);
        assertThat(text(xml, "service_request_id")).isEqualTo(caseNo);
        assertThat(text(xml, "long")).isEqualTo("116.4074");
        assertThat(text(xml, "requested_datetime")).isEqualTo(r.get("requested_datetime").asText());

        assertOpen311Error(hub().get(BASE + "requests/1999999999.json"), 404, "service_request_id");
        assertOpen311Error(hub().get(BASE + "requests/1999999999.xml"), 404, "service_request_id");
    }

    @Test
    void hotlineCasesAreNotPublic() throws Exception {
        String hotline = hotlineCase("楼下饭店油烟扰民");
        String web = created(post("json", form(request(externalId(), "饭店油烟"))));

        assertThat(ids(hub().get(BASE + "requests.json" + query("service_request_id", hotline + "," + web))))
                .containsExactly(web);
        HttpAnswer all = hub().get(BASE + "requests.json" + query("service_code", "environment"));
        assertThat(ids(all)).contains(web).doesNotContain(hotline);
        assertThat(all.text()).doesNotContain("楼下饭店油烟扰民").doesNotContain("李先生");
        assertOpen311Error(hub().get(BASE + "requests/" + hotline + ".json"), 404, "service_request_id");
    }

    /** What an existing GeoReport v2 client does, field for field, without any of the hub's extensions. */
    @Test
    void anExistingGeoReportClientWorksUnchanged() {
        JsonNode services = hub().get(BASE + "services.json?jurisdiction_id=lianxin.example.gov.cn").json();
        String serviceCode = services.get(0).get("service_code").asText();
        hub().get(BASE + "services/" + serviceCode + ".json?jurisdiction_id=lianxin.example.gov.cn");

        HttpAnswer posted = post("json", form("api_key", PORTAL_KEY, "jurisdiction_id", "lianxin.example.gov.cn",
                "service_code", serviceCode, "lat", "39.904211", "long", "116.407395", "address_string",
                "城关镇人民路88号", "email", "citizen@example.cn", "device_id", "tt222111", "account_id", "12345",
                "first_name", "John", "last_name", "Smith", "phone", "13800138000", "description",
                "人行道有个大坑 (a large pothole)", "media_url", "http://example.cn/p.jpg", "attribute[WHISPAWN]", "123"));
        String id = created(posted);
        assertThat(posted.json().get(0).has("service_notice")).isTrue();

        JsonNode request = hub().get(BASE + "requests/" + id + ".json?jurisdiction_id=lianxin.example.gov.cn").json()
                .get(0);
        assertThat(request.get("service_code").asText()).isEqualTo(serviceCode);
        assertThat(request.get("description").asText()).isEqualTo("人行道有个大坑 (a large pothole)");
        assertThat(request.get("lat").asDouble()).isEqualTo(39.904211);
        assertThat(db.queryForObject("select citizen_name from citizen_case where case_no = ?", String.class, id))
                .isEqualTo("John Smith");
        // Without the external_id extension every post is a new request, as GeoReport v2 has it.
        assertThat(created(post("json", form("api_key", PORTAL_KEY, "jurisdiction_id", "lianxin.example.gov.cn",
                "service_code", serviceCode, "description", "人行道有个大坑 (a large pothole)")))).isNotEqualTo(id);
    }

    @Test
    void theAnswerEchoesNoRequestHeaderOrParameter() {
        HttpAnswer answer = hub().post(BASE + "requests.json", FORM, form(request(externalId(), "检查响应头")),
                "X-Portal-Trace", "abc");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("api_key")).isNull();
        assertThat(answer.header("X-Portal-Trace")).isNull();
        assertThat(answer.header("description")).isNull();
    }

    private List<String> ids(HttpAnswer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().forEach(r -> ids.add(r.get("service_request_id").asText()));
        return ids;
    }

    /** The error document of GeoReport v2 in the format asked for, its description naming the field. */
    private static void assertOpen311Error(HttpAnswer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        String code;
        String description;
        if (answer.contentType() != null && answer.contentType().startsWith("text/xml")) {
            Document xml = xml(answer);
            assertThat(xml.getDocumentElement().getTagName()).isEqualTo("errors");
            Element error = (Element) xml.getDocumentElement().getElementsByTagName("error").item(0);
            code = text(error, "code");
            description = text(error, "description");
        } else {
            assertThat(answer.contentType()).as(answer.toString()).startsWith("application/json");
            JsonNode error = answer.json().get(0);
            code = error.get("code").asText();
            description = error.get("description").asText();
        }
        assertThat(code).isEqualTo(String.valueOf(status));
        assertThat(description).as(answer.toString()).startsWith(field + ":");
    }
}
