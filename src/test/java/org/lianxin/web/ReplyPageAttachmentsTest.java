package org.lianxin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.attachments.AttachmentLimits;
import org.lianxin.cases.Sha256;
import org.lianxin.cases.SlipLinks;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubClient;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.PageSession;
import org.lianxin.support.PageSession.Upload;
import org.lianxin.support.TestCases;
import org.lianxin.support.TestEnvironment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;

/**
 * Files sent with an answer on the reply page, over real HTTP as multipart: kept with the case in the answer's own
 * transaction, or — a file of a refused type, too large, an upload over the servlet's limit — refused whole with the
 * reason on the page and nothing stored. Who may download them: staff, and the slip's own department by its link.
 */
@LianxinTest
class ReplyPageAttachmentsTest extends HubTestSupport {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.4\n% 整改报告\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    ProducerTemplate camel;
    @Autowired
    SlipLinks links;
    @Autowired
    AttachmentLimits limits;

    String caseNo;
    String slipNo;
    String token;

    @BeforeEach
    void dispatched() {
        caseNo = TestCases.dispatched(hub(), db, camel, "t-water", "t-town");
        slipNo = caseNo + "-1";
        token = links.token(slipNo, "t-water", Instant.now().plus(1, ChronoUnit.DAYS));
    }

    HttpAnswer answer(PageSession clerk, String kind, String text, Upload... files) {
        return clerk.postMultipart("/reply/" + token, Map.of("kind", kind, "text", text), List.of(files));
    }

    long stored() {
        return db.queryForObject("select count(*) from case_attachment where case_no = ?", Long.class, caseNo);
    }

    long answers() {
        return db.queryForObject("select count(*) from case_answer where case_no = ?", Long.class, caseNo);
    }

