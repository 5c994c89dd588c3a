package org.lianxin.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.lianxin.support.TestEnvironment.HOTLINE_KEY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lianxin.cases.WaitingCase;
import org.lianxin.corpus.CitizenMessages;
import org.lianxin.corpus.CorpusFiles;
import org.lianxin.corpus.CorpusMessage;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubClient;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestEnvironment;
import org.lianxin.security.StaffUsers;
import org.lianxin.cases.CsvCharsets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The learned triage through the hub: a county's archive imported through the API (GBK, with a bad row), a model
 * trained and made current, cases decided by it or sent to the dispatchers with its suggestions, a worse model
 * kept but not switched to, rolling back, and one training at a time across nodes. A context of its own: once a
 * model is current, the other tests' "unplaceable" cases would no longer wait for a dispatcher.
 */
@LianxinTest
@DirtiesContext
@TestPropertySource(properties = "lianxin.triage.model.min-examples=100")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TriageModelTest extends HubTestSupport {

    @Autowired
    ObjectMapper json;
    @Autowired
    CurrentModel currentModel;
    @Autowired
    TriageModels models;
    @Autowired
    ModelTraining training;
    @Autowired
    TriageSettings settings;
    @Autowired
    Clock clock;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    StaffUsers users;

    /** The archive as a county would have it: the seven categories of the public archives, by name. */
    static final List<CorpusMessage> ARCHIVE = CitizenMessages.labelled(7, 600);

    @TempDir
    Path files;

    HttpAnswer postArchive(byte[] body, String contentType) {
        return hub().post("/api/triage/history", contentType, body, HubClient.admin());
    }

    @Test
    @Order(1)
    void anArchiveIsImportedWithItsBadRowNamedAndAModelTrainedOnItBecomesCurrent() throws IOException {
        List<CorpusMessage> rows = new ArrayList<>(ARCHIVE);
        rows.add(new CorpusMessage("bad", "旅游投诉", "导游强迫购物。", "旅游业", null, null, null));
        Path csv = files.resolve("archive.csv");
        CorpusFiles.writeCsvGbk(csv, rows);

        HttpAnswer imported = postArchive(Files.readAllBytes(csv), "text/csv");
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        JsonNode body = imported.json();
        assertThat(body.get("imported").asInt()).isEqualTo(ARCHIVE.size());
        assertThat(body.get("rejected")).hasSize(1);
        assertThat(body.get("rejected").get(0).get("row").asInt()).isEqualTo(ARCHIVE.size() + 2);
        assertThat(body.get("rejected").get(0).get("error").asText()).contains("'旅游业'");
        assertThat(db.queryForObject("select count(*) from triage_history where category = 'market'", Integer.class))
                .as("商贸旅游 mapped by lianxin.triage.category-aliases").isPositive();

        JsonNode again = postArchive(Files.readAllBytes(csv), "text/csv").json();
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(ARCHIVE.size());

        HttpAnswer trained = hub().post("/api/triage/models", "application/json", new byte[0], HubClient.admin());
        assertThat(trained.status()).as(trained.text()).isEqualTo(200);
        JsonNode result = trained.json();
        assertThat(result.get("version").asInt()).isEqualTo(1);
        assertThat(result.get("switched").asBoolean()).isTrue();
        assertThat(result.get("trainedOn").asInt()).isBetween(ARCHIVE.size() * 7 / 10, ARCHIVE.size() * 9 / 10);
        assertThat(result.get("heldOut").get("accuracy").asDouble()).isGreaterThan(0.6);

        JsonNode versions = hub().get("/api/triage/models", HubClient.admin()).json();
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("current").asBoolean()).isTrue();
        assertThat(currentModel.get()).hasValueSatisfying(m -> assertThat(m.version()).isEqualTo(1));
    }

    @Test
    @Order(2)
    void theModelDecidesWhatItIsSureOfAndSendsTheRestToPeopleWithItsSuggestions() {
        CurrentModel.Loaded model = currentModel.get().orElseThrow();
        double threshold = settings.model().minConfidence();
        CorpusMessage sure = null;
        CorpusMessage unsure = null;
        for (CorpusMessage m : CitizenMessages.labelled(99, 400)) {
            double confidence = model.predict(m.title(), m.content()).get(0).confidence();
            if (sure == null && confidence >= threshold + 0.1 && !m.content().contains("拖欠工资")
                    && !m.content().contains("欠薪") && !m.content().contains("讨薪")) {
                sure = m;
            } else if (unsure == null && confidence < threshold - 0.1) {
                unsure = m;
            }
        }
        assertThat(sure).as("a message the model is sure of").isNotNull();
        assertThat(unsure).as("a message the model is unsure of").isNotNull();

        String sureCase = call(sure);
        String sureCategory = model.predict(sure.title(), sure.content()).get(0).category();
        await().atMost(Duration.ofSeconds(30)).until(() -> decidedBy(sureCase) != null);
        assertThat(decidedBy(sureCase)).isEqualTo("MODEL");
        assertThat(db.queryForObject("select category from citizen_case where case_no = ?", String.class, sureCase))
                .isEqualTo(sureCategory);
        assertThat(db.queryForList("select note from case_event where case_no = ? and action = 'classified'",
                String.class, sureCase)).anyMatch(n -> n.startsWith("类别 ") && n.contains("(rule model-v1: 置信度 "));

        String unsureCase = call(unsure);
        await().atMost(Duration.ofSeconds(30)).until(() -> "TRIAGE".equals(
                db.queryForObject("select status from citizen_case where case_no = ?", String.class, unsureCase)));
        assertThat(decidedBy(unsureCase)).isEqualTo("PEOPLE");
        List<Suggestion> expected = model.predict(unsure.title(), unsure.content()).subList(0, 3);
        @SuppressWarnings("unchecked")
        List<WaitingCase> waiting = camel.requestBody("direct:triage-queue", null, List.class);
        WaitingCase waits = waiting.stream().filter(w -> w.caseNo().equals(unsureCase)).findFirst().orElseThrow();
        assertThat(waits.suggestions()).extracting(WaitingCase.Suggested::category)
                .containsExactlyElementsOf(expected.stream().map(Suggestion::category).toList());
        assertThat(waits.proposedCategory()).isEqualTo(expected.get(0).category());
        assertThat(waits.reason()).contains("模型 v1 把握不足");
    }

    @Test
    @Order(3)
    void aCertainRuleStillBeatsTheModel() {
        String caseNo = call(new CorpusMessage("w", "幼儿园老师", "幼儿园拖欠工资三个月，老师们上课都没心思了。", null, null,
                null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> decidedBy(caseNo) != null);
        assertThat(db.queryForObject("select rule from triage_decision where case_no = ?", String.class, caseNo))
                .isEqualTo("certain-wages");
        assertThat(db.queryForObject("select category from citizen_case where case_no = ?", String.class, caseNo))
                .isEqualTo("labour");
    }

    @Test
    @Order(4)
    void aModelThatIsWorseOnTheHeldOutMessagesIsKeptButNotSwitchedToAndAnEarlierOneCanBeMadeCurrentAgain() {
        // a far better model made current: trained on ten times the archive
        HistoryArchive names = new HistoryArchive(TriageFixtures.catalog(), settings);
        List<LabelledMessage> many = CitizenMessages.labelled(8, 6000).stream()
                .map(m -> new LabelledMessage(m.title(), m.content(), names.categoryCode(m.category()).orElseThrow()))
                .toList();
        CategoryModel strong = CategoryModel.train(many, settings.model().training());
        ModelFigures strongFigures = ModelFigures.of(ModelFigures.outcomes(strong, many.subList(0, 10)));
        int strongVersion = models.save(strong, strongFigures, "{}", many.size(), 0, "test", null);
        training.makeCurrent(strongVersion);

        ModelTraining.Result result = training.trainNow("user:test");

        assertThat(result.switched()).as(result.note()).isFalse();
        assertThat(result.note()).contains("not switched");
        assertThat(models.currentVersion()).contains(strongVersion);
        assertThat(models.versions()).extracting(TriageModels.ModelVersion::version).contains(result.version());

        HttpAnswer back = hub().post("/api/triage/models/1/current", "application/json", new byte[0],
                HubClient.admin());
        assertThat(back.status()).as(back.text()).isEqualTo(200);
        assertThat(currentModel.get()).hasValueSatisfying(m -> assertThat(m.version()).isEqualTo(1));
        assertThat(hub().post("/api/triage/models/99/current", "application/json", new byte[0], HubClient.admin())
                .status()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void whileOneNodeTrainsAnotherDoesNot() {
        int before = models.versions().size();
        assertThat(models.claim("other-node", clock.instant().atOffset(java.time.ZoneOffset.UTC)
                .minus(settings.model().claimTimeout()), null)).isTrue();
        try {
            assertThatThrownBy(() -> training.trainNow("user:test")).isInstanceOf(ModelTraining.TrainingBusy.class);
            HttpAnswer busy = hub().post("/api/triage/models", "application/json", new byte[0], HubClient.admin());
            assertThat(busy.status()).isEqualTo(409);
            assertThat(busy.json().get("error").asText()).contains("being trained already");
        } finally {
            models.release("other-node");
        }
        assertThat(models.versions()).hasSize(before);
        assertThat(training.trainNow("user:test").version()).isEqualTo(before + 1);
    }

    @Test
    @Order(6)
    void whenTrainingIsDueTwoNodesLookingAtOnceTrainOnce() throws Exception {
        ModelTraining otherNode = new ModelTraining(models, currentModel, settings, json, clock);
        assertThat(training.trainIfDue()).as("the newest model is fresh").isEmpty();

        // the newest model is two days old and a dispatcher has routed a case since
        db.update("update triage_model set trained_at = trained_at - interval '2' day");
        db.update("update triage_training set last_started = last_started - interval '2' day");
        db.update("update slip set decided_by = 'user:dispatcher', issued_at = ? where slip_no = (select min(slip_no) "
                + "from slip where role = 'LEAD')", java.sql.Timestamp.from(clock.instant()));
        int before = models.versions().size();

        var one = java.util.concurrent.CompletableFuture.supplyAsync(training::trainIfDue);
        var two = java.util.concurrent.CompletableFuture.supplyAsync(otherNode::trainIfDue);

        assertThat(java.util.stream.Stream.of(one.get(), two.get()).filter(java.util.Optional::isPresent)).hasSize(1);
        assertThat(models.versions()).hasSize(before + 1);
        assertThat(models.versions().get(0).trainedBy()).isEqualTo("system:schedule");
        assertThat(otherNode.trainIfDue()).as("trained just now").isEmpty();
    }

    @Test
    @Order(7)
    void theAdminPageShowsTheFiguresAndImportsAnUploadedWorkbookOrCsv() {
        PageSession admin = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);
        HttpAnswer page = admin.get("/admin/triage");
        assertThat(page.status()).isEqualTo(200);
        int current = models.currentVersion().orElseThrow();
        assertThat(page.text()).contains("id=\"per-category\"", "id=\"confusion\"", "id=\"week\"",
                "id=\"version-" + current + "\"", "城乡建设");

        byte[] csv = ("标题,内容,类别\n道路<script>,县城东环路修了半年还没修好，晚上没有路灯。,城乡建设\n"
                + "x,有内容,没有这个类别\n").getBytes(CsvCharsets.GBK);
        HttpAnswer done = admin.postMultipart("/admin/triage/history", Map.of(PageSession.CSRF,
                PageSession.hidden(page, PageSession.CSRF)), List.of(new PageSession.Upload("file", "a.csv", "text/csv", csv)));
        assertThat(done.status()).isEqualTo(302);
        HttpAnswer after = admin.get("/admin/triage");
        assertThat(after.text()).contains("id=\"imported\"", "导入 1 条", "第 3 行", "没有这个类别");
        assertThat(db.queryForObject("select count(*) from triage_history where title = '道路<script>'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    @Order(8)
    void onlyAdminsAndSupervisorsMayTouchTheModel() {
        assertThat(hub().get("/api/triage/models").status()).isEqualTo(401);
        users.create("desk-tm", "desk-password-1", "来访登记", List.of("DESK"));
        assertThat(hub().get("/api/triage/models", HubClient.basic("desk-tm", "desk-password-1")).status())
                .isEqualTo(403);
    }

    String call(CorpusMessage m) {
        try {
            String body = json.writeValueAsString(Map.of("recordId", "TM-" + UUID.randomUUID(),
                    "title", m.title(), "content", m.content()));
            return hub().postJson("/api/hotline/calls", body, "X-Api-Key", HOTLINE_KEY).json().get("results").get(0)
                    .get("caseNo").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String decidedBy(String caseNo) {
        return db.queryForList("select decided_by from triage_decision where case_no = ?", String.class, caseNo)
                .stream().findFirst().orElse(null);
    }
}
