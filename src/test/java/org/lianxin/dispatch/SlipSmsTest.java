package org.lianxin.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.lianxin.gateways.SmsParts;

class SlipSmsTest {

    static final String SHORT_URL = "http://127.0.0.1:8080/reply/abc";
    /** As long as a real reply link: the county's address, /reply/ and a signed token. */
    static final String LONG_URL = "https://hub.example.cn/reply/" + "x".repeat(98);

    final SlipSms sms = new SlipSms("【某某县交办】", 3);

    static SlipDelivery slip(String role, String title, String content, String url) {
        return new SlipDelivery("2026000123-1", "sms", "13900009001", "QUEUED", 0, 1, role, "投诉", "供水供电供热",
                OffsetDateTime.parse("2026-12-02T18:00:00+08:00"), url, "t-water", "测试水务局", "2026000123",
                title, content, "城关镇幸福小区", "王女士", "138****8000", OffsetDateTime.parse("2026-11-17T09:00:00+08:00"),
                false, null);
    }

    static void assertLength(String text, int characters, int segments) {
        assertThat(text).hasSize(characters);
        assertThat(SmsParts.segments(text)).isEqualTo(segments);
    }

    @Test
    void aShortSlipGoesWhole() {
        String text = sms.text(slip("LEAD", null, "小区停水两天了", SHORT_URL));

        assertThat(text).isEqualTo("【某某县交办】2026000123-1 主办 投诉 小区停水两天了，限2026-12-02前办结。"
                + "回复“签收 2026000123-1”签收，或“2026000123-1 答复内容”答复。详情：" + SHORT_URL);
        assertLength(text, 128, 2);
    }

    @Test
    void aLongSummaryIsCutFirstAndTheInstructionsStay() {
        String content = "城关镇幸福小区3号楼自本周一起每天晚上停水，物业说是二次供水泵房故障，至今未修复，" + "老人孩子用水非常困难。".repeat(5);
        String text = sms.text(slip("CO", null, content, SHORT_URL));

        assertLength(text, 201, 3);
        assertThat(text).startsWith("【某某县交办】2026000123-1 协办 投诉 城关镇幸福小区3号楼自本周一起")
                .contains("…，限2026-12-02前办结。回复“签收 2026000123-1”签收").endsWith("详情：" + SHORT_URL);
    }

    @Test
    void withARealLinkTheInstructionsGiveWayToTheLink() {
        String text = sms.text(slip("LEAD", null, "小区停水两天了，物业不管，老人孩子用水非常困难，请尽快派人处理", LONG_URL));

        assertThat(text).isEqualTo("【某某县交办】2026000123-1 主办 投诉 小区停水两天了，物业不管，老人孩子用水非常…"
                + "，限2026-12-02前办结。签收、答复及全文见：" + LONG_URL);
        assertLength(text, 201, 3);
    }

    @Test
    void whenNothingElseFitsTheSlipNumberRoleDeadlineAndLinkStillGo() {
        String text = new SlipSms("【某某县交办】", 1).text(slip("LEAD", null, "小区停水两天了", LONG_URL));

        assertThat(text).isEqualTo("【某某县交办】2026000123-1 主办，限2026-12-02前办结。详情：" + LONG_URL);
        assertLength(text, 168, 3);
        // one segment allowed and a short link: the summary goes, the rest fits in 70
        String shortOne = new SlipSms("【某某县交办】", 1).text(slip("LEAD", null, "小区停水两天了", "http://h.cn/r/1"));
        assertThat(shortOne).isEqualTo("【某某县交办】2026000123-1 主办 投诉，限2026-12-02前办结。签收、答复及全文见：http://h.cn/r/1");
        assertLength(shortOne, 66, 1);
    }

    @Test
    void theTitleIsPreferredAndNumbersThatCouldBeAPhoneOrAnIdAreMasked() {
        assertThat(sms.text(slip("LEAD", "暖气不热", "家里暖气不热", SHORT_URL))).contains(" 投诉 暖气不热，限")
                .doesNotContain("家里");

        String text = sms.text(slip("LEAD", null, "请回电13812348000，身份证430102199001011234，座机0731-84123456",
                SHORT_URL));
        assertThat(text).contains("请回电138****8000，身份证430****1234，座机0731-****3456")
                .doesNotContain("13812348000").doesNotContain("430102199001011234").doesNotContain("84123456")
                .doesNotContain("王女士");
    }

    @Test
    void aNoticeIsItsOwnTextWithTheSlipNumberAndLinkAndIsCutToFit() {
        String approved = sms.textFor(slip("LEAD", "小区停水两天了", "内容", LONG_URL), "extension-approved",
                "延期申请已批准，新时限 2026-12-12 18:00（原 2026-12-02 18:00）。");
        // the purpose's word, the slip, and as much of the notice as fits: the new deadline first
        assertThat(approved).startsWith("【某某县交办】延期已批准 2026000123-1 主办：延期申请已批准，新时限 2026-12-12 18:00")
                .endsWith(" 详情：" + LONG_URL);
        assertThat(SmsParts.segments(approved)).isLessThanOrEqualTo(3);

        String longReason = sms.textFor(slip("LEAD", null, "内容", LONG_URL), "answer-sent-back",
                "办结答复经审核退回，请修改后重新答复。理由：" + "请写明处理结果。".repeat(30));
        assertLength(longReason, 201, 3);
        assertThat(longReason).contains("答复退回 2026000123-1 主办：办结答复经审核退回").endsWith("… 详情：" + LONG_URL);
    }
}
