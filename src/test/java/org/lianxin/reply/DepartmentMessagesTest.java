package org.lianxin.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class DepartmentMessagesTest {

    final DepartmentMessages messages = new DepartmentMessages();

    @Test
    void aReplyKeepsTheSlipNumberInItsSubjectAndLosesItsQuotedOriginal() {
        String body = """
                办结：经现场核查，幸福小区3号楼供暖管道阀门故障，已于11月30日更换，室温恢复到20度。

                县住房和城乡建设局 王建国
                发自我的iPhone

                ------------------ 原始邮件 ------------------
                发件人: "连心桥" <hub@county.example.cn>
                主题: 【交办单】2026000123-1 暖气不热 (主办)
                > 家里暖气一直不热
                """;
        DepartmentMessage m = messages.fromEmail("Re: 【交办单】2026000123-1 暖气不热 (主办)", body).orElseThrow();

        assertThat(m.slipNo()).isEqualTo("2026000123-1");
        assertThat(m.kind()).contains(AnswerKind.FINAL);
        assertThat(m.text()).isEqualTo("经现场核查，幸福小区3号楼供暖管道阀门故障，已于11月30日更换，室温恢复到20度。\n\n"
                + "县住房和城乡建设局 王建国");
    }

    @Test
    void anEmailWithoutKindWordHasNoKindAndOutlookAndGmailQuotesAreCut() {
        DepartmentMessage outlook = messages.fromEmail("答复: 交办单 2026000123-2",
                "已安排人员处理。\r\n\r\n-----Original Message-----\r\nFrom: hub\r\n").orElseThrow();
        assertThat(outlook.kind()).isEmpty();
        assertThat(outlook.text()).isEqualTo("已安排人员处理。");

        DepartmentMessage gmail = messages.fromEmail("Re: 2026000123-2", "收到\n\n在 2026年11月29日 周日 10:00，连心桥 写道：\n> 原文")
                .orElseThrow();
        assertThat(gmail.text()).isEqualTo("收到");
    }

    @Test
    void anAnswerThatBeginsLikeAFooterIsKept() {
        DepartmentMessage m = messages.fromEmail("Re: 2026000123-1", "来自群众的反映已核实。\n发自我的华为手机").orElseThrow();
        assertThat(m.text()).isEqualTo("来自群众的反映已核实。");
    }

    @Test
    void theSlipNumberMayBeInTheBodyWhenTheSubjectLostIt() {
        DepartmentMessage m = messages.fromEmail("关于停水问题", "退单 2026000456-1 此事属供水公司职责，非本局。")
                .orElseThrow();
        assertThat(m.slipNo()).isEqualTo("2026000456-1");
        assertThat(m.kind()).contains(AnswerKind.RETURN);
        assertThat(m.text()).isEqualTo("此事属供水公司职责，非本局。");
    }

    @Test
    void smsInEitherOrder() {
        assertThat(messages.fromSms("签收 2026000123-1")).contains(
                new DepartmentMessage("2026000123-1", Optional.of(AnswerKind.SIGN), ""));
        assertThat(messages.fromSms("2026000123-1 进展：已联系施工方，下周一前给出整改方案")).contains(
                new DepartmentMessage("2026000123-1", Optional.of(AnswerKind.PROGRESS), "已联系施工方，下周一前给出整改方案"));
        assertThat(messages.fromSms("2026000123-1 已处理完毕")).contains(
                new DepartmentMessage("2026000123-1", Optional.empty(), "已处理完毕"));
        assertThat(messages.fromSms("【延期】2026000123-12 需协调三个部门，申请延期10天")).contains(
                new DepartmentMessage("2026000123-12", Optional.of(AnswerKind.EXTENSION), "需协调三个部门，申请延期10天"));
        assertThat(messages.fromSms("说明 2026000123-1：经核实反映情况不属实")).contains(
                new DepartmentMessage("2026000123-1", Optional.of(AnswerKind.EXPLANATION), "经核实反映情况不属实"));
    }

    @Test
    void noSlipNumberNoMessage() {
        assertThat(messages.fromSms("签收")).isEmpty();
        assertThat(messages.fromSms("电话 13800138000 请回电")).isEmpty();
        assertThat(messages.fromEmail("你好", "请问这是什么？")).isEmpty();
        // A phone number or a date is not a slip number.
        assertThat(messages.fromSms("2026-11-29 已处理")).isEmpty();
    }
}
