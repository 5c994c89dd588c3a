package org.lianxin.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.lianxin.gateways.TwilioSignatures;

class SmsReportsTest {

    /** The worked example of Twilio's webhook security documentation (auth token 12345). */
    @Test
    void twilioSignaturesFollowTwiliosDocumentedExample() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", "+18005551212");
        form.put("From", "+14158675310");
        form.put("Digits", "1234");
        form.put("CallSid", "CA1234567890ABCDE");
        form.put("Caller", "+14158675310");
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";

        assertThat(TwilioSignatures.sign("12345", url, form)).isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
        assertThat(TwilioSignatures.signed("12345", url, form, "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isTrue();
        assertThat(TwilioSignatures.signed("12346", url, form, "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isFalse();
        assertThat(TwilioSignatures.signed("12345", url + "&baz=3", form, "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isFalse();
        assertThat(TwilioSignatures.signed("12345", url, form, null)).isFalse();
        form.put("Digits", "1235");
        assertThat(TwilioSignatures.signed("12345", url, form, "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isFalse();
    }

    @Test
    void onlyFinalKannelReportsChangeADelivery() {
        assertThat(SmsReports.kannelOutcome("1").status()).isEqualTo(SmsReports.DELIVERED);
        assertThat(SmsReports.kannelOutcome("2").status()).isEqualTo(SmsReports.FAILED);
        assertThat(SmsReports.kannelOutcome("16")).extracting(SmsReports.Outcome::status, SmsReports.Outcome::report)
                .containsExactly(SmsReports.FAILED, "Kannel 16: rejected by the SMSC");
        assertThat(SmsReports.kannelOutcome("4").status()).isNull();
        assertThat(SmsReports.kannelOutcome("8").status()).isNull();
        assertThatThrownBy(() -> SmsReports.kannelOutcome("%d")).isInstanceOf(SmsReportRejected.class)
                .hasMessageContaining("status");
        assertThatThrownBy(() -> SmsReports.kannelOutcome(null)).isInstanceOf(SmsReportRejected.class);
    }

    @Test
    void onlyFinalTwilioStatusesChangeADelivery() {
        assertThat(SmsReports.twilioOutcome("delivered", null).status()).isEqualTo(SmsReports.DELIVERED);
        assertThat(SmsReports.twilioOutcome("undelivered", "30003"))
                .extracting(SmsReports.Outcome::status, SmsReports.Outcome::report)
                .containsExactly(SmsReports.FAILED, "Twilio undelivered (error 30003)");
        assertThat(SmsReports.twilioOutcome("failed", "30008").status()).isEqualTo(SmsReports.FAILED);
        assertThat(SmsReports.twilioOutcome("sent", null).status()).isNull();
        assertThat(SmsReports.twilioOutcome("queued", null).status()).isNull();
    }

    @Test
    void templatesEncodeEachValueForWhereItGoes() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setVariable("text", "停水 \"两天\" & <急>\n请处理");
        exchange.setVariable("to", "+8613900009001");
        SmsGatewayTemplates templates = new SmsGatewayTemplates();

        assertThat(templates.formEncoded("to={to}&text={text}&keep={unknown}", exchange))
                .isEqualTo("to=%2B8613900009001&text=%E5%81%9C%E6%B0%B4+%22%E4%B8%A4%E5%A4%A9%22+%26+%3C%E6%80%A5%3E"
                        + "%0A%E8%AF%B7%E5%A4%84%E7%90%86&keep={unknown}");
        assertThat(templates.forContentType("{\"m\":\"{to}\",\"c\":\"{text}\"}", "application/json; charset=UTF-8",
                exchange)).isEqualTo("{\"m\":\"+8613900009001\",\"c\":\"停水 \\\"两天\\\" & <急>\\n请处理\"}");
        assertThat(templates.forContentType("<sms><c>{text}</c></sms>", "text/xml", exchange))
                .isEqualTo("<sms><c>停水 &quot;两天&quot; &amp; &lt;急&gt;\n请处理</c></sms>");
        assertThat(templates.forContentType("{text}", "text/plain", exchange)).isEqualTo("停水 \"两天\" & <急>\n请处理");
    }
}
