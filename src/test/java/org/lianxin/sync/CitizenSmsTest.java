package org.lianxin.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianxin.gateways.SmsParts;

class CitizenSmsTest {

    static final String LINK = "https://lianxin.example.gov.cn/query";
    final CitizenSms sms = new CitizenSms("【某某县】", 2, LINK);

    @Test
    void aShortAnswerGoesWholeWithItsCaseNumberKindAndQueryLink() {
        String text = sms.answer("2026000123", "K7M2QX", "FINAL", "  管道已修复，\n已恢复供水。 ");

        assertThat(text).isEqualTo("【某某县】您反映的问题（编号2026000123）有办结答复：管道已修复， 已恢复供水。详情："
                + LINK + "?caseNo=2026000123&queryCode=K7M2QX");
    }

    @Test
    void aLongAnswerIsCutToTheConfiguredPartsAndItsNumbersMasked() {
        String answer = "请致电13912345678联系施工负责人。" + "经现场核查，供水管网老化导致漏水，已组织抢修并更换管道。".repeat(6);
        String text = sms.answer("2026000123", "K7M2QX", "PROGRESS", answer);

        assertThat(SmsParts.segments(text)).isEqualTo(2);
        assertThat(text).startsWith("【某某县】您反映的问题（编号2026000123）有阶段性答复：请致电139****5678联系")
                .contains("…。详情：").endsWith("queryCode=K7M2QX").doesNotContain("13912345678");
    }

    @Test
    void whenTheLinkLeavesTooLittleOfTheAnswerTheQueryCodeTakesItsPlace() {
        CitizenSms oneSegment = new CitizenSms("【某某县】", 1, LINK);
        String text = oneSegment.answer("2026000123", "K7M2QX", "EXPLANATION", "经核实，该问题不属实，详见说明。".repeat(3));

        assertThat(text).contains("有情况说明：", "查询码K7M2QX").doesNotContain(LINK);
    }

    @Test
    void withoutAQueryUrlTheCodeIsGiven() {
        String text = new CitizenSms("【某某县】", 2, "").answer("2026000123", "K7M2QX", "FINAL", "已办结");

        assertThat(text).endsWith("已办结。查询码K7M2QX，可在网站或拨打热线查询。");
    }

    @Test
    void theSurveyAsksForOneDigit() {
        String text = sms.survey("2026000123");

        assertThat(text).contains("2026000123", "回复 1 满意 2 基本满意 3 不满意");
        assertThat(SmsParts.segments(text)).isLessThanOrEqualTo(2);
    }
}
