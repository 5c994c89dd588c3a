package org.lianxin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lianxin.cases.IntakeResult;
import org.lianxin.cases.InvalidIntakeException;
import org.springframework.context.support.ResourceBundleMessageSource;

class DeskErrorsTest {

    private final DeskErrors errors = new DeskErrors(bundles());

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static IntakeResult rejected(String field, String problem) {
        return IntakeResult.rejected("id", new InvalidIntakeException(field, problem));
    }

    @Test
    void aFieldWithItsOwnMessageGetsIt() {
        assertThat(errors.describe(rejected("phone", "not a valid phone number"), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(new FormError("phone", "联系电话不是有效的手机号码或固定电话号码。"));
        assertThat(errors.describe(rejected("phone", "required: the answer is sent by SMS"), Locale.CHINA).message())
                .startsWith("请填写联系电话");
    }

    @Test
    void otherFieldsGetTheMessageOfTheirKindWithTheirLabel() {
        assertThat(errors.describe(rejected("address", "too long: 501 characters, at most 500"), Locale.CHINA)
                .message()).isEqualTo("住址过长，最多 500 个字。");
        assertThat(errors.describe(rejected("name", "contains characters that are not valid text"), Locale.CHINA)
                .message()).isEqualTo("来访人姓名填写有误，请核对。");
        assertThat(errors.describe(rejected("submissionId", "must not be blank"), Locale.CHINA).message())
                .startsWith("登记表已失效");
    }

    @Test
    void englishWhenAskedAndTheFieldNameWhenThereIsNoLabel() {
        assertThat(errors.describe(rejected("title", "too long: 201 characters, at most 200"), Locale.ENGLISH)
                .message()).isEqualTo("Title is too long: at most 200 characters.");
        assertThat(errors.describe(rejected("mystery", "required"), Locale.CHINA).message())
                .isEqualTo("mystery为必填项。");
    }
}