    @Test
    void filesSentWithTheAnswerAreKeptWithItListedOnThePageAndDownloadedOnlyByStaffAndTheSlipsOwnLink() {
        PageSession clerk = new PageSession(port);
        HttpAnswer sent = answer(clerk, "FINAL", "河道垃圾已清理，附现场照片和整改报告。",
                new Upload("现场照片 1.png", "image/png", PNG), new Upload("整改报告.pdf", "application/pdf", PDF),
                new Upload("", "application/octet-stream", new byte[0]));

        assertThat(sent.status()).as(sent.toString()).isEqualTo(302);
        assertThat(db.queryForObject("select status from citizen_case where case_no = ?", String.class, caseNo))
                .isEqualTo("REPLIED");
        List<Map<String, Object>> files = db.queryForList("select a.*, (a.answer_ref = ans.ref) as with_answer "
                + "from case_attachment a join case_answer ans on ans.slip_no = a.slip_no where a.case_no = ? "
                + "order by a.id", caseNo);
        assertThat(files).extracting(f -> f.get("file_name")).containsExactly("现场照片 1.png", "整改报告.pdf");
        assertThat(files).allSatisfy(f -> assertThat(f).containsEntry("slip_no", slipNo)
                .containsEntry("source", "link").containsEntry("with_answer", true));
        assertThat((byte[]) files.get(1).get("content")).isEqualTo(PDF);
        assertThat(files.get(1)).containsEntry("content_type", "application/pdf")
                .containsEntry("sha256", Sha256.hex(PDF)).containsEntry("size_bytes", (long) PDF.length);

        HttpAnswer page = clerk.get("/reply/" + token);
        assertThat(page.text()).contains("id=\"done\"", "现场照片 1.png", "整改报告.pdf",
                "单个文件不超过 10 MB，每次最多 10 个、合计不超过 25 MB", "enctype=\"multipart/form-data\"");
        long pdfId = (Long) files.get(1).get("id");

        HttpAnswer byLink = clerk.get("/reply/" + token + "/attachments/" + pdfId);
        assertThat(byLink.status()).isEqualTo(200);
        assertThat(byLink.body()).isEqualTo(PDF);

        HttpAnswer byStaff = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD)
                .get("/cases/" + caseNo + "/attachments/" + pdfId);
        assertThat(byStaff.status()).isEqualTo(200);
        assertThat(byStaff.body()).isEqualTo(PDF);
        assertThat(byStaff.contentType()).isEqualTo("application/pdf");
        assertThat(byStaff.header("X-Content-Type-Options")).isEqualTo("nosniff");
        ContentDisposition disposition = ContentDisposition.parse(byStaff.header("Content-Disposition"));
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename()).isEqualTo("整改报告.pdf");

        // the staff's JSON view of the case lists them with where to download them
        var json = hub().get("/api/cases/" + caseNo, HubClient.admin()).json().get("attachments");
        assertThat(json).hasSize(2);
        assertThat(json.get(1).get("fileName").asText()).isEqualTo("整改报告.pdf");
        assertThat(json.get(1).get("href").asText()).isEqualTo("/cases/" + caseNo + "/attachments/" + pdfId);

        // a stranger, the co-handler's link, a wrong case number: nothing
        HttpAnswer stranger = new PageSession(port).get("/cases/" + caseNo + "/attachments/" + pdfId);
        assertThat(stranger.status()).isIn(302, 401);
        assertThat(stranger.body()).isNotEqualTo(PDF);
        String coLink = links.token(caseNo + "-2", "t-town", Instant.now().plus(1, ChronoUnit.DAYS));
        assertThat(new PageSession(port).get("/reply/" + coLink + "/attachments/" + pdfId).status()).isEqualTo(404);
        assertThat(PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD)
                .get("/cases/2000000001/attachments/" + pdfId).status()).isEqualTo(404);
        // nor does the public view of the case show them
        String queryCode = db.queryForObject("select query_code from citizen_case where case_no = ?", String.class,
                caseNo);
        assertThat(new PageSession(port).get("/query?caseNo=" + caseNo + "&queryCode=" + queryCode).text())
                .contains("河道垃圾已清理").doesNotContain("整改报告.pdf", "/attachments/");
    }

    @Test
    void aFileOfARefusedTypeOrTooLargeRefusesTheWholeAnswerNamingTheFileAndStoresNothing() {
        PageSession clerk = new PageSession(port);

        HttpAnswer program = answer(clerk, "FINAL", "已处理", new Upload("照片.png", "image/png", PNG),
                new Upload("查看器.exe", "image/png", new byte[] {'M', 'Z'}));
        assertThat(program.status()).isEqualTo(302);
        assertThat(clerk.get("/reply/" + token).text()).contains("id=\"failure\"", "未保存", "查看器.exe");

        byte[] large = new byte[(int) limits.maxFileBytes() + 1];
        HttpAnswer tooLarge = answer(clerk, "FINAL", "已处理", new Upload("扫描件.pdf", "application/pdf", large));
        assertThat(tooLarge.status()).isEqualTo(302);
        assertThat(clerk.get("/reply/" + token).text()).contains("id=\"failure\"", "扫描件.pdf", "10 MB");

        assertThat(stored()).isZero();
        assertThat(answers()).isZero();
        assertThat(db.queryForObject("select status from slip where slip_no = ?", String.class, slipNo))
                .isEqualTo("ISSUED");
    }

    @Test
    void anUploadOverTheServletLimitIsAnsweredOnThePageAndStoresNothing() {
        PageSession clerk = new PageSession(port);
        byte[] part = new byte[(int) limits.maxFileBytes()];
        Arrays.fill(part, (byte) 'x');
        // each file within its limit, together over the upload's
        Upload[] files = new Upload[(int) (limits.maxMessageBytes() / limits.maxFileBytes()) + 1];
        for (int i = 0; i < files.length; i++) {
            files[i] = new Upload("记录" + i + ".txt", "text/plain", part);
        }

        HttpAnswer sent = answer(clerk, "PROGRESS", "材料较多", files);

        assertThat(sent.status()).as(sent.toString()).isEqualTo(302);
        assertThat(clerk.get("/reply/" + token).text()).contains("id=\"failure\"", "附件合计超过 25 MB，本次提交未保存");
        assertThat(stored()).isZero();
        assertThat(answers()).isZero();
    }
}
